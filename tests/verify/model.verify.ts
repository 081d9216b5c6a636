// Suite 3, concurrency and a model: fast-check commands drive the lifecycle on the real stack —
// reports filed (resident, patrol, 代报; normal and urgent; in a grid, another district, triage),
// moves by every kind of caller, races of two or three callers (and jobs) on one ticket at once,
// follows that land during staff moves, clock moves and the timer jobs — under the TCB
// transaction rules the local cloud enforces. After every command each ticket must hold:
//  - one state: its status is the last entry's, every entry starts where the one before ended;
//  - a monotone timeline: entries only added at the end, in time order, version = entry count,
//    the hash chain intact;
//  - consistent deadlines: the one the ticket waits on is set, later than the entry that started
//    the step, at the end of a Shanghai day (urgent: exactly 30 min / 24 h later); after a sweep
//    nothing open is past its deadline unhandled;
//  - the server's word kept: a move succeeds exactly when allowedActions offered it;
//  - races: every move answered OK is in the timeline (no lost update), nothing is there that was
//    refused, and of callers making the same exclusive move at once at most one wins;
// and after the figures job, every cell's figures equal a recount of its tickets.
import fc from 'fast-check';
import { FOLLOW_PURPOSE } from '../../cloudfunctions/_core/app/report/nearby';
import { TimelineChain } from '../../cloudfunctions/_core/adapters/cloudbase/timeline-chain';
import { COLLECTION } from '../../cloudfunctions/_core/adapters/cloudbase/collections';
import { database } from '../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { demoPointIn } from '../../cloudfunctions/_local/demo/grids';
import { n, recordFigure } from './support/report';
import { AT, DEPT, freshResident, oid, reportParams, seedWorld, STAFF, startWorld, SUPER, type World } from './support/world';
import { unpackTally } from '../../cloudfunctions/_core/adapters/cloudbase/figures-codec';

const RUNS = Number(process.env.VERIFY_MODEL_RUNS ?? 1000);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

type Doc = Record<string, unknown> & { _id: string };
type Entry = Record<string, unknown> & {
  at: Date;
  kind: string;
  fromStatus: string | null;
  toStatus: string;
  level: string;
  actorOpenid: string | null;
};

interface Tk {
  id: string;
  reporter: string;
  urgent: boolean;
  /** The timeline as last seen (its entries must stay as they were). */
  seen: string[];
}
interface Model {
  tickets: Tk[];
}
interface Real {
  world: World;
}

const stats = {
  runs: 0,
  commands: 0,
  moves: 0,
  movesOk: 0,
  races: 0,
  raceCalls: 0,
  exclusiveRaces: 0,
  exclusiveOneWinner: 0,
  exclusiveTwoWinners: 0,
  lostUpdates: 0,
  phantomEntries: 0,
  follows: 0,
  lostFollows: 0,
  clockMoves: 0,
  jobs: 0,
  ticketChecks: 0,
  figureCells: 0,
  figureMismatches: 0,
  allowedMismatches: 0,
  problems: [] as string[],
};

let world: World;
let now = 0;
let runProblems: string[] = [];
const chain = new TimelineChain();
const NEIGHBOUR = oid('modelNeighbour');

const problem = (text: string): void => {
  runProblems.push(text);
  if (stats.problems.length < 30) stats.problems.push(text);
};

const setNow = (ms: number): void => {
  now = ms;
  world.setNow(new Date(ms));
};

// ---- reading the store ----

const ticketDocs = (): Map<string, Doc> => new Map((world.server.cloud.snapshot().tickets ?? []).map((d) => [String(d._id), d as Doc]));
const entriesOf = (doc: Doc): Entry[] => (Array.isArray(doc.timeline) ? (doc.timeline as Entry[]) : []);
const canon = (e: Entry): string => JSON.stringify({ ...e, at: e.at instanceof Date ? e.at.toISOString() : e.at });
const time = (v: unknown): number | null => (v instanceof Date ? v.getTime() : null);
const shanghaiDay = (ms: number): number => Math.floor((ms + SHANGHAI) / DAY);

