// Suite 4, faults: the three services outside the database fail in every way they document —
// the message sender (each subscribeMessage.send error code, a send that never answers, a crash
// between WeChat taking a message and the outbox recording it), content security (msgSecCheck
// through the real adapter: each verdict, each documented error code, a thrown error, a timeout)
// and the file store (temporary links failing or timing out) — while the ticket keeps moving.
// Counted: ticket updates lost (a move answered OK missing from its ticket), notifications
// delivered twice, outbox rows left unsettled, answers INTERNAL. The deliver job's own unit tests
// (tests/_core/app/jobs/deliver.test.ts) pin backoff, claims and grants; this suite runs every
// documented code once over the whole stack, with moves racing the job.
import { CloudContentCheck, type SecCheckFn, type SecCheckResult } from '../../cloudfunctions/_core/adapters/cloudbase/content-check';
import { deliverWith, FINAL_ERRORS } from '../../cloudfunctions/_core/app/jobs/deliver';
import type { ContentCheck, FileStore, OutboxRow } from '../../cloudfunctions/_core/ports';
import type { LocalFileStore } from '../../cloudfunctions/_local/twins/files';
import { LocalMessageSender } from '../../cloudfunctions/_local/twins/message-sender';
import { n, recordFigure } from './support/report';
import { freshResident, reportParams, seedWorld, STAFF, startWorld, type World } from './support/world';

const T = '2026-11-24T02:00:00.000Z'; // Tuesday 10:00 Shanghai
const MINUTE = 60_000;
const FINAL = new Set(['sent', 'refused', 'failed', 'skipped']);

let world: World;
let now = Date.parse(T);
const setNow = (ms: number): void => {
  now = ms;
  world.setNow(new Date(ms));
};
const sender = (): LocalMessageSender => world.server.sender;
/** The real deliver job, with a send timeout short enough for a test (the default is 15 s). */
const deliver = (): Promise<number> => deliverWith({ sendTimeoutMs: 50, log: (line) => console.warn(line) })(world.server.deps);

const tally = { moves: 0, lostUpdates: 0, rows: 0, unsettled: 0, sends: 0, duplicates: 0, internal: 0, wrongFinal: 0 };

beforeAll(async () => {
  world = await startWorld();
  setNow(Date.parse(T));
  await seedWorld(world);
});
afterAll(async () => {
  recordFigure({
    section: 'faults',
    figure: 'ticket moves made while sends failed / lost',
    value: `${n(tally.moves)} / ${tally.lostUpdates}`,
    target: '0 lost',
    met: tally.lostUpdates === 0,
  });
  recordFigure({
    section: 'faults',
    figure: 'outbox rows / sends / notifications delivered twice',
    value: `${n(tally.rows)} / ${n(tally.sends)} / ${tally.duplicates}`,
    target: '0 twice',
    met: tally.duplicates === 0,
  });
  recordFigure({
    section: 'faults',
    figure: 'rows unsettled or settled wrong for their error code',
    value: tally.unsettled + tally.wrongFinal,
    target: '0',
    met: tally.unsettled + tally.wrongFinal === 0,
  });
  await world?.close();
});

// ---- the message sender ----

interface SenderFault {
  name: string;
  inject(s: LocalMessageSender): void;
  /** How the first row the fault hits ends. */
  final: 'sent' | 'refused' | 'failed';
}

/** Every code the deliver job treats as final, from its own table, and the retried ones. */
const SENDER_FAULTS: SenderFault[] = [
  ...[...FINAL_ERRORS].map(([code, final]) => ({ name: `errCode ${code}`, inject: (s: LocalMessageSender) => s.failNext(1, code), final })),
  { name: 'errCode -1 (system busy), twice', inject: (s) => s.failNext(2, -1), final: 'sent' },
  { name: 'errCode 45009 (daily quota)', inject: (s) => s.failNext(1, 45009, 'reach max api daily quota limit'), final: 'sent' },
  { name: 'a send that never answers (timeout)', inject: (s) => s.hangNext(2_000), final: 'sent' },
  { name: 'a crash between send and record', inject: (s) => s.crashAfterSend(), final: 'failed' },
];

const rowsOf = async (ticketId: string): Promise<OutboxRow[]> =>
  (await world.server.deps.outbox.list(1000)).filter((r) => r.ticketId === ticketId);
const sentFor = (ticketId: string) => sender().sent.filter((m) => m.page.endsWith(`?id=${ticketId}`));

