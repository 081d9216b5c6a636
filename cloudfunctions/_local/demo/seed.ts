// The demo seed of `npm start`: it goes through the same actions a real deployment would use
// (grid import, department, invites, staff.bind) as the local super admin, plus a few
// reports, so the mini program has something to show on first run.
import { handleApi } from '../../_core/app/handle-api';
import type { Deps } from '../../_core/ports';
import { DEMO_PLACE, demoGeoJson, demoGridCode, demoPointIn } from './grids';

export const DEMO_DEPARTMENT = { code: 'cz-sanitation', name: '车站街道环卫所', street: DEMO_PLACE.street, categories: ['sanitation'] };

/** Demo identities (send one as the x-wx-openid header), with the names and work numbers they bind with. */
export const DEMO_STAFF: ReadonlyArray<{
  openid: string;
  role: Api.StaffRole;
  scope: Api.Scope;
  label: string;
  displayName: string;
  servicePhone?: string;
}> = [
  {
    openid: 'demo-grid-1',
    role: 'gridWorker',
    scope: { grids: [demoGridCode(1), demoGridCode(2)] },
    label: '网格员（第一、二网格）',
    displayName: '张燕',
    servicePhone: '0533-2180101',
  },
  {
    openid: 'demo-grid-2',
    role: 'gridWorker',
    scope: { grids: [demoGridCode(3), demoGridCode(4)] },
    label: '网格员（第三、四网格）',
    displayName: '李强',
    servicePhone: '0533-2180102',
  },
  {
    openid: 'demo-grid-3',
    role: 'gridWorker',
    scope: { grids: [demoGridCode(5), demoGridCode(6)] },
    label: '网格员（第五、六网格）',
    displayName: '王芳',
  },
  {
    openid: 'demo-community',
    role: 'communityAdmin',
    scope: { community: DEMO_PLACE.community },
    label: '社区（华光社区）',
    displayName: '刘洋',
    servicePhone: '0533-2180100',
  },
  { openid: 'demo-street', role: 'streetAdmin', scope: { street: DEMO_PLACE.street }, label: '街道（车站街道）', displayName: '陈静' },
  {
    openid: 'demo-district',
    role: 'districtAdmin',
    scope: { district: DEMO_PLACE.district },
    label: '区中心（张店区）',
    displayName: '赵磊',
  },
  {
    openid: 'demo-dept',
    role: 'deptHandler',
    scope: { department: DEMO_DEPARTMENT.code },
    label: '部门（车站街道环卫所）',
    displayName: '孙涛',
    servicePhone: '0533-2186600',
  },
];
export const DEMO_RESIDENTS = ['demo-resident-1', 'demo-resident-2'] as const;

async function call<A extends Api.ActionName>(deps: Deps, openid: string, action: A, params: Api.Params<A>): Promise<Api.Data<A>> {
  const answer = await handleApi({ action, params }, { openid }, deps);
  if (!answer.ok) throw new Error(`seed: ${action} failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data as Api.Data<A>;
}

export async function seedDemo(deps: Deps, superAdmin: string): Promise<void> {
  await call(deps, superAdmin, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
  await call(deps, superAdmin, 'admin.departments.upsert', DEMO_DEPARTMENT);
  for (const staff of DEMO_STAFF) {
    const invite = await call(deps, superAdmin, 'admin.invites.create', { role: staff.role, scope: staff.scope });
    await call(deps, staff.openid, 'staff.bind', {
      inviteCode: invite.code,
      displayName: staff.displayName,
      ...(staff.servicePhone ? { servicePhone: staff.servicePhone } : {}),
    });
  }
  // Three reports from the first demo resident: waiting, being handled, and done (awaiting a rating).
  const resident = DEMO_RESIDENTS[0];
  const reports: Array<{ category: string; description: string; grid: number; then: 'none' | 'accept' | 'resolve' }> = [
    { category: 'sanitation', description: '华光路北头垃圾桶满了两天没人清运，气味很大。', grid: 1, then: 'none' },
    { category: 'facilities', description: '人民西路路灯坏了三盏，晚上老人走路看不清。', grid: 2, then: 'accept' },
    { category: 'property', description: '3号楼单元门禁坏了，外人随便进出。', grid: 1, then: 'resolve' },
  ];
  for (const [i, r] of reports.entries()) {
    const submitted = await call(deps, resident, 'report.submit', {
      category: r.category,
      kind: 'complaint',
      description: r.description,
      photos: [],
      location: { ...demoPointIn(r.grid), address: '山东省淄博市张店区车站街道华光社区' },
      clientRequestId: `demo-seed-report-${i + 1}`,
    });
    if (r.then === 'none') continue;
    await call(deps, 'demo-grid-1', 'ticket.accept', { ticketId: submitted.ticketId, complexity: 'normal' });
    if (r.then === 'resolve') {
      await call(deps, 'demo-grid-1', 'ticket.resolve', { ticketId: submitted.ticketId, result: '已联系物业更换门禁电源，门禁恢复正常。' });
    }
  }
}