/** The entry that started the step the ticket waits on now (its deadline's origin). */
function stepStart(entries: Entry[], status: string): Entry | undefined {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const e = entries[i] as Entry;
    const prev = entries[i - 1];
    const levelChanged = prev !== undefined && prev.level !== e.level;
    if (
      status === 'submitted' &&
      (e.kind === 'submit' || e.kind === 'transfer' || ((e.kind === 'escalate' || e.kind === 'overdue') && levelChanged))
    )
      return e;
    if (
      status === 'accepted' &&
      (e.kind === 'accept' ||
        e.kind === 'reopen' ||
        ((e.kind === 'escalate' || e.kind === 'overdue') && levelChanged && e.toStatus === 'accepted'))
    )
      return e;
  }
  return undefined;
}

function checkTicket(tk: Tk, doc: Doc | undefined, afterSweep: boolean): void {
  stats.ticketChecks += 1;
  const where = `ticket ${tk.id.slice(0, 8)}`;
  if (!doc) return problem(`${where}: gone from the store`);
  const entries = entriesOf(doc);
  const status = String(doc.status);
  // One state.
  if (!['submitted', 'accepted', 'resolved', 'closed', 'rejected', 'withdrawn'].includes(status)) problem(`${where}: status ${status}`);
  if (entries[0]?.kind !== 'submit' || entries[0]?.fromStatus !== null)
    problem(`${where}: the timeline does not start with the submission`);
  if (entries[entries.length - 1]?.toStatus !== status)
    problem(`${where}: status ${status} but the last entry ends in ${entries[entries.length - 1]?.toStatus}`);
  for (let i = 1; i < entries.length; i += 1) {
    const e = entries[i] as Entry;
    const prev = entries[i - 1] as Entry;
    if (e.fromStatus !== prev.toStatus)
      problem(`${where}: entry ${i} (${e.kind}) starts from ${e.fromStatus}, the one before ended in ${prev.toStatus}`);
    if ((time(e.at) ?? 0) < (time(prev.at) ?? 0)) problem(`${where}: entry ${i} (${e.kind}) is earlier than the one before`);
  }
  // Monotone: what was seen stays, version counts the entries, the chain holds.
  const current = entries.map(canon);
  for (let i = 0; i < tk.seen.length; i += 1) if (current[i] !== tk.seen[i]) problem(`${where}: entry ${i} changed or disappeared`);
  tk.seen = current;
  if (Number(doc.version) !== entries.length) problem(`${where}: version ${String(doc.version)} for ${entries.length} entries`);
  const verdict = chain.verify(doc);
  if (!verdict.ok) problem(`${where}: hash chain ${verdict.problem} at ${verdict.index}`);
  // Deadlines.
  const acceptBy = time(doc.acceptBy);
  const resolveBy = time(doc.resolveBy);
  if (status === 'submitted' && (acceptBy === null || resolveBy !== null))
    problem(`${where}: submitted with acceptBy ${acceptBy} resolveBy ${resolveBy}`);
  if (status === 'accepted' && resolveBy === null) problem(`${where}: accepted without resolveBy`);
  if ((status === 'rejected' || status === 'withdrawn') && (acceptBy !== null || resolveBy !== null))
    problem(`${where}: ${status} still has a deadline`);
  const due = status === 'submitted' ? acceptBy : status === 'accepted' ? resolveBy : null;
  const start = stepStart(entries, status);
  if (due !== null && start) {
    const from = time(start.at) ?? 0;
    if (tk.urgent) {
      const want = from + (status === 'submitted' ? 30 * MINUTE : DAY);
      if (due !== want) problem(`${where}: urgent ${status} deadline ${new Date(due).toISOString()}, want ${new Date(want).toISOString()}`);
    } else {
      if ((due + 1 + SHANGHAI) % DAY !== 0) problem(`${where}: deadline ${new Date(due).toISOString()} is not the end of a Shanghai day`);
      if (shanghaiDay(due) <= shanghaiDay(from) || due - from > 21 * DAY)
        problem(`${where}: deadline ${new Date(due).toISOString()} does not follow its step's start ${new Date(from).toISOString()}`);
    }
  }
  if (afterSweep && due !== null && due < now_() && time(doc.overdueHandledFor) !== due)
    problem(`${where}: past its deadline after a sweep, unhandled`);
}
const now_ = (): number => now;

function checkAll(model: Model, afterSweep = false): void {
  const docs = ticketDocs();
  for (const tk of model.tickets) checkTicket(tk, docs.get(tk.id), afterSweep);
}

// ---- figures: the rollups against a recount of the stored tickets ----

