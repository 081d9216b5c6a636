// 类别与部门: the rows the page shows from admin.catalog.list, the choices of its forms, the params
// a form sends, and where the server's refusal belongs (which field, which explanation). The
// server decides what may be changed (`editable`, `categoriesEditable`) and checks every save.
import { zh } from '../i18n/zh';
import { issuePaths } from './guards';

const t = zh.admin.catalog;

/** One choice of a form's picker (admin-scope-picker's option). */
export interface ScopeOption {
  key: string;
  label: string;
  sub: string;
}

export interface CategoryRow {
  code: string;
  name: string;
  profile: string;
  urgent: boolean;
  kind: string;
  department: string;
  builtIn: boolean;
  /** 停用: shown dimmed, tagged. */
  retired: boolean;
}

export interface DepartmentRow {
  code: string;
  name: string;
  area: string;
  serves: string;
  editable: boolean;
  retired: boolean;
}

export function categoryRow(c: Api.CatalogCategory): CategoryRow {
  return {
    code: c.code,
    name: c.name,
    profile: t.profiles[c.profile],
    urgent: c.profile === 'urgent',
    kind: t.defaultKind(t.kinds[c.defaultKind]),
    department: c.defaultDepartmentName ? t.defaultDepartment(c.defaultDepartmentName) : t.noDefaultDepartment,
    builtIn: c.builtIn,
    retired: c.retired,
  };
}

export function departmentRow(d: Api.CatalogDepartment): DepartmentRow {
  return {
    code: d.code,
    name: d.name,
    area: d.areaLabel,
    serves: d.categoryNames.length ? t.serves(d.categoryNames.join('、')) : t.servesNothing,
    editable: d.editable,
    retired: d.retired,
  };
}

export type FormField = 'code' | 'name' | 'profile' | 'defaultKind' | 'defaultDepartmentCode' | 'status' | 'area' | 'categories';

export interface CatalogForm {
  kind: 'category' | 'department';
  creating: boolean;
  code: string;
  name: string;
  profile: Api.SlaProfile;
  defaultKind: Api.Kind;
  /** '' for none. */
  defaultDepartment: string;
  /** 在用/停用, and whether it may be retired (an existing department; a category the server says may be). */
  status: CatalogStatus;
  statusWas: CatalogStatus;
  retirable: boolean;
  /** An area key of admin.catalog.list's areas, '' until picked. */
  area: string;
  categories: string[];
}

export const NO_DEPARTMENT = '-';

export type CatalogStatus = 'active' | 'retired';

export function categoryForm(c: Api.CatalogCategory | null): CatalogForm {
  return {
    kind: 'category',
    creating: c === null,
    code: c?.code ?? '',
    name: c?.name ?? '',
    profile: c?.profile ?? 'normal',
    defaultKind: c?.defaultKind ?? 'complaint',
    defaultDepartment: c?.defaultDepartmentCode ?? '',
    status: c?.retired ? 'retired' : 'active',
    statusWas: c?.retired ? 'retired' : 'active',
    retirable: c?.retirable ?? false,
    area: '',
    categories: [],
  };
}

export function departmentForm(d: Api.CatalogDepartment | null, areas: readonly Api.CatalogArea[]): CatalogForm {
  const area = d
    ? areas.find((a) => a.street === d.street && a.district === (d.street ? null : d.district))
    : areas.length === 1
      ? areas[0]
      : undefined;
  return {
    kind: 'department',
    creating: d === null,
    code: d?.code ?? '',
    name: d?.name ?? '',
    profile: 'normal',
    defaultKind: 'complaint',
    defaultDepartment: '',
    status: d?.retired ? 'retired' : 'active',
    statusWas: d?.retired ? 'retired' : 'active',
    // Only editable departments get a sheet; any of them may be retired.
    retirable: d !== null,
    area: area?.key ?? '',
    categories: d ? [...d.categories] : [],
  };
}

