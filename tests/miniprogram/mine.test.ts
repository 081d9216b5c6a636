// 我的上报: the cursor-paged list with status tags, deadlines, overdue marks, pull-to-refresh,
// load-more at the bottom, filters, and its loading / empty / error faces.
import { apiFake } from './support/api-fake';
import { fixClock, realClock } from './support/clock';
import { config } from '../../miniprogram/config';
import { manyItems } from './support/demo-data';
import { realAnswers } from './support/real-answers';
import { callPage, exists, find, findAll, load, render, setDataSizes, SET_DATA_LIMIT, tap, textOf, type Root } from './support/render';
import { navigations, wxFake } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

/** The resident's first page of 我的上报 as the server answered it: nine tickets, one of each state. */
const minePage = (): Api.Page<Api.TicketListItem> => realAnswers().mine;

let pageId: string;
beforeAll(() => {
  pageId = load('pages/mine/mine');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

test('shows a loading face until the first page arrives', async () => {
  let release: (v: Api.Page<Api.TicketListItem>) => void = () => undefined;
  apiFake.on('report.mine', () => new Promise((r) => (release = r)));
  const page = render(pageId);
  const loading = callPage(page, 'onLoad');
  await Promise.resolve();
  expect(textOf(find(page, '.list-state'))).toBe('正在加载…');
  release(minePage());
  await loading;
  expect(exists(page, '.list-state')).toBe(false);
});

test("lists my reports, newest first, with status tags and the deadlines in the server's words", async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');

  const cards = findAll(page, '.ticket');
  expect(cards).toHaveLength(9);
  const card = (i: number): string => textOf(cards[i]);
  // Newest first: the fresh report of 09:20, the urgent repair of 09:00, Sunday's accepted one…
  expect(card(0)).toContain('环境卫生 · 投诉');
  expect(card(0)).toContain('待受理');
  expect(card(0)).toContain('上报于 11月23日 09:20');
  expect(card(0)).toContain('11月24日 24:00 前受理');
  expect(card(0)).not.toContain('已超时');
  expect(card(1)).toContain('11月23日 09:30 前受理（已超时）');
  expect(card(2)).toContain('11月26日 24:00 前办结');
  expect(card(3)).toContain('已撤回');
  expect(card(4)).toContain('不予受理');
  expect(cards.map(textOf).filter((t) => t.includes('已超时'))).toHaveLength(2);
  expect(apiFake.callsOf('report.mine')).toEqual([{}]);
});

test('a ticket waiting for a rating says 待评价 · 去评价; none other does', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  const cards = findAll(page, '.ticket').map(textOf);
  const waiting = cards.filter((t) => t.includes('待评价'));
  expect(waiting).toHaveLength(1);
  expect(waiting[0]).toContain('已办结');
  expect(waiting[0]).toContain('去评价');
});

test('an escalated ticket is marked 已超时 even under its fresh deadline', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  const escalated = findAll(page, '.ticket')
    .map(textOf)
    .find((t) => t.includes('市政设施') && t.includes('11月25日 24:00 前办结'));
  expect(escalated).toContain('已超时');
  expect(escalated).not.toContain('（已超时）');
});

test('tickets followed or claimed are marked, with how many residents are affected (typed fakes until the server sends them)', async () => {
  const [a, b, c] = minePage().items;
  if (!a || !b || !c) throw new Error('report.mine answered too few items');
  apiFake.on('report.mine', () => ({
    items: [{ ...a, relation: 'follower', affectedCount: 3 }, { ...b, relation: 'claimant', affectedCount: 1 }, c],
    nextCursor: null,
  }));
  const page = render(pageId);
  await callPage(page, 'onLoad');
  const cards = findAll(page, '.ticket');
  expect(textOf(find(cards[0] as Root, '.card__tags'))).toBe('我关注的3 位居民反映');
  expect(textOf(find(cards[1] as Root, '.card__tags'))).toBe('代报认领');
  expect(exists(cards[2] as Root, '.card__tags')).toBe(false);
});

test('the way to claim a 代报 shows when report.claim is switched on (it is, by default)', async () => {
  apiFake.on('report.mine', () => minePage());
  config.features.claim = false;
  const before = render(pageId);
  await callPage(before, 'onLoad');
  expect(exists(before, '.claim-entry')).toBe(false);
  config.features.claim = true;
  try {
    const page = render(pageId);
    await callPage(page, 'onLoad');
    expect(textOf(find(page, '.claim-entry'))).toBe('网格员帮您代报的？输入认领码');
    await tap(page, '.claim-entry');
    expect(navigations('navigateTo')).toEqual(['/pages/claim/claim']);
  } finally {
    config.features.claim = true;
  }
});