const cellOf = (d: Doc): string =>
  d.gridCode !== null && d.gridCode !== undefined ? String(d.gridCode) : `triage:${String(d.community ?? d.district ?? '-')}`;
const dayKey = (ms: number): string => new Date(ms + SHANGHAI).toISOString().slice(0, 10);
const COUNTERS = ['received', 'accepted', 'resolved', 'closed', 'rejected', 'withdrawn', 'rated', 'satisfied'] as const;

function recount(d: Doc): Record<(typeof COUNTERS)[number], number> {
  const rated = d.status === 'closed' && d.rating !== null && d.rating !== undefined;
  return {
    received: 1,
    accepted: d.acceptedAt instanceof Date ? 1 : 0,
    resolved: d.status === 'resolved' ? 1 : 0,
    closed: d.status === 'closed' ? 1 : 0,
    rejected: d.status === 'rejected' ? 1 : 0,
    withdrawn: d.status === 'withdrawn' ? 1 : 0,
    rated: rated ? 1 : 0,
    satisfied: rated && (d.rating === 'satisfied' || d.rating === 'basic') ? 1 : 0,
  };
}

async function checkFigures(): Promise<void> {
  await world.job('figures');
  const snapshot = world.server.cloud.snapshot();
  const want = new Map<string, Record<string, number>>();
  const add = (key: string, counts: Record<string, number>): void => {
    const sum = want.get(key) ?? Object.fromEntries(COUNTERS.map((c) => [c, 0]));
    for (const c of COUNTERS) sum[c] = (sum[c] ?? 0) + (counts[c] ?? 0);
    want.set(key, sum);
  };
  for (const d of (snapshot.tickets ?? []) as Doc[]) {
    const day = dayKey(time(d.createdAt) ?? 0);
    const counts = recount(d);
    add(`cell|${cellOf(d)}|${day}`, counts);
    add(`all|*|${day}`, counts);
  }
  const rollups = new Map(((snapshot.rollups ?? []) as Doc[]).map((r) => [String(r._id), r]));
  for (const [key, counts] of want) {
    stats.figureCells += 1;
    // The stored form (one packed string per tally), read as the figures store reads it.
    const total = unpackTally((rollups.get(key)?.body as { total?: unknown } | undefined)?.total) as unknown as Record<string, unknown>;
    const got = Object.fromEntries(COUNTERS.map((c) => [c, typeof total[c] === 'number' ? total[c] : 0]));
    if (COUNTERS.some((c) => got[c] !== counts[c])) {
      stats.figureMismatches += 1;
      problem(`figures ${key}: rollup ${JSON.stringify(got)} vs recount ${JSON.stringify(counts)}`);
    }
  }
}

// ---- callers and moves ----

type Who = 'reporter' | 'neighbour' | 'grid' | 'grid:other' | 'community' | 'street' | 'district' | 'district:other' | 'dept' | 'super';
const WHO: readonly Who[] = [
  'reporter',
  'neighbour',
  'grid',
  'grid:other',
  'community',
  'street',
  'district',
  'district:other',
  'dept',
  'super',
];
const openidOf = (who: Who, tk: Tk): string =>
  who === 'reporter' ? tk.reporter : who === 'neighbour' ? NEIGHBOUR : who === 'super' ? SUPER : STAFF[who].openid;

type Move =
  | 'accept'
  | 'reject'
  | 'transfer'
  | 'dispatch'
  | 'escalate'
  | 'resolve'
  | 'return'
  | 'supervise'
  | 'rate'
  | 'reopen'
  | 'withdraw'
  | 'urge'
  | 'contact'
  | 'reply';
const MOVES: readonly Move[] = [
  'accept',
  'reject',
  'transfer',
  'dispatch',
  'escalate',
  'resolve',
  'return',
  'supervise',
  'rate',
  'reopen',
  'withdraw',
  'urge',
  'contact',
  'reply',
];
/** Moves whose success makes the same move impossible at once after (two at once: at most one wins). */
const EXCLUSIVE: ReadonlySet<Move> = new Set(['accept', 'reject', 'resolve', 'return', 'dispatch', 'rate', 'withdraw', 'reply']);
const ACTION: Record<Move, Api.ActionName> = {
  accept: 'ticket.accept',
  reject: 'ticket.reject',
  transfer: 'ticket.transfer',
  dispatch: 'ticket.dispatch',
  escalate: 'ticket.escalate',
  resolve: 'ticket.resolve',
  return: 'ticket.return',
  supervise: 'ticket.supervise',
  rate: 'report.rate',
  reopen: 'report.reopen',
  withdraw: 'report.withdraw',
  urge: 'report.urge',
  contact: 'ticket.contact',
  reply: 'ticket.reply',
};
const GRIDS_OF_ZHANGDIAN = ['ZD-CZ-HG-01', 'ZD-CZ-HG-03', 'ZD-CZ-HG-05', 'ZD-HP-01'];

