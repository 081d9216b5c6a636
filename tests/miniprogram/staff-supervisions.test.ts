// 督办台 (staff/pages/supervisions): the street's or district's 督办 records newest first — ticket,
// reason, when, by whom (a name, or 系统), open or answered with the answer — paged, pulled to
// refresh; a record opens its ticket. Only for those the server gives a desk.
import { apiFake } from './support/api-fake';
import { deskPage, staffMe } from './support/staff-data';
import { callPage, exists, find, findAll, tap, textOf } from './support/render';
import { pageUnderTest } from './support/page';
import { navigations, wxFake } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const { open } = pageUnderTest('staff/pages/supervisions/supervisions');
beforeEach(() => {
  apiFake.on('staff.me', () => staffMe('streetAdmin')).on('supervisions.list', () => deskPage());
});

test('the records newest first: ticket, reason, who (系统 for the sweep), when, open or answered', async () => {
  const page = await open();
  expect(apiFake.callsOf('supervisions.list')).toEqual([{}]);
  const rows = findAll(page, '.row').map(textOf);
  const [street, system, answered] = deskPage().items;
  expect(rows).toHaveLength(3);
  expect(rows[0]).toContain(`市政设施 · ${street?.ticketNo}`);
  expect(rows[0]).toContain('请今天内上门核实');
  expect(rows[0]).toContain('督办人：街道 陈静 · 11月23日 09:50 · 网格');
  expect(rows[0]).toContain('待答复');
  expect(rows[1]).toContain(`市政设施 · ${system?.ticketNo}`);
  expect(rows[1]).toContain('超时未受理（期限 11月20日 24:00）');
  expect(rows[1]).toContain('督办人：系统（超时自动督办） · 11月21日 00:10 · 社区');
  expect(rows[2]).toContain(`环境卫生 · ${answered?.ticketNo}`);
  expect(rows[2]).toContain('已答复');
  expect(rows[2]).toContain('张燕 于 11月20日 16:00 答复');
  expect(rows[2]).toContain('已于当天下午清运完毕');
  expect(textOf(find(page, '.more'))).toBe('没有更多了');
});

test("a record opens its ticket's handling page", async () => {
  const page = await open();
  await tap(page, '.row', 1);
  expect(navigations('navigateTo')).toEqual([`/staff/pages/ticket/ticket?id=${deskPage().items[1]?.ticketId}`]);
});

test('paged by cursor; pull to refresh starts over', async () => {
  const first = deskPage();
  apiFake.on('supervisions.list', (p) =>
    p.cursor ? { items: [{ ...first.items[2]!, id: 'sv-9' }], nextCursor: null } : { ...first, nextCursor: 'd-2' },
  );
  const page = await open();
  await callPage(page, 'onReachBottom');
  expect(apiFake.callsOf('supervisions.list')).toEqual([{}, { cursor: 'd-2' }]);
  expect(findAll(page, '.row')).toHaveLength(4);
  await callPage(page, 'onPullDownRefresh');
  expect(apiFake.callsOf('supervisions.list')).toEqual([{}, { cursor: 'd-2' }, {}]);
  expect(findAll(page, '.row')).toHaveLength(3);
  expect(wxFake.stopPullDownRefresh).toHaveBeenCalled();
});

test('an empty desk says so', async () => {
  apiFake.on('supervisions.list', () => ({ items: [], nextCursor: null }));
  const page = await open();
  expect(textOf(find(page, '.list-state'))).toBe('辖区内还没有督办记录');
});

test('a failed load: the message and a retry', async () => {
  apiFake.fail('supervisions.list', 'NETWORK');
  const page = await open();
  expect(textOf(find(page, '.list-state'))).toContain('网络不太好，请稍后重试');
  apiFake.on('supervisions.list', () => deskPage());
  await tap(page, '.list-state >> .state__action');
  expect(findAll(page, '.row')).toHaveLength(3);
});

test('a grid worker keeps no desk: told so, nothing asked', async () => {
  apiFake.on('staff.me', () => staffMe('gridWorker'));
  const page = await open();
  expect(textOf(find(page, '.page-state'))).toContain('您没有权限查看这里');
  expect(apiFake.callsOf('supervisions.list')).toEqual([]);
});

test('a resident is turned away', async () => {
  apiFake.reset();
  const page = await open();
  expect(exists(page, '.turned-away')).toBe(true);
});