test('each status has its own colour', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  const themes = findAll(page, '.ticket').map((c) => find(c, '.card__status >> .status-tag__main >> .t-tag').dom?.className ?? '');
  const statuses = minePage().items.map((t) => t.status);
  const theme = (status: Api.TicketStatus): string => themes[statuses.indexOf(status)] ?? '';
  expect(theme('submitted')).toContain('warning');
  expect(theme('accepted')).toContain('primary');
  expect(theme('resolved')).toContain('success');
  expect(theme('rejected')).toContain('danger');
  expect(theme('closed')).toContain('default');
});

test('tapping a card opens the ticket', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  await tap(page, '.ticket >> .card', 1);
  expect(navigations('navigateTo')).toEqual([`/pages/ticket/ticket?id=${minePage().items[1]?.id}`]);
});

test('scrolling to the bottom loads the next page by cursor, then says there is no more', async () => {
  apiFake.on('report.mine', (p) =>
    p.cursor ? { items: manyItems(3, 100), nextCursor: null } : { items: manyItems(20), nextCursor: 'c2' },
  );
  const page = render(pageId);
  await callPage(page, 'onLoad');
  await callPage(page, 'onReachBottom');
  expect(apiFake.callsOf('report.mine')).toEqual([{}, { cursor: 'c2' }]);
  expect(findAll(page, '.ticket')).toHaveLength(23);
  expect(textOf(find(page, '.list__end'))).toBe('没有更多了');
  await callPage(page, 'onReachBottom');
  expect(apiFake.callsOf('report.mine')).toHaveLength(2);
});

test('a failed next page can be retried from the bottom of the list', async () => {
  apiFake.on('report.mine', () => ({ items: manyItems(20), nextCursor: 'c2' }));
  const page = render(pageId);
  await callPage(page, 'onLoad');
  apiFake.fail('report.mine', 'NETWORK');
  await callPage(page, 'onReachBottom');
  expect(textOf(find(page, '.list__more--error'))).toBe('没加载出来，点这里重试');
  apiFake.on('report.mine', () => ({ items: manyItems(2, 50), nextCursor: null }));
  await tap(page, '.list__more--error');
  expect(findAll(page, '.ticket')).toHaveLength(22);
});

test('pull to refresh reloads the first page and stops the spinner', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  apiFake.on('report.mine', () => ({ items: manyItems(1), nextCursor: null }));
  await callPage(page, 'onPullDownRefresh');
  expect(findAll(page, '.ticket')).toHaveLength(1);
  expect(wxFake.stopPullDownRefresh).toHaveBeenCalledTimes(1);
});

test('filters by status', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  await tap(page, '.filter', 2); // 处理中
  expect(apiFake.callsOf('report.mine')).toEqual([{}, { status: 'accepted' }]);
  expect(textOf(find(page, '.filter--on'))).toBe('处理中');
});

test('nothing reported yet: an empty face with a button to report', async () => {
  apiFake.on('report.mine', () => ({ items: [], nextCursor: null }));
  const page = render(pageId);
  await callPage(page, 'onLoad');
  expect(textOf(find(page, '.list-state'))).toContain('还没有上报记录');
  await tap(page, '.list-state >> .state__action');
  expect(navigations('navigateTo')).toEqual(['/pages/report/report']);
});

test.each<[Api.ErrorCode | 'NETWORK', string | undefined, string]>([
  ['NETWORK', undefined, '网络不太好，请稍后重试'],
  ['UNAUTHENTICATED', '请先登录微信', '请先登录微信'],
  ['INTERNAL', undefined, '服务暂时不可用，请稍后重试'],
])('%s: the error face shows the Chinese message and retries', async (code, message, shown) => {
  apiFake.fail('report.mine', code, message);
  const page = render(pageId);
  await callPage(page, 'onLoad');
  expect(textOf(find(page, '.list-state'))).toContain(shown);
  apiFake.on('report.mine', () => minePage());
  await tap(page, '.list-state >> .state__action');
  expect(findAll(page, '.ticket')).toHaveLength(9);
});

test('coming back to the page refreshes quietly', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  await callPage(page, 'onShow');
  expect(apiFake.callsOf('report.mine')).toHaveLength(2);
  expect(findAll(page, '.ticket')).toHaveLength(9);
});

test('every setData stays small however long the list grows: a next page sends only its own cards', async () => {
  apiFake.on('report.mine', (p) => ({
    items: manyItems(20, p.cursor ? Number(p.cursor) : 0),
    nextCursor: String((Number(p.cursor ?? 0) || 0) + 20),
  }));
  const page = render(pageId);
  await callPage(page, 'onLoad');
  setDataSizes.length = 0;
  await callPage(page, 'onReachBottom');
  const onePage = Math.max(...setDataSizes);
  await callPage(page, 'onReachBottom');
  await callPage(page, 'onReachBottom');
  expect(findAll(page, '.ticket')).toHaveLength(80);
  // The fourth page costs what the second did: nothing grows with the list (a re-sent list would
  // double each time and pass 50 KB after a few pages).
  expect(Math.max(...setDataSizes)).toBeLessThanOrEqual(onePage * 1.05);
  expect(onePage).toBeLessThan(SET_DATA_LIMIT / 4);
});
