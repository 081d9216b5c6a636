// Contract-typed demo data: tickets, timelines and list pages as the server would answer them.
// Used by the tests and by `npm run preview`. Times sit around 2026-11-22 (Shanghai); tests fix
// the clock at DEMO_NOW so "11月25日 24:00"-style texts never depend on the day they run.

export const DEMO_NOW = '2026-11-23T02:00:00.000Z'; // 11月23日 10:00 in Shanghai

/** Small drawn "photos" (SVG data URIs) so previews show pictures without any network. */
function scene(sky: string, ground: string, thing: string): string {
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 120 120'>` +
    `<rect width='120' height='120' fill='${sky}'/><rect y='78' width='120' height='42' fill='${ground}'/>${thing}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const DEMO_PHOTOS = [
  scene('#cfe3f5', '#9aa5ad', "<rect x='30' y='52' width='44' height='34' rx='4' fill='#3d7f4f'/><circle cx='52' cy='50' r='10' fill='#6b4f2c'/><circle cx='80' cy='80' r='9' fill='#a57b3c'/>"),
  scene('#dbe9f7', '#8c969e', "<rect x='56' y='20' width='6' height='62' fill='#555'/><rect x='48' y='16' width='26' height='8' rx='3' fill='#333'/><circle cx='70' cy='28' r='5' fill='#ffd54d'/>"),
  scene('#eaf0f6', '#b0b8bf', "<ellipse cx='60' cy='92' rx='34' ry='8' fill='#4d6d8a'/><rect x='40' y='40' width='40' height='42' fill='#c9a66b'/><rect x='40' y='40' width='40' height='8' fill='#a78450'/>"),
  scene('#d7efe0', '#a2b09a', "<path d='M20 80 L60 34 L100 80 Z' fill='#7d8c99'/><rect x='52' y='58' width='16' height='22' fill='#5a4634'/>"),
];

/** The demo resident, as staff.me answers for them; photos live under their upload folder. */
export const DEMO_OPENID = 'demo-resident-1';
/** Their upload folder as the server names it (an opaque key, no openid). */
export const DEMO_FOLDER = 'uploads/5d0c8a3f19b2e47a6c81f0d2';

export function demoResident(): Api.StaffMe {
  return { openid: DEMO_OPENID, role: 'resident', scope: null, scopeLabel: '居民', uploadFolder: DEMO_FOLDER };
}

/** The storage folder of fileIDs in the fake cloud (wx-fake's cloudUpload answers under it). */
export const DEMO_CLOUD = 'cloud://your-env-id.7975-your-env-id-1300000000';

export const DEMO_FILE_IDS = [`${DEMO_CLOUD}/${DEMO_FOLDER}/202611/a1.jpg`, `${DEMO_CLOUD}/${DEMO_FOLDER}/202611/a2.jpg`];

type CategoryItem = Api.Data<'categories.list'>['items'][number];

/** categories.list as the server answers with no admin changes: the built-in nine. */
export function demoCategories(): CategoryItem[] {
  return [
    { code: 'sanitation', name: '环境卫生', profile: 'normal' },
    { code: 'dispute', name: '矛盾纠纷', profile: 'normal' },
    { code: 'property', name: '物业服务', profile: 'normal' },
    { code: 'facilities', name: '市政设施', profile: 'normal' },
    { code: 'safety', name: '治安隐患', profile: 'normal' },
    { code: 'urgent-repair', name: '抢修抢险', profile: 'urgent' },
    { code: 'policy', name: '政策咨询', profile: 'normal' },
    { code: 'life-service', name: '生活服务', profile: 'normal' },
    { code: 'other', name: '其他', profile: 'normal' },
  ];
}

/** The built-in nine plus two an admin added: one urgent, one normal (served after the built-ins). */
export function adminCategories(): CategoryItem[] {
  return [...demoCategories(), { code: 'elevator', name: '电梯困人', profile: 'urgent' }, { code: 'parking', name: '停车管理', profile: 'normal' }];
}

const GRID = { gridCode: 'G-HP-03', gridName: '和平社区第3网格', communityName: '和平社区' };

export function ticketView(overrides: Partial<Api.TicketView> = {}): Api.TicketView {
  return {
    id: 't-1001',
    no: '20261122-0007',
    status: 'submitted',
    category: 'sanitation',
    categoryName: '环境卫生',
    kind: 'complaint',
    description: '3号楼东门口的垃圾桶已经满了三天，没有人清运，气味很大，夜里还有老鼠。',
    photos: DEMO_FILE_IDS,
    photoUrls: DEMO_PHOTOS.slice(0, 2),
    location: { latitude: 36.8131, longitude: 118.0556, address: '张店区和平路18号 和平小区3号楼' },
    ...GRID,
    level: 'grid',
    departmentCode: null,
    createdAt: '2026-11-22T06:05:00.000Z',
    updatedAt: '2026-11-22T06:05:00.000Z',
    acceptBy: '2026-11-24T16:00:00.000Z',
    resolveBy: null,
    resolvedAt: null,
    overdue: false,
    complexity: null,
    rating: null,
    ratingComment: null,
    result: null,
    source: 'resident',
    timeline: [entry('submit', 'resident', '您', null, 'submitted', '2026-11-22T06:05:00.000Z')],
    allowedActions: ['withdraw'],
    ...overrides,
  };
}

export function entry(
  kind: Api.TimelineKind,
  actorRole: Api.TimelineEntry['actorRole'],
  actorLabel: string,
  fromStatus: Api.TicketStatus | null,
  toStatus: Api.TicketStatus,
  at: string,
  note: string | null = null,
  photoUrls: string[] = [],
): Api.TimelineEntry {
  return {
    at,
    kind,
    actorRole,
    actorLabel,
    fromStatus,
    toStatus,
    level: 'grid',
    note,
    photos: photoUrls.map((_, i) => `cloud://env/resolve/${i}.jpg`),
    photoUrls,
  };
}

