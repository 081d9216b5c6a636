// Contract-typed answers for the staff workbench's page tests and previews: who is asking
// (staff.me per role), queue pages and counts, and tickets as a grid worker sees them (masked
// phone, 督办 records, allowed notes, the grid's outline). Times sit around DEMO_NOW (2026-11-23
// 10:00 Shanghai); deadlines end a Shanghai day at 15:59:59.999Z as the server sets them.
// The end-to-end test (tests/e2e/staff-workbench.test.ts) drives the same pages on real answers.
import { DEMO_PHOTOS, entry, listItem, ticketView } from './demo-data';

export function staffMe(role: Api.StaffRole = 'gridWorker', overrides: Partial<Api.StaffMe> = {}): Api.StaffMe {
  const scopes: Record<Api.StaffRole, [Api.Scope | null, string, Api.StaffAbility[]]> = {
    gridWorker: [{ grids: ['ZD-CZ-HG-01', 'ZD-CZ-HG-02'] }, '华光社区 · 第一网格、第二网格', ['fileForOthers']],
    communityAdmin: [{ community: '华光社区' }, '张店区 · 车站街道 · 华光社区', ['fileForOthers']],
    deptHandler: [{ department: 'cz-sanitation' }, '车站街道环卫所', []],
    streetAdmin: [{ street: '车站街道' }, '张店区 · 车站街道', ['supervisionDesk']],
    districtAdmin: [{ district: '张店区' }, '张店区', ['supervisionDesk']],
    superAdmin: [null, '系统管理员', ['supervisionDesk']],
  };
  const [scope, scopeLabel, abilities] = scopes[role];
  return { openid: `demo-${role}`, role, scope, scopeLabel, uploadFolder: 'uploads/7a1e0c52d94b3f68e2b1c0d7', displayName: '张燕', servicePhone: '0533-2180101', abilities, ...overrides };
}

export function counts(overrides: Partial<Api.QueueCounts> = {}): Api.QueueCounts {
  return { submitted: 3, accepted: 2, overdue: 1, resolved: 12, dueToday: 2, ...overrides };
}

/** The demo grid's outline (a few points, as the server simplifies it). */
export const OUTLINE: Array<Array<{ latitude: number; longitude: number }>> = [
  [
    { latitude: 36.8146, longitude: 118.0392 },
    { latitude: 36.81464, longitude: 118.0422 },
    { latitude: 36.81238, longitude: 118.04227 },
    { latitude: 36.81237, longitude: 118.0392 },
  ],
];

const WORKER = { actorLabel: '网格员', actorName: '张燕' };

/** A submitted grid ticket as its grid worker sees it on the handling page. */
export function staffTicket(overrides: Partial<Api.TicketView> = {}): Api.TicketView {
  return ticketView({
    id: 't-3001',
    no: '20261123-0003',
    status: 'submitted',
    location: { latitude: 36.8135, longitude: 118.0406, address: '华光路 1 号 3号楼东门' },
    gridCode: 'ZD-CZ-HG-01',
    gridName: '华光社区第一网格（华光路北）',
    communityName: '华光社区',
    createdAt: '2026-11-23T01:05:00.000Z',
    updatedAt: '2026-11-23T01:05:00.000Z',
    acceptBy: '2026-11-24T15:59:59.999Z',
    contactPhoneMasked: '138****5678',
    reporterName: null,
    timeline: [{ ...entry('submit', 'resident', '居民', null, 'submitted', '2026-11-23T01:05:00.000Z'), actorName: null }],
    allowedActions: ['accept', 'reject', 'transfer', 'escalate'],
    allowedNotes: ['contact'],
    supervisions: [],
    supervised: false,
    gridOutline: OUTLINE,
    handler: { name: '张燕', phone: '0533-2180101' },
    ...overrides,
  });
}

