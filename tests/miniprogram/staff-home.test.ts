// The workbench (staff/pages/home): residents are turned away politely; staff see who they are,
// the overdue / due-today banner, four tabs with the server's counts, cards most urgent first,
// pull-to-refresh and cursor paging, and the 代报 / 巡查 / 督办 entries the server grants.
import { apiFake } from './support/api-fake';
import { counts, manyQueueItems, queuePage, staffMe } from './support/staff-data';
import { callPage, exists, find, findAll, flush, setDataSizes, SET_DATA_LIMIT, tap, textOf, type Root } from './support/render';
import { pageUnderTest } from './support/page';
import { navigations, wxFake } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const homePage = pageUnderTest('staff/pages/home/home');

function asStaff(role: Api.StaffRole = 'gridWorker'): void {
  apiFake
    .on('staff.me', () => staffMe(role))
    .on('queue.counts', () => counts())
    .on('queue.list', () => queuePage());
}

const open = (query: Record<string, string> = {}): Promise<Root> => homePage.open(query);

const cardTexts = (page: Root): string[] => findAll(page, '.queue-card').map(textOf);
/** Each tab as "label count". */
const tabTexts = (page: Root): string[] =>
  findAll(page, '.tab__label').map((l, i) => `${textOf(l)} ${textOf(findAll(page, '.tab__count')[i])}`);

test('a resident is turned away politely, with the way to bind and the way home; nothing else is asked', async () => {
  const page = await open();
  expect(textOf(find(page, '.turned-away'))).toContain('这里是工作人员的工作台');
  expect(textOf(find(page, '.turned-away'))).toContain('邀请码');
  expect(apiFake.actions()).toEqual(['staff.me']);
  await tap(page, '.turned-away >> .away__bind');
  await tap(page, '.turned-away >> .away__home');
  expect(navigations('navigateTo')).toEqual(['/staff/pages/bind/bind']);
  expect(navigations('reLaunch')).toEqual(['/pages/index/index']);
});

test('a grid worker: name, scope, the banner, tabs with counts, and the 待受理 cards', async () => {
  asStaff();
  const page = await open();
  expect(textOf(find(page, '.who'))).toContain('张燕，您好');
  expect(textOf(find(page, '.who'))).toContain('网格员 · 华光社区 · 华光社区第一网格（华光路北）、华光社区第二网格（人民西路）');
  expect(textOf(find(page, '.banner'))).toBe('已超期 0 件 · 今天到期 1 件');
  expect(exists(page, '.banner--warning')).toBe(true);
  expect(tabTexts(page)).toEqual(['待受理 4', '处理中 2', '已超期 0', '已办结 1']);
  expect(exists(page, '.tab--submitted.tab--on')).toBe(true);
  expect(apiFake.callsOf('queue.list')).toEqual([{ status: 'submitted', duty: true }]);

  const cards = cardTexts(page);
  expect(cards).toHaveLength(4);
  // Most urgent first, as the server sends them; each card: category, place, time left, tags.
  expect(cards[0]).toContain('抢修抢险');
  expect(cards[0]).toContain('华光路 1 号 3号楼地下室');
  expect(cards[0]).toContain('剩 10 分钟');
  expect(cards[0]).toContain(queuePage().items[0]?.no ?? '?');
  // The rest share a deadline (Tuesday 24:00): the server orders them by id.
  const proxy = cards.find((c) => c.includes('治安隐患'));
  expect(proxy).toContain('代报');
  expect(proxy).toContain('剩 1 天');
  expect(cards.some((c) => c.includes('华光路 1 号 3号楼东门'))).toBe(true);
  // Quick entries the server grants a grid worker: 代报 and 巡查, no 督办台.
  expect(exists(page, '.quick--proxy')).toBe(true);
  expect(exists(page, '.quick--patrol')).toBe(true);
  expect(exists(page, '.quick--desk')).toBe(false);
  expect(exists(page, '.quick--admin')).toBe(false);
});

test("the tabs ask for their own lists: 处理中 and 已超期 are mine, 已办结 my area's", async () => {
  asStaff();
  const page = await open();
  await tap(page, '.tab--accepted');
  await tap(page, '.tab--overdue');
  await tap(page, '.tab--resolved');
  await tap(page, '.tab--resolved'); // the tab already shown: nothing more
  expect(apiFake.callsOf('queue.list')).toEqual([
    { status: 'submitted', duty: true },
    { status: 'accepted', duty: true },
    { overdue: true },
    { status: 'resolved' },
  ]);
  expect(exists(page, '.tab--resolved.tab--on')).toBe(true);
});

test('an empty queue says so, per tab; a calm banner when nothing is due', async () => {
  asStaff();
  apiFake
    .on('queue.list', () => ({ items: [], nextCursor: null }))
    .on('queue.counts', () => counts({ submitted: 0, accepted: 0, overdue: 0, resolved: 0, dueToday: 0 }));
  const page = await open();
  expect(textOf(find(page, '.list-state'))).toBe('暂时没有待受理的事项');
  expect(textOf(find(page, '.banner'))).toBe('今天没有到期的事项');
  expect(tabTexts(page)).toEqual(['待受理 0', '处理中 0', '已超期 0', '已办结 0']);
  await tap(page, '.tab--overdue');
  expect(textOf(find(page, '.list-state'))).toBe('没有超期的事项，继续保持');
});