/** The first 督办 of a ticket not answered yet (ticket.reply answers it), read from the store. */
function openSupervision(ticketId: string): string {
  const records = (world.server.cloud.snapshot().supervisions ?? []) as Doc[];
  return String(records.find((r) => r.ticketId === ticketId && (r.answer === null || r.answer === undefined))?._id ?? 'none-open');
}

function paramsOf(
  move: Move,
  ticketId: string,
  pick: number,
  gridCode: unknown,
  supervisionId = openSupervision(ticketId),
): Record<string, unknown> {
  switch (move) {
    case 'reply':
      return { ticketId, supervisionId, note: '已安排人员处理' };
    case 'accept':
      return { ticketId, complexity: pick % 2 ? 'complex' : 'normal' };
    case 'transfer': {
      const targets = GRIDS_OF_ZHANGDIAN.filter((g) => g !== gridCode);
      return { ticketId, toGridCode: targets[pick % targets.length], reason: '位置属于其他网格' };
    }
    case 'dispatch':
      return { ticketId, departmentCode: DEPT, note: '请环卫所处理' };
    case 'resolve':
      return { ticketId, result: '已处理完毕' };
    case 'rate':
      return {
        ticketId,
        rating: (['satisfied', 'basic', 'unsatisfied'] as const)[pick % 3],
        ...(pick % 4 === 0 ? { comment: '还行' } : {}),
      };
    case 'supervise':
      return { ticketId, note: '请加快办理' };
    case 'urge':
    case 'withdraw':
    case 'contact':
      return { ticketId };
    default:
      return { ticketId, reason: '需要处理' };
  }
}

/** Refusals that depend on the params (a grid of another district, a department of another street), not on the move. */
const PARAM_DEPENDENT: ReadonlySet<Move> = new Set(['transfer', 'dispatch']);

const ENTRY_KIND: Record<Move, string> = {
  accept: 'accept',
  reject: 'reject',
  transfer: 'transfer',
  dispatch: 'dispatch',
  escalate: 'escalate',
  resolve: 'resolve',
  return: 'return',
  supervise: 'supervise',
  rate: 'rate',
  reopen: 'reopen',
  withdraw: 'withdraw',
  urge: 'urge',
  contact: 'contact',
  reply: 'reply',
};

/** What the server offers this caller on this ticket now: its moves and requests, and its notes. */
async function offered(caller: string, ticketId: string): Promise<string[]> {
  const view = await world.call(caller, 'ticket.get', { ticketId });
  if (!view.ok) return [];
  const data = view.data as Api.TicketView;
  return [...data.allowedActions, ...(data.allowedNotes ?? [])];
}

// ---- commands ----

type Where = 'grid' | 'grid5' | 'heping' | 'foreign' | 'triage';
type Source = 'resident' | 'patrol' | 'proxy' | 'claimed';

class Submit implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly where: Where,
    readonly urgent: boolean,
    readonly source: Source,
  ) {}
  check = (m: Readonly<Model>): boolean => m.tickets.length < 5;
  async run(m: Model): Promise<void> {
    stats.commands += 1;
    const at = this.where === 'grid' ? AT.grid : this.where === 'grid5' ? demoPointIn(5) : AT[this.where];
    const reporter = freshResident('md');
    const filer = this.source === 'resident' ? reporter : STAFF.grid.openid;
    const answer = await world.call(filer, 'report.submit', {
      ...reportParams({ location: { ...at }, category: this.urgent ? 'urgent-repair' : 'sanitation' }),
      ...(this.source === 'resident' ? { contactPhone: '13700005678' } : {}),
      ...(this.source === 'patrol'
        ? { patrol: true }
        : this.source === 'resident'
          ? {}
          : { onBehalfOf: { name: '王大爷', phone: '13900004444' } }),
    });
    if (!answer.ok) return problem(`${this} refused: ${answer.error.code} ${answer.error.message}`);
    const id = (answer.data as Api.ReportSubmitData).ticketId;
    let resident = reporter;
    if (this.source === 'claimed') {
      // The resident claims the 代报 with the code the worker shows.
      const view = await world.ok(filer, 'ticket.get', { ticketId: id });
      await world.ok(reporter, 'report.claim', { code: view.claimCode ?? '' });
    } else if (this.source !== 'resident') resident = filer;
    m.tickets.push({ id, reporter: resident, urgent: this.urgent, seen: [] });
    checkAll(m);
  }
  toString = (): string => `submit(${this.where}, ${this.urgent ? 'urgent' : 'normal'}, ${this.source})`;
}

