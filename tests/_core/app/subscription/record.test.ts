// subscription.record: what wx.requestSubscribeMessage answered, recorded as one-time grants.
// One 'accept' allows one message of that template; bad input changes nothing.
import { handleApi } from '../../../../cloudfunctions/_core/app/handle-api';
import { handleJobs } from '../../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { MAX_GRANTS_IN_STOCK } from '../../../../cloudfunctions/_core/adapters/cloudbase/grant-store';
import type { Deps } from '../../../../cloudfunctions/_core/ports';
import { reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused } from '../../../support/flows';

const app = useTestApp(seedCommunity);
beforeEach(() => {
  app.setNow('2026-11-24T02:00:00.000Z');
  app.server.sender.reset();
});

let people = 0;
const someone = (): string => `record-resident-${(people += 1)}`;

/** How many grants `openid` holds for `template`, by using them up (then giving them back). */
async function grantsOf(openid: string, template: Api.TemplateKey): Promise<number> {
  const { grants, clock } = app.server.deps;
  let n = 0;
  while (n < 50 && (await grants.take(openid, template, clock.now()))) n += 1;
  for (let i = 0; i < n; i += 1) await grants.giveBack(openid, template, clock.now());
  return n;
}

describe('subscription.record', () => {
  test('each accept is one grant; reject, ban and filter record nothing', async () => {
    const resident = someone();
    const answer = await app.ok(resident, 'subscription.record', {
      grants: { ticketAccepted: 'accept', ticketResolved: 'accept', ticketRejected: 'reject' },
    });
    expect(answer).toEqual({ recorded: 2 });
    await app.ok(resident, 'subscription.record', {
      grants: { ticketAccepted: 'accept', ticketResolved: 'ban', ticketRejected: 'filter' },
    });
    expect(await grantsOf(resident, 'ticketAccepted')).toBe(2);
    expect(await grantsOf(resident, 'ticketResolved')).toBe(1);
    expect(await grantsOf(resident, 'ticketRejected')).toBe(0);
    expect(await grantsOf(someone(), 'ticketAccepted')).toBe(0);
  });

  test('the stock of one template is capped: a client recording in a loop cannot pile up grants', async () => {
    const resident = someone();
    for (let i = 0; i < MAX_GRANTS_IN_STOCK + 15; i += 1)
      await app.ok(resident, 'subscription.record', { grants: { ticketAccepted: 'accept' } });
    expect(await grantsOf(resident, 'ticketAccepted')).toBe(MAX_GRANTS_IN_STOCK);
    // Using one makes room for one more.
    await app.server.deps.grants.take(resident, 'ticketAccepted', app.server.deps.clock.now());
    await app.ok(resident, 'subscription.record', { grants: { ticketAccepted: 'accept' } });
    expect(await grantsOf(resident, 'ticketAccepted')).toBe(MAX_GRANTS_IN_STOCK);
  });

  test('staff record their own grants too', async () => {
    expect(await app.ok('worker-1', 'subscription.record', { grants: { staffNewTicket: 'accept', staffEscalated: 'accept' } })).toEqual({
      recorded: 2,
    });
    expect(await grantsOf('worker-1', 'staffNewTicket')).toBe(1);
  });

  test('template ids this build does not know are ignored when at least one is known', async () => {
    const resident = someone();
    expect(await app.ok(resident, 'subscription.record', { grants: { ticketAccepted: 'accept', SomeOtherTemplate_9: 'accept' } })).toEqual({
      recorded: 1,
    });
    expect(await grantsOf(resident, 'ticketAccepted')).toBe(1);
  });

  test('real template ids are mapped back to their keys', async () => {
    const deps: Deps = {
      ...app.server.deps,
      config: {
        ...app.server.deps.config,
        templateIds: { ...app.server.deps.config.templateIds, ticketAccepted: 'vD9-aR3alTemplateId_x' },
      },
    };
    const resident = someone();
    const call = (grants: Record<string, string>) =>
      handleApi({ action: 'subscription.record', params: { grants } }, { openid: resident }, deps, () => undefined);
    expect(await call({ 'vD9-aR3alTemplateId_x': 'accept' })).toEqual({ ok: true, data: { recorded: 1 } });
    expect(await grantsOf(resident, 'ticketAccepted')).toBe(1);
    // The key itself is no longer a template id.
    expect(await call({ ticketAccepted: 'accept' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await grantsOf(resident, 'ticketAccepted')).toBe(1);
  });

  test('one accept = one message: two messages of the same template on one grant → one sent, one skipped', async () => {
    const resident = someone();
    await app.ok(resident, 'subscription.record', { grants: { ticketAccepted: 'accept' } });
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { ticketId } = await app.ok(resident, 'report.submit', reportParams());
      await app.ok('worker-1', 'ticket.accept', { ticketId, complexity: 'normal' });
      ids.push(ticketId);
    }
    const answer = await handleJobs({ Type: 'Timer', TriggerName: 'deliver' }, { openid: null }, app.server.deps);
    expect(answer.ok).toBe(true);
    const rows = (await app.server.deps.outbox.list(1000)).filter((r) => r.touser === resident);
    expect(rows.map((r) => r.state).sort()).toEqual(['sent', 'skipped']);
    expect(app.server.sender.sent.filter((m) => m.touser === resident)).toHaveLength(1);
  });

  test('grants are exact under parallel calls', async () => {
    const resident = someone();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => app.ok(resident, 'subscription.record', { grants: { ticketResolved: 'accept' } })),
    );
    expect(answers.reduce((n, a) => n + a.recorded, 0)).toBe(10);
    const { grants, clock } = app.server.deps;
    const taken = await Promise.all(Array.from({ length: 14 }, () => grants.take(resident, 'ticketResolved', clock.now())));
    expect(taken.filter(Boolean)).toHaveLength(10);
    await Promise.all(Array.from({ length: 3 }, () => grants.giveBack(resident, 'ticketResolved', clock.now())));
    expect(await grantsOf(resident, 'ticketResolved')).toBe(3);
  });

  const bad: Array<[string, unknown]> = [
    ['no params', undefined],
    ['no grants', {}],
    ['grants not an object', { grants: 'ticketAccepted' }],
    ['grants an array', { grants: ['ticketAccepted'] }],
    ['grants null', { grants: null }],
    ['empty grants', { grants: {} }],
    ['an unknown answer', { grants: { ticketAccepted: 'yes' } }],
    ['an answer that is not text', { grants: { ticketAccepted: true } }],
    ['an operator object as answer', { grants: { ticketAccepted: { $ne: null } } }],
    ['an operator key', { grants: { $inc: 'accept' } }],
    ['a dotted key', { grants: { 'available.x': 'accept' } }],
    ['a key too long', { grants: { ['a'.repeat(65)]: 'accept' } }],
    ['only unknown ids', { grants: { UnknownTemplate: 'accept' } }],
    ['an Object.prototype name', { grants: { constructor: 'accept' } }],
    ['__proto__', JSON.parse('{"grants":{"__proto__":"accept"}}') as unknown],
    [
      'six entries',
      {
        grants: {
          ticketAccepted: 'accept',
          ticketResolved: 'accept',
          ticketRejected: 'accept',
          staffNewTicket: 'accept',
          staffEscalated: 'accept',
          other: 'accept',
        },
      },
    ],
    ['an extra field', { grants: { ticketAccepted: 'accept' }, openid: 'someone-else' }],
  ];
  test.each(bad)('%s → INVALID_INPUT, nothing stored', async (_name, params) => {
    const resident = someone();
    const error = await expectRefused(app, 'INVALID_INPUT', () =>
      app.raw(resident, { action: 'subscription.record', ...(params === undefined ? {} : { params }) }),
    );
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('not signed in → UNAUTHENTICATED, nothing stored', async () => {
    await expectRefused(app, 'UNAUTHENTICATED', () => app.call(null, 'subscription.record', { grants: { ticketAccepted: 'accept' } }));
  });
});
