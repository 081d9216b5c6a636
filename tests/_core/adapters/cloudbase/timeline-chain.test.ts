// The timeline hash chain over the real store: every entry the store writes is chained and the
// ticket sealed; the verifier finds an edited, removed, inserted, reordered or dropped-last entry;
// a save that rewrites an earlier entry is refused with nothing written; a ticket stored before
// the chain existed starts its chain at its first hashed entry.
import { database } from '../../../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { COLLECTION } from '../../../../cloudfunctions/_core/adapters/cloudbase/collections';
import { canonical, TimelineChain, TimelineRewriteError } from '../../../../cloudfunctions/_core/adapters/cloudbase/timeline-chain';
import { seedCommunity, useTestApp } from '../../../support/app';
import { bringTo, fileReport, rowById, type Row } from '../../../support/flows';

const app = useTestApp(seedCommunity);
const chain = new TimelineChain();

async function storedTicket(id: string): Promise<Row & { _id: string }> {
  const row = await rowById(app, COLLECTION.tickets, id);
  if (!row) throw new Error(`no ticket ${id}`);
  return row as Row & { _id: string };
}

/** Writes a ticket document as someone with database access would (no function involved). */
async function overwrite(doc: Row & { _id: string }): Promise<void> {
  const { _id, ...data } = doc;
  await database().collection(COLLECTION.tickets).doc(_id).set({ data });
}

async function closedTicket(resident: string): Promise<string> {
  const ticket = await fileReport(app, resident);
  await app.ok('street-1', 'ticket.supervise', { ticketId: ticket.id, note: '请尽快处理' });
  await bringTo(app, ticket, 'closed');
  return ticket.id;
}

test('every entry the store writes is chained onto the one before, and the ticket is sealed', async () => {
  const id = await closedTicket('chain-resident-1');
  const doc = await storedTicket(id);
  const timeline = doc.timeline as Row[];
  expect(timeline.length).toBeGreaterThanOrEqual(4);
  expect(timeline[0]?.prevHash).toBeNull();
  for (let i = 1; i < timeline.length; i += 1) expect(timeline[i]?.prevHash).toBe(timeline[i - 1]?.hash);
  expect(chain.verify(doc)).toEqual({ ok: true, hashed: timeline.length, legacy: 0 });
  // Clients never see the chain.
  const view = await app.ok('chain-resident-1', 'ticket.get', { ticketId: id });
  expect(JSON.stringify(view)).not.toMatch(/prevHash|timelineSeal|"hash"/);
});

describe('the verifier finds', () => {
  let id: string;
  let original: Row & { _id: string };
  beforeEach(async () => {
    id = await closedTicket(`chain-resident-${Math.random().toString(36).slice(2, 8)}`);
    original = await storedTicket(id);
  });
  const tampered = async (change: (timeline: Row[], doc: Row) => void) => {
    const doc = structuredClone(original);
    change(doc.timeline as Row[], doc);
    await overwrite(doc);
    return chain.verify(await storedTicket(id));
  };

  test('an edited note', async () => {
    expect(await tampered((t) => void ((t[1] as Row).note = '已处理（改过）'))).toEqual({ ok: false, index: 1, problem: 'edited' });
  });
  test('an edited time', async () => {
    expect(await tampered((t) => void ((t[2] as Row).at = new Date(0)))).toMatchObject({ ok: false, index: 2, problem: 'edited' });
  });
  test('an edited actor, with the hash recomputed without the key', async () => {
    const forged = new TimelineChain('someone-elses-secret');
    const result = await tampered((t, doc) => {
      const entry = t[1] as Row;
      entry.actorOpenid = 'someone-else';
      entry.hash = forged.hashOf(String(doc._id), entry.prevHash as string, entry);
    });
    expect(result).toMatchObject({ ok: false, index: 1, problem: 'edited' });
  });
  test('a removed entry in the middle', async () => {
    expect(await tampered((t) => void t.splice(1, 1))).toEqual({ ok: false, index: 1, problem: 'broken-link' });
  });
  test('two entries swapped', async () => {
    expect(await tampered((t) => void t.splice(1, 2, t[2] as Row, t[1] as Row))).toMatchObject({ ok: false, problem: 'broken-link' });
  });
  test('the newest entry removed', async () => {
    expect(await tampered((t) => void t.pop())).toMatchObject({ ok: false, problem: 'seal' });
  });
  test('an entry copied from another ticket', async () => {
    const other = await storedTicket(await closedTicket('chain-resident-copy'));
    expect(await tampered((t) => void (t[1] = (other.timeline as Row[])[1] as Row))).toMatchObject({ ok: false, index: 1 });
  });
  test('an unhashed entry slipped in after the chain began', async () => {
    const result = await tampered((t) => {
      const { hash: _h, prevHash: _p, ...bare } = t[1] as Row;
      t.splice(2, 0, { ...bare, note: '补记' });
    });
    expect(result).toMatchObject({ ok: false, index: 2, problem: 'unhashed' });
  });
  test('and nothing when the document is as stored', async () => {
    expect(chain.verify(original)).toMatchObject({ ok: true });
  });
});

