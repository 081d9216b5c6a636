// What a grid import will change, before it is applied (DOMAIN.md, Places: re-importing a code
// replaces that grid; an import never deletes one): the codes it adds, those it replaces with
// something different or the same, the grids of the same communities the file leaves out (they
// stay as they are), and grids that overlap one another — a vertex or edge midpoint of one lying
// inside the other by more than a metre; shared borders (and rounding along them) are not overlaps.
import { distanceToBoundaryMeters } from './routing/distance';
import { locatePoint } from './routing/point-in-polygon';
import type { BBox, GridShape, MultiPolygonCoordinates } from './routing';

export interface GridChangePlan {
  added: GridShape[];
  /** Codes already imported whose name, place, households or outline differ: with the fields that do. */
  changed: Array<{ grid: GridShape; fields: GridField[] }>;
  unchanged: GridShape[];
  /** Imported grids of the file's communities that the file does not name: kept unchanged. */
  notInFile: GridShape[];
  /** Pairs of codes whose areas overlap (file against file, and file against the kept neighbours). */
  overlaps: Array<[string, string]>;
}

export type GridField = 'name' | 'community' | 'street' | 'district' | 'households' | 'outline';

const FIELDS: ReadonlyArray<Exclude<GridField, 'outline'>> = ['name', 'community', 'street', 'district', 'households'];

function differences(next: GridShape, before: GridShape): GridField[] {
  const fields: GridField[] = FIELDS.filter((f) => next[f] !== before[f]);
  if (JSON.stringify(next.polygons) !== JSON.stringify(before.polygons)) fields.push('outline');
  return fields;
}

/** Probes closer than this to the other outline's edge are on a shared border, not across it. */
const OVERLAP_TOLERANCE_METERS = 1;

const boxesMeet = (a: BBox, b: BBox): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Vertices and edge midpoints of every ring: the probes one outline sends into another. */
function probes(polygons: MultiPolygonCoordinates): Array<{ longitude: number; latitude: number }> {
  const points: Array<{ longitude: number; latitude: number }> = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      ring.forEach(([lng, lat], i) => {
        points.push({ longitude: lng, latitude: lat });
        const next = ring[(i + 1) % ring.length];
        if (next) points.push({ longitude: (lng + next[0]) / 2, latitude: (lat + next[1]) / 2 });
      });
    }
  }
  return points;
}

export function overlapping(a: GridShape, b: GridShape): boolean {
  if (!boxesMeet(a.bbox, b.bbox)) return false;
  const inside = (from: GridShape, into: GridShape): boolean =>
    probes(from.polygons).some(
      (p) => locatePoint(p, into.polygons) === 'inside' && distanceToBoundaryMeters(p, into.polygons) > OVERLAP_TOLERANCE_METERS,
    );
  return inside(a, b) || inside(b, a);
}

export function planGridImport(
  incoming: readonly GridShape[],
  existing: ReadonlyMap<string, GridShape>,
  neighbours: readonly GridShape[],
): GridChangePlan {
  const plan: GridChangePlan = { added: [], changed: [], unchanged: [], notInFile: [], overlaps: [] };
  const inFile = new Set(incoming.map((g) => g.code));
  for (const grid of incoming) {
    const before = existing.get(grid.code);
    if (!before) plan.added.push(grid);
    else {
      const fields = differences(grid, before);
      if (fields.length === 0) plan.unchanged.push(grid);
      else plan.changed.push({ grid, fields });
    }
  }
  const seen = new Set<string>();
  for (const n of neighbours) {
    if (!inFile.has(n.code) && !seen.has(n.code)) {
      seen.add(n.code);
      plan.notInFile.push(n);
    }
  }
  const all = [...incoming, ...plan.notInFile];
  for (let i = 0; i < incoming.length; i += 1) {
    const a = all[i];
    if (!a) continue;
    for (let j = i + 1; j < all.length; j += 1) {
      const b = all[j];
      if (b && overlapping(a, b)) plan.overlaps.push(a.code < b.code ? [a.code, b.code] : [b.code, a.code]);
    }
  }
  return plan;
}