/** A caller makes a move: a named one, or (offered) one the server offers them now. */
class MoveCmd implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly t: number,
    readonly who: Who,
    readonly move: Move,
    readonly pick: number,
    readonly fromOffer: boolean,
  ) {}
  check = (m: Readonly<Model>): boolean => m.tickets.length > 0;
  private made: Move = this.move;
  async run(m: Model): Promise<void> {
    stats.commands += 1;
    stats.moves += 1;
    const tk = m.tickets[this.t % m.tickets.length] as Tk;
    const caller = openidOf(this.who, tk);
    const allowed = await offered(caller, tk.id);
    const offers = allowed.filter((a): a is Move => (MOVES as readonly string[]).includes(a));
    const move: Move = this.fromOffer && offers.length > 0 ? (offers[this.pick % offers.length] as Move) : this.move;
    this.made = move;
    const before = ticketDocs().get(tk.id);
    const answer = await world.call(caller, ACTION[move], paramsOf(move, tk.id, this.pick, before?.gridCode));
    const after = ticketDocs().get(tk.id);
    if (answer.ok) {
      stats.movesOk += 1;
      if (!allowed.includes(move)) {
        problem(`${this} succeeded but the server offered ${JSON.stringify(allowed)}`);
        stats.allowedMismatches += 1;
      }
      const added = after ? entriesOf(after).slice(before ? entriesOf(before).length : 0) : [];
      if (added.length !== 1 || added[0]?.kind !== ENTRY_KIND[move] || added[0]?.actorOpenid !== caller)
        problem(`${this} answered OK but added ${JSON.stringify(added.map((e) => e.kind))}`);
      const status = String(after?.status);
      const expected: Partial<Record<Move, string>> = {
        accept: 'accepted',
        reject: 'rejected',
        transfer: 'submitted',
        resolve: 'resolved',
        rate: 'closed',
        reopen: 'accepted',
        withdraw: 'withdrawn',
        dispatch: 'accepted',
        return: 'accepted',
      };
      const want = expected[move] ?? String(before?.status);
      if (status !== want) problem(`${this}: status ${status}, DOMAIN says ${want}`);
    } else {
      // A move the server offered is refused only for its params (a grid or department it may not pick), a rate limit, or no phone to reveal.
      const paramRefusal = PARAM_DEPENDENT.has(move) && ['FORBIDDEN', 'INVALID_INPUT'].includes(answer.error.code);
      if (allowed.includes(move) && !paramRefusal && answer.error.code !== 'RATE_LIMITED') {
        problem(`${this} was offered (${JSON.stringify(allowed)}) but refused: ${answer.error.code} ${answer.error.message}`);
        stats.allowedMismatches += 1;
      }
      if (JSON.stringify(after) !== JSON.stringify(before)) problem(`${this} refused (${answer.error.code}) but the ticket changed`);
      if (answer.error.code === 'INTERNAL') problem(`${this}: INTERNAL`);
    }
    checkAll(m);
  }
  toString = (): string => `${this.who} ${this.fromOffer ? `offered ${this.made}` : this.move} #${this.t}`;
}

type Contender = { kind: 'move'; who: Who; move: Move; pick: number } | { kind: 'follow' } | { kind: 'job'; job: Api.JobName };

