// Suite 7, a timeline that cannot be rewritten: tickets walk the lifecycle through the API (every
// kind of entry: moves, requests, notes, the sweep's overdue and 督办, a claim), then someone with
// database access edits them directly through the SDK — fast-check picks the ticket and the edit:
// a note, a time, an actor or a kind changed, an entry removed, two swapped, the newest dropped,
// an entry copied in from another ticket, the seal replaced, the hash recomputed without the key.
// The verifier over the whole store (verifyStoredTimelines) must name exactly that ticket, and
// the store's own save must refuse to build on the edited entry. The per-case unit tests live in
// tests/_core/adapters/cloudbase/timeline-chain.test.ts; this is the store-wide check.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { COLLECTION } from '../../cloudfunctions/_core/adapters/cloudbase/collections';
import { database } from '../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { verifyStoredTimelines } from '../../cloudfunctions/_core/adapters/cloudbase/timeline-chain';
import { n, recordFigure } from './support/report';
import { AT, DEPT, freshResident, reportParams, seedWorld, STAFF, startWorld, type World } from './support/world';

const CASES = Number(process.env.VERIFY_TIMELINE_CASES ?? 300);
const T = '2026-11-24T02:00:00.000Z';
let world: World;
const ids: string[] = [];

type Doc = Record<string, unknown> & { _id: string };
type Entry = Record<string, unknown>;