test.each(SENDER_FAULTS)('sender fault, $name: no ticket update lost, no message twice, every row settled', async (fault) => {
  sender().reset();
  const resident = freshResident('fault');
  await world.ok(resident, 'subscription.record', { grants: { ticketAccepted: 'accept', ticketResolved: 'accept' } });
  const ticketId = (await world.ok(resident, 'report.submit', reportParams())).ticketId;
  await world.ok(STAFF.grid.openid, 'ticket.accept', { ticketId, complexity: 'normal' });
  tally.moves += 1;
  const accepted = (await rowsOf(ticketId)).find((r) => r.template === 'ticketAccepted');
  expect(accepted).toBeDefined();

  fault.inject(sender());
  // The job runs while the worker resolves the ticket and the resident rates it.
  const [, resolved] = await Promise.all([deliver(), world.call(STAFF.grid.openid, 'ticket.resolve', { ticketId, result: '已清运完毕' })]);
  const rated = await world.call(resident, 'report.rate', { ticketId, rating: 'satisfied' });
  const moves = [
    { kind: 'accept', ok: true },
    { kind: 'resolve', ok: resolved.ok },
    { kind: 'rate', ok: rated.ok },
  ];
  for (const answer of [resolved, rated]) if (!answer.ok && answer.error.code === 'INTERNAL') tally.internal += 1;
  tally.moves += moves.length - 1;

  // Later runs, an hour apart, until every row is final (or ten runs).
  for (let i = 0; i < 10 && (await rowsOf(ticketId)).some((r) => !FINAL.has(r.state)); i += 1) {
    setNow(now + 61 * MINUTE);
    await deliver();
  }

  const view = await world.ok(resident, 'ticket.get', { ticketId });
  const kinds = view.timeline?.map((e) => e.kind) ?? [];
  const lost = moves.filter((m) => m.ok && !kinds.includes(m.kind as Api.TimelineKind));
  tally.lostUpdates += lost.length;
  const rows = await rowsOf(ticketId);
  tally.rows += rows.length;
  const unsettled = rows.filter((r) => !FINAL.has(r.state));
  tally.unsettled += unsettled.length;
  // One message per row at most: WeChat never shows a resident the same message twice.
  const sent = sentFor(ticketId);
  tally.sends += sent.length;
  const perRow = new Map<string, number>();
  for (const m of sent) perRow.set(`${m.touser}|${m.templateId}`, (perRow.get(`${m.touser}|${m.templateId}`) ?? 0) + 1);
  const rowsPerKey = new Map<string, number>();
  for (const r of rows) rowsPerKey.set(`${r.touser}|${r.templateId}`, (rowsPerKey.get(`${r.touser}|${r.templateId}`) ?? 0) + 1);
  const twice = [...perRow].reduce((sum, [key, count]) => sum + Math.max(0, count - (rowsPerKey.get(key) ?? 0)), 0);
  tally.duplicates += twice;
  const hit = rows.find((r) => r.id === accepted?.id);
  if (hit?.state !== fault.final) tally.wrongFinal += 1;

  expect(lost).toEqual([]);
  expect(moves.every((m) => m.ok)).toBe(true);
  expect(view.status).toBe('closed');
  expect(unsettled.map((r) => r.state)).toEqual([]);
  expect(twice).toBe(0);
  expect(hit?.state).toBe(fault.final);
});

// ---- content security, through the real adapter ----

/** What msgSecCheck may do (v2): a verdict, each documented error code, a throw, no answer in time. */
const SEC_CHECK: Array<{ name: string; answer: () => Promise<SecCheckResult>; verdict: 'pass' | 'review' | 'risky' }> = [
  { name: 'suggest pass', answer: async () => ({ errCode: 0, result: { suggest: 'pass' } }), verdict: 'pass' },
  { name: 'suggest review', answer: async () => ({ errCode: 0, result: { suggest: 'review' } }), verdict: 'review' },
  { name: 'suggest risky', answer: async () => ({ errCode: 0, result: { suggest: 'risky' } }), verdict: 'risky' },
  { name: 'errCode 87014 without a result (the v1 habit)', answer: async () => ({ errCode: 87014 }), verdict: 'review' },
  ...[-1, 40001, 40003, 44002, 44004, 45009, 61010].map((code) => ({
    name: `errCode ${code}`,
    answer: () => Promise.reject(Object.assign(new Error(`openapi.security.msgSecCheck:fail ${code}`), { errCode: code })),
    verdict: 'review' as const,
  })),
  { name: 'an answer with no suggest', answer: async () => ({ errCode: 0, result: {} }), verdict: 'review' },
  {
    name: 'a timeout (the SDK gives up)',
    answer: () =>
      new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error('ESOCKETTIMEDOUT'), { code: 'ESOCKETTIMEDOUT' })), 30)),
    verdict: 'review',
  },
];

