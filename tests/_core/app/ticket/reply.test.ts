// ticket.reply: the staff who hold a ticket now answer one of its 督办 records — a timeline entry
// (kind `reply`, no status change) and the record marked answered, both in one write. A 督办 is
// answered once; only its ticket's holders answer it; the text goes through content security.
import { handleJobs } from '../../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { bindStaff, seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  CZ_SANITATION,
  departmentWithHandler,
  expectRefused,
  expectRefusedFor,
  fileReport,
  freshResidents,
  makeMove,
  neighbourAreasWithAdmins,
  rowById,
  rows,
  TUESDAY,
  WEDNESDAY,
} from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
  await bindStaff(app, 'zhang-yan', 'gridWorker', { grids: ['ZD-CZ-HG-01'] }, { displayName: '张燕' });
  await bindStaff(app, 'chen-jing', 'streetAdmin', { street: '车站街道' }, { displayName: '陈静' });
});

const NOTE = '请今天内上门核实';
const REPLY = '已于今天上午上门，明天清运';
const nextResident = freshResidents('reply-resident');

/** A submitted grid ticket with one 督办 by 陈静 (street); answers the ticket and the record's id. */
async function supervised(): Promise<{ id: string; resident: string; supervisionId: string }> {
  const ticket = await fileReport(app, nextResident());
  // The supervisor's answer already lists the new record (staff views carry a ticket's 督办 records).
  const view = await app.ok('chen-jing', 'ticket.supervise', { ticketId: ticket.id, note: NOTE });
  const supervisionId = view.supervisions?.[0]?.id ?? '';
  expect(supervisionId).not.toBe('');
  return { ...ticket, supervisionId };
}

