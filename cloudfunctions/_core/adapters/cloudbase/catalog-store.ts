// Departments (`departments`) and categories (`categories`): policy as data. The built-in
// categories always exist; a stored category of the same code overrides its name or profile.
import { BUILT_IN_CATEGORIES } from '../../config/categories';
import type { CategoryRecord, CategoryStore, DepartmentRecord, DepartmentStore } from '../../ports';
import { doc, docs } from './results';
import { database, type Database } from './sdk';

export const DEPARTMENTS = 'departments';
export const CATEGORIES = 'categories';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export class CloudDepartmentStore implements DepartmentStore {
  constructor(private readonly db: Database = database()) {}

  async get(code: string): Promise<DepartmentRecord | null> {
    const found = await doc(this.db.collection(DEPARTMENTS).doc(code).get());
    if (!found) return null;
    return {
      code: found._id,
      name: String(found.name),
      street: str(found.street),
      district: str(found.district),
      categories: Array.isArray(found.categories) ? found.categories.map(String) : [],
    };
  }

  async upsert(record: DepartmentRecord): Promise<{ created: boolean }> {
    const { code, ...data } = record;
    const existed = await doc(this.db.collection(DEPARTMENTS).doc(code).get());
    await this.db.collection(DEPARTMENTS).doc(code).set({ data: { ...data } });
    return { created: existed === null };
  }
}

const BUILT_IN = new Map(BUILT_IN_CATEGORIES.map((c) => [c.code, c]));

export class CloudCategoryStore implements CategoryStore {
  constructor(private readonly db: Database = database()) {}

  async get(code: string): Promise<CategoryRecord | null> {
    const stored = await doc(this.db.collection(CATEGORIES).doc(code).get());
    const builtIn = BUILT_IN.get(code);
    if (!stored) return builtIn ? { ...builtIn } : null;
    return {
      code,
      name: str(stored.name) ?? builtIn?.name ?? code,
      profile: stored.profile === 'urgent' ? 'urgent' : 'normal',
      defaultDepartmentCode: str(stored.defaultDepartmentCode),
    };
  }

  async list(): Promise<CategoryRecord[]> {
    const stored = await docs(this.db.collection(CATEGORIES).orderBy('_id', 'asc').limit(1000).get());
    const byCode = new Map(stored.map((d) => [d._id, d]));
    const out: CategoryRecord[] = [];
    for (const builtIn of BUILT_IN_CATEGORIES) {
      const d = byCode.get(builtIn.code);
      const profile = d?.profile === 'urgent' || d?.profile === 'normal' ? d.profile : builtIn.profile;
      out.push(d ? { code: builtIn.code, name: str(d.name) ?? builtIn.name, profile, defaultDepartmentCode: str(d.defaultDepartmentCode) } : { ...builtIn });
    }
    for (const d of stored) {
      if (BUILT_IN.has(d._id)) continue;
      out.push({ code: d._id, name: str(d.name) ?? d._id, profile: d.profile === 'urgent' ? 'urgent' : 'normal', defaultDepartmentCode: str(d.defaultDepartmentCode) });
    }
    return out;
  }

  async upsert(record: CategoryRecord): Promise<{ created: boolean }> {
    const { code, ...data } = record;
    const existed = (await doc(this.db.collection(CATEGORIES).doc(code).get())) !== null || BUILT_IN.has(code);
    await this.db.collection(CATEGORIES).doc(code).set({ data: { ...data } });
    return { created: !existed };
  }
}
