// The synthetic city rows B1–B4 share, built once per run: 7,000 adjacent grids of 32–56 vertices
// (some with holes: enclaves, exclaves that make MultiPolygons, lakes) and 100,000
// population-weighted report points — the same generator as the routing tests, at Zibo's scale.
import { buildGridIndex, type GeoPoint, type GridIndex } from '../../cloudfunctions/_core/domain/routing';
import { populationPoints, syntheticCity, type City } from '../synthetic/city';
import { naiveGrids, type NaiveGrid } from '../synthetic/naive-routing';

export const CITY_GRIDS = Number(process.env.BENCH_GRIDS ?? 7000);
export const CITY_POINTS = Number(process.env.BENCH_POINTS ?? 100_000);

export interface BenchCity {
  readonly city: City;
  readonly index: GridIndex;
  readonly naive: NaiveGrid[];
  readonly points: GeoPoint[];
}

let built: BenchCity | undefined;

export function benchCity(): BenchCity {
  if (built === undefined) {
    const city = syntheticCity({ grids: CITY_GRIDS, seed: 12 });
    built = { city, index: buildGridIndex(city.grids), naive: naiveGrids(city.grids), points: populationPoints(city, CITY_POINTS, 42) };
  }
  return built;
}

/** Every `step`-th item: a systematic sample with the same mix as the whole. */
export function every<T>(items: readonly T[], step: number): T[] {
  return items.filter((_, i) => i % step === 0);
}
