// Chinese labels users see for roles, kept in one place on the server side (category names are
// data: the category store answers them).

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
