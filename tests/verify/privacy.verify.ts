// Suite 5, privacy: residents write what residents write — phones in every spelling, ID numbers,
// house numbers, WeChat ids, their names — leave contact phones and photos; neighbours follow
// through "同一个问题?", a resident claims a 代报; then every reading action of the contract is
// called by every caller (each resident, staff in and out of scope, the super admin, nobody).
// Every answer is scanned: no one gets another user's openid, a contact phone unmasked (the
// staff who hold a ticket reveal it through ticket.contact, audited), another resident's words
// unmasked (followers see them masked), another resident's photo folder; staff out of scope get
// none of the words. All of it is registered as personal data, so the runner also finds it if
// any log line of the whole run carries it.
import { handleApi } from '../../cloudfunctions/_core/app/handle-api';
import type { LocalFileStore } from '../../cloudfunctions/_local/twins/files';
import { contractActions } from './support/contract';
import { n, recordFigure, secret } from './support/report';
import { AT, freshResident, PLACE, reportParams, seedWorld, STAFF, startWorld, SUPER, type StaffKey, type World } from './support/world';

const T = '2026-11-24T02:00:00.000Z';
let world: World;

/** What residents write (made up, registered as personal data): each piece must stay with its owner. */
const WORDS = [
  { text: '我是张建国，电话138-1234-5678，垃圾堆在3号楼2单元501门口', fragments: ['张建国', '138-1234-5678', '3号楼2单元501'] },
  { text: '楼道堆满杂物，微信号zhangjianguo1980，身份证370303198001011234', fragments: ['zhangjianguo1980', '370303198001011234'] },
  { text: '路灯坏了，联系我１３９１２３４５６７８，姓刘', fragments: ['１３９１２３４５６７８', '姓刘'] },
  { text: '噪音扰民，打一三七一二三四五六七八找王秀英，5栋1单元302', fragments: ['一三七一二三四五六七八', '王秀英', '5栋1单元302'] },
  { text: '下水道堵了，电话 136 1234 5678，住8号楼', fragments: ['136 1234 5678', '13612345678'] },
];
const CONTACT_PHONES = ['13812340001', '13812340002', '13812340003', '13812340004', '13812340005'];

interface Filed {
  id: string;
  reporter: string;
  phone: string;
}
const filed: Filed[] = [];
const followers: string[] = [];
let claimant = '';
let proxyId = '';

/** Staff who may read a report of grid 01 of 华光社区 (its grid, community, street, district, the super admin; the department once dispatched). */
const IN_SCOPE: StaffKey[] = ['grid', 'community', 'street', 'district', 'dept'];
const OUT_OF_SCOPE: StaffKey[] = ['grid:other', 'community:other', 'street:other', 'district:other', 'dept:other'];

beforeAll(async () => {
  world = await startWorld();
  world.setNow(T);
  await seedWorld(world);
  const files = world.server.deps.files as LocalFileStore;
  const inScope = new Set([SUPER, ...IN_SCOPE.map((k) => STAFF[k].openid)]);
  for (const [i, w] of WORDS.entries()) {
    const reporter = freshResident('private');
    const phone = secret('phone', CONTACT_PHONES[i] as string);
    secret('text', w.text);
    for (const f of w.fragments) secret('text', f);
    world.scan.addPhone(phone);
    world.scan.addText(reporter, w.fragments, inScope);
    const photo = files.save(reporter, 'scene.jpg', Buffer.from('jpeg'));
    world.scan.addFolder(reporter, files.folderOf(reporter));
    const data = await world.ok(reporter, 'report.submit', {
      ...reportParams({ description: w.text, photos: [photo] }),
      contactPhone: phone,
    });
    filed.push({ id: data.ticketId, reporter, phone });
  }
  // Neighbours follow through the same-problem check ("我也遇到了").
  for (let i = 0; i < 2; i += 1) {
    const neighbour = freshResident('follower');
    const near = await world.ok(neighbour, 'report.nearby', { category: 'sanitation', location: { ...AT.grid } });
    expect(near.items.length).toBeGreaterThan(0);
    for (const item of near.items) await world.ok(neighbour, 'report.follow', { ref: item.ref });
    followers.push(neighbour);
  }
  // A 代报: the worker files for 李阿姨 (her name and phone are personal data), she claims it.
  const proxyPhone = secret('phone', '13900005555');
  world.scan.addPhone(proxyPhone);
  claimant = freshResident('claimant');
  const proxy = await world.ok(
    STAFF.grid.openid,
    'report.submit',
    reportParams({ onBehalfOf: { name: secret('text', '李桂芬'), phone: proxyPhone } }),
  );
  proxyId = proxy.ticketId;
  world.scan.addText(claimant, ['李桂芬'], inScope);
  const code = (await world.ok(STAFF.grid.openid, 'ticket.get', { ticketId: proxyId })).claimCode ?? '';
  await world.ok(claimant, 'report.claim', { code });
  // Moves with words of their own: accepted, one dispatched, one resolved and rated with a comment.
  const [a, b, c] = filed as [Filed, Filed, Filed];
  for (const t of [a, b, c]) await world.ok(STAFF.grid.openid, 'ticket.accept', { ticketId: t.id, complexity: 'normal' });
  await world.ok(STAFF.grid.openid, 'ticket.dispatch', { ticketId: b.id, departmentCode: 'cz-sanitation' });
  await world.ok(STAFF.grid.openid, 'ticket.resolve', { ticketId: c.id, result: '已清运完毕' });
  const comment = secret('text', '我是赵丽华，处理得不错');
  world.scan.addText(c.reporter, ['赵丽华'], inScope);
  await world.ok(c.reporter, 'report.rate', { ticketId: c.id, rating: 'satisfied', comment });
  await world.ok(STAFF.street.openid, 'ticket.supervise', { ticketId: a.id, note: '请加快办理' });
}, 120_000);
afterAll(() => world?.close());