/** Two or three calls at once on one ticket: moves (the same one: the classic race), a follow, a job. */
class Race implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly t: number,
    readonly contenders: Contender[],
    readonly delays: number[],
    /** The contenders all make the move the server offers the first of them now. */
    readonly sameOffered: boolean,
  ) {}
  check = (m: Readonly<Model>): boolean => m.tickets.length > 0;
  private made: Contender[] = this.contenders;
  async run(m: Model): Promise<void> {
    stats.commands += 1;
    stats.races += 1;
    const tk = m.tickets[this.t % m.tickets.length] as Tk;
    let contenders = this.contenders;
    const first = contenders[0];
    if (this.sameOffered && first?.kind === 'move') {
      const offers = (await offered(openidOf(first.who, tk), tk.id)).filter((a): a is Move => (MOVES as readonly string[]).includes(a));
      const move = offers[first.pick % Math.max(1, offers.length)];
      if (move) contenders = contenders.map((c) => (c.kind === 'move' ? { ...c, move } : c));
    }
    this.made = contenders;
    const before = ticketDocs().get(tk.id);
    const beforeLength = before ? entriesOf(before).length : 0;
    const supervisionId = openSupervision(tk.id);
    const ref = world.server.deps.sealer.seal(FOLLOW_PURPOSE, `${tk.id}|${NEIGHBOUR}`, new Date(now), 30 * MINUTE);
    const results = await Promise.all(
      contenders.map(async (c, i) => {
        await new Promise((resolve) => setTimeout(resolve, this.delays[i] ?? 0));
        stats.raceCalls += 1;
        if (c.kind === 'job') return { c, ok: (await world.job(c.job)) >= 0, caller: null };
        if (c.kind === 'follow') return { c, ok: (await world.call(NEIGHBOUR, 'report.follow', { ref })).ok, caller: NEIGHBOUR };
        const caller = openidOf(c.who, tk);
        const answer = await world.call(caller, ACTION[c.move], paramsOf(c.move, tk.id, c.pick, before?.gridCode, supervisionId));
        if (!answer.ok && answer.error.code === 'INTERNAL') problem(`${this}: INTERNAL for ${c.move}`);
        return { c, ok: answer.ok, caller };
      }),
    );
    const after = ticketDocs().get(tk.id);
    const added = after ? entriesOf(after).slice(beforeLength) : [];
    // Every OK move is in the timeline once; no entry of a user that was not answered OK.
    const key = (kind: string, who: string | null): string => `${kind}|${who ?? ''}`;
    const okMoves = new Map<string, number>();
    for (const r of results)
      if (r.ok && r.c.kind === 'move')
        okMoves.set(key(ENTRY_KIND[r.c.move], r.caller), (okMoves.get(key(ENTRY_KIND[r.c.move], r.caller)) ?? 0) + 1);
    const entries = new Map<string, number>();
    for (const e of added)
      if (e.actorOpenid !== null) entries.set(key(e.kind, e.actorOpenid), (entries.get(key(e.kind, e.actorOpenid)) ?? 0) + 1);
    for (const [k, count] of okMoves) {
      const found = entries.get(k) ?? 0;
      if (found < count) {
        stats.lostUpdates += count - found;
        problem(`${this}: ${k.split('|')[0]} answered OK ${count}× but ${found} in the timeline`);
      }
    }
    for (const [k, count] of entries) {
      const ok = okMoves.get(k) ?? 0;
      if (count > ok) {
        stats.phantomEntries += count - ok;
        problem(`${this}: ${k.split('|')[0]} in the timeline ${count}× but answered OK ${ok}×`);
      }
    }
    // A follow answered OK is kept, whatever staff did at the same time.
    for (const r of results) {
      if (r.c.kind !== 'follow' || !r.ok) continue;
      stats.follows += 1;
      if (!(Array.isArray(after?.followers) && after.followers.includes(NEIGHBOUR))) {
        stats.lostFollows += 1;
        problem(`${this}: a follow answered OK is gone`);
      }
    }
    // Callers making the same exclusive move at once: never two winners.
    const byMove = new Map<Move, boolean[]>();
    for (const r of results)
      if (r.c.kind === 'move' && EXCLUSIVE.has(r.c.move)) byMove.set(r.c.move, [...(byMove.get(r.c.move) ?? []), r.ok]);
    for (const [mv, oks] of byMove) {
      if (oks.length < 2) continue;
      stats.exclusiveRaces += 1;
      const winners = oks.filter(Boolean).length;
      if (winners === 1) stats.exclusiveOneWinner += 1;
      if (winners > 1) {
        stats.exclusiveTwoWinners += 1;
        problem(`${this}: ${winners} callers won ${mv} at once`);
      }
    }
    checkAll(m, false);
  }
  toString = (): string =>
    `race #${this.t} [${this.made.map((c) => (c.kind === 'move' ? `${c.who} ${c.move}` : c.kind === 'follow' ? 'neighbour follow' : `job ${c.job}`)).join(', ')}]`;
}