test('paging by cursor at the bottom, then 没有更多了', async () => {
  asStaff();
  apiFake.on('queue.list', (p) =>
    p.cursor ? { items: manyQueueItems(3, 100), nextCursor: null } : { items: manyQueueItems(20), nextCursor: 'c-2' },
  );
  const page = await open();
  expect(findAll(page, '.queue-card')).toHaveLength(20);
  await callPage(page, 'onReachBottom');
  expect(apiFake.callsOf('queue.list')).toEqual([
    { status: 'submitted', duty: true },
    { status: 'submitted', duty: true, cursor: 'c-2' },
  ]);
  expect(findAll(page, '.queue-card')).toHaveLength(23);
  expect(textOf(find(page, '.more'))).toBe('没有更多了');
  await callPage(page, 'onReachBottom');
  expect(apiFake.callsOf('queue.list')).toHaveLength(2);
  expect(Math.max(...setDataSizes)).toBeLessThan(SET_DATA_LIMIT);
});

test('a failed next page offers a retry that continues from the same cursor', async () => {
  asStaff();
  let fail = true;
  apiFake.on('queue.list', (p) => {
    if (!p.cursor) return { items: manyQueueItems(20), nextCursor: 'c-2' };
    if (fail) throw new (jest.requireActual('../../miniprogram/services/api').ApiError)('NETWORK');
    return { items: manyQueueItems(2, 50), nextCursor: null };
  });
  const page = await open();
  await callPage(page, 'onReachBottom');
  expect(textOf(find(page, '.more--error'))).toBe('没加载出来，点这里重试');
  fail = false;
  await tap(page, '.more--error');
  expect(findAll(page, '.queue-card')).toHaveLength(22);
});

test('pull-to-refresh asks again for the counts and the list, and stops the spinner', async () => {
  asStaff();
  const page = await open();
  apiFake.on('queue.counts', () => counts({ submitted: 5 }));
  await callPage(page, 'onPullDownRefresh');
  expect(apiFake.callsOf('queue.counts')).toHaveLength(2);
  expect(apiFake.callsOf('queue.list')).toHaveLength(2);
  expect(tabTexts(page)[0]).toBe('待受理 5');
  expect(wxFake.stopPullDownRefresh).toHaveBeenCalled();
});

test('coming back from a ticket refreshes quietly', async () => {
  asStaff();
  const page = await open();
  await callPage(page, 'onShow');
  expect(apiFake.callsOf('queue.list')).toHaveLength(1);
  await callPage(page, 'onShow');
  expect(apiFake.callsOf('queue.list')).toHaveLength(2);
  expect(findAll(page, '.queue-card')).toHaveLength(4);
});

test('a card opens the handling page', async () => {
  asStaff();
  const page = await open();
  await tap(page, '.queue-card >> .qcard', 1);
  expect(navigations('navigateTo')).toEqual([`/staff/pages/ticket/ticket?id=${queuePage().items[1]?.id}`]);
});

test('a street admin gets the 督办台 entry and no 代报', async () => {
  asStaff('streetAdmin');
  const street = await open();
  expect(exists(street, '.quick--desk')).toBe(true);
  expect(exists(street, '.quick--proxy')).toBe(false);
  await tap(street, '.quick--desk');
  expect(navigations('navigateTo')).toEqual(['/staff/pages/supervisions/supervisions']);
  // The server gives admins the admin pages too: the workbench leads there.
  await tap(street, '.quick--admin');
  expect(navigations('navigateTo')).toEqual(['/staff/pages/supervisions/supervisions', '/admin/pages/home/home']);
});

test('a department handler gets neither', async () => {
  asStaff('deptHandler');
  const dept = await open();
  expect(exists(dept, '.quick')).toBe(false);
  expect(textOf(find(dept, '.who'))).toContain('职能部门 · 车站街道环卫所');
});

test('the 代报 and 巡查 entries open the form in their mode', async () => {
  asStaff();
  const page = await open();
  await tap(page, '.quick--proxy');
  await tap(page, '.quick--patrol');
  expect(navigations('navigateTo')).toEqual(['/staff/pages/report/report?mode=proxy', '/staff/pages/report/report?mode=patrol']);
});

test('opening on a tab from a link (?tab=overdue)', async () => {
  asStaff();
  await open({ tab: 'overdue' });
  expect(apiFake.callsOf('queue.list')).toEqual([{ overdue: true }]);
});

test.each<[Api.ErrorCode | 'NETWORK', string | undefined, string]>([
  ['NETWORK', undefined, '网络不太好，请稍后重试'],
  ['INTERNAL', undefined, '服务暂时不可用，请稍后重试'],
  ['FORBIDDEN', '该功能仅限工作人员使用', '该功能仅限工作人员使用'],
])('the list failing with %s: the message and a retry; the counts failing leave the tabs without numbers', async (code, message, shown) => {
  asStaff();
  apiFake.fail('queue.list', code, message).fail('queue.counts', code, message);
  const page = await open();
  expect(textOf(find(page, '.list-state'))).toContain(shown);
  expect(tabTexts(page)).toEqual(['待受理 –', '处理中 –', '已超期 –', '已办结 –']);
  apiFake.on('queue.list', () => queuePage());
  await tap(page, '.list-state >> .state__action');
  expect(findAll(page, '.queue-card')).toHaveLength(4);
});

test('not knowing who is asking: an error face with a retry', async () => {
  apiFake.fail('staff.me', 'NETWORK');
  const page = await open();
  expect(textOf(find(page, '.page-state'))).toContain('网络不太好，请稍后重试');
  asStaff();
  await tap(page, '.page-state >> .state__action');
  await flush();
  expect(findAll(page, '.queue-card')).toHaveLength(4);
});
