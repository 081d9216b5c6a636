// supervisions.list (督办 desk): a street's or district's 督办 records — by admins (display name) or
// by the SLA sweep (系统) — newest first, paged by cursor, each with its ticket's number and
// category and whether it was answered. Street and district admins and super admins only; each
// sees their own area.
import { handleJobs } from '../../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { ADMIN, bindStaff, seedCommunity, useTestApp, displayNameOf } from '../../../support/app';
import { expectUnchanged, fileReport, freshResidents, HEPING, neighbourAreasWithAdmins, ZHOUCUN } from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-23T01:00:00.000Z');
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
  await bindStaff(app, 'chen-jing', 'streetAdmin', { street: '车站街道' }, { displayName: '陈静' });
  await bindStaff(app, 'zhao-lei', 'districtAdmin', { district: '张店区' }, { displayName: '赵磊' });
  await bindStaff(app, 'worker-hp', 'gridWorker', { grids: ['ZD-HP-01'] });
  await bindStaff(app, 'worker-zc', 'gridWorker', { grids: ['ZC-CB-01'] });
});

const nextResident = freshResidents('desk-resident');
const at = (iso: string) => app.setNow(iso);

describe('supervisions.list', () => {
  // Filed once for the whole file: Monday in 车站街道 (two), 和平街道 and 周村区.
  let huaguang: { id: string; no: string };
  let second: { id: string; no: string };
  let heping: { id: string; no: string };
  let zhoucun: { id: string; no: string };

  beforeAll(async () => {
    at('2026-11-23T02:00:00.000Z');
    huaguang = await fileReport(app, nextResident(), { category: 'facilities' });
    second = await fileReport(app, nextResident());
    heping = await fileReport(app, nextResident(), { location: HEPING });
    zhoucun = await fileReport(app, nextResident(), { location: ZHOUCUN });
    at('2026-11-23T03:00:00.000Z');
    await app.ok('chen-jing', 'ticket.supervise', { ticketId: huaguang.id, note: '请尽快受理' });
    at('2026-11-23T04:00:00.000Z');
    await app.ok('zhao-lei', 'ticket.supervise', { ticketId: heping.id, note: '和平街道请跟进' });
    at('2026-11-23T05:00:00.000Z');
    await app.ok('district-zc', 'ticket.supervise', { ticketId: zhoucun.id, note: '周村请跟进' });
    // Wednesday: every acceptance deadline (Tuesday 24:00) passed; the sweep escalates and supervises all four.
    at('2026-11-25T02:00:00.000Z');
    expect(await handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, app.server.deps)).toMatchObject({
      ok: true,
      data: { processed: 4 },
    });
    // The community answers the system's 督办 on the first ticket.
    at('2026-11-25T03:00:00.000Z');
    const view = await app.ok('community-1', 'ticket.get', { ticketId: huaguang.id });
    const system = view.supervisions?.find((s) => s.by === '系统');
    await app.ok('community-1', 'ticket.reply', { ticketId: huaguang.id, supervisionId: system?.id ?? '', note: '社区已安排人员' });
  });

  test("the street admin sees their street's records, newest first, with who, what and whether answered", async () => {
    const page = await app.ok('chen-jing', 'supervisions.list', {});
    expect(page.nextCursor).toBeNull();
    const rows = page.items.map((s) => [s.ticketNo, s.by, s.byLabel, s.note, s.answered]);
    // The sweep handled both of the street's tickets at the same instant (their order is by id); the admin's own 督办 of Monday is oldest.
    expect(rows).toHaveLength(3);
    expect(rows.slice(0, 2)).toEqual(
      expect.arrayContaining([
        [huaguang.no, '系统', '系统', expect.stringContaining('超时未受理'), true],
        [second.no, '系统', '系统', expect.stringContaining('超时未受理'), false],
      ]),
    );
    expect(rows[2]).toEqual([huaguang.no, '陈静', '街道', '请尽快受理', false]);
    expect(page.items).toHaveLength(3);
    // Newest first: the street admin's own 督办 (Monday) comes last.
    expect(page.items[2]).toMatchObject({
      ticketId: huaguang.id,
      category: 'facilities',
      categoryName: '市政设施',
      level: 'grid',
      at: '2026-11-23T03:00:00.000Z',
      answer: null,
    });
    const answered = page.items.find((s) => s.answered);
    expect(answered).toMatchObject({
      ticketId: huaguang.id,
      level: 'community',
      answer: { note: '社区已安排人员', at: '2026-11-25T03:00:00.000Z', by: displayNameOf('community-1') },
    });
    // Nothing on the desk names an openid.
    expect(JSON.stringify(page)).not.toMatch(/chen-jing|community-1|desk-resident/);
  });

  test('the district admin sees every street of the district; not another district', async () => {
    const page = await app.ok('zhao-lei', 'supervisions.list', {});
    const tickets = new Set(page.items.map((s) => s.ticketId));
    expect([...tickets].sort()).toEqual([huaguang.id, second.id, heping.id].sort());
    expect(page.items.find((s) => s.by === '赵磊')).toMatchObject({
      ticketId: heping.id,
      byLabel: '区社会治理服务中心',
      note: '和平街道请跟进',
    });
    const zc = await app.ok('district-zc', 'supervisions.list', {});
    expect(new Set(zc.items.map((s) => s.ticketId))).toEqual(new Set([zhoucun.id]));
    expect((await app.ok('street-hp', 'supervisions.list', {})).items.map((s) => s.ticketId)).toEqual([heping.id, heping.id]);
  });

  test('super admins see every record', async () => {
    const page = await app.ok(ADMIN, 'supervisions.list', {});
    expect(page.items).toHaveLength(7);
  });

  test('pages by cursor, newest first, without repeats or gaps', async () => {
    // Twenty more 督办 by the street on one ticket, a minute apart.
    for (let i = 0; i < 20; i += 1) {
      at(new Date(Date.UTC(2026, 10, 25, 6, i)).toISOString());
      await app.ok('chen-jing', 'ticket.supervise', { ticketId: second.id, note: `第 ${i + 1} 次督办` });
    }
    const first = await app.ok('chen-jing', 'supervisions.list', {});
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const rest = await app.ok('chen-jing', 'supervisions.list', { cursor: first.nextCursor ?? '' });
    expect(rest.nextCursor).toBeNull();
    const all = [...first.items, ...rest.items];
    expect(all).toHaveLength(23);
    expect(new Set(all.map((s) => s.id)).size).toBe(23);
    const times = all.map((s) => s.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(first.items[0]?.note).toBe('第 20 次督办');
  });

  test('grid workers, community admins, departments and residents keep no desk: FORBIDDEN', async () => {
    await expectUnchanged(app, async () => {
      for (const who of ['worker-1', 'community-1', 'resident-x']) {
        expect(await app.call(who, 'supervisions.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    });
  });

  test.each([
    ['a forged cursor', { cursor: 'bm90LWEtY3Vyc29y' }],
    ['an operator cursor', { cursor: { $gt: '' } }],
    ['an unknown field', { street: '和平街道' }],
  ])('%s → INVALID_INPUT', async (_name, params) => {
    expect(await app.raw('chen-jing', { action: 'supervisions.list', params })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