/** The same ticket accepted by 张燕, then supervised by the street (not answered yet). */
export function acceptedTicket(overrides: Partial<Api.TicketView> = {}): Api.TicketView {
  return staffTicket({
    status: 'accepted',
    complexity: 'normal',
    resolveBy: '2026-11-26T15:59:59.999Z',
    supervised: true,
    timeline: [
      { ...entry('submit', 'resident', '居民', null, 'submitted', '2026-11-23T01:05:00.000Z'), actorName: null },
      { ...entry('accept', 'gridWorker', '网格员', 'submitted', 'accepted', '2026-11-23T01:30:00.000Z'), ...WORKER },
      { ...entry('supervise', 'streetAdmin', '街道', 'accepted', 'accepted', '2026-11-23T01:50:00.000Z', '请今天内上门核实'), actorName: '陈静' },
    ],
    supervisions: [
      {
        id: 'sv-1',
        ticketId: 't-3001',
        ticketNo: '20261123-0003',
        category: 'sanitation',
        categoryName: '环境卫生',
        note: '请今天内上门核实',
        at: '2026-11-23T01:50:00.000Z',
        by: '陈静',
        byLabel: '街道',
        level: 'grid',
        answered: false,
        answer: null,
      },
    ],
    allowedActions: ['reject', 'transfer', 'dispatch', 'escalate', 'resolve'],
    allowedNotes: ['contact', 'reply'],
    ...overrides,
  });
}

/** A ticket the answer to a move would carry: its timeline one entry longer. */
export function after(view: Api.TicketView, kind: Api.TimelineKind, patch: Partial<Api.TicketView>, note: string | null = null): Api.TicketView {
  const last = view.timeline?.[view.timeline.length - 1];
  const status = patch.status ?? view.status;
  return {
    ...view,
    ...patch,
    timeline: [...(view.timeline ?? []), { ...entry(kind, 'gridWorker', '网格员', last?.toStatus ?? view.status, status, '2026-11-23T02:00:00.000Z', note), ...WORKER }],
  };
}

/** A queue page of the 待受理 tab: an urgent one, a supervised one, one escalated to the community, a 代报. */
export function queuePage(): Api.Page<Api.TicketListItem> {
  return {
    items: [
      listItem(staffTicket({ id: 'q-1', no: '20261123-0005', category: 'urgent-repair', categoryName: '抢修抢险', description: '3号楼水管爆裂，楼道里全是水。', acceptBy: '2026-11-23T02:35:00.000Z', location: { latitude: 36.8135, longitude: 118.0406, address: '华光路 1 号 3号楼' } })),
      listItem(staffTicket({ id: 'q-2', no: '20261122-0011', supervised: true, overdue: true, acceptBy: '2026-11-22T15:59:59.999Z', level: 'grid' })),
      listItem(staffTicket({ id: 'q-3', no: '20261123-0002', category: 'facilities', categoryName: '市政设施', description: '人民西路路灯坏了三盏。', level: 'community', location: { latitude: 36.8128, longitude: 118.0431 } })),
      listItem(staffTicket({ id: 'q-4', no: '20261123-0004', source: 'proxy', reporterName: '王大爷', description: '王大爷来电：楼下有人占用消防通道停车。', category: 'safety', categoryName: '治安隐患' })),
    ],
    nextCursor: 'cursor-2',
  };
}

/** `count` queue items, for paging and payload-size tests. */
export function manyQueueItems(count: number, from = 0): Api.TicketListItem[] {
  return Array.from({ length: count }, (_, i) =>
    listItem(staffTicket({ id: `q-${from + i}`, no: `20261123-${String(from + i).padStart(4, '0')}`, description: '楼道里堆放了很多杂物，影响通行，也有消防隐患。'.repeat(3) })),
  );
}

export function deskPage(): Api.Page<Api.SupervisionItem> {
  const base = acceptedTicket().supervisions?.[0];
  if (!base) throw new Error('fixture without supervision');
  return {
    items: [
      { ...base, id: 'sv-3', ticketId: 't-3005', ticketNo: '20261121-0008', category: 'facilities', categoryName: '市政设施', note: '超时未受理，自动上报社区并督办', by: '系统', byLabel: '系统', level: 'community', at: '2026-11-23T00:00:00.000Z' },
      base,
      {
        ...base,
        id: 'sv-2',
        ticketId: 't-2990',
        ticketNo: '20261120-0004',
        note: '请尽快清运并反馈',
        at: '2026-11-21T02:00:00.000Z',
        answered: true,
        answer: { note: '已于当天下午清运完毕', at: '2026-11-21T08:00:00.000Z', by: '张燕' },
      },
    ],
    nextCursor: null,
  };
}

export { DEMO_PHOTOS };