class Clock implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = (): boolean => true;
  async run(): Promise<void> {
    stats.commands += 1;
    stats.clockMoves += 1;
    setNow(now + this.ms);
  }
  toString = (): string => `clock +${Math.round(this.ms / MINUTE)} min`;
}

class Job implements fc.AsyncCommand<Model, Real> {
  constructor(readonly job: Api.JobName) {}
  check = (): boolean => true;
  async run(m: Model): Promise<void> {
    stats.commands += 1;
    stats.jobs += 1;
    await world.job(this.job);
    checkAll(m, this.job === 'sweep');
  }
  toString = (): string => `job ${this.job}`;
}

const who = fc.constantFrom(...WHO);
/** Those who usually hold a ticket of grid 01, and its reporter: the callers of offered moves. */
const holder = fc.constantFrom<Who>('reporter', 'grid', 'community', 'street', 'district', 'dept', 'super');
const move = fc.constantFrom(...MOVES);
const contender: fc.Arbitrary<Contender> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('move' as const), who, move, pick: fc.nat(11) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'follow' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('job' as const), job: fc.constantFrom<Api.JobName>('sweep', 'autoClose', 'figures') }),
  },
);
/** The same move by two or three callers: the classic race (the move named, or the one offered to the first). */
const sameMove = (callers: fc.Arbitrary<Who>): fc.Arbitrary<Contender[]> =>
  fc
    .tuple(move, fc.uniqueArray(callers, { minLength: 2, maxLength: 3 }), fc.nat(11))
    .map(([mv, whos, pick]) => whos.map((w) => ({ kind: 'move' as const, who: w, move: mv, pick })));
const delays = fc.array(fc.nat(3), { minLength: 3, maxLength: 3 });

const commands = fc.commands(
  [
    fc
      .tuple(
        fc.constantFrom<Where>('grid', 'grid', 'grid5', 'heping', 'foreign', 'triage'),
        fc.boolean(),
        fc.constantFrom<Source>('resident', 'resident', 'patrol', 'proxy', 'claimed'),
      )
      .map(([where, urgent, source]) => new Submit(where, urgent, source)),
    fc.tuple(fc.nat(4), who, move, fc.nat(11)).map(([t, w, mv, pick]) => new MoveCmd(t, w, mv, pick, false)),
    fc.tuple(fc.nat(4), holder, move, fc.nat(11)).map(([t, w, mv, pick]) => new MoveCmd(t, w, mv, pick, true)),
    fc.tuple(fc.nat(4), holder, move, fc.nat(11)).map(([t, w, mv, pick]) => new MoveCmd(t, w, mv, pick, true)),
    fc
      .tuple(fc.nat(4), fc.oneof(sameMove(who), fc.array(contender, { minLength: 2, maxLength: 3 })), delays)
      .map(([t, cs, ds]) => new Race(t, cs, ds, false)),
    fc.tuple(fc.nat(4), sameMove(holder), delays).map(([t, cs, ds]) => new Race(t, cs, ds, true)),
    fc.constantFrom(5 * MINUTE, 40 * MINUTE, 3 * HOUR, DAY, 2 * DAY, 4 * DAY, 8 * DAY).map((ms) => new Clock(ms)),
    fc.constantFrom<Api.JobName>('sweep', 'autoClose', 'figures', 'deliver').map((j) => new Job(j)),
  ],
  { maxCommands: 10, size: 'max' },
);

// ---- the run ----

/** What one run writes; emptied before the next (grids, places, departments and staff stay as seeded). */
const RUN_COLLECTIONS = [
  COLLECTION.tickets,
  COLLECTION.supervisions,
  COLLECTION.outbox,
  COLLECTION.rollups,
  COLLECTION.rateLimits,
  COLLECTION.grants,
];

beforeAll(async () => {
  world = await startWorld();
  setNow(Date.UTC(2025, 0, 2, 2));
  await seedWorld(world);
});
afterAll(() => world?.close());

/**
 * Each run starts from the seeded world with no tickets (a small store keeps a run fast and its
 * figures recountable), at its own time of 2025–2026: another weekday, hour and holiday season.
 * The reset goes through the SDK like any other write.
 */