test.each(SEC_CHECK)('content security answers $name: a verdict, and the report is kept unless risky', async ({ answer, verdict }) => {
  const deps = world.server.deps as { content: ContentCheck };
  const local = deps.content;
  const calls: Array<Record<string, unknown>> = [];
  const secCheck: SecCheckFn = (params) => {
    calls.push(params);
    return answer();
  };
  deps.content = new CloudContentCheck(secCheck);
  try {
    expect(await deps.content.check('oVfSomeone', '正常的文字')).toBe(verdict);
    const resident = freshResident('content');
    const before = world.snapshot();
    const submitted = await world.call(resident, 'report.submit', reportParams());
    if (verdict === 'risky') {
      expect(submitted).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
      expect(world.snapshot()).toBe(before);
    } else {
      // An outage or an unclear answer keeps the resident's report (to be reviewed), never loses it.
      expect(submitted.ok).toBe(true);
    }
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]).toMatchObject({ scene: 3, version: 2 });
  } finally {
    deps.content = local;
  }
});

// ---- the file store ----

const FILE_FAULTS: Array<{ name: string; tempUrls: () => Promise<string[]> }> = [
  { name: 'getTempFileURL throws', tempUrls: () => Promise.reject(new Error('STORAGE_REQUEST_FAIL')) },
  {
    name: 'getTempFileURL times out',
    tempUrls: () => new Promise((_, reject) => setTimeout(() => reject(new Error('ESOCKETTIMEDOUT')), 30)),
  },
  { name: 'every file answers a non-zero status', tempUrls: async () => [] },
];

test.each(FILE_FAULTS)('file store fault, $name: views answer without links, moves are saved and answered', async ({ tempUrls }) => {
  const files = world.server.deps.files as LocalFileStore;
  const resident = freshResident('files');
  const photo = files.save(resident, 'scene.jpg', Buffer.from('jpeg'));
  const done = files.save(STAFF.grid.openid, 'done.jpg', Buffer.from('jpeg'));
  const ticketId = (await world.ok(resident, 'report.submit', reportParams({ photos: [photo] }))).ticketId;
  const original = files.tempUrls.bind(files);
  (files as FileStore).tempUrls = tempUrls;
  try {
    const seen = await world.call(STAFF.grid.openid, 'ticket.get', { ticketId });
    expect(seen.ok).toBe(true);
    expect(seen.ok && (seen.data as Api.TicketView).photoUrls).toEqual([]);
    const accepted = await world.call(STAFF.grid.openid, 'ticket.accept', { ticketId, complexity: 'normal' });
    const resolved = await world.call(STAFF.grid.openid, 'ticket.resolve', { ticketId, result: '已清运完毕', photos: [done] });
    tally.moves += 2;
    for (const a of [seen, accepted, resolved]) if (!a.ok && a.error.code === 'INTERNAL') tally.internal += 1;
    expect(accepted.ok && resolved.ok).toBe(true);
  } finally {
    (files as FileStore).tempUrls = original;
  }
  // Once storage answers again, the links are back and nothing was lost.
  const view = await world.ok(resident, 'ticket.get', { ticketId });
  expect(view.status).toBe('resolved');
  expect(view.photoUrls).toHaveLength(1);
  expect(view.timeline?.map((e) => e.kind)).toEqual(['submit', 'accept', 'resolve']);
});

test('no fault made an answer INTERNAL', () => {
  recordFigure({
    section: 'faults',
    figure: 'answers INTERNAL under faults (content security, file store, sender)',
    value: tally.internal,
    target: '0',
    met: tally.internal === 0,
  });
  recordFigure({
    section: 'privacy',
    figure: 'leaks in the faults answers',
    value: `${world.scan.leaks.length} in ${n(world.scan.answers)} answers`,
    target: '0',
    met: world.scan.leaks.length === 0,
  });
  expect(world.scan.leaks.slice(0, 10)).toEqual([]);
  expect(tally.internal).toBe(0);
});
