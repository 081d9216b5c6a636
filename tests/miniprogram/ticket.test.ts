// The detail page with the server's own answers (support/real-answers.ts): status, the deadline
// in the server's words ("24:00" where the server means the end of a day), the timeline with its
// late steps marked, and the moves the SERVER allows (催办, rate, 重办, 撤回) — nothing else decides
// which buttons appear.
import { apiFake } from './support/api-fake';
import { realAnswers } from './support/real-answers';
import { callPage, exists, find, findAll, setDataSizes, SET_DATA_LIMIT, tap, textOf, type, type Root } from './support/render';
import { openTicket, pageUnderTest } from './support/page';
import { toasts, wxFake } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const ticketPage = pageUnderTest('pages/ticket/ticket');

const answers = realAnswers();
const { tickets, moves } = answers;

const open = (view: Api.TicketView): Promise<Root> => openTicket(ticketPage, view);

/** Each timeline row as "title · time · note" (newest first). */
const rows = (page: Root): string[] =>
  page.querySelectorAll('.tl').map((row) => {
    const html = row.dom?.innerHTML ?? '';
    return ['tl__title', 'tl__time', 'tl__note']
      .map((part) => new RegExp(`class="[^"]*--${part}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? '')
      .filter(Boolean)
      .join(' · ');
  });
const toneOf = (page: Root, index: number): string =>
  /\btl--(normal|good|warn|bad)\b/.exec(find(page, '.tl', index).dom?.className ?? '')?.[1] ?? '';

test('a fresh report: status, number, the deadline as the server words it, description, photos, place, timeline', async () => {
  const view = tickets.submitted;
  const page = await open(view);
  expect(apiFake.callsOf('ticket.get')).toEqual([{ ticketId: view.id }]);
  const head = textOf(find(page, '.head'));
  expect(head).toContain('待受理');
  expect(head).toContain(`编号 ${view.no}`);
  expect(head).toContain('环境卫生 · 投诉');
  expect(head).toContain('当前由');
  // The server sends the end of 11/24 (23:59:59.999 Shanghai) and says 24:00.
  expect(view.deadline?.at).toBe('2026-11-24T15:59:59.999Z');
  expect(textOf(find(page, '.deadline'))).toBe('11月24日 24:00 前受理');
  expect(exists(page, '.deadline--overdue')).toBe(false);
  expect(textOf(find(page, '.description'))).toBe(view.description);
  expect(page.querySelectorAll('.photo')).toHaveLength(2);
  expect(textOf(find(page, '.place'))).toBe('张店区华光路1号 华光小区3号楼');
  expect(rows(page)).toEqual(['您提交了上报 · 11月23日 09:20']);
});

test('an accepted ticket: to be resolved by 24:00 of the third working day', async () => {
  const page = await open(tickets.accepted);
  expect(textOf(find(page, '.head'))).toContain('处理中');
  expect(textOf(find(page, '.deadline'))).toBe('11月26日 24:00 前办结');
  expect(rows(page)[0]).toBe('网格员受理了 · 11月23日 08:30');
});

test('escalated for a missed deadline: marked, the new holder named, the late step in warning colours', async () => {
  const page = await open(tickets.overdue);
  const head = textOf(find(page, '.head'));
  expect(head).toContain('处理中');
  expect(head).toContain('已超时');
  expect(head).toContain('当前由华光社区负责');
  expect(textOf(find(page, '.escalated'))).toBe('超过期限没有办完，已交华光社区督办');
  // The community's fresh deadline has not passed: not red.
  expect(textOf(find(page, '.deadline'))).toBe('11月25日 24:00 前办结');
  expect(exists(page, '.deadline--overdue')).toBe(false);
  expect(rows(page)[0]).toBe('超过期限，已提醒上一级 · 11月20日 00:10 · 超时未办结，自动上报社区并督办');
  expect(toneOf(page, 0)).toBe('warn');
  expect(toneOf(page, 1)).toBe('normal');
});

test("past its deadline: red, and the resident may 催办 — once, with the server's answer shown", async () => {
  const page = await open(tickets.urgentLate);
  expect(textOf(find(page, '.deadline'))).toBe('11月23日 09:30 前受理（已超时）');
  expect(exists(page, '.deadline--overdue')).toBe(true);
  expect(textOf(find(page, '.urge'))).toContain('已过期限还没办好，可以催办，每天一次');

  apiFake.on('report.urge', () => moves.urge);
  await tap(page, '.urge-btn');
  expect(apiFake.callsOf('report.urge')).toEqual([{ ticketId: tickets.urgentLate.id }]);
  expect(toasts()).toContain('已催办，已提醒负责的工作人员');
  expect(exists(page, '.urge')).toBe(false);
  expect(rows(page)[0]).toBe('您催办了 · 11月23日 10:00');
  expect(toneOf(page, 0)).toBe('warn');
});

test('resolved: the rating form comes right after the status, with the result; the resolution is green', async () => {
  const page = await open(tickets.resolved);
  const sections = page.querySelectorAll('.section').map((s) => s.dom?.className ?? '');
  expect(sections[0]).toContain('head');
  expect(sections[1]).toContain('rate');
  expect(textOf(find(page, '.rate__result'))).toContain('已联系环卫所清运');
  expect(exists(page, '.result')).toBe(false);
  expect(exists(page, '.deadline')).toBe(false);
  expect(rows(page)[0]).toBe('网格员办结了 · 11月20日 15:40 · 已联系环卫所清运，垃圾桶已清空并消毒，今后每天早晚各清运一次。');
  expect(toneOf(page, 0)).toBe('good');

  await tap(page, '.tl .photo', 1);
  const resolve = tickets.resolved.timeline?.find((e) => e.kind === 'resolve');
  expect(wxFake.previewImage.mock.calls[0]?.[0]).toEqual({ urls: resolve?.photoUrls, current: resolve?.photoUrls[1] });
  await tap(page, '.photo', 0);
  expect(wxFake.previewImage.mock.calls[1]?.[0]).toEqual({ urls: tickets.resolved.photoUrls, current: tickets.resolved.photoUrls[0] });
});

test('rating: choose 满意, comment, submit; the answered view replaces the form', async () => {
  const page = await open(tickets.resolved);
  apiFake.on('report.rate', () => moves.rate);
  await tap(page, '.rate-submit');
  expect(textOf(find(page, '.rate-error'))).toBe('请先选择满意程度');
  expect(apiFake.callsOf('report.rate')).toEqual([]);

  await tap(page, '.rate__choice', 0);
  await type(page, '.rate__comment', '处理得很快，谢谢！');
  await tap(page, '.rate-submit');

  expect(apiFake.callsOf('report.rate')).toEqual([{ ticketId: tickets.resolved.id, rating: 'satisfied', comment: '处理得很快，谢谢！' }]);
  expect(exists(page, '.rate')).toBe(false);
  expect(textOf(find(page, '.rated__label'))).toBe('满意');
  expect(textOf(find(page, '.rated__comment'))).toBe('处理得很快，谢谢！');
  expect(textOf(find(page, '.result'))).toContain('已联系环卫所清运');
  expect(textOf(find(page, '.head'))).toContain('已归档');
  expect(toasts()).toContain('感谢您的评价');
});

test('不满意 then 重办: an outlined button beside the rating (not a red one); the reason is required', async () => {
  const page = await open(tickets.unsatisfied);
  expect(textOf(find(page, '.rated'))).toContain('不满意');
  expect(find(page, '.reopen >> .t-button').dom?.className).toContain('outline');
  expect(find(page, '.reopen >> .t-button').dom?.className).not.toContain('danger');
  await tap(page, '.reopen');
  expect(page.data.reopenVisible).toBe(true);
  await tap(page, '.reopen-submit');
  expect(textOf(find(page, '.reopen-error'))).toBe('请填写重办原因（1–200 字）');

  apiFake.on('report.reopen', () => moves.reopen);
  await type(page, '.reopen__reason', '晚上还在装修，请再处理');
  await tap(page, '.reopen-submit');
  expect(apiFake.callsOf('report.reopen')).toEqual([{ ticketId: tickets.unsatisfied.id, reason: '晚上还在装修，请再处理' }]);
  expect(page.data.reopenVisible).toBe(false);
  expect(textOf(find(page, '.head'))).toContain('处理中');
  expect(textOf(find(page, '.deadline'))).toBe(moves.reopen.deadline?.label);
  expect(moves.reopen.deadline?.label).toBe('11月26日 24:00 前办结');
});

test('撤回 is a quiet text button at the end; it asks first, then withdraws', async () => {
  const page = await open(tickets.submitted);
  expect(find(page, '.withdraw >> .t-button').dom?.className).toContain('text');
  const sections = page.querySelectorAll('.section, .withdraw-row').map((s) => s.dom?.className ?? '');
  expect(sections[sections.length - 1]).toContain('withdraw-row');
  await tap(page, '.withdraw');
  expect(page.data.withdrawVisible).toBe(true);
  await tap(page, '.withdraw-cancel');
  expect(apiFake.callsOf('report.withdraw')).toEqual([]);

  apiFake.on('report.withdraw', () => moves.withdraw);
  await tap(page, '.withdraw');
  await tap(page, '.withdraw-confirm');
  expect(apiFake.callsOf('report.withdraw')).toEqual([{ ticketId: tickets.submitted.id }]);
  expect(textOf(find(page, '.head'))).toContain('已撤回');
  expect(exists(page, '.withdraw')).toBe(false);
  expect(exists(page, '.deadline')).toBe(false);
  expect(toneOf(page, 0)).toBe('bad');
});

test('a followed ticket (typed fake until report.follow lands): said so, and the reporter\'s steps are not "您"', async () => {
  const page = await open({ ...tickets.accepted, relation: 'follower', affectedCount: 3, allowedActions: [] });
  expect(textOf(find(page, '.head__relation'))).toBe('您关注了这个问题，共 3 位居民反映');
  expect(rows(page).at(-1)).toBe('居民提交了上报 · 11月22日 14:05');
});

test('a claimed 代报 says so; the resident rates it', async () => {
  const page = await open({ ...tickets.resolved, source: 'proxy', relation: 'claimant' });
  expect(textOf(find(page, '.head__relation'))).toBe('这是网格员帮您代报的问题，您已认领');
  expect(exists(page, '.rate')).toBe(true);
});

test('rejected and withdrawn tickets offer nothing and have no deadline', async () => {
  for (const view of [tickets.rejected, tickets.withdrawn, tickets.closed]) {
    const page = await open(view);
    for (const control of ['.rate', '.reopen', '.withdraw', '.urge', '.deadline']) expect(exists(page, control)).toBe(false);
  }
});

test('a move the server refuses shows its message and keeps the page', async () => {
  const page = await open(tickets.submitted);
  apiFake.fail('report.withdraw', 'CONFLICT', '网格员已受理，不能撤回了');
  await tap(page, '.withdraw');
  await tap(page, '.withdraw-confirm');
  expect(textOf(find(page, '.action-error'))).toBe('网格员已受理，不能撤回了');
  expect(toasts()).toContain('网格员已受理，不能撤回了');
  expect(textOf(find(page, '.head'))).toContain('待受理');
});

test.each<[Api.ErrorCode | 'NETWORK', string | undefined, string]>([
  ['NOT_FOUND', undefined, '没有找到这条记录'],
  ['FORBIDDEN', '只能查看自己的上报', '只能查看自己的上报'],
  ['NETWORK', undefined, '网络不太好，请稍后重试'],
])('%s when loading: an error face with the Chinese message and a retry', async (code, message, shown) => {
  apiFake.fail('ticket.get', code, message);
  const page = await ticketPage.open({ id: 't-1' });
  expect(textOf(find(page, '.page-state'))).toContain(shown);
  apiFake.on('ticket.get', () => tickets.submitted);
  await tap(page, '.page-state >> .state__action');
  expect(textOf(find(page, '.head'))).toContain('待受理');
});

test('no id in the link: not found, without calling the server', async () => {
  const page = await ticketPage.open({});
  expect(textOf(find(page, '.page-state'))).toContain('没有找到这条记录');
  expect(apiFake.calls).toEqual([]);
});

test('pull to refresh reloads the ticket', async () => {
  const page = await open(tickets.submitted);
  apiFake.on('ticket.get', () => tickets.accepted);
  await callPage(page, 'onPullDownRefresh');
  expect(textOf(find(page, '.head'))).toContain('处理中');
  expect(wxFake.stopPullDownRefresh).toHaveBeenCalled();
});

test('every setData stays under 50 KB with a long timeline full of photos', async () => {
  const [first] = tickets.overdue.timeline ?? [];
  if (!first) throw new Error('no timeline');
  const timeline = Array.from({ length: 60 }, (_, i) => ({
    ...first,
    kind: 'supervise' as const,
    note: '请尽快处理，居民反映强烈。'.repeat(8),
    photoUrls: [
      `https://files.example.invalid/${i}/a.jpg?sign=${'x'.repeat(300)}`,
      `https://files.example.invalid/${i}/b.jpg?sign=${'y'.repeat(300)}`,
    ],
  }));
  setDataSizes.length = 0;
  const page = await open({ ...tickets.resolved, timeline, description: '描述'.repeat(250) });
  expect(findAll(page, '.tl')).toHaveLength(60);
  expect(setDataSizes.length).toBeGreaterThan(3);
  expect(Math.max(...setDataSizes)).toBeLessThan(SET_DATA_LIMIT);
});
