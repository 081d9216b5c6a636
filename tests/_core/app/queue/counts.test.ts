// queue.counts: the workbench's numbers, each equal to the list it stands for — 待受理 and 处理中
// are the caller's own work (queue.list with duty), 已办结 their area's resolved tickets, the
// banner's overdue and due-today their open work past or near its deadline (Shanghai's today).
import { handleJobs } from '../../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { ADMIN, seedCommunity, useTestApp } from '../../../support/app';
import { bringTo, CZ_SANITATION, departmentWithHandler, expectUnchanged, fileReport, freshResidents } from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-23T01:00:00.000Z');
  await seedCommunity(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
});

const nextResident = freshResidents('counts-resident');
const GRID_3 = { latitude: 36.8134, longitude: 118.0463 };
const ZERO: Api.QueueCounts = { submitted: 0, accepted: 0, overdue: 0, resolved: 0, dueToday: 0 };

/** Every item of a queue.list query, through all its pages. */
async function listAll(openid: string, params: Api.Params<'queue.list'>): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.ok(openid, 'queue.list', { ...params, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('queue.counts', () => {
  test('an empty queue counts nothing', async () => {
    expect(await app.ok('worker-1', 'queue.counts', {})).toEqual(ZERO);
    expect(await app.ok('street-1', 'queue.counts', {})).toEqual(ZERO);
  });

  test("each count equals its list, for every kind of staff; due today follows Shanghai's day", async () => {
    // Monday 10:00 Shanghai: four reports in grids 1–2, one in grid 3, one urgent (due in 30 minutes).
    app.setNow('2026-11-23T02:00:00.000Z');
    const waiting = await fileReport(app, nextResident());
    const accepted = await fileReport(app, nextResident());
    const resolved = await fileReport(app, nextResident());
    const dispatched = await fileReport(app, nextResident());
    const elsewhere = await fileReport(app, nextResident(), { location: GRID_3 });
    const urgent = await fileReport(app, nextResident(), { category: 'urgent-repair' });
    await bringTo(app, accepted, 'accepted');
    await bringTo(app, resolved, 'resolved');
    await bringTo(app, dispatched, 'accepted');
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: dispatched.id, departmentCode: 'cz-sanitation' });

    // Still Monday, 10:05: the urgent one (due 10:30) is due today; the normal ones Tuesday 24:00.
    app.setNow('2026-11-23T02:05:00.000Z');
    expect(await app.ok('worker-1', 'queue.counts', {})).toEqual({ submitted: 2, accepted: 1, overdue: 0, resolved: 1, dueToday: 1 });
    expect(await listAll('worker-1', { status: 'submitted', duty: true })).toEqual(expect.arrayContaining([waiting.id, urgent.id]));
    expect(await listAll('worker-1', { status: 'accepted', duty: true })).toEqual([accepted.id]);
    expect(await listAll('worker-1', { status: 'resolved' })).toEqual([resolved.id]);
    expect(await app.ok('worker-2', 'queue.counts', {})).toEqual({ ...ZERO, submitted: 1 });
    // The community admin works every grid of the community; the department only what it was sent.
    expect(await app.ok('community-1', 'queue.counts', {})).toEqual({ submitted: 3, accepted: 1, overdue: 0, resolved: 1, dueToday: 1 });
    expect(await app.ok('dept-1', 'queue.counts', {})).toEqual({ ...ZERO, accepted: 1 });
    expect(await listAll('dept-1', { status: 'accepted', duty: true })).toEqual([dispatched.id]);
    // The street holds nothing yet, but its area has the resolved ticket.
    expect(await app.ok('street-1', 'queue.counts', {})).toEqual({ ...ZERO, resolved: 1 });

    // Tuesday 09:00: the urgent one was swept (overdue, up to the community, due again 09:30); the
    // normal reports are due today (Tuesday 24:00); the accepted one is due Thursday.
    app.setNow('2026-11-24T01:00:00.000Z');
    expect(await handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, app.server.deps)).toMatchObject({
      ok: true,
      data: { processed: 1 },
    });
    expect(await app.ok('worker-1', 'queue.counts', {})).toEqual({ submitted: 1, accepted: 1, overdue: 0, resolved: 1, dueToday: 1 });
    expect(await app.ok('community-1', 'queue.counts', {})).toEqual({ submitted: 3, accepted: 1, overdue: 1, resolved: 1, dueToday: 3 });
    expect(await listAll('community-1', { overdue: true })).toEqual([urgent.id]);
    expect(await app.ok('worker-2', 'queue.counts', {})).toEqual({ ...ZERO, submitted: 1, dueToday: 1 });
    expect(elsewhere.id).toBeTruthy();
  });

  test('asking changes nothing; residents have no counts', async () => {
    await expectUnchanged(app, async () => {
      await app.ok('worker-1', 'queue.counts', {});
      await app.ok(ADMIN, 'queue.counts', {});
      expect(await app.call('counts-resident-x', 'queue.counts', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  test.each([
    ['an unknown field', { status: 'submitted' }],
    ['params not an object', 'all'],
  ])('%s → INVALID_INPUT', async (_name, params) => {
    expect(await app.raw('worker-1', { action: 'queue.counts', params })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