export interface FormChoices {
  profiles: ScopeOption[];
  kinds: ScopeOption[];
  statuses: ScopeOption[];
  departmentStatuses: ScopeOption[];
  departments: ScopeOption[];
  areas: ScopeOption[];
  categories: ScopeOption[];
}

/** 在用 and 停用, each with what it means for this kind of entry. */
const statusOptions = (hints: Readonly<Record<CatalogStatus, string>>): ScopeOption[] =>
  (['active', 'retired'] as const).map((s) => ({ key: s, label: t.statuses[s], sub: hints[s] }));

export function formChoices(catalog: Api.Data<'admin.catalog.list'>): FormChoices {
  return {
    profiles: (['normal', 'urgent'] as const).map((p) => ({ key: p, label: t.profiles[p], sub: t.profileHints[p] })),
    kinds: (['complaint', 'suggestion', 'question'] as const).map((k) => ({ key: k, label: t.kinds[k], sub: '' })),
    statuses: statusOptions(t.statusHints),
    departmentStatuses: statusOptions(t.departmentStatusHints),
    departments: [
      { key: NO_DEPARTMENT, label: t.none, sub: '' },
      ...catalog.departments.map((d) => ({
        key: d.code,
        label: d.name,
        sub: d.retired ? `${d.areaLabel} · ${t.retiredTag}` : d.areaLabel,
      })),
    ],
    areas: catalog.areas.map((a) => ({ key: a.key, label: a.label, sub: '' })),
    categories: catalog.categories.map((c) => ({ key: c.code, label: c.name, sub: c.retired ? t.retiredTag : '' })),
  };
}

export function categoryParams(form: CatalogForm): Api.Params<'admin.categories.upsert'> {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    profile: form.profile,
    defaultKind: form.defaultKind,
    ...(form.defaultDepartment ? { defaultDepartmentCode: form.defaultDepartment } : {}),
    ...(form.creating ? { create: true as const } : { retired: form.status === 'retired' }),
  };
}

/** The department's params, or null while no area is picked (the form says so). */
export function departmentParams(form: CatalogForm, areas: readonly Api.CatalogArea[]): Api.Params<'admin.departments.upsert'> | null {
  const area = areas.find((a) => a.key === form.area);
  if (!area) return null;
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    ...(area.street ? { street: area.street } : { district: area.district ?? '' }),
    categories: [...form.categories],
    ...(form.creating ? { create: true as const } : { retired: form.status === 'retired' }),
  };
}

/** The form field a refusal is about: an INVALID_INPUT's first issue, a CONFLICT's code; null for the whole form. */
export function fieldOf(code: string, details: unknown): FormField | null {
  if (code === 'CONFLICT') return 'code';
  const paths = issuePaths(code, details);
  if (paths === null) return null;
  const head = (paths[0] ?? '').split('.')[0] ?? '';
  if (head === 'street' || head === 'district' || head === '') return 'area';
  if (head === 'retired') return 'status';
  const fields: readonly FormField[] = ['code', 'name', 'profile', 'defaultKind', 'defaultDepartmentCode', 'categories'];
  return (fields as readonly string[]).includes(head) ? (head as FormField) : null;
}

/** What the confirmation adds when a save retires a category or department or brings it back ('' otherwise). */
export function statusChange(form: CatalogForm): string {
  if (form.creating || form.status === form.statusWas) return '';
  const name = form.name.trim() || form.code;
  if (form.kind === 'department') return form.status === 'retired' ? t.confirmRetireDepartment(name) : t.confirmRestoreDepartment(name);
  return form.status === 'retired' ? t.confirmRetire(name) : t.confirmRestore(name);
}

/** What the page adds to the server's word for refusals the admin must understand. */
export function explanationOf(code: string): string {
  if (code === 'FORBIDDEN') return t.forbiddenHint;
  if (code === 'CONFLICT') return t.conflictHint;
  if (code === 'NOT_FOUND') return t.notFoundHint;
  return '';
}
