// Departments (`departments`) and categories (`categories`): policy as data. The built-in
// categories always exist; a stored category of the same code overrides its name or profile.
import { COLLECTION } from './collections';
import { BUILT_IN_CATEGORIES } from '../../config/categories';
import type { CategoryRecord, CategoryStore, DepartmentRecord, DepartmentStore } from '../../ports';
import { doc, docs, type Doc, toStr } from './results';
import { database, type Database } from './sdk';
import { TimedRead } from './timed-read';

/** TCB answers at most 1000 rows per get. */
const MAX_DEPARTMENTS = 1000;

const toDepartment = (found: Doc): DepartmentRecord => ({
  code: found._id,
  name: String(found.name),
  street: toStr(found.street),
  district: toStr(found.district),
  categories: Array.isArray(found.categories) ? found.categories.map(String) : [],
  retired: found.retired === true,
});

export class CloudDepartmentStore implements DepartmentStore {
  constructor(private readonly db: Database = database()) {}

  async get(code: string): Promise<DepartmentRecord | null> {
    const found = await doc(this.db.collection(COLLECTION.departments).doc(code).get());
    return found ? toDepartment(found) : null;
  }

  async serving(place: { street: string | null; district: string | null }): Promise<DepartmentRecord[]> {
    const _ = this.db.command;
    const of: Array<Record<string, unknown>> = [];
    if (place.street !== null) of.push({ street: place.street });
    if (place.district !== null) of.push({ district: place.district });
    if (of.length === 0) return [];
    // A deployment has tens of departments per street or district, far below one page.
    const rows = await docs(
      this.db
        .collection(COLLECTION.departments)
        .where(of.length === 1 ? (of[0] ?? {}) : _.or(of))
        .orderBy('_id', 'asc')
        .limit(MAX_DEPARTMENTS)
        .get(),
    );
    return rows.map(toDepartment);
  }

  async upsert(record: DepartmentRecord): Promise<{ created: boolean }> {
    const { code, ...data } = record;
    const existed = await doc(this.db.collection(COLLECTION.departments).doc(code).get());
    await this.db
      .collection(COLLECTION.departments)
      .doc(code)
      .set({ data: { ...data } });
    return { created: existed === null };
  }

  async all(): Promise<DepartmentRecord[]> {
    const rows = await docs(this.db.collection(COLLECTION.departments).orderBy('_id', 'asc').limit(MAX_DEPARTMENTS).get());
    return rows.map(toDepartment);
  }
}

const KINDS: readonly unknown[] = ['complaint', 'suggestion', 'question'] satisfies Api.Kind[];
const isKind = (value: unknown): value is Api.Kind => KINDS.includes(value);

const BUILT_IN = new Map(BUILT_IN_CATEGORIES.map((c) => [c.code, c]));

/** A category as residents see it: the stored record over the built-in one of the same code. */
function merged(code: string, stored: Doc | null): CategoryRecord | null {
  const builtIn = BUILT_IN.get(code);
  if (!stored) return builtIn ? { ...builtIn, retired: false } : null;
  return {
    code,
    name: toStr(stored.name) ?? builtIn?.name ?? code,
    profile: stored.profile === 'urgent' || stored.profile === 'normal' ? stored.profile : (builtIn?.profile ?? 'normal'),
    defaultDepartmentCode: toStr(stored.defaultDepartmentCode),
    defaultKind: isKind(stored.defaultKind) ? stored.defaultKind : (builtIn?.defaultKind ?? 'complaint'),
    retired: stored.retired === true,
  };
}

/**
 * How long an instance trusts the categories it read: every ticket view names its category, so a
 * page of 20 tickets would otherwise be 20 reads. Changes made through this instance show at once;
 * another instance's change shows within this time (categories change a few times a year).
 */
export const CATEGORY_CACHE_MS = 30_000;

export class CloudCategoryStore implements CategoryStore {
  /** Every stored category (admins add a handful), read at most once per CATEGORY_CACHE_MS. */
  private readonly stored: TimedRead<Map<string, Doc>>;

  constructor(
    private readonly db: Database = database(),
    clock: () => number = () => Date.now(),
  ) {
    this.stored = new TimedRead(
      CATEGORY_CACHE_MS,
      () =>
        docs(this.db.collection(COLLECTION.categories).orderBy('_id', 'asc').limit(1000).get()).then(
          (rows) => new Map(rows.map((d) => [d._id, d])),
        ),
      clock,
    );
  }

  async get(code: string): Promise<CategoryRecord | null> {
    return merged(code, (await this.stored.get()).get(code) ?? null);
  }

  async list(): Promise<CategoryRecord[]> {
    const byCode = await this.stored.get();
    const codes = [...BUILT_IN_CATEGORIES.map((c) => c.code), ...[...byCode.keys()].filter((code) => !BUILT_IN.has(code))];
    return codes.map((code) => merged(code, byCode.get(code) ?? null)).filter((c): c is CategoryRecord => c !== null);
  }

  async upsert(record: CategoryRecord): Promise<{ created: boolean }> {
    const { code, ...data } = record;
    const existed = (await doc(this.db.collection(COLLECTION.categories).doc(code).get())) !== null || BUILT_IN.has(code);
    this.stored.drop();
    await this.db
      .collection(COLLECTION.categories)
      .doc(code)
      .set({ data: { ...data } });
    this.stored.drop();
    return { created: !existed };
  }
}
