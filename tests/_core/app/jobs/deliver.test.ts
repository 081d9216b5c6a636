// The `deliver` job over the real stack: outbox rows written with the ticket change, grants
// recorded by subscription.record, the local subscribeMessage twin with injected faults.
// Clock-driven: retries wait their backoff, crashed sends wait out their lease.
import { backoffMs, CONFIRM_WAIT_MS, deliverWith, MAX_ATTEMPTS } from '../../../../cloudfunctions/_core/app/jobs/deliver';
import { outboxDoc } from '../../../../cloudfunctions/_core/adapters/cloudbase/ticket-store';
import { ticketNo } from '../../../../cloudfunctions/_core/domain/ticket-no';
import { handleJobs } from '../../../../cloudfunctions/_core/app/jobs/handle-jobs';
import type { OutboxRow } from '../../../../cloudfunctions/_core/ports';
import { CloudMessageSender, miniprogramState } from '../../../../cloudfunctions/_core/adapters/cloudbase/message-sender';
import { fieldProblem } from '../../../../cloudfunctions/_local/twins/message-sender';
import { reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { bringTo, expectNoneOf, fileReport, freshResidents, messagesOf } from '../../../support/flows';

const T0 = '2026-11-24T02:00:00.000Z'; // Tuesday 10:00 Shanghai
const MINUTE = 60_000;
const FINAL = ['sent', 'refused', 'failed', 'skipped'];

const app = useTestApp();
let now = new Date(T0);
let warnings: string[] = [];

beforeEach(async () => {
  await app.reset();
  setNow(T0);
  await seedCommunity(app);
  app.server.sender.reset();
  warnings = [];
  jest.spyOn(console, 'warn').mockImplementation((line: string) => {
    warnings.push(line);
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  app.server.sender.reset();
});

function setNow(at: string | Date): void {
  now = new Date(at);
  app.setNow(now);
}
const advance = (ms: number): void => setNow(new Date(now.getTime() + ms));

async function deliver(): Promise<number> {
  const answer = await handleJobs({ Type: 'Timer', TriggerName: 'deliver' }, { openid: null }, app.server.deps);
  if (!answer.ok) throw new Error(`deliver failed: ${answer.error.code}`);
  expect(answer.data.job).toBe('deliver');
  return answer.data.processed;
}

const PHONE = '13912345678';
const DESCRIPTION = '楼下垃圾桶已经满了两天，没人清运，张阿姨家门口最严重。';

/** A resident (with `grants` accepts for ticketAccepted) submits; the grid worker accepts. */
const nextResident = freshResidents('deliver-resident');
async function acceptedTicket(grants = 1, resident = nextResident()): Promise<{ resident: string; ticketId: string }> {
  for (let i = 0; i < grants; i += 1) {
    expect(await app.ok(resident, 'subscription.record', { grants: { ticketAccepted: 'accept' } })).toEqual({ recorded: 1 });
  }
  const ticket = await fileReport(app, resident, { description: DESCRIPTION, contactPhone: PHONE });
  await bringTo(app, ticket, 'accepted');
  return { resident, ticketId: ticket.id };
}

const allRows = (): Promise<OutboxRow[]> => app.server.deps.outbox.list(1000);
async function acceptedRow(ticketId: string): Promise<OutboxRow> {
  const rows = (await allRows()).filter((r) => r.ticketId === ticketId && r.template === 'ticketAccepted');
  expect(rows).toHaveLength(1);
  return rows[0] as OutboxRow;
}
const sentTo = (ticketId: string) => app.server.sender.sent.filter((m) => m.page.endsWith(`?id=${ticketId}`));

describe('delivery', () => {
  test('a resident who granted the subscription hears that the ticket was accepted; fields fit the template, no personal data', async () => {
    const { resident, ticketId } = await acceptedTicket();
    const ticketBefore = await app.server.deps.tickets.get(ticketId);

    const processed = await deliver();
    // The resident's message, and the submit's staffNewTicket to worker-1 (no grant: skipped).
    expect(processed).toBe(2);
    const row = await acceptedRow(ticketId);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, leaseUntil: null, lastError: null, finishedAt: now });
    const staffRows = (await allRows()).filter((r) => r.ticketId === ticketId && r.template === 'staffNewTicket');
    expect(staffRows.map((r) => r.state)).toEqual(['skipped']);

    expect(app.server.sender.sent).toHaveLength(1);
    const message = app.server.sender.sent[0];
    expect(message).toMatchObject({ touser: resident, templateId: 'ticketAccepted', page: `pages/ticket/ticket?id=${ticketId}` });
    const data = message?.data ?? {};
    expect(Object.keys(data).sort()).toEqual(['character_string1', 'phrase3', 'thing2', 'thing5', 'time4']);
    for (const [name, field] of Object.entries(data)) expect(fieldProblem(name, field.value)).toBeNull();
    expect(Array.from(data.thing2?.value ?? '').length).toBeLessThanOrEqual(20);
    expect(Array.from(data.thing5?.value ?? '').length).toBeLessThanOrEqual(20);
    expect(Array.from(data.phrase3?.value ?? '').length).toBeLessThanOrEqual(5);
    expect(data.time4?.value).toBe('2026年11月24日 10:00');
    expect(data.character_string1?.value).toMatch(/^[\x20-\x7e]{1,32}$/);
    expectNoneOf(data, [PHONE, DESCRIPTION, DESCRIPTION.slice(0, 6), '华光路', resident]);

    // Delivery never touches the ticket.
    expect(await app.server.deps.tickets.get(ticketId)).toEqual(ticketBefore);
    // Nothing left to do.
    expect(await deliver()).toBe(0);
    expect(app.server.sender.calls).toBe(1);
  });

  test('no grant: the row is skipped, final, and never sent', async () => {
    const { ticketId } = await acceptedTicket(0);
    await deliver();
    expect(await acceptedRow(ticketId)).toMatchObject({ state: 'skipped', attempts: 1, finishedAt: now });
    advance(24 * 60 * MINUTE);
    await deliver();
    expect(app.server.sender.calls).toBe(0);
    expect((await acceptedRow(ticketId)).attempts).toBe(1);
  });

  test.each([
    ['one-time (the default): one grant, one message; the rest are skipped', undefined, ['sent', 'skipped', 'skipped']],
    ['long-term (configured): one grant, every message', { staffNewTicket: 'longTerm' as const }, ['sent', 'sent', 'sent']],
  ])('a staff template, %s', async (_name, kinds, states) => {
    const config = app.server.deps.config;
    app.server.deps.config = { ...config, ...(kinds ? { templateKinds: kinds } : {}) };
    try {
      expect(await app.ok('worker-1', 'subscription.record', { grants: { staffNewTicket: 'accept' } })).toEqual({ recorded: 1 });
      const tickets = [];
      for (let i = 0; i < 3; i += 1) tickets.push(await fileReport(app, nextResident()));
      await deliver();
      const rows = await Promise.all(
        tickets.map(async (t) => (await messagesOf(app, t.id)).find((r) => r.template === 'staffNewTicket' && r.touser === 'worker-1')),
      );
      expect(rows.map((r) => r?.state).sort()).toEqual([...states].sort());
      expect(app.server.sender.sent.filter((m) => m.touser === 'worker-1')).toHaveLength(states.filter((s) => s === 'sent').length);
      // Every message opens that ticket's staff handling page.
      expect(rows.map((r) => r?.page)).toEqual(tickets.map((t) => `staff/pages/ticket/ticket?id=${t.id}`));
    } finally {
      app.server.deps.config = config;
    }
  });

  test('a transient failure is retried after its backoff, then sent; the grant is used once', async () => {
    const { resident, ticketId } = await acceptedTicket();
    app.server.sender.failNext(1, -1, 'system error');
    await deliver();
    let row = await acceptedRow(ticketId);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, leaseUntil: null, finishedAt: null });
    expect(row.lastError).toContain('-1');
    expect(row.nextAttemptAt).toEqual(new Date(now.getTime() + MINUTE));

    // Not due yet: running again sends nothing.
    await deliver();
    advance(MINUTE - 1000);
    await deliver();
    expect(app.server.sender.calls).toBe(1);

    advance(1000);
    await deliver();
    row = await acceptedRow(ticketId);
    expect(row).toMatchObject({ state: 'sent', attempts: 2, lastError: null, finishedAt: now });
    expect(sentTo(ticketId)).toHaveLength(1);

    // The grant went back after the failure and was used by the send: none left.
    expect(await app.server.deps.grants.take(resident, 'ticketAccepted', now)).toBe(false);
    // No personal data in the logs.
    expect(warnings.length).toBeGreaterThan(0);
    for (const line of warnings) {
      expect(line).not.toContain(resident);
      expect(line).not.toContain(PHONE);
    }
  });

  test('a send that does not answer in time is retried', async () => {
    const { ticketId } = await acceptedTicket();
    app.server.sender.hangNext(60_000);
    const quick = deliverWith({ sendTimeoutMs: 50, log: () => undefined });
    expect(await quick(app.server.deps)).toBe(2);
    const row = await acceptedRow(ticketId);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.lastError).toContain('-604102');
    app.server.sender.reset(); // ends the hanging call (it sent nothing)

    advance(backoffMs(1));
    await deliver();
    expect(await acceptedRow(ticketId)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(sentTo(ticketId)).toHaveLength(1);
  });

  test('43101 (refused): final, never tried again however long we wait', async () => {
    const { ticketId } = await acceptedTicket();
    const ticketBefore = await app.server.deps.tickets.get(ticketId);
    app.server.sender.failNext(1, 43101, 'user refuse to accept the msg');
    await deliver();
    expect(await acceptedRow(ticketId)).toMatchObject({ state: 'refused', attempts: 1, finishedAt: now });
    for (let i = 0; i < 8; i += 1) {
      advance(3 * 60 * MINUTE);
      await deliver();
    }
    expect(app.server.sender.calls).toBe(1);
    expect(await acceptedRow(ticketId)).toMatchObject({ state: 'refused', attempts: 1 });
    expect(await app.server.deps.tickets.get(ticketId)).toEqual(ticketBefore);
  });

  test.each([
    [47003, 'argument invalid! data.thing2.value'],
    [41030, 'invalid page'],
  ])('%d: failed, final, not retried', async (errCode, errMsg) => {
    const { ticketId } = await acceptedTicket();
    app.server.sender.failNext(1, errCode, errMsg);
    await deliver();
    const row = await acceptedRow(ticketId);
    expect(row).toMatchObject({ state: 'failed', attempts: 1, finishedAt: now });
    expect(row.lastError).toContain(String(errCode));
    advance(2 * 60 * MINUTE);
    await deliver();
    expect(app.server.sender.calls).toBe(1);
  });

  test('a crash between send and record: after the lease runs out the row is settled failed, never sent twice, and no second grant is used', async () => {
    // Two grants: settling the crashed row must not use up the second one.
    const { resident, ticketId } = await acceptedTicket(2);
    app.server.sender.crashAfterSend();
    await deliver();
    let row = await acceptedRow(ticketId);
    expect(row).toMatchObject({ state: 'sending', attempts: 1 });
    expect(sentTo(ticketId)).toHaveLength(1);

    // Still under its lease: nobody takes it.
    advance(MINUTE);
    await deliver();
    expect((await acceptedRow(ticketId)).attempts).toBe(1);

    advance(2 * MINUTE);
    await deliver();
    row = await acceptedRow(ticketId);
    expect(row).toMatchObject({ state: 'failed', attempts: 2, leaseUntil: null });
    expect(row.lastError).toContain('outcome unknown');
    expect(sentTo(ticketId)).toHaveLength(1); // at most once
    advance(24 * 60 * MINUTE);
    await deliver();
    expect(sentTo(ticketId)).toHaveLength(1);
    expect(await app.server.deps.grants.take(resident, 'ticketAccepted', now)).toBe(true);
    expect(await app.server.deps.grants.take(resident, 'ticketAccepted', now)).toBe(false);
  });

  test(`a transient failure ${MAX_ATTEMPTS} times: failed after the last attempt, the ticket unchanged`, async () => {
    const { resident, ticketId } = await acceptedTicket();
    const ticketBefore = await app.server.deps.tickets.get(ticketId);
    app.server.sender.failNext(MAX_ATTEMPTS + 5, 45009, 'reach max api daily quota limit');
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await deliver();
      const row = await acceptedRow(ticketId);
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.state).toBe('pending');
        waits.push(row.nextAttemptAt.getTime() - now.getTime());
        setNow(row.nextAttemptAt);
      } else {
        expect(row).toMatchObject({ state: 'failed', finishedAt: now });
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16].map((m) => m * MINUTE));
    advance(24 * 60 * MINUTE);
    await deliver();
    expect(app.server.sender.calls).toBe(MAX_ATTEMPTS);
    expect(await app.server.deps.tickets.get(ticketId)).toEqual(ticketBefore);
    // Never delivered, so the grant is still there for the next message.
    expect(await app.server.deps.grants.take(resident, 'ticketAccepted', now)).toBe(true);
  });

  test("a new ticket's message whose ticket was never written waits, then is dropped unsent and its grant kept", async () => {
    expect(await app.ok('worker-1', 'subscription.record', { grants: { staffNewTicket: 'accept' } })).toEqual({ recorded: 1 });
    // What a submit that died between its two writes leaves: the message, not the ticket.
    await app.server.cloud.importDocuments('outbox', [
      outboxDoc({
        id: 'orphan-row',
        touser: 'worker-1',
        template: 'staffNewTicket',
        templateId: 'staffNewTicket',
        data: {},
        page: 'staff/pages/ticket/index?id=nowhere',
        ticketId: 'nowhere',
        createdAt: now,
        confirmNo: '20261124-000001',
      }),
    ]);
    expect(await deliver()).toBe(0);
    expect((await allRows()).find((r) => r.id === 'orphan-row')).toMatchObject({ state: 'pending', attempts: 0 });
    advance(CONFIRM_WAIT_MS);
    expect(await deliver()).toBe(1);
    expect((await allRows()).find((r) => r.id === 'orphan-row')).toMatchObject({ state: 'failed', lastError: 'no such ticket: not sent' });
    expect(app.server.sender.sent).toHaveLength(0);
    // The grant is still there for a message that is sent.
    const ticket = await fileReport(app, nextResident());
    await deliver();
    expect(sentTo(ticket.id).map((m) => m.touser)).toEqual(['worker-1']);
  });

  test("a ticket number drawn again: the first draw's message is dropped, the ticket's own is sent once", async () => {
    expect(await app.ok('worker-1', 'subscription.record', { grants: { staffNewTicket: 'accept' } })).toEqual({ recorded: 1 });
    const first = await fileReport(app, nextResident());
    const params = reportParams();
    const resident = nextResident();
    const nextId = app.server.deps.ids.idFromKey(`ticket|${resident}|${params.clientRequestId}`);
    const draw0 = ticketNo(now, nextId, 0);
    // Another ticket holds the number the next one draws first.
    const db = (await import('wx-server-sdk')).database();
    await db
      .collection('tickets')
      .doc(first.id)
      .update({ data: { no: draw0 } });
    const second = await app.ok(resident, 'report.submit', params);
    expect(second.no).toBe(ticketNo(now, nextId, 1));
    const rows = (await allRows()).filter((r) => r.ticketId === second.ticketId);
    expect(rows.map((r) => r.confirmNo).sort()).toEqual([draw0, second.no].sort());

    await deliver();
    const after = (await allRows()).filter((r) => r.ticketId === second.ticketId);
    expect(after.find((r) => r.confirmNo === draw0)).toMatchObject({ state: 'failed', lastError: 'no such ticket: not sent' });
    expect(after.find((r) => r.confirmNo === second.no)).toMatchObject({ state: 'sent' });
    expect(sentTo(second.ticketId)).toHaveLength(1);
  });

  test('the backoff doubles from one minute and stops at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((a) => backoffMs(a) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  test('several runs at once: each row is claimed by one run and sent exactly once', async () => {
    const tickets: string[] = [];
    for (let i = 0; i < 6; i += 1) tickets.push((await acceptedTicket()).ticketId);
    const rowCount = (await allRows()).length;
    // A running clock, as in production: each run's claim writes its own lease time.
    app.server.clock.set(now, 'running');
    const counts = await Promise.all([deliver(), deliver(), deliver(), deliver()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(rowCount);
    for (const ticketId of tickets) {
      expect(sentTo(ticketId)).toHaveLength(1);
      expect(await acceptedRow(ticketId)).toMatchObject({ state: 'sent', attempts: 1 });
    }
    expect(app.server.sender.sent).toHaveLength(tickets.length);
  });

  test('one row claimed by two runs at once: exactly one claim wins', async () => {
    const { ticketId } = await acceptedTicket();
    const row = await acceptedRow(ticketId);
    // Each at its own moment, so no two claims would write the same values.
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => app.server.deps.outbox.claim(row, new Date(now.getTime() + i), 2 * MINUTE)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Only the holder of that attempt may settle it.
    expect(await app.server.deps.outbox.settle(row.id, 7, { state: 'sent', nextAttemptAt: now, lastError: null, finishedAt: now })).toBe(
      false,
    );
    expect(await app.server.deps.outbox.settle(row.id, 1, { state: 'sent', nextAttemptAt: now, lastError: null, finishedAt: now })).toBe(
      true,
    );
    expect(await app.server.deps.outbox.settle(row.id, 1, { state: 'failed', nextAttemptAt: now, lastError: null, finishedAt: now })).toBe(
      false,
    );
    expect((await acceptedRow(ticketId)).state).toBe('sent');
  });

  test('whatever happens, every row ends in a final state after enough runs', async () => {
    const tickets: string[] = [];
    for (let i = 0; i < 5; i += 1) tickets.push((await acceptedTicket(i === 4 ? 0 : 1)).ticketId);
    const sender = app.server.sender;
    sender.failNext(2, -1); // first two sends: transient
    sender.failNext(1, 43101); // then a refusal
    sender.crashAfterSend(); // then a crash after sending
    sender.failNext(1, 47003); // then bad data
    for (let i = 0; i < 12 && (await allRows()).some((r) => !FINAL.includes(r.state)); i += 1) {
      await deliver();
      advance(60 * MINUTE);
    }
    const rows = await allRows();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) expect(FINAL).toContain(row.state);
    const states = await Promise.all(tickets.map(async (id) => (await acceptedRow(id)).state));
    expect(states.filter((s) => s === 'skipped')).toHaveLength(1);
    expect(states).toContain('refused');
    for (const ticketId of tickets) {
      const view = await app.ok('worker-1', 'ticket.get', { ticketId });
      expect(view.status).toBe('accepted');
    }
  });
});

