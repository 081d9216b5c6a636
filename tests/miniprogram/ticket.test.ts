// The detail page: status, deadlines, timeline with photos, and the moves the SERVER allows
// (rate, 重办, 撤回) — nothing else decides which buttons appear.
import { apiFake } from './support/api-fake';
import { fixClock, realClock } from './support/clock';
import { DEMO_PHOTOS, entry, overdueTicket, resolvedTicket, ticketView } from './support/demo-data';
import { callPage, exists, find, findAll, load, render, setDataSizes, SET_DATA_LIMIT, tap, textOf, type, type Root } from './support/render';
import { toasts, wxFake } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('pages/ticket/ticket');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

async function open(view: Api.TicketView): Promise<Root> {
  apiFake.on('ticket.get', () => view);
  const page = render(pageId);
  await callPage(page, 'onLoad', { id: view.id });
  return page;
}

test('shows status, number, deadline, description, photos, place and the timeline', async () => {
  const page = await open(ticketView());
  expect(apiFake.callsOf('ticket.get')).toEqual([{ ticketId: 't-1001' }]);
  const head = textOf(find(page, '.head'));
  expect(head).toContain('待受理');
  expect(head).toContain('编号 20261122-0007');
  expect(head).toContain('环境卫生 · 投诉');
  expect(head).toContain('当前由和平社区第3网格负责');
  expect(head).toContain('受理期限：11月24日 24:00');
  expect(textOf(find(page, '.description'))).toContain('垃圾桶已经满了三天');
  expect(page.querySelectorAll('.photo')).toHaveLength(2);
  expect(textOf(find(page, '.place'))).toBe('张店区和平路18号 和平小区3号楼');
  expect(textOf(find(page, '.tl__title'))).toBe('您提交了上报');
  expect(textOf(find(page, '.tl__time'))).toBe('11月22日 14:05');
});

test('an overdue ticket is marked in red beside its deadline', async () => {
  const page = await open(overdueTicket());
  const head = textOf(find(page, '.head'));
  expect(head).toContain('已超时');
  expect(head).toContain('办结期限：11月21日 24:00（已超时）');
  expect(head).toContain('当前由和平社区负责');
  expect(exists(page, '.deadline--overdue')).toBe(true);
  expect(textOf(find(page, '.timeline'))).toContain('超时，已提醒上一级');
});

test('the timeline is newest first, with who did what, notes and previewable photos', async () => {
  const page = await open(resolvedTicket());
  const rows = page.querySelectorAll('.tl').map(textOf);
  expect(rows[0]).toContain('网格员办结了');
  expect(rows[0]).toContain('11月22日 17:40');
  expect(rows[0]).toContain('垃圾已清运完毕。');
  expect(rows[1]).toContain('网格员受理了');
  expect(rows[2]).toContain('您提交了上报');
  expect(textOf(find(page, '.result'))).toContain('已联系环卫公司清运');

  await tap(page, '.tl .photo', 1);
  expect(wxFake.previewImage.mock.calls[0][0]).toEqual({ urls: [DEMO_PHOTOS[2], DEMO_PHOTOS[3]], current: DEMO_PHOTOS[3] });
  await tap(page, '.photo', 0);
  expect(wxFake.previewImage.mock.calls[1][0]).toEqual({ urls: DEMO_PHOTOS.slice(0, 2), current: DEMO_PHOTOS[0] });
});

test('buttons follow allowedActions only: none when the server allows none', async () => {
  const page = await open(ticketView({ status: 'accepted', allowedActions: [] }));
  expect(exists(page, '.rate')).toBe(false);
  expect(exists(page, '.reopen')).toBe(false);
  expect(exists(page, '.withdraw')).toBe(false);
});

test('buttons follow allowedActions only: a resolved ticket without "rate" shows no rating form', async () => {
  const page = await open(resolvedTicket({ allowedActions: ['reopen'] }));
  expect(exists(page, '.rate')).toBe(false);
  expect(exists(page, '.reopen')).toBe(true);
});

test('rating: choose 满意, comment, submit; the answered view replaces the form', async () => {
  const page = await open(resolvedTicket());
  apiFake.on('report.rate', (p) =>
    resolvedTicket({ status: 'closed', rating: p.rating, ratingComment: p.comment ?? null, allowedActions: [] }),
  );
  await tap(page, '.rate-submit');
  expect(textOf(find(page, '.rate-error'))).toBe('请先选择满意程度');
  expect(apiFake.callsOf('report.rate')).toEqual([]);

  await tap(page, '.rate__choice', 0);
  await type(page, '.rate__comment', '处理得很快，谢谢！');
  await tap(page, '.rate-submit');

  expect(apiFake.callsOf('report.rate')).toEqual([{ ticketId: 't-1001', rating: 'satisfied', comment: '处理得很快，谢谢！' }]);
  expect(exists(page, '.rate')).toBe(false);
  expect(textOf(find(page, '.rated'))).toContain('满意');
  expect(textOf(find(page, '.rated'))).toContain('处理得很快，谢谢！');
  expect(textOf(find(page, '.head'))).toContain('已归档');
  expect(toasts()).toContain('感谢您的评价');
});

