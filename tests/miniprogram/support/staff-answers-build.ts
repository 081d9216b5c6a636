// Builds StaffAnswers (support/staff-answers.ts) by running the real server: the demo community
// with its staff bound under their names, a few days of reports brought to where a grid worker's
// Monday morning finds them (new, urgent, supervised, dispatched, escalated by the sweep, a 代报),
// the answers the workbench's pages ask for at ANSWERS_NOW, then the answer to each move.
import { handleJobs } from '../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { ADMIN, bindStaff, reportParams, startTestApp, type TestApp } from '../../support/app';
import { createDepartment, importNeighbourAreas } from '../../support/flows';
import { demoGeoJson, demoPointIn } from '../../../cloudfunctions/_local/demo/grids';
import { ANSWERS_NOW } from './real-answers';
import type { StaffAnswers } from './staff-answers';

const WORKER = 'zhang-yan';
const COMMUNITY = 'liu-yang';
const STREET = 'chen-jing';
const DEPT = 'sun-tao';
/** By 华光小区 3号楼, inside grid ZD-CZ-HG-01. */
const HERE = { latitude: 36.8135, longitude: 118.0406, address: '华光路 1 号 3号楼东门' };
/** About 12 m north of HERE. */
const NEAR = { latitude: 36.8136, longitude: 118.0406, address: '华光路 1 号 3号楼北侧' };

const at = (shanghai: string): string => `${shanghai}+08:00`;

export async function buildStaffAnswers(): Promise<StaffAnswers> {
  const app = await startTestApp();
  try {
    await setUp(app);
    return await mondayMorning(app);
  } finally {
    await app.close();
  }
}