test('a save that rewrites an earlier entry is refused before anything is written', async () => {
  const ticket = await fileReport(app, 'chain-resident-rewrite');
  await bringTo(app, ticket, 'accepted');
  const before = await app.snapshot();
  const current = await app.server.deps.tickets.get(ticket.id);
  if (!current) throw new Error('no ticket');
  const rewritten = {
    ...current,
    version: current.version + 1,
    timeline: [{ ...current.timeline[0], note: '改写的内容' } as (typeof current.timeline)[number], ...current.timeline.slice(1)],
  };
  await expect(app.server.deps.tickets.save(rewritten, { outbox: [], supervision: null })).rejects.toBeInstanceOf(TimelineRewriteError);
  const shorter = { ...current, version: current.version + 1, timeline: current.timeline.slice(0, 1) };
  await expect(app.server.deps.tickets.save(shorter, { outbox: [], supervision: null })).rejects.toBeInstanceOf(TimelineRewriteError);
  expect(await app.snapshot()).toEqual(before);
});

test('a timeline edited in the database is not built on: the next move is refused (CONFLICT, a log line) and writes nothing, so no new entry hides the edit', async () => {
  const ticket = await fileReport(app, 'chain-resident-tampered');
  await bringTo(app, ticket, 'accepted');
  const doc = await storedTicket(ticket.id);
  const cut = structuredClone(doc);
  (cut.timeline as Row[]).pop(); // the newest entry dropped: only the seal tells
  await overwrite(cut);
  expect(chain.verify(await storedTicket(ticket.id))).toMatchObject({ ok: false, problem: 'seal' });
  const before = await app.snapshot();
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const answer = await app.call('worker-1', 'ticket.resolve', { ticketId: ticket.id, result: '已处理' });
  expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining(`ticket ${ticket.id} fails its chain (seal`)]);
  errors.mockRestore();
  expect(await app.snapshot()).toEqual(before);
  expect(chain.verify(await storedTicket(ticket.id))).toMatchObject({ ok: false, problem: 'seal' });
});

test('a ticket stored before the chain existed: its chain starts at the first hashed entry', async () => {
  const ticket = await fileReport(app, 'chain-resident-legacy');
  // Make it look like a document written by the previous version: no hashes, no seal.
  const doc = await storedTicket(ticket.id);
  const legacy = structuredClone(doc);
  legacy.timeline = (legacy.timeline as Row[]).map(({ hash: _h, prevHash: _p, ...rest }) => rest);
  delete legacy.timelineSeal;
  await overwrite(legacy);
  expect(chain.verify(await storedTicket(ticket.id))).toEqual({ ok: true, hashed: 0, legacy: 1 });

  await bringTo(app, ticket, 'resolved');
  const after = await storedTicket(ticket.id);
  const timeline = after.timeline as Row[];
  expect(timeline[0]).not.toHaveProperty('hash');
  expect(timeline[1]?.prevHash).toBeNull();
  expect(chain.verify(after)).toEqual({ ok: true, hashed: timeline.length - 1, legacy: 1 });
});

test('canonical text: key order and undefined do not matter, dates are instants', () => {
  expect(canonical({ b: 1, a: [new Date('2026-11-24T02:00:00Z'), null], c: undefined })).toBe(
    canonical({ a: [new Date('2026-11-24T02:00:00.000Z'), null], b: 1 }),
  );
  expect(canonical({ a: '1' })).not.toBe(canonical({ a: 1 }));
});
