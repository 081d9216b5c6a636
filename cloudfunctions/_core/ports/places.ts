// Where tickets go and what they are about: grids, places, departments, categories.
import type { GridShape } from '../domain/routing';
import type { Page } from './platform';

export interface GridRecord extends GridShape {
  importedAt: Date;
}

export interface GridStore {
  /** Replaces grids by code; creates the community/street/district places that are missing. */
  upsert(grids: readonly GridShape[], now: Date): Promise<{ imported: number; replaced: number }>;
  get(code: string): Promise<GridRecord | null>;
  /** Grids in code order, of one community, street or district (or all), paged by cursor. */
  list(filter: { community?: string; street?: string; district?: string }, cursor: string | null, limit: number): Promise<Page<GridRecord>>;
  /** Every grid, paged internally; used to build the routing index. */
  all(): Promise<GridRecord[]>;
  /**
   * Changes whenever grids change, so a cached routing index knows to rebuild. An instance may
   * answer a version it read a few seconds ago (GRID_VERSION_CACHE_MS; its own imports show at
   * once); `fresh` always reads the stored one.
   */
  version(options?: { fresh?: boolean }): Promise<string>;
  /** The packed routing snapshot (domain/routing/snapshot.ts) saved for this grids version, or null. */
  loadSnapshot(version: string): Promise<Uint8Array | null>;
  /** Stores the snapshot of `version`, dropping those of other versions. */
  saveSnapshot(version: string, bytes: Uint8Array): Promise<void>;
}

export type PlaceKind = 'community' | 'street' | 'district';
export interface PlaceRecord {
  kind: PlaceKind;
  name: string;
  street: string | null;
  district: string | null;
}

export interface PlaceStore {
  get(kind: PlaceKind, name: string): Promise<PlaceRecord | null>;
}

export interface DepartmentRecord {
  code: string;
  name: string;
  street: string | null;
  district: string | null;
  categories: string[];
  /**
   * 停用 (a department merged or abolished): no longer offered for dispatch or invites, and a
   * dispatch to it is refused; the tickets it holds stay with its handlers until resolved or returned.
   */
  retired: boolean;
}

export interface DepartmentStore {
  get(code: string): Promise<DepartmentRecord | null>;
  /** The departments of a street and those of its district (which serve every street of it), by code. */
  serving(place: { street: string | null; district: string | null }): Promise<DepartmentRecord[]>;
  upsert(record: DepartmentRecord): Promise<{ created: boolean }>;
  /** Every department (at most 1000: a deployment has tens per street or district), by code. */
  all(): Promise<DepartmentRecord[]>;
}

export interface CategoryRecord {
  code: string;
  name: string;
  profile: Api.SlaProfile;
  defaultDepartmentCode: string | null;
  /** The kind (投诉/建议/咨询) the report form starts with for this category. */
  defaultKind: Api.Kind;
  /**
   * 停用: no longer offered to residents and workers (categories.list leaves it out, a new report
   * in it is refused); its tickets keep it, and figures and exports still name it.
   */
  retired: boolean;
}

export interface CategoryStore {
  /** Built-in categories merged with the ones admins added or changed. */
  get(code: string): Promise<CategoryRecord | null>;
  /** All categories: the built-in ones first in their fixed order, then those admins added. */
  list(): Promise<CategoryRecord[]>;
  upsert(record: CategoryRecord): Promise<{ created: boolean }>;
}