async function setUp(app: TestApp): Promise<void> {
  app.setNow(at('2026-11-16T08:00:00'));
  await app.ok(ADMIN, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
  await importNeighbourAreas(app);
  await createDepartment(app, { code: 'cz-sanitation', name: '车站街道环卫所', street: '车站街道', categories: ['sanitation'] });
  await createDepartment(app, { code: 'cz-chengguan', name: '车站街道城管中队', street: '车站街道', categories: ['facilities', 'safety'] });
  await createDepartment(app, { code: 'zd-water', name: '张店区水务局', district: '张店区', categories: ['facilities'] });
  await bindStaff(
    app,
    WORKER,
    'gridWorker',
    { grids: ['ZD-CZ-HG-01', 'ZD-CZ-HG-02'] },
    { displayName: '张燕', servicePhone: '0533-2180101' },
  );
  await bindStaff(app, COMMUNITY, 'communityAdmin', { community: '华光社区' }, { displayName: '刘洋', servicePhone: '0533-2180100' });
  await bindStaff(app, STREET, 'streetAdmin', { street: '车站街道' }, { displayName: '陈静' });
  await bindStaff(app, DEPT, 'deptHandler', { department: 'cz-sanitation' }, { displayName: '孙涛', servicePhone: '0533-2186600' });
}

async function mondayMorning(app: TestApp): Promise<StaffAnswers> {
  let residents = 0;
  /** A new resident files a report; `photos` of theirs (in their own upload folder) go with it. */
  const file = async (when: string, params: Partial<Api.ReportSubmitParams>, photos = 0): Promise<Api.ReportSubmitData> => {
    app.setNow(at(when));
    residents += 1;
    const resident = `resident-${residents}`;
    const own = Array.from({ length: photos }, (_, i) => `local://${app.server.deps.files.folderOf(resident)}/202611/photo-${i + 1}.jpg`);
    return app.ok(resident, 'report.submit', reportParams({ location: HERE, ...params, photos: own }));
  };
  const as = async <A extends Api.ActionName>(when: string, openid: string, action: A, params: Api.Params<A>): Promise<Api.Data<A>> => {
    app.setNow(at(when));
    return app.ok(openid, action, params);
  };

  // Thursday 11/19: a report nobody accepted by Friday 24:00; the sweep escalated it to the community.
  const late = await file('2026-11-19T10:00:00', {
    category: 'facilities',
    description: '人民西路路灯坏了三盏，晚上老人走路看不清。',
    location: { ...demoPointIn(2), address: '人民西路 12 号' },
  });
  app.setNow(at('2026-11-21T00:10:00'));
  const swept = await handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, app.server.deps);
  if (!swept.ok || swept.data.processed !== 1) throw new Error(`sweep: ${JSON.stringify(swept)}`);

  // Friday 11/20: supervised by the street, answered and resolved the same day.
  const answered = await file('2026-11-20T09:00:00', { description: '单元门口的垃圾桶满了，没人清运。' });
  await as('2026-11-20T09:30:00', WORKER, 'ticket.accept', { ticketId: answered.ticketId, complexity: 'normal' });
  await as('2026-11-20T14:00:00', STREET, 'ticket.supervise', { ticketId: answered.ticketId, note: '请尽快清运并反馈' });
  const [firstRecord] = (await app.ok(WORKER, 'ticket.get', { ticketId: answered.ticketId })).supervisions ?? [];
  await as('2026-11-20T16:00:00', WORKER, 'ticket.reply', {
    ticketId: answered.ticketId,
    supervisionId: firstRecord?.id ?? '',
    note: '已于当天下午清运完毕',
  });
  await as('2026-11-20T16:10:00', WORKER, 'ticket.resolve', { ticketId: answered.ticketId, result: '已清运，垃圾桶已清空。' });

  // Friday afternoon: two reports 张燕 takes on Monday morning; one goes to the sanitation station.
  const accepted = await file('2026-11-20T14:00:00', { category: 'facilities', description: '华光路口的井盖松动，车开过去哐哐响。' });
  const dispatched = await file('2026-11-20T15:00:00', {
    description: '2号楼后面的垃圾堆了好几天，苍蝇很多。',
    location: { ...demoPointIn(2), address: '人民西路 8 号 2号楼' },
  });
  await as('2026-11-23T09:10:00', WORKER, 'ticket.accept', { ticketId: dispatched.ticketId, complexity: 'normal' });
  await as('2026-11-23T09:15:00', WORKER, 'ticket.dispatch', {
    ticketId: dispatched.ticketId,
    departmentCode: 'cz-sanitation',
    note: '请环卫所安排清运',
  });
  await as('2026-11-23T09:30:00', WORKER, 'ticket.accept', { ticketId: accepted.ticketId, complexity: 'normal' });
  await as('2026-11-23T09:50:00', STREET, 'ticket.supervise', { ticketId: accepted.ticketId, note: '请今天内上门核实' });

  // Monday 11/23: an older report a few metres away, a fresh one with photos and a phone, an
  // urgent repair, a 代报; and copies of the fresh one for the moves that exclude each other.
  await file('2026-11-23T08:50:00', { description: '3号楼北侧垃圾没人清运。', location: NEAR });
  const fresh = { description: '3号楼东门口的垃圾又堆起来了，已经两天没人清运。', contactPhone: '13812345678' };
  const submitted = await file('2026-11-23T09:05:00', fresh, 2);
  await file('2026-11-23T09:40:00', {
    category: 'urgent-repair',
    description: '3号楼地下室水管爆了，水一直往外冒。',
    location: { ...HERE, address: '华光路 1 号 3号楼地下室' },
  });
  const proxySubmit = await as(
    '2026-11-23T09:45:00',
    WORKER,
    'report.submit',
    reportParams({
      category: 'safety',
      description: '王大爷来电：楼下有人占用消防通道停车。',
      location: { ...HERE, address: '华光路 1 号 5号楼' },
      onBehalfOf: { name: '王大爷', phone: '13900001111' },
    }),
  );
  const accepted2 = await file('2026-11-20T14:30:00', { category: 'facilities', description: '华光路口的井盖松动，车开过去哐哐响。' });
  await as('2026-11-23T09:31:00', WORKER, 'ticket.accept', { ticketId: accepted2.ticketId, complexity: 'normal' });

  app.setNow(ANSWERS_NOW);
  const view = (openid: string, t: { ticketId: string }): Promise<Api.TicketView> => app.ok(openid, 'ticket.get', { ticketId: t.ticketId });
  const taken: Omit<StaffAnswers, 'moves' | 'retiredDepartment'> = {
    now: ANSWERS_NOW,
    me: {
      worker: await app.ok(WORKER, 'staff.me', {}),
      community: await app.ok(COMMUNITY, 'staff.me', {}),
      street: await app.ok(STREET, 'staff.me', {}),
      dept: await app.ok(DEPT, 'staff.me', {}),
    },
    counts: await app.ok(WORKER, 'queue.counts', {}),
    queue: await app.ok(WORKER, 'queue.list', { status: 'submitted', duty: true }),
    communityOverdue: await app.ok(COMMUNITY, 'queue.list', { overdue: true }),
    tickets: {
      submitted: await view(WORKER, submitted),
      accepted: await view(WORKER, accepted),
      dispatched: await view(DEPT, dispatched),
      forStreet: await view(STREET, submitted),
      proxy: await view(WORKER, proxySubmit),
    },
    duplicates: await app.ok(WORKER, 'ticket.duplicates', { ticketId: submitted.ticketId }),
    gridsCommunity: await app.ok(WORKER, 'grids.pick', { ticketId: submitted.ticketId, community: '华光社区' }),
    gridsDistrict: await app.ok(WORKER, 'grids.pick', { ticketId: submitted.ticketId }),
    departments: await app.ok(WORKER, 'departments.list', { ticketId: accepted.ticketId }),
    desk: await app.ok(STREET, 'supervisions.list', {}),
  };
  if (late.ticketId === submitted.ticketId) throw new Error('unexpected');

  // The moves, after everything above was taken: some on copies of the fresh report (made now,
  // ~100 m away so none is a duplicate candidate), as they exclude each other.
  const copies: Api.ReportSubmitData[] = [];
  for (let i = 0; i < 4; i += 1)
    copies.push(
      await file('2026-11-23T10:00:00', { ...fresh, location: { latitude: 36.8128, longitude: 118.0397, address: '华光路 3 号' } }),
    );
  app.setNow(ANSWERS_NOW);
  const [rejectCopy, transferCopy, escalateCopy, superviseCopy] = copies as [
    Api.ReportSubmitData,
    Api.ReportSubmitData,
    Api.ReportSubmitData,
    Api.ReportSubmitData,
  ];
  const [keep] = taken.duplicates.items;
  const [record] = taken.tickets.accepted.supervisions ?? [];
  const contact = await app.ok(WORKER, 'ticket.contact', { ticketId: submitted.ticketId });
  const moves: StaffAnswers['moves'] = {
    contact,
    afterContact: await view(WORKER, submitted),
    accept: await app.ok(WORKER, 'ticket.accept', { ticketId: submitted.ticketId, complexity: 'complex' }),
    reject: await app.ok(WORKER, 'ticket.reject', { ticketId: rejectCopy.ticketId, reason: '重复上报', duplicateOf: keep?.id ?? '' }),
    transfer: await app.ok(WORKER, 'ticket.transfer', {
      ticketId: transferCopy.ticketId,
      toGridCode: 'ZD-CZ-HG-03',
      reason: '问题位置在第三网格',
    }),
    escalate: await app.ok(WORKER, 'ticket.escalate', { ticketId: escalateCopy.ticketId, reason: '需要社区协调' }),
    supervise: await app.ok(STREET, 'ticket.supervise', { ticketId: superviseCopy.ticketId, note: '请于今日内联系居民并反馈' }),
    reply: await app.ok(WORKER, 'ticket.reply', {
      ticketId: accepted.ticketId,
      supervisionId: record?.id ?? '',
      note: '已上门核实，明天一早更换井盖',
    }),
    dispatch: await app.ok(WORKER, 'ticket.dispatch', { ticketId: accepted2.ticketId, departmentCode: 'cz-chengguan' }),
    resolve: await app.ok(WORKER, 'ticket.resolve', { ticketId: accepted.ticketId, result: '已更换松动的井盖，路面恢复平整。' }),
    return: await app.ok(DEPT, 'ticket.return', { ticketId: dispatched.ticketId, reason: '该处属于物业管理区域，不归环卫所' }),
    proxySubmit,
  };
  // Last of all: 张店区水务局 is merged away (停用) while the worker's 派发 sheet still offers it.
  const waiting = await file('2026-11-23T10:00:00', {
    ...fresh,
    location: { latitude: 36.8128, longitude: 118.0397, address: '华光路 3 号' },
  });
  app.setNow(ANSWERS_NOW);
  await app.ok(WORKER, 'ticket.accept', { ticketId: waiting.ticketId, complexity: 'normal' });
  await app.ok(ADMIN, 'admin.departments.upsert', {
    code: 'zd-water',
    name: '张店区水务局',
    district: '张店区',
    categories: ['facilities'],
    retired: true,
  });
  const refused = await app.call(WORKER, 'ticket.dispatch', { ticketId: waiting.ticketId, departmentCode: 'zd-water' });
  if (refused.ok) throw new Error('a dispatch to a retired department was accepted');
  const retiredDepartment: StaffAnswers['retiredDepartment'] = {
    refused: refused.error,
    departments: await app.ok(WORKER, 'departments.list', { ticketId: waiting.ticketId }),
  };
  return { ...taken, moves, retiredDepartment };
}