beforeAll(async () => {
  world = await startWorld();
  world.setNow(T);
  await seedWorld(world);
  const grid = STAFF.grid.openid;
  for (let i = 0; i < 6; i += 1) {
    const reporter = freshResident('chain');
    const id = (await world.ok(reporter, 'report.submit', { ...reportParams(), contactPhone: '13700009999' })).ticketId;
    ids.push(id);
    await world.ok(STAFF.street.openid, 'ticket.supervise', { ticketId: id, note: '请尽快处理' });
    if (i === 0) continue;
    await world.ok(grid, 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await world.ok(grid, 'ticket.contact', { ticketId: id });
    if (i === 1) continue;
    await world.ok(grid, 'ticket.dispatch', { ticketId: id, departmentCode: DEPT });
    await world.ok(STAFF.dept.openid, 'ticket.return', { ticketId: id, reason: '不属于本部门职责' });
    await world.ok(grid, 'ticket.resolve', { ticketId: id, result: '已处理完毕' });
    if (i === 2) continue;
    await world.ok(reporter, 'report.rate', { ticketId: id, rating: 'unsatisfied', comment: '没有解决' });
    await world.ok(reporter, 'report.reopen', { ticketId: id, reason: '问题还在' });
  }
  // The sweep's own entries: a ticket left past its deadline.
  world.setNow(new Date(Date.parse(T) + 5 * 24 * 3600_000));
  await world.job('sweep');
  const claimed = await world.ok(
    grid,
    'report.submit',
    reportParams({ onBehalfOf: { name: '王大爷', phone: '13900006666' }, location: { ...AT.grid } }),
  );
  const code = (await world.ok(grid, 'ticket.get', { ticketId: claimed.ticketId })).claimCode ?? '';
  await world.ok(freshResident('chainClaim'), 'report.claim', { code });
  ids.push(claimed.ticketId);
}, 120_000);
afterAll(() => world?.close());

const read = async (id: string): Promise<Doc> => {
  const { data } = (await database().collection(COLLECTION.tickets).doc(id).get()) as { data: Doc };
  return data;
};
/** Writes a ticket as someone with database access would: no function, no chain key. */
const write = async (doc: Doc): Promise<void> => {
  const { _id, ...data } = doc;
  await database().collection(COLLECTION.tickets).doc(_id).set({ data });
};

type Edit = (entries: Entry[], doc: Doc, other: Doc) => boolean;
/** The edits someone with database access might make; false when this timeline is too short for it. */
const EDITS: Record<string, Edit> = {
  'a note changed': (e, _d, _o) => {
    const x = e.find((y) => typeof y.note === 'string');
    if (!x) return false;
    x.note = `${String(x.note)}（已核实）`;
    return true;
  },
  'a time moved': (e) => {
    const x = e[Math.floor(e.length / 2)] as Entry;
    x.at = new Date((x.at instanceof Date ? x.at.getTime() : Date.parse(String(x.at))) - 3600_000);
    return true;
  },
  'an actor changed': (e) => {
    const x = e.find((y) => typeof y.actorOpenid === 'string');
    if (!x) return false;
    x.actorOpenid = STAFF['grid:other'].openid;
    return true;
  },
  'a kind changed': (e) => {
    const x = e[e.length - 1] as Entry;
    x.kind = x.kind === 'supervise' ? 'urge' : 'supervise';
    return true;
  },
  'an entry removed in the middle': (e) => e.length >= 3 && e.splice(1, 1).length === 1,
  'two entries swapped': (e) => {
    if (e.length < 3) return false;
    [e[1], e[2]] = [e[2] as Entry, e[1] as Entry];
    return true;
  },
  'the newest entry dropped': (e) => e.length >= 2 && e.pop() !== undefined,
  'an entry copied in from another ticket': (e, _d, other) => {
    const theirs = (other.timeline as Entry[])[1];
    if (!theirs) return false;
    e.push({ ...theirs });
    return true;
  },
  'the seal replaced': (_e, d) => {
    d.timelineSeal = createHash('sha256').update('forged').digest('hex');
    return true;
  },
  'a hash recomputed without the key': (e) => {
    const x = e[0] as Entry;
    x.note = '篡改';
    x.hash = createHash('sha256').update(JSON.stringify(x)).digest('hex');
    return true;
  },
};

test('every ticket the suite made has an intact chain', async () => {
  const { checked, broken } = await verifyStoredTimelines(database());
  recordFigure({
    section: 'timeline',
    figure: 'stored tickets whose hash chain holds',
    value: `${n(checked - broken.length)} of ${n(checked)}`,
    target: 'all',
    met: broken.length === 0 && checked >= ids.length,
  });
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(ids.length);
});

test(`${n(CASES)} edits made directly in the database: the verifier names exactly the edited ticket, and no move builds on it`, async () => {
  const tally = { tried: 0, found: 0, wrongTicket: 0, builtOn: 0 };
  const misses: string[] = [];
  await fc.assert(
    fc.asyncProperty(fc.nat(ids.length - 1), fc.nat(ids.length - 1), fc.constantFrom(...Object.keys(EDITS)), async (t, o, kind) => {
      const id = ids[t] as string;
      const original = await read(id);
      const other = await read(ids[o === t ? (o + 1) % ids.length : o] as string);
      const doc = structuredClone(original);
      const entries = doc.timeline as Entry[];
      if (!(EDITS[kind] as Edit)(entries, doc, other)) return;
      tally.tried += 1;
      await write(doc);
      try {
        const { broken } = await verifyStoredTimelines(database(), undefined, 3);
        if (broken.some((b) => b.ticketId === id)) tally.found += 1;
        else misses.push(`${kind} on ticket ${t}`);
        if (broken.some((b) => b.ticketId !== id)) tally.wrongTicket += 1;
        // A move on the edited ticket: refused, or it writes onto the stored entries (never a chain repaired over them).
        const urge = await world.call(STAFF.street.openid, 'ticket.supervise', { ticketId: id, note: '再次督办' });
        if (urge.ok) {
          const after = await verifyStoredTimelines(database(), undefined, 50);
          if (!after.broken.some((b) => b.ticketId === id)) tally.builtOn += 1;
        }
      } finally {
        await write(original);
      }
    }),
    { numRuns: CASES, seed: Number(process.env.VERIFY_SEED ?? 20261201), endOnFailure: true },
  );
  recordFigure({
    section: 'timeline',
    figure: 'database edits of a timeline found by the verifier',
    value: `${n(tally.found)} of ${n(tally.tried)}`,
    target: 'all',
    met: tally.found === tally.tried && tally.tried > 0,
  });
  recordFigure({
    section: 'timeline',
    figure: 'untouched tickets blamed, or edits hidden by a later move',
    value: tally.wrongTicket + tally.builtOn,
    target: '0',
    met: tally.wrongTicket + tally.builtOn === 0,
  });
  expect(misses.slice(0, 10)).toEqual([]);
  expect(tally.wrongTicket + tally.builtOn).toBe(0);
});