/** A resolved ticket waiting for the resident's rating, with a full timeline. */
export function resolvedTicket(overrides: Partial<Api.TicketView> = {}): Api.TicketView {
  return ticketView({
    status: 'resolved',
    acceptBy: '2026-11-22T08:05:00.000Z',
    resolveBy: '2026-11-25T16:00:00.000Z',
    resolvedAt: '2026-11-22T09:40:00.000Z',
    complexity: 'normal',
    result: '已联系环卫公司清运，垃圾桶已清空并消毒，今后每天早晚各清运一次。',
    timeline: [
      entry('submit', 'resident', '您', null, 'submitted', '2026-11-22T06:05:00.000Z'),
      entry('accept', 'gridWorker', '网格员', 'submitted', 'accepted', '2026-11-22T06:32:00.000Z', '已收到，马上联系环卫。'),
      entry('resolve', 'gridWorker', '网格员', 'accepted', 'resolved', '2026-11-22T09:40:00.000Z', '垃圾已清运完毕。', [DEMO_PHOTOS[2], DEMO_PHOTOS[3]]),
    ],
    allowedActions: ['rate'],
    ...overrides,
  });
}

/** An accepted ticket that missed its resolve deadline and went up a level. */
export function overdueTicket(overrides: Partial<Api.TicketView> = {}): Api.TicketView {
  return ticketView({
    id: 't-0990',
    no: '20261118-0003',
    status: 'accepted',
    category: 'facilities',
    categoryName: '市政设施',
    description: '小区南门的路灯坏了一个多星期，晚上特别黑，老人出门不安全。',
    photoUrls: [DEMO_PHOTOS[1]],
    photos: [DEMO_FILE_IDS[0]],
    level: 'community',
    createdAt: '2026-11-18T11:20:00.000Z',
    acceptBy: '2026-11-19T16:00:00.000Z',
    resolveBy: '2026-11-21T16:00:00.000Z',
    overdue: true,
    complexity: 'normal',
    timeline: [
      entry('submit', 'resident', '您', null, 'submitted', '2026-11-18T11:20:00.000Z'),
      entry('accept', 'gridWorker', '网格员', 'submitted', 'accepted', '2026-11-19T01:10:00.000Z'),
      entry('overdue', 'system', '系统', 'accepted', 'accepted', '2026-11-21T16:00:00.000Z'),
    ],
    allowedActions: [],
    ...overrides,
  });
}

export function listItem(t: Api.TicketView): Api.TicketListItem {
  const { timeline: _timeline, ...item } = t;
  return item;
}

/** A first page of 我的上报: one of each interesting state. */
export function minePage(): Api.Page<Api.TicketListItem> {
  return {
    items: [
      listItem(ticketView()),
      listItem(overdueTicket()),
      listItem(resolvedTicket({ id: 't-0950', no: '20261110-0012', category: 'property', categoryName: '物业服务', kind: 'suggestion', description: '建议在单元门口加装雨棚，下雨天进出方便一些。', createdAt: '2026-11-10T02:00:00.000Z' })),
      listItem(ticketView({ id: 't-0901', no: '20261102-0004', status: 'closed', category: 'dispute', categoryName: '矛盾纠纷', kind: 'complaint', description: '楼上邻居每天夜里十二点以后还在装修，影响休息。', acceptBy: null, rating: 'satisfied', createdAt: '2026-11-02T13:00:00.000Z' })),
      listItem(ticketView({ id: 't-0880', no: '20261028-0001', status: 'rejected', category: 'policy', categoryName: '政策咨询', kind: 'question', description: '想问一下老年人乘车卡在哪里办理？', acceptBy: null, createdAt: '2026-10-28T03:00:00.000Z' })),
    ],
    nextCursor: 'cursor-2',
  };
}

/** `count` list items, for paging and payload-size tests. */
export function manyItems(count: number, from = 0): Api.TicketListItem[] {
  return Array.from({ length: count }, (_, i) =>
    listItem(ticketView({ id: `t-${from + i}`, no: `20261120-${String(from + i).padStart(4, '0')}`, description: '楼道里堆放了很多杂物，影响通行，也有消防隐患。'.repeat(3) })),
  );
}

export function nearbyItems(): Api.NearbyItem[] {
  return [
    { ref: 'sealed-ref-1', status: 'accepted', category: 'sanitation', categoryName: '环境卫生', description: '*号楼东门垃圾桶满了没人清运', withinMeters: 50, reportedHour: '2026-11-21T01:00:00.000Z' },
    { ref: 'sealed-ref-2', status: 'submitted', category: 'sanitation', categoryName: '环境卫生', description: '东门附近垃圾散落一地', withinMeters: 50, reportedHour: '2026-11-21T09:00:00.000Z' },
  ];
}

export function submitAnswer(overrides: Partial<Api.ReportSubmitData> = {}): Api.ReportSubmitData {
  return { ticketId: 't-2001', no: '20261123-0015', status: 'submitted', gridCode: 'G-HP-03', acceptBy: '2026-11-25T16:00:00.000Z', ...overrides };
}