async function startRun(run: number): Promise<void> {
  const db = database();
  const _ = db.command;
  for (const name of RUN_COLLECTIONS)
    await db
      .collection(name)
      .where({ _id: _.exists(true) })
      .remove();
  // The figures job's lease goes too; the grids' version stays (routing reads it).
  await db
    .collection(COLLECTION.meta)
    .where({ _id: _.neq('gridsVersion') })
    .remove();
  world.server.sender.reset();
  setNow(Date.UTC(2025, 0, 2, 0) + ((run * 37) % 690) * DAY + ((run * 7) % 24) * HOUR + ((run * 13) % 60) * MINUTE);
}

const submitCmd = fc
  .tuple(
    fc.constantFrom<Where>('grid', 'grid', 'grid5', 'heping', 'foreign', 'triage'),
    fc.boolean(),
    fc.constantFrom<Source>('resident', 'resident', 'patrol', 'proxy', 'claimed'),
  )
  .map(([where, urgent, source]) => new Submit(where, urgent, source));

test(
  `${n(RUNS)} runs of the lifecycle with random interleavings and clock moves keep every invariant`,
  async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(submitCmd, { minLength: 1, maxLength: 3 }), commands, async (first, cmds) => {
        await startRun(stats.runs);
        stats.runs += 1;
        runProblems = [];
        const model: Model = { tickets: [] };
        await fc.asyncModelRun(() => ({ model, real: { world } }), [...first, ...cmds]);
        await checkFigures();
        checkAll(model);
        if (runProblems.length > 0) throw new Error(`run ${stats.runs}: ${runProblems.slice(0, 5).join('; ')}`);
      }),
      { numRuns: RUNS, seed: Number(process.env.VERIFY_SEED ?? 20261201), endOnFailure: true },
    );
  },
  30 * 60_000,
);

afterAll(() => {
  const ok = (v: number) => v === 0;
  recordFigure({
    section: 'privacy',
    figure: 'leaks in the model answers',
    value: `${world.scan.leaks.length} in ${n(world.scan.answers)} answers`,
    target: '0',
    met: world.scan.leaks.length === 0,
  });
  recordFigure({
    section: 'model',
    figure: 'runs / commands (moves, races, clock moves, jobs)',
    value: `${n(stats.runs)} / ${n(stats.commands)} (${n(stats.moves)} of which ${n(stats.movesOk)} went through, ${n(stats.races)}, ${n(stats.clockMoves)}, ${n(stats.jobs)})`,
    target: '≥ 1,000 runs',
    met: stats.runs >= 1000,
  });
  recordFigure({
    section: 'model',
    figure: 'ticket checks (one state, monotone timeline and chain, deadlines) failed',
    value: `${stats.problems.length === 0 ? 0 : 'some'} of ${n(stats.ticketChecks)}`,
    target: '0',
    met: stats.problems.length === 0,
  });
  recordFigure({
    section: 'model',
    figure: 'moves answered against allowedActions (refused when offered, or done when not)',
    value: `${stats.allowedMismatches} of ${n(stats.moves)}`,
    target: '0',
    met: ok(stats.allowedMismatches),
  });
  recordFigure({
    section: 'concurrency',
    figure: 'races (calls at once on one ticket)',
    value: `${n(stats.races)} (${n(stats.raceCalls)} calls)`,
    target: '—',
    met: true,
  });
  recordFigure({
    section: 'concurrency',
    figure: 'same exclusive move at once: one winner / two or more',
    value: `${n(stats.exclusiveOneWinner)} of ${n(stats.exclusiveRaces)} / ${stats.exclusiveTwoWinners}`,
    target: 'never two',
    met: ok(stats.exclusiveTwoWinners),
  });
  recordFigure({
    section: 'concurrency',
    figure: 'lost updates (answered OK, not in the timeline; follows lost)',
    value: stats.lostUpdates + stats.lostFollows,
    target: '0',
    met: ok(stats.lostUpdates + stats.lostFollows),
  });
  recordFigure({
    section: 'concurrency',
    figure: 'phantom entries (in the timeline, not answered OK)',
    value: stats.phantomEntries,
    target: '0',
    met: ok(stats.phantomEntries),
  });
  recordFigure({
    section: 'model',
    figure: 'figure cells equal to a recount after the figures job',
    value: `${n(stats.figureCells - stats.figureMismatches)} of ${n(stats.figureCells)}`,
    target: 'all',
    met: ok(stats.figureMismatches),
  });
});