describe('the cloud sender (subscribeMessage.send through wx-server-sdk), offline', () => {
  const message = {
    touser: 'oUser-openid-123',
    templateId: 'TmplId_1',
    page: 'pages/ticket/ticket?id=abc',
    data: { thing2: { value: '环境卫生' } },
  };

  test('sends the camelCase cloud-call parameters with the mini program state and zh_CN', async () => {
    const calls: unknown[] = [];
    const sender = new CloudMessageSender({
      state: 'trial',
      send: async (p) => (calls.push(p), { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }),
    });
    expect(await sender.send(message)).toEqual({ ok: true });
    expect(calls).toEqual([{ ...message, miniprogramState: 'trial', lang: 'zh_CN' }]);
  });

  test('MINIPROGRAM_STATE picks developer / trial / formal, formal otherwise', () => {
    expect(['developer', 'trial', 'formal', undefined, 'release', ''].map((v) => miniprogramState(v))).toEqual([
      'developer',
      'trial',
      'formal',
      'formal',
      'formal',
      'formal',
    ]);
  });

  test('a thrown SDK error becomes { ok: false, errCode, errMsg } without the openid', async () => {
    const sender = new CloudMessageSender({
      state: 'formal',
      send: async () => {
        throw Object.assign(new Error('x'), {
          errCode: 43101,
          errMsg: 'openapi.subscribeMessage.send:fail 43101 user refuse to accept the msg, touser oUser-openid-123',
        });
      },
    });
    const result = await sender.send(message);
    expect(result).toMatchObject({ ok: false, errCode: 43101 });
    expect(JSON.stringify(result)).not.toContain(message.touser);
    const odd = new CloudMessageSender({ state: 'formal', send: () => Promise.reject(new Error('socket hang up')) });
    expect(await odd.send(message)).toEqual({ ok: false, errCode: -1, errMsg: 'socket hang up' });
  });
});
