// A whole life over HTTP: submit → transfer twice (ends at the community) → dispatch → return →
// escalate → resolve → 不满意 → reopen → resolve → rate, with the jobs function delivering the
// outbox and the figures agreeing at the end.
import { startLocalServer, type LocalServer } from '../../cloudfunctions/_local/server';
import { demoGeoJson, demoPointIn } from '../../cloudfunctions/_local/demo/grids';
import { httpApi } from '../support/http-api';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({ port: 0, dataDir: null, seed: false, superAdmins: ['local-admin'] });
});
afterAll(() => server.close());

const { post, ok } = httpApi(() => server.url);
const clock = (now: string) => post('/__clock', { now });

async function bind(role: Api.StaffRole, scope: Api.Scope, openid: string): Promise<void> {
  const { code } = await ok('local-admin', 'admin.invites.create', { role, scope });
  await ok(openid, 'staff.bind', { inviteCode: code, displayName: '工作人员' });
}

test('a full life, end to end', async () => {
  await clock('2026-11-23T09:00:00+08:00');
  await ok('local-admin', 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
  await ok('local-admin', 'admin.departments.upsert', {
    code: 'cz-sanitation',
    name: '车站街道环卫所',
    street: '车站街道',
    categories: ['sanitation'],
  });
  await bind('gridWorker', { grids: ['ZD-CZ-HG-01'] }, 'w1');
  await bind('gridWorker', { grids: ['ZD-CZ-HG-02'] }, 'w2');
  await bind('gridWorker', { grids: ['ZD-CZ-HG-03'] }, 'w3');
  await bind('communityAdmin', { community: '华光社区' }, 'c1');
  await bind('streetAdmin', { street: '车站街道' }, 's1');
  await bind('deptHandler', { department: 'cz-sanitation' }, 'd1');

  // the resident grants the three resident templates in the tap that submits
  expect(
    await ok('res', 'subscription.record', { grants: { ticketAccepted: 'accept', ticketResolved: 'accept', ticketRejected: 'reject' } }),
  ).toEqual({
    recorded: 2,
  });
  const { ticketId, gridCode } = await ok('res', 'report.submit', {
    category: 'sanitation',
    kind: 'complaint',
    description: '小区门口的垃圾堆了一周没人清。',
    photos: [],
    location: demoPointIn(1),
    clientRequestId: 'full-life-0001',
  });
  expect(gridCode).toBe('ZD-CZ-HG-01');

  await clock('2026-11-23T10:00:00+08:00');
  expect((await ok('w1', 'ticket.transfer', { ticketId, toGridCode: 'ZD-CZ-HG-02', reason: '位置在第二网格' })).gridCode).toBe(
    'ZD-CZ-HG-02',
  );
  const second = await ok('w2', 'ticket.transfer', { ticketId, toGridCode: 'ZD-CZ-HG-03', reason: '应由第三网格处理' });
  expect(second).toMatchObject({ level: 'community', status: 'submitted' }); // the second transfer goes to the community

  await clock('2026-11-23T11:00:00+08:00');
  await ok('c1', 'ticket.accept', { ticketId, complexity: 'complex' });
  const dispatched = await ok('c1', 'ticket.dispatch', { ticketId, departmentCode: 'cz-sanitation', note: '请环卫所清运' });
  expect(dispatched.departmentCode).toBe('cz-sanitation');
  expect((await ok('d1', 'queue.list', {})).items.map((t) => t.id)).toEqual([ticketId]);
  const returned = await ok('d1', 'ticket.return', { ticketId, reason: '属于物业责任区，不归环卫所' });
  expect(returned).toMatchObject({ departmentCode: null, status: 'accepted', level: 'community' });

  const escalated = await ok('c1', 'ticket.escalate', { ticketId, reason: '物业拒不处理，需要街道协调' });
  expect(escalated).toMatchObject({ level: 'street', status: 'accepted' });
  await clock('2026-11-24T15:00:00+08:00');
  await ok('s1', 'ticket.resolve', { ticketId, result: '街道协调物业已清运。' });

  await clock('2026-11-24T18:00:00+08:00');
  await ok('res', 'report.rate', { ticketId, rating: 'unsatisfied', comment: '只清了一半' });
  const reopened = await ok('res', 'report.reopen', { ticketId, reason: '还有一半没清' });
  expect(reopened).toMatchObject({ status: 'accepted', level: 'street' });
  await clock('2026-11-25T10:00:00+08:00');
  await ok('s1', 'ticket.resolve', { ticketId, result: '已全部清运，并安排每日巡查。' });
  const rated = await ok('res', 'report.rate', { ticketId, rating: 'satisfied' });
  expect(rated.status).toBe('closed');
  expect(rated.timeline?.map((e) => e.kind)).toEqual([
    'submit',
    'transfer',
    'transfer',
    'accept',
    'dispatch',
    'return',
    'escalate',
    'resolve',
    'rate',
    'reopen',
    'resolve',
    'rate',
  ]);

  // the outbox delivers what the resident allowed: one accepted, one resolved (one grant each)
  expect(await post('/functions/jobs', { Type: 'Timer', TriggerName: 'deliver' })).toMatchObject({ ok: true, data: { job: 'deliver' } });
  const { items } = (await (await fetch(`${server.url}/__outbox`)).json()) as {
    items: Array<{ touser: string; template: string; state: string; data: Record<string, { value: string }> }>;
  };
  const residentMessages = items.filter((m) => m.touser === 'res');
  expect(residentMessages.map((m) => [m.template, m.state])).toEqual([
    ['ticketAccepted', 'sent'],
    ['ticketResolved', 'sent'],
    ['ticketResolved', 'skipped'], // the one grant for 已办结 was used by the first resolution
  ]);
  for (const m of items) {
    for (const field of Object.values(m.data)) expect(field.value).not.toContain('垃圾堆了一周');
  }

  // Figures follow the tickets through the figures job (every two minutes in the cloud).
  expect(await post('/functions/jobs', { Type: 'Timer', TriggerName: 'figures' })).toMatchObject({ ok: true, data: { job: 'figures' } });
  const stats = await ok('s1', 'stats.summary', { from: '2026-11-23', to: '2026-11-23' });
  expect(stats).toMatchObject({
    received: 1,
    accepted: 1,
    resolved: 0,
    closed: 1,
    rejected: 0,
    closureRate: 1,
    satisfactionRate: 1,
    openOverdue: 0,
  });
  expect(stats.byGrid.map((g) => g.gridCode)).toEqual(['ZD-CZ-HG-02']);
});
