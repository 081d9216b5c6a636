// B4: what a cold function instance does before it can route. Before: parse the grids' GeoJSON and
// build the index. Now: wrap views around the packed snapshot saved at import time (no parse, no
// build). Measured in memory (the target row), and through the embedded local cloud with the real
// SDK: every grid document read back + build, against the snapshot's parts read back + load.
import { saveRoutingSnapshot } from '../../cloudfunctions/_core/app/routing';
import { buildGridIndex, loadGridSnapshot, packGridSnapshot, route, type RoutableGrid } from '../../cloudfunctions/_core/domain/routing';
import { startLocalServer } from '../../cloudfunctions/_local/server';
import { toFeatureCollection } from '../../tests/_core/domain/routing/fixtures';
import { benchCity } from './city';
import { kb, medianMs, medianMsAsync, num, ratio } from './measure';
import type { BenchRow } from './types';

const TARGET_RATIO = 20;

interface FeatureLike {
  properties: { code: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export const b04: BenchRow = {
  id: 'B4',
  what: 'grid index cold load',
  baseline: 'JSON.parse of the GeoJSON + index build',
  target: `≥ ${TARGET_RATIO}× faster (a packed snapshot)`,
  async run() {
    const { city, points } = benchCity();
    const text = JSON.stringify(toFeatureCollection(city.grids));
    const bytes = packGridSnapshot(city.grids);
    const probe = points[0];
    if (probe === undefined) throw new Error('no points');
    const fromGeoJson = medianMs(7, () => {
      const features = (JSON.parse(text) as { features: FeatureLike[] }).features;
      const grids: RoutableGrid[] = features.map((f) => ({
        code: f.properties.code,
        polygons:
          f.geometry.type === 'Polygon'
            ? [f.geometry.coordinates as [number, number][][]]
            : (f.geometry.coordinates as [number, number][][][]),
      }));
      return route(buildGridIndex(grids), probe);
    });
    const fromSnapshot = medianMs(51, () => route(loadGridSnapshot(bytes).index, probe));
    const times = fromGeoJson / fromSnapshot;
    const stored = await throughLocalCloud();
    return {
      figure: `${num(fromSnapshot)} ms to a routable index from a ${kb(bytes.length)} snapshot`,
      versus: `GeoJSON (${kb(text.length)}) parse + build ${num(fromGeoJson)} ms → ${ratio(times)}`,
      meets: times >= TARGET_RATIO,
      notes: [
        `through the local cloud (real wx-server-sdk over loopback): every grid document + build ${num(stored.all)} ms; ` +
          `the snapshot's ${stored.parts} parts (base64, < 700 KB each) + load ${num(stored.snapshot)} ms → ${ratio(stored.all / stored.snapshot)}`,
      ],
    };
  },
};

async function throughLocalCloud(): Promise<{ all: number; snapshot: number; parts: number }> {
  const { city } = benchCity();
  const server = await startLocalServer({ port: 0, dataDir: null, seed: false, superAdmins: ['bench-admin'] });
  try {
    const { deps } = server;
    // Straight into the store (the import action would validate 7,000 features first: not what is
    // measured), eight slices at a time.
    const now = new Date('2026-11-23T01:00:00Z');
    const slices = Array.from({ length: 8 }, (_, k) => city.grids.filter((_, i) => i % 8 === k));
    await Promise.all(slices.map((slice) => deps.grids.upsert(slice, now)));
    await saveRoutingSnapshot(deps);
    const version = await deps.grids.version();
    const all = await medianMsAsync(1, async () => buildGridIndex(await deps.grids.all()));
    const snapshot = await medianMsAsync(5, async () => {
      const stored = await deps.grids.loadSnapshot(version);
      if (stored === null) throw new Error('no snapshot stored');
      return loadGridSnapshot(stored);
    });
    const parts = ((server.cloud.snapshot() as Record<string, unknown[]>).gridSnapshots ?? []).length;
    return { all, snapshot, parts };
  } finally {
    await server.close();
  }
}