test('不满意 then 重办: the reason is required, and the server decides what comes next', async () => {
  const page = await open(resolvedTicket({ rating: 'unsatisfied', allowedActions: ['reopen'] }));
  await tap(page, '.reopen');
  expect(page.data.reopenVisible).toBe(true);
  await tap(page, '.reopen-submit');
  expect(textOf(find(page, '.reopen-error'))).toBe('请填写重办原因（1–200 字）');

  apiFake.on('report.reopen', () => ticketView({ status: 'accepted', resolveBy: '2026-11-26T16:00:00.000Z', allowedActions: [] }));
  await type(page, '.reopen__reason', '垃圾桶又满了');
  await tap(page, '.reopen-submit');
  expect(apiFake.callsOf('report.reopen')).toEqual([{ ticketId: 't-1001', reason: '垃圾桶又满了' }]);
  expect(page.data.reopenVisible).toBe(false);
  expect(textOf(find(page, '.head'))).toContain('处理中');
  expect(textOf(find(page, '.head'))).toContain('办结期限：11月26日 24:00');
});

test('撤回 asks first, then withdraws', async () => {
  const page = await open(ticketView());
  await tap(page, '.withdraw');
  expect(page.data.withdrawVisible).toBe(true);
  await tap(page, '.withdraw-cancel');
  expect(apiFake.callsOf('report.withdraw')).toEqual([]);

  apiFake.on('report.withdraw', () => ticketView({ status: 'withdrawn', allowedActions: [], timeline: [...(ticketView().timeline ?? []), entry('withdraw', 'resident', '您', 'submitted', 'withdrawn', '2026-11-23T01:00:00.000Z')] }));
  await tap(page, '.withdraw');
  await tap(page, '.withdraw-confirm');
  expect(apiFake.callsOf('report.withdraw')).toEqual([{ ticketId: 't-1001' }]);
  expect(textOf(find(page, '.head'))).toContain('已撤回');
  expect(exists(page, '.withdraw')).toBe(false);
});

test('a move the server refuses shows its message and keeps the page', async () => {
  const page = await open(ticketView());
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
  const page = render(pageId);
  await callPage(page, 'onLoad', { id: 't-1' });
  expect(textOf(find(page, '.page-state'))).toContain(shown);
  apiFake.on('ticket.get', () => ticketView());
  await tap(page, '.page-state >> .state__action');
  expect(textOf(find(page, '.head'))).toContain('待受理');
});

test('no id in the link: not found, without calling the server', async () => {
  const page = render(pageId);
  await callPage(page, 'onLoad', {});
  expect(textOf(find(page, '.page-state'))).toContain('没有找到这条记录');
  expect(apiFake.calls).toEqual([]);
});

test('pull to refresh reloads the ticket', async () => {
  const page = await open(ticketView());
  apiFake.on('ticket.get', () => ticketView({ status: 'accepted', resolveBy: '2026-11-25T16:00:00.000Z', allowedActions: [] }));
  await callPage(page, 'onPullDownRefresh');
  expect(textOf(find(page, '.head'))).toContain('处理中');
  expect(wxFake.stopPullDownRefresh).toHaveBeenCalled();
});

test('every setData stays under 50 KB with a long timeline full of photos', async () => {
  const timeline = Array.from({ length: 60 }, (_, i) =>
    entry('supervise', 'streetAdmin', '街道', 'accepted', 'accepted', '2026-11-22T06:05:00.000Z', '请尽快处理，居民反映强烈。'.repeat(8), [
      `https://files.example.invalid/${i}/a.jpg?sign=${'x'.repeat(300)}`,
      `https://files.example.invalid/${i}/b.jpg?sign=${'y'.repeat(300)}`,
    ]),
  );
  setDataSizes.length = 0;
  const page = await open(resolvedTicket({ timeline, description: '描述'.repeat(250) }));
  expect(findAll(page, '.tl')).toHaveLength(60);
  expect(setDataSizes.length).toBeGreaterThan(3);
  expect(Math.max(...setDataSizes)).toBeLessThan(SET_DATA_LIMIT);
});
