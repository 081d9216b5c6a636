// 我的上报: the cursor-paged list with status tags, deadlines, overdue marks, pull-to-refresh,
// load-more at the bottom, filters, and its loading / empty / error faces.
import { apiFake } from './support/api-fake';
import { fixClock, realClock } from './support/clock';
import { manyItems, minePage } from './support/demo-data';
import { callPage, exists, find, findAll, load, render, setDataSizes, SET_DATA_LIMIT, tap, textOf } from './support/render';
import { navigations, wxFake } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

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

test('lists my reports with status tags, deadlines and overdue marks', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');

  const cards = findAll(page, '.ticket');
  expect(cards).toHaveLength(5);
  const first = textOf(cards[0]);
  expect(first).toContain('环境卫生 · 投诉');
  expect(first).toContain('待受理');
  expect(first).toContain('上报于 11月22日 14:05');
  expect(first).toContain('受理期限 11月24日 24:00');
  const overdue = textOf(cards[1]);
  expect(overdue).toContain('处理中');
  expect(overdue).toContain('已超时');
  expect(overdue).toContain('办结期限 11月21日 24:00');
  expect(textOf(cards[2])).toContain('已办结');
  expect(textOf(cards[3])).toContain('已归档');
  expect(textOf(cards[4])).toContain('不予受理');
  expect(apiFake.callsOf('report.mine')).toEqual([{}]);
});

test('each status has its own colour', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  const themes = findAll(page, '.ticket').map((c) => find(c, '.card__status >> .status-tag__main >> .t-tag').dom?.className ?? '');
  expect(themes[0]).toContain('warning');
  expect(themes[1]).toContain('primary');
  expect(themes[2]).toContain('success');
  expect(themes[4]).toContain('danger');
});

test('tapping a card opens the ticket', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  await tap(page, '.ticket >> .card', 1);
  expect(navigations('navigateTo')).toEqual(['/pages/ticket/ticket?id=t-0990']);
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
  expect(findAll(page, '.ticket')).toHaveLength(5);
});

test('coming back to the page refreshes quietly', async () => {
  apiFake.on('report.mine', () => minePage());
  const page = render(pageId);
  await callPage(page, 'onLoad');
  await callPage(page, 'onShow');
  expect(apiFake.callsOf('report.mine')).toHaveLength(2);
  expect(findAll(page, '.ticket')).toHaveLength(5);
});

test('every setData stays under 50 KB, even with a long list', async () => {
  apiFake.on('report.mine', (p) => ({ items: manyItems(20, p.cursor ? Number(p.cursor) : 0), nextCursor: String((Number(p.cursor ?? 0) || 0) + 20) }));
  const page = render(pageId);
  setDataSizes.length = 0;
  await callPage(page, 'onLoad');
  for (let i = 0; i < 5; i += 1) await callPage(page, 'onReachBottom');
  expect(findAll(page, '.ticket')).toHaveLength(120);
  expect(setDataSizes.length).toBeGreaterThan(5);
  expect(Math.max(...setDataSizes)).toBeLessThan(SET_DATA_LIMIT);
});
