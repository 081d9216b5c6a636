// Chinese labels users see for roles and categories, kept in one place on the server side.
import { BUILT_IN_CATEGORIES } from '../config/categories';

export const ROLE_LABEL: Readonly<Record<Api.Role | 'system', string>> = {
  resident: '居民',
  gridWorker: '网格员',
  communityAdmin: '社区',
  deptHandler: '职能部门',
  streetAdmin: '街道',
  districtAdmin: '区社会治理服务中心',
  superAdmin: '系统管理员',
  system: '系统',
};

const BUILT_IN_NAMES = new Map(BUILT_IN_CATEGORIES.map((c) => [c.code, c.name]));
export const categoryName = (code: string, fallback?: string): string => fallback ?? BUILT_IN_NAMES.get(code) ?? '其他';
