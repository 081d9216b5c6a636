import { seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused, fileReport, freshResidents } from '../../../support/flows';

const app = useTestApp(seedCommunity);

// Wednesday 2026-09-30 20:00 Shanghai, the eve of National Day.
const NATIONAL_DAY_EVE = '2026-09-30T12:00:00.000Z';

const nextResident = freshResidents('resident');
const submitted = async (overrides: Partial<Api.ReportSubmitParams> = {}): Promise<string> =>
  (await fileReport(app, nextResident(), overrides)).id;

describe('ticket.accept', () => {
  beforeEach(() => app.setNow('2026-11-24T02:00:00.000Z')); // Tuesday 10:00 Shanghai

  test('the grid worker accepts; a normal ticket must be resolved within 3 working days', async () => {
    const id = await submitted();
    const view = await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    expect(view.status).toBe('accepted');
    expect(view.complexity).toBe('normal');
    expect(view.resolveBy).toBe('2026-11-27T15:59:59.999Z'); // Friday 24:00
    expect(view.timeline?.map((e) => e.kind)).toEqual(['submit', 'accept']);
    expect(view.timeline?.[1]).toMatchObject({
      actorRole: 'gridWorker',
      actorLabel: '网格员',
      fromStatus: 'submitted',
      toStatus: 'accepted',
    });
    expect(view.allowedActions).toContain('resolve');
    expect(view.allowedActions).not.toContain('accept');
  });

  test('a complex ticket gets 5 working days, skipping the weekend', async () => {
    const id = await submitted();
    const view = await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'complex' });
    expect(view.resolveBy).toBe('2026-12-01T15:59:59.999Z'); // next Tuesday 24:00
  });

  test('accepted on the eve of National Day: the deadline skips the whole holiday', async () => {
    app.setNow(NATIONAL_DAY_EVE);
    const id = await submitted();
    const view = await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    // 10/1–10/7 holiday, 10/8 Thu, 10/9 Fri, 10/10 Sat make-up workday → 3rd working day is 10/10.
    expect(view.resolveBy).toBe('2026-10-10T15:59:59.999Z');
  });

  test('urgent repairs get 24 plain hours', async () => {
    const id = await submitted({ category: 'urgent-repair' });
    const view = await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'complex' });
    expect(view.resolveBy).toBe('2026-11-25T02:00:00.000Z');
  });

  test('the community admin may accept for any grid of the community', async () => {
    const id = await submitted();
    const view = await app.ok('community-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    expect(view.timeline?.[1]?.actorLabel).toBe('社区');
  });

  test('a worker of another grid cannot see it; a resident may not accept', async () => {
    const id = await submitted();
    expect(await app.call('worker-2', 'ticket.accept', { ticketId: id, complexity: 'normal' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.call('resident-a', 'ticket.accept', { ticketId: id, complexity: 'normal' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('accepting twice is a conflict and changes nothing', async () => {
    const id = await submitted();
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await expectRefused(app, 'CONFLICT', () => app.call('worker-1', 'ticket.accept', { ticketId: id, complexity: 'complex' }));
  });

  test('two staff accepting at once: exactly one wins, the other gets CONFLICT', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await submitted();
      const answers = await Promise.all([
        app.call('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' }),
        app.call('community-1', 'ticket.accept', { ticketId: id, complexity: 'complex' }),
        app.call('worker-1', 'ticket.accept', { ticketId: id, complexity: 'complex' }),
      ]);
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      for (const loser of answers.filter((a) => !a.ok)) expect(loser).toMatchObject({ error: { code: 'CONFLICT' } });
      const view = await app.ok('community-1', 'ticket.get', { ticketId: id });
      expect(view.timeline?.filter((e) => e.kind === 'accept')).toHaveLength(1);
    }
  });

  test.each([
    ['unknown ticket', { ticketId: 'nope', complexity: 'normal' }, 'NOT_FOUND'],
    ['missing complexity', { ticketId: 'abc' }, 'INVALID_INPUT'],
    ['complexity outside the list', { ticketId: 'abc', complexity: 'hard' }, 'INVALID_INPUT'],
    ['operator as ticketId', { ticketId: { $ne: null }, complexity: 'normal' }, 'INVALID_INPUT'],
    ['extra field', { ticketId: 'abc', complexity: 'normal', status: 'closed' }, 'INVALID_INPUT'],
  ])('%s → %s, nothing changed', async (_name, params, code) => {
    await expectRefused(app, code as Api.ErrorCode, () => app.raw('worker-1', { action: 'ticket.accept', params }));
  });
});
