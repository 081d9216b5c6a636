import { reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { bringTo, expectRefused, fileReport } from '../../../support/flows';

const app = useTestApp(async () => {
  await seedCommunity(app);
  app.setNow('2026-11-24T02:00:00.000Z');
});

async function resolved(resident = 'resident-a'): Promise<string> {
  const ticket = await fileReport(app, resident);
  await bringTo(app, ticket, 'resolved', { result: '已处理完毕' });
  return ticket.id;
}

describe('report.rate', () => {
  test.each([
    ['satisfied', '满意'],
    ['basic', '基本满意'],
    ['unsatisfied', '不满意'],
  ] as const)('rating %s closes the ticket', async (rating, label) => {
    const id = await resolved();
    const view = await app.ok('resident-a', 'report.rate', { ticketId: id, rating, comment: '谢谢网格员' });
    expect(view).toMatchObject({ status: 'closed', rating, ratingComment: '谢谢网格员' });
    expect(view.timeline?.at(-1)).toMatchObject({ kind: 'rate', toStatus: 'closed', note: `${label}：谢谢网格员` });
    expect(view.allowedActions).not.toContain('rate');
  });

  test('only once', async () => {
    const id = await resolved();
    await app.ok('resident-a', 'report.rate', { ticketId: id, rating: 'basic' });
    expect(await app.call('resident-a', 'report.rate', { ticketId: id, rating: 'satisfied' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  test('not before it is resolved', async () => {
    const { ticketId } = await app.ok('resident-a', 'report.submit', reportParams());
    expect(await app.call('resident-a', 'report.rate', { ticketId, rating: 'satisfied' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  test('only by the reporter: others cannot see it, staff may not rate', async () => {
    const id = await resolved();
    expect(await app.call('resident-b', 'report.rate', { ticketId: id, rating: 'satisfied' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.call('worker-1', 'report.rate', { ticketId: id, rating: 'satisfied' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('a comment that fails content security is refused, the ticket unchanged', async () => {
    const id = await resolved();
    await expectRefused(app, 'CONTENT_REJECTED', () =>
      app.call('resident-a', 'report.rate', { ticketId: id, rating: 'unsatisfied', comment: '违禁测试' }),
    );
  });

  test('staff who filed a 代报 or a patrol find may not rate it: it stays unrated', async () => {
    for (const filed of [{ onBehalfOf: { name: '王大爷', phone: '13812345678' } }, { patrol: true }]) {
      const { ticketId } = await app.ok('worker-1', 'report.submit', reportParams(filed));
      await bringTo(app, { id: ticketId, resident: 'worker-1' }, 'resolved', { result: '已处理完毕' });
      const view = await app.ok('worker-1', 'ticket.get', { ticketId });
      expect(view.allowedActions).not.toContain('rate');
      await expectRefused(app, 'FORBIDDEN', () => app.call('worker-1', 'report.rate', { ticketId, rating: 'satisfied' }));
      await expectRefused(app, 'FORBIDDEN', () => app.call('worker-1', 'report.reopen', { ticketId, reason: '再看看' }));
    }
  });

  test.each([
    ['rating outside the list', { rating: 'great' }],
    ['comment over 200 characters', { rating: 'basic', comment: '长'.repeat(201) }],
    ['operator comment', { rating: 'basic', comment: { $regex: '.*' } }],
    ['an invisible comment', { rating: 'basic', comment: '\u200b\u2800' }],
  ])('%s → INVALID_INPUT, nothing changed', async (_name, extra) => {
    // Another resident: resident-a has used up the hour's 10 reports above.
    const id = await resolved('resident-c');
    await expectRefused(app, 'INVALID_INPUT', () => app.raw('resident-c', { action: 'report.rate', params: { ticketId: id, ...extra } }));
  });
});