describe('ticket.reply', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('the grid worker answers: a timeline entry, the record answered, offered no more', async () => {
    const { id, supervisionId } = await supervised();
    const before = await app.ok('zhang-yan', 'ticket.get', { ticketId: id });
    expect(before.allowedNotes).toEqual(['reply']);
    expect(before.supervisions).toEqual([
      expect.objectContaining({
        id: supervisionId,
        note: NOTE,
        by: '陈静',
        byLabel: '街道',
        answered: false,
        answer: null,
        ticketNo: before.no,
        categoryName: '环境卫生',
      }),
    ]);
    app.setNow(WEDNESDAY);

    const { view, written } = await makeMove(app, 'zhang-yan', 'ticket.reply', { ticketId: id, supervisionId, note: `  ${REPLY} ` });
    expect(written).toEqual([]);
    expect(view).toMatchObject({
      status: 'submitted',
      level: 'grid',
      acceptBy: before.acceptBy,
      allowedActions: before.allowedActions,
      allowedNotes: [],
    });
    expect(view.timeline?.map((e) => e.kind)).toEqual(['submit', 'supervise', 'reply']);
    expect(view.timeline?.at(-1)).toMatchObject({
      kind: 'reply',
      actorRole: 'gridWorker',
      actorName: '张燕',
      note: REPLY,
      fromStatus: 'submitted',
      toStatus: 'submitted',
      at: WEDNESDAY,
    });
    expect(view.supervisions).toEqual([
      expect.objectContaining({ id: supervisionId, answered: true, answer: { note: REPLY, at: WEDNESDAY, by: '张燕' } }),
    ]);

    const stored = await rowById(app, 'supervisions', supervisionId);
    expect(stored).toMatchObject({ answer: { note: REPLY, by: 'zhang-yan', byRole: 'gridWorker', byName: '张燕' } });
  });

  test('a 督办 is answered once: a second reply → CONFLICT, nothing changed', async () => {
    const { id, supervisionId } = await supervised();
    await app.ok('zhang-yan', 'ticket.reply', { ticketId: id, supervisionId, note: REPLY });
    const error = await expectRefused(app, 'CONFLICT', () =>
      app.call('worker-1', 'ticket.reply', { ticketId: id, supervisionId, note: '再答复一次' }),
    );
    expect(error.message).toBe('这条督办已经答复过了');
  });

  test('two answers at once: exactly one is recorded', async () => {
    const { id, supervisionId } = await supervised();
    const answers = await Promise.all([
      app.call('zhang-yan', 'ticket.reply', { ticketId: id, supervisionId, note: '答复甲' }),
      app.call('worker-1', 'ticket.reply', { ticketId: id, supervisionId, note: '答复乙' }),
      app.call('community-1', 'ticket.reply', { ticketId: id, supervisionId, note: '答复丙' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const lost of answers.filter((a) => !a.ok)) expect(lost).toMatchObject({ error: { code: 'CONFLICT' } });
    const view = await app.ok('worker-1', 'ticket.get', { ticketId: id });
    expect(view.timeline?.filter((e) => e.kind === 'reply')).toHaveLength(1);
  });

  test("each 督办 has its own answer; the system's overdue 督办 is answered like an admin's", async () => {
    const ticket = await fileReport(app, nextResident());
    await app.ok('chen-jing', 'ticket.supervise', { ticketId: ticket.id, note: NOTE });
    // Thursday: the acceptance deadline (Wednesday 24:00) passed; the sweep escalates to the community and supervises.
    app.setNow('2026-11-26T02:00:00.000Z');
    expect(await handleJobs({ Type: 'Timer', TriggerName: 'sweep' }, { openid: null }, app.server.deps)).toMatchObject({ ok: true });
    const view = await app.ok('community-1', 'ticket.get', { ticketId: ticket.id });
    expect(view.level).toBe('community');
    expect(view.supervisions?.map((s) => [s.by, s.byLabel, s.level, s.answered])).toEqual([
      ['系统', '系统', 'community', false],
      ['陈静', '街道', 'grid', false],
    ]);
    const [system, street] = view.supervisions ?? [];
    await app.ok('community-1', 'ticket.reply', { ticketId: ticket.id, supervisionId: system?.id ?? '', note: '社区已接手' });
    const after = await app.ok('community-1', 'ticket.get', { ticketId: ticket.id });
    expect(after.supervisions?.map((s) => s.answered)).toEqual([true, false]);
    expect(after.allowedNotes).toEqual(['reply']);
    await app.ok('community-1', 'ticket.reply', { ticketId: ticket.id, supervisionId: street?.id ?? '', note: '已安排' });
    expect((await app.ok('community-1', 'ticket.get', { ticketId: ticket.id })).allowedNotes).toEqual([]);
    // The grid worker no longer holds it.
    expect((await app.ok('worker-1', 'ticket.get', { ticketId: ticket.id })).allowedNotes).toEqual([]);
  });

  test("only the ticket's holders answer: supervisors and other staff are refused, nothing changed", async () => {
    const { id, resident, supervisionId } = await supervised();
    await expectRefusedFor(app, 'ticket.reply', { ticketId: id, supervisionId, note: REPLY }, [
      ['chen-jing', 'CONFLICT'],
      ['district-1', 'CONFLICT'],
      [resident, 'FORBIDDEN'],
      ['worker-2', 'NOT_FOUND'],
      ['street-hp', 'NOT_FOUND'],
      ['dept-1', 'NOT_FOUND'],
    ]);
  });

  test('while dispatched, the department answers', async () => {
    const ticket = await fileReport(app, nextResident());
    await bringTo(app, ticket, 'accepted');
    await app.ok('worker-1', 'ticket.dispatch', { ticketId: ticket.id, departmentCode: 'cz-sanitation' });
    await app.ok('chen-jing', 'ticket.supervise', { ticketId: ticket.id, note: NOTE });
    const [record] = (await app.ok('dept-1', 'ticket.get', { ticketId: ticket.id })).supervisions ?? [];
    await expectRefused(app, 'CONFLICT', () =>
      app.call('worker-1', 'ticket.reply', { ticketId: ticket.id, supervisionId: record?.id ?? '', note: REPLY }),
    );
    const view = await app.ok('dept-1', 'ticket.reply', { ticketId: ticket.id, supervisionId: record?.id ?? '', note: REPLY });
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'reply', actorRole: 'deptHandler', actorLabel: '职能部门' });
  });

  test('a finished ticket has nothing to answer → CONFLICT', async () => {
    const { id, resident, supervisionId } = await supervised();
    await bringTo(app, { id, resident }, 'rejected');
    await expectRefused(app, 'CONFLICT', () => app.call('worker-1', 'ticket.reply', { ticketId: id, supervisionId, note: REPLY }));
  });

  test('a 督办 of another ticket, or none at all → NOT_FOUND', async () => {
    const first = await supervised();
    const second = await supervised();
    await expectRefused(app, 'NOT_FOUND', () =>
      app.call('worker-1', 'ticket.reply', { ticketId: first.id, supervisionId: second.supervisionId, note: REPLY }),
    );
    await expectRefused(app, 'NOT_FOUND', () =>
      app.call('worker-1', 'ticket.reply', { ticketId: first.id, supervisionId: 'no-such-record', note: REPLY }),
    );
  });

  test('an answer content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    const { id, supervisionId } = await supervised();
    await expectRefused(app, 'CONTENT_REJECTED', () =>
      app.call('worker-1', 'ticket.reply', { ticketId: id, supervisionId, note: '违禁测试' }),
    );
    expect((await rows(app, 'supervisions')).find((r) => r._id === supervisionId)?.answer).toBeUndefined();
  });

  test.each([
    ['missing note', {}],
    ['blank note', { note: '  ' }],
    ['note over 200 characters', { note: '答'.repeat(201) }],
    ['operator as supervision id', { note: REPLY, supervisionId: { $ne: '' } }],
    ['unknown field', { note: REPLY, answered: true }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    const { id, supervisionId } = await supervised();
    await expectRefused(app, 'INVALID_INPUT', () =>
      app.raw('worker-1', { action: 'ticket.reply', params: { ticketId: id, supervisionId, ...extra } }),
    );
  });
});
