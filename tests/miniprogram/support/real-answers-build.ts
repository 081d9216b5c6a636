// Builds RealAnswers (support/real-answers.ts) by running the real server: the test app with the
// demo community, one resident's reports brought through a week by grid worker and sweep, and the
// answers of ticket.get / report.mine / report.submit / report.nearby taken at ANSWERS_NOW.
import { handleJobs } from '../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { ADMIN, reportParams, seedCommunity, startTestApp, type TestApp } from '../../support/app';
import { ANSWERS_NOW, type RealAnswers } from './real-answers';

const RESIDENT = 'demo-resident-1';
const WORKER = 'worker-1';
/** By 和平小区 3号楼, inside grid ZD-CZ-HG-01 of the demo community. */
const HERE = { latitude: 36.8135, longitude: 118.0406, address: '张店区华光路1号 华光小区3号楼' };

const at = (shanghai: string): string => `${shanghai}+08:00`;

export async function buildRealAnswers(): Promise<RealAnswers> {
  const app = await startTestApp();
  try {
    await seedCommunity(app);
    return await residentsWeek(app);
  } finally {
    await app.close();
  }
}

async function residentsWeek(app: TestApp): Promise<RealAnswers> {
  /** A photo in its owner's upload folder (the server names the folder; it is no openid). */
  const photo = (owner: string, name: string): string => `local://${app.server.deps.files.folderOf(owner)}/202611/${name}.jpg`;
  const file = async (when: string, params: Partial<Api.ReportSubmitParams>): Promise<Api.ReportSubmitData> => {
    app.setNow(at(when));
    return app.ok(RESIDENT, 'report.submit', reportParams({ location: HERE, ...params }));
  };
  const as = async <A extends Api.ActionName>(when: string, openid: string, action: A, params: Api.Params<A>): Promise<Api.Data<A>> => {
    app.setNow(at(when));
    return app.ok(openid, action, params);
  };

  // Monday 11/16: a street light; accepted, then the resolution deadline (11/19 24:00) is missed.
  const overdue = await file('2026-11-16T10:00:00', {
    category: 'facilities',
    description: '小区南门的路灯坏了一个多星期，晚上特别黑，老人出门不安全。',
    photos: [photo(RESIDENT, 'light')],
  });
  await as('2026-11-16T11:00:00', WORKER, 'ticket.accept', { ticketId: overdue.ticketId, complexity: 'normal' });
  app.setNow(at('2026-11-20T00:10:00'));
  const swept = await handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, app.server.deps);
  if (!swept.ok || swept.data.processed !== 1) throw new Error(`sweep: ${JSON.stringify(swept)}`);

  // Friday 11/20: two reports resolved the same day; one is rated 满意 the next day.
  const resolved = await file('2026-11-20T09:00:00', {
    category: 'sanitation',
    description: '3号楼东门口的垃圾桶已经满了三天，没有人清运，气味很大，夜里还有老鼠。',
    photos: [photo(RESIDENT, 'bin-1'), photo(RESIDENT, 'bin-2')],
  });
  await as('2026-11-20T09:30:00', WORKER, 'ticket.accept', { ticketId: resolved.ticketId, complexity: 'normal' });
  await as('2026-11-20T15:40:00', WORKER, 'ticket.resolve', {
    ticketId: resolved.ticketId,
    result: '已联系环卫所清运，垃圾桶已清空并消毒，今后每天早晚各清运一次。',
    photos: [photo(WORKER, 'bin-after-1'), photo(WORKER, 'bin-after-2')],
  });

  const closed = await file('2026-11-20T10:10:00', {
    category: 'property',
    kind: 'suggestion',
    description: '建议在单元门口加装雨棚，下雨天进出方便一些。',
  });
  await as('2026-11-20T10:40:00', WORKER, 'ticket.accept', { ticketId: closed.ticketId, complexity: 'normal' });
  await as('2026-11-20T16:30:00', WORKER, 'ticket.resolve', { ticketId: closed.ticketId, result: '已请物业公司在 2 单元门口加装雨棚。' });
  await as('2026-11-21T09:00:00', RESIDENT, 'report.rate', {
    ticketId: closed.ticketId,
    rating: 'satisfied',
    comment: '处理得很及时，谢谢！',
  });

  const unsatisfied = await file('2026-11-20T11:20:00', {
    category: 'dispute',
    description: '楼上邻居每天夜里十二点以后还在装修，影响休息。',
  });
  await as('2026-11-20T11:50:00', WORKER, 'ticket.accept', { ticketId: unsatisfied.ticketId, complexity: 'normal' });
  await as('2026-11-20T17:10:00', WORKER, 'ticket.resolve', {
    ticketId: unsatisfied.ticketId,
    result: '已上门劝导，邻居答应晚上十点后停工。',
  });
  await as('2026-11-21T22:30:00', RESIDENT, 'report.rate', {
    ticketId: unsatisfied.ticketId,
    rating: 'unsatisfied',
    comment: '今晚还在装修。',
  });

  // Saturday 11/21: one refused, one withdrawn.
  const rejected = await file('2026-11-21T10:00:00', {
    category: 'policy',
    kind: 'question',
    description: '想问一下老年人乘车卡在哪里办理？',
  });
  await as('2026-11-21T11:00:00', WORKER, 'ticket.reject', {
    ticketId: rejected.ticketId,
    reason: '不属于网格受理范围，请拨打 12345 咨询',
  });
  const withdrawn = await file('2026-11-21T14:00:00', { category: 'life-service', description: '楼下自行车棚的灯不亮了。' });
  await as('2026-11-21T14:20:00', RESIDENT, 'report.withdraw', { ticketId: withdrawn.ticketId });

  // Sunday 11/22 afternoon, accepted Monday morning.
  const accepted = await file('2026-11-22T14:05:00', { category: 'facilities', description: '华光路口的井盖松动，车开过去哐哐响。' });
  await as('2026-11-23T08:30:00', WORKER, 'ticket.accept', { ticketId: accepted.ticketId, complexity: 'normal' });

  // Monday 11/23: an urgent repair not accepted within its 30 minutes, and a fresh report.
  const urgentLate = await file('2026-11-23T09:00:00', { category: 'urgent-repair', description: '3号楼地下室水管爆了，水一直往外冒。' });
  const submitted = await file('2026-11-23T09:20:00', {
    category: 'sanitation',
    description: '3号楼东门口的垃圾又堆起来了，已经两天没人清运。',
    photos: [photo(RESIDENT, 'pile-1'), photo(RESIDENT, 'pile-2')],
    contactPhone: '13812345678',
  });
  const submitTriage = await app.ok(
    'demo-resident-2',
    'report.submit',
    reportParams({ location: { latitude: 36.826, longitude: 118.052 } }),
  );
  // A 代报 the grid worker files for 王大爷, who phoned in.
  const proxy = await as(
    '2026-11-23T09:40:00',
    WORKER,
    'report.submit',
    reportParams({
      location: HERE,
      category: 'facilities',
      description: '王大爷来电：3号楼楼道灯坏了，晚上上下楼看不见。',
      onBehalfOf: { name: '王大爷', phone: '13912345678' },
    }),
  );
  const claimCode = (await app.ok(WORKER, 'ticket.get', { ticketId: proxy.ticketId })).claimCode;
  if (!claimCode) throw new Error('the worker was shown no claim code');
  if (submitTriage.gridCode !== null) throw new Error('the triage report landed in a grid');

  app.setNow(ANSWERS_NOW);
  const view = (t: Api.ReportSubmitData): Promise<Api.TicketView> => app.ok(RESIDENT, 'ticket.get', { ticketId: t.ticketId });
  const answers: Omit<RealAnswers, 'moves' | 'retired'> = {
    now: ANSWERS_NOW,
    resident: RESIDENT,
    submit: submitted,
    submitTriage,
    tickets: {
      submitted: await view(submitted),
      urgentLate: await view(urgentLate),
      accepted: await view(accepted),
      overdue: await view(overdue),
      resolved: await view(resolved),
      closed: await view(closed),
      unsatisfied: await view(unsatisfied),
      rejected: await view(rejected),
      withdrawn: await view(withdrawn),
    },
    mine: await app.ok(RESIDENT, 'report.mine', {}),
    categories: await app.ok(RESIDENT, 'categories.list', {}),
    nearby: await app.ok('demo-resident-2', 'report.nearby', { category: 'sanitation', location: HERE }),
  };
  // The resident's moves, after everything above was taken (they change those tickets).
  const ref = answers.nearby.items[0]?.ref;
  if (!ref) throw new Error('nearby offered nothing to follow');
  const moves: RealAnswers['moves'] = {
    follow: await app.ok('demo-resident-2', 'report.follow', { ref }),
    claim: await app.ok('wang-daye', 'report.claim', { code: claimCode }),
    rate: await app.ok(RESIDENT, 'report.rate', { ticketId: resolved.ticketId, rating: 'satisfied', comment: '处理得很快，谢谢！' }),
    reopen: await app.ok(RESIDENT, 'report.reopen', { ticketId: unsatisfied.ticketId, reason: '晚上还在装修，请再处理' }),
    withdraw: await app.ok(RESIDENT, 'report.withdraw', { ticketId: submitted.ticketId }),
    urge: await app.ok(RESIDENT, 'report.urge', { ticketId: urgentLate.ticketId }),
  };
  // Last of all: an admin retires 生活服务 while the resident's form still offers it.
  await app.ok(ADMIN, 'admin.categories.upsert', { code: 'life-service', name: '生活服务', profile: 'normal', retired: true });
  const refusedRetired = await app.call(RESIDENT, 'report.submit', reportParams({ location: HERE, category: 'life-service' }));
  if (refusedRetired.ok) throw new Error('a report in a retired category was accepted');
  const retired: RealAnswers['retired'] = {
    refused: refusedRetired.error,
    categories: await app.ok(RESIDENT, 'categories.list', {}),
  };
  return { ...answers, moves, retired };
}