/** The reading actions, each with the params a caller would send (ticket ones for every filed ticket). */
function readingCalls(): Array<{ action: string; params: unknown }> {
  const ids = [...filed.map((f) => f.id), proxyId];
  const range = { from: '2026-11-01', to: '2026-11-30' };
  return [
    ...ids.flatMap((ticketId) => [
      { action: 'ticket.get', params: { ticketId } },
      { action: 'ticket.duplicates', params: { ticketId } },
      { action: 'grids.pick', params: { ticketId } },
      { action: 'departments.list', params: { ticketId } },
    ]),
    { action: 'report.mine', params: {} },
    { action: 'report.nearby', params: { category: 'sanitation', location: { ...AT.grid } } },
    { action: 'queue.list', params: {} },
    { action: 'queue.list', params: { status: 'accepted' } },
    { action: 'queue.counts', params: {} },
    { action: 'supervisions.list', params: {} },
    { action: 'staff.me', params: {} },
    { action: 'staff.list', params: {} },
    { action: 'stats.summary', params: range },
    { action: 'admin.grids.list', params: { community: PLACE.community } },
    { action: 'categories.list', params: {} },
    { action: 'departments.list', params: {} },
  ];
}

test('every reading action, called by every caller: no openid, phone, words or photo folder of anyone else', async () => {
  const callers: Array<string | null> = [
    null,
    ...filed.map((f) => f.reporter),
    ...followers,
    claimant,
    freshResident('stranger'),
    ...[...IN_SCOPE, ...OUT_OF_SCOPE].map((k) => STAFF[k].openid),
    SUPER,
  ];
  const calls = readingCalls();
  const actions = new Set(calls.map((c) => c.action));
  const before = world.scan.answers;
  for (const caller of callers) for (const c of calls) await world.call(caller, c.action, c.params);
  const answers = world.scan.answers - before;
  recordFigure({
    section: 'privacy',
    figure: `answers scanned (${actions.size} reading actions × ${callers.length} callers; matrix, hostile, model and faults scan theirs too)`,
    value: n(answers),
    target: '—',
    met: true,
  });
  // Every reading action named here is one of the contract's, and every one was called.
  expect([...READING].filter((a) => !contractActions().includes(a))).toEqual([]);
  expect([...READING].filter((a) => !actions.has(a))).toEqual([]);
});

/** The reading actions of the contract (the rest write, and are scanned in every other suite). */
const READING = new Set([
  'ticket.get',
  'ticket.duplicates',
  'grids.pick',
  'departments.list',
  'report.mine',
  'report.nearby',
  'queue.list',
  'queue.counts',
  'supervisions.list',
  'staff.me',
  'staff.list',
  'stats.summary',
  'admin.grids.list',
  'categories.list',
]);

test('followers see the reporter’s words masked, never the phone, photos or name', async () => {
  const follower = followers[0] as string;
  for (const f of filed) {
    const view = await world.ok(follower, 'ticket.get', { ticketId: f.id });
    expect(view.photoUrls).toEqual([]);
    expect(view.photos).toEqual([]);
    expect(view.description).toMatch(/\*|＊|某/);
    expect(JSON.stringify(view)).not.toContain(f.phone);
  }
});

test('staff in scope see the phone masked; the staff who hold the ticket reveal it through ticket.contact, and each reveal is in the timeline', async () => {
  const t = filed[3] as Filed;
  const view = await world.ok(STAFF.street.openid, 'ticket.get', { ticketId: t.id });
  expect(view.contactPhoneMasked).toMatch(/^138\*{4}\d{4}$/);
  // The reveal is the one answer allowed to carry the phone: called outside the scan.
  const refused = await handleApi(
    { action: 'ticket.contact', params: { ticketId: t.id } },
    { openid: STAFF.street.openid },
    world.server.deps,
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const revealed = await handleApi(
    { action: 'ticket.contact', params: { ticketId: t.id } },
    { openid: STAFF.grid.openid },
    world.server.deps,
  );
  expect(revealed).toEqual({ ok: true, data: { phone: t.phone } });
  const after = await world.ok(t.reporter, 'ticket.get', { ticketId: t.id });
  expect(after.timeline?.filter((e) => e.kind === 'contact')).toHaveLength(1);
});

test('no answer of this suite leaked personal data', () => {
  const leaks = world.scan.leaks;
  recordFigure({
    section: 'privacy',
    figure: 'leaks in the privacy suite’s answers (openid, phone, words, photo folder)',
    value: `${leaks.length} in ${n(world.scan.answers)} answers`,
    target: '0',
    met: leaks.length === 0,
  });
  expect(leaks.slice(0, 10)).toEqual([]);
});
