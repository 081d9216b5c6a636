// Grids (`grids`, keyed by code, polygons in GCJ-02) and the places they name (`places`:
// communities, streets, districts, created on import when missing). A `meta` document's
// version changes on every import so cached routing indexes know to rebuild.
import { COLLECTION } from './collections';
import { GRID_CODE_PATTERN, type GridShape } from '../../domain/routing';
import type { GridRecord, GridStore, Page, PlaceKind, PlaceRecord, PlaceStore } from '../../ports';
import { CloudGridSnapshots } from './grid-snapshots';
import { decodeCursor, doc, docs, encodeCursor, type Doc, toDate } from './results';
import { database, type Database } from './sdk';
import { TimedRead } from './timed-read';

const GRID_VERSION_ID = 'gridsVersion';
/** TCB answers at most 1000 rows per get. */
const MAX_ROWS = 1000;
/** Grids carry their polygons (~1–2 KB each): pages stay far below TCB's ~1 MB answer limit. */
const GRID_PAGE = 200;

const toGrid = (d: Doc): GridRecord => {
  const { _id, importedAt, ...rest } = d;
  return { ...(rest as unknown as GridShape), code: _id, importedAt: toDate(importedAt) ?? new Date(0) };
};

export const placeId = (kind: PlaceKind, name: string): string => `${kind}:${name}`;

/**
 * How long an instance trusts the grids version it read: every report is routed, and reading the
 * version each time would put a database call on every submit's path. An import through this
 * instance shows at once; another instance's import shows within this time (grids change when a
 * street office re-draws its map, a few times a year). `version({ fresh: true })` always reads.
 */
export const GRID_VERSION_CACHE_MS = 10_000;

export class CloudGridStore implements GridStore {
  private readonly cachedVersion: TimedRead<string>;

  constructor(
    private readonly db: Database = database(),
    clock: () => number = () => Date.now(),
  ) {
    this.cachedVersion = new TimedRead(GRID_VERSION_CACHE_MS, () => this.storedVersion(), clock);
  }

  async upsert(grids: readonly GridShape[], now: Date): Promise<{ imported: number; replaced: number }> {
    const _ = this.db.command;
    const codes = grids.map((g) => g.code);
    let replaced = 0;
    for (let i = 0; i < codes.length; i += 500) {
      const existing = await docs(
        this.db
          .collection(COLLECTION.grids)
          .where({ _id: _.in(codes.slice(i, i + 500)) })
          .field({ _id: true })
          .limit(MAX_ROWS)
          .get(),
      );
      replaced += existing.length;
    }
    for (const grid of grids) {
      const { code, ...shape } = grid;
      await this.db
        .collection(COLLECTION.grids)
        .doc(code)
        .set({ data: { ...shape, importedAt: now } });
    }
    const places = new Map<string, PlaceRecord>();
    for (const g of grids) {
      if (g.district) places.set(placeId('district', g.district), { kind: 'district', name: g.district, street: null, district: null });
      if (g.street) places.set(placeId('street', g.street), { kind: 'street', name: g.street, street: null, district: g.district });
      if (g.community) {
        places.set(placeId('community', g.community), { kind: 'community', name: g.community, street: g.street, district: g.district });
      }
    }
    for (const [id, place] of places) {
      await this.db
        .collection(COLLECTION.places)
        .doc(id)
        .set({ data: { ...place } });
    }
    this.cachedVersion.drop();
    await this.db
      .collection(COLLECTION.meta)
      .doc(GRID_VERSION_ID)
      .set({ data: { value: `${now.toISOString()}#${grids.length}#${Math.random().toString(36).slice(2)}` } });
    this.cachedVersion.drop();
    return { imported: grids.length - replaced, replaced };
  }

  async get(code: string): Promise<GridRecord | null> {
    const found = await doc(this.db.collection(COLLECTION.grids).doc(code).get());
    return found ? toGrid(found) : null;
  }

  async list(
    filter: { community?: string; street?: string; district?: string },
    cursor: string | null,
    limit: number,
  ): Promise<Page<GridRecord>> {
    const _ = this.db.command;
    const where: Record<string, unknown> = {};
    // One place filter at a time (each has its index); the narrowest wins.
    if (filter.community !== undefined) where.community = filter.community;
    else if (filter.street !== undefined) where.street = filter.street;
    else if (filter.district !== undefined) where.district = filter.district;
    const after = decodeCursor(cursor, GRID_CODE_PATTERN);
    if (after !== null) where._id = _.gt(after);
    const rows = await docs(
      this.db
        .collection(COLLECTION.grids)
        .where(where)
        .orderBy('_id', 'asc')
        .limit(limit + 1)
        .get(),
    );
    const items = rows.slice(0, limit).map(toGrid);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor(last._id) : null };
  }

  async all(): Promise<GridRecord[]> {
    const _ = this.db.command;
    const out: GridRecord[] = [];
    let after: string | null = null;
    for (;;) {
      const where: Record<string, unknown> = after === null ? {} : { _id: _.gt(after) };
      const rows = await docs(this.db.collection(COLLECTION.grids).where(where).orderBy('_id', 'asc').limit(GRID_PAGE).get());
      out.push(...rows.map(toGrid));
      if (rows.length < GRID_PAGE) return out;
      after = rows[rows.length - 1]?._id ?? null;
    }
  }

  version(options: { fresh?: boolean } = {}): Promise<string> {
    return options.fresh ? this.storedVersion() : this.cachedVersion.get();
  }

  private async storedVersion(): Promise<string> {
    const found = await doc(this.db.collection(COLLECTION.meta).doc(GRID_VERSION_ID).get());
    return found ? String(found.value) : 'none';
  }

  loadSnapshot(version: string): Promise<Uint8Array | null> {
    return new CloudGridSnapshots(this.db).load(version);
  }

  saveSnapshot(version: string, bytes: Uint8Array): Promise<void> {
    return new CloudGridSnapshots(this.db).save(version, bytes);
  }

  async getPlace(kind: PlaceKind, name: string): Promise<PlaceRecord | null> {
    const found = await doc(this.db.collection(COLLECTION.places).doc(placeId(kind, name)).get());
    if (!found) return null;
    return { kind, name, street: (found.street as string | null) ?? null, district: (found.district as string | null) ?? null };
  }
}

/** PlaceStore over the same collections. */
export class CloudPlaceStore implements PlaceStore {
  constructor(private readonly grids: CloudGridStore) {}
  get(kind: PlaceKind, name: string): Promise<PlaceRecord | null> {
    return this.grids.getPlace(kind, name);
  }
}
