// The built-in categories of DOMAIN.md. Categories are data: an admin may add more (with an
// SLA profile and a default department) through admin.categories.upsert; these always exist.
export interface CategoryDef {
  code: string;
  name: string;
  profile: Api.SlaProfile;
  defaultDepartmentCode: string | null;
  defaultKind: Api.Kind;
}

/** 其他: where a resident goes who finds no better category, so it is never retired (停用). */
const FALLBACK_CATEGORY = 'other';

/** Whether an admin may retire (停用) the category of this code: all but the fallback. */
export const isRetirable = (code: string): boolean => code !== FALLBACK_CATEGORY;

export const BUILT_IN_CATEGORIES: readonly CategoryDef[] = [
  { code: 'sanitation', name: '环境卫生', profile: 'normal', defaultDepartmentCode: null, defaultKind: 'complaint' },
  { code: 'dispute', name: '矛盾纠纷', profile: 'normal', defaultDepartmentCode: null, defaultKind: 'complaint' },
  { code: 'property', name: '物业服务', profile: 'normal', defaultDepartmentCode: null, defaultKind: 'complaint' },
  { code: 'facilities', name: '市政设施', profile: 'normal', defaultDepartmentCode: null, defaultKind: 'complaint' },
  { code: 'safety', name: '治安隐患', profile: 'normal', defaultDepartmentCode: null, defaultKind: 'complaint' },
  { code: 'urgent-repair', name: '抢修抢险', profile: 'urgent', defaultDepartmentCode: null, defaultKind: 'complaint' },
  { code: 'policy', name: '政策咨询', profile: 'normal', defaultDepartmentCode: null, defaultKind: 'question' },
  { code: 'life-service', name: '生活服务', profile: 'normal', defaultDepartmentCode: null, defaultKind: 'complaint' },
  { code: 'other', name: '其他', profile: 'normal', defaultDepartmentCode: null, defaultKind: 'complaint' },
];
