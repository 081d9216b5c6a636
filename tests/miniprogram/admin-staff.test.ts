// 人员名单 (admin/pages/staff): the staff of the admin's area as the server lists them — name, role,
// scope, last active — with only the moves the server allows: change the scope in a sheet (picked
// from the area) or remove after a confirmation; paged, pulled to refresh; an empty area, errors,
// and a community admin who sees only their community's people.
import { apiFake } from './support/api-fake';
import { adminAnswers, adminMe, answerAsAdmin } from './support/admin-data';
import { callPage, exists, find, findAll, tap, textOf } from './support/render';
import { pageUnderTest } from './support/page';
import { navigations, toasts, wxFake } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const { open } = pageUnderTest('admin/pages/staff/staff');
beforeEach(() => answerAsAdmin(apiFake));

const indexOf = (name: string): number => adminAnswers().staff.street.items.findIndex((i) => i.displayName === name);
/** The n-th button of a kind belongs to the n-th member the server allows that move on. */
const buttonOf = (name: string, move: Api.StaffMemberAction): number =>
  adminAnswers()
    .staff.street.items.filter((i) => i.allowedActions.includes(move))
    .findIndex((i) => i.displayName === name);

test('each member: name, role, scope and when they last used the system; the caller marked 我 with no moves', async () => {
  const page = await open();
  const items = adminAnswers().staff.street.items;
  expect(findAll(page, '.member')).toHaveLength(items.length);
  const zhang = textOf(find(page, '.member', indexOf('张燕')));
  expect(zhang).toContain('张燕');
  expect(zhang).toContain('网格员');
  expect(zhang).toContain('网格 ZD-CZ-HG-01、ZD-CZ-HG-02');
  expect(zhang).toMatch(/最近使用 11月\d+日 \d\d:\d\d/);
  expect(textOf(find(page, '.member', indexOf('陈静')))).toMatch(/^陈静\s*我\s*街道/);
  expect(findAll(page, '.member__self')).toHaveLength(1);
  expect(findAll(page, '.member__remove')).toHaveLength(items.filter((i) => i.allowedActions.includes('remove')).length);
  expect(textOf(find(page, '.more'))).toBe('没有更多了');
});

test('removing a member after a yes: gone from the list at once', async () => {
  const page = await open();
  const i = indexOf('李梅');
  await tap(page, '.member__remove', buttonOf('李梅', 'remove'));
  expect(wxFake.showModal.mock.calls[0]?.[0]).toMatchObject({
    title: '移除这位工作人员？',
    content: '李梅 将立即失去工作人员身份，之后只能像居民一样使用小程序。',
  });
  const code = adminAnswers().staff.street.items[i]?.inviteCode;
  expect(apiFake.callsOf('staff.remove')).toEqual([{ inviteCode: code }]);
  expect(findAll(page, '.member').map(textOf).join('|')).not.toContain('李梅');
  expect(toasts()).toContain('已移除');
});

test("a removal declined sends nothing; one refused says the server's word and reloads", async () => {
  const page = await open();
  wxFake.showModal.mockImplementationOnce((o) => o?.success?.({ confirm: false, cancel: true }));
  await tap(page, '.member__remove', 0);
  expect(apiFake.callsOf('staff.remove')).toEqual([]);
  apiFake.fail('staff.remove', 'FORBIDDEN', '只能移除本辖区内、级别不高于自己的人员');
  await tap(page, '.member__remove', 0);
  expect(toasts()).toContain('只能移除本辖区内、级别不高于自己的人员');
  expect(apiFake.callsOf('staff.list')).toHaveLength(2);
});

test("changing a grid worker's grids: the sheet starts from the current ones, saves, and the row shows the new scope", async () => {
  const page = await open();
  const i = indexOf('王强');
  await tap(page, '.member__update', buttonOf('王强', 'update'));
  expect(textOf(find(page, '.sheet__who'))).toBe('王强');
  expect(findAll(page, '.scope-picker >> .option--on').map(textOf).join('|')).toContain('华光社区第三网格');
  expect(findAll(page, '.scope-picker >> .option--on')).toHaveLength(2);
  await tap(page, '.scope-picker >> .option', 4);
  await tap(page, '.sheet__save');
  const code = adminAnswers().staff.street.items[i]?.inviteCode;
  expect(apiFake.callsOf('staff.update')).toEqual([{ inviteCode: code, scope: { grids: ['ZD-CZ-HG-03', 'ZD-CZ-HG-04', 'ZD-CZ-HG-05'] } }]);
  expect(exists(page, '.sheet')).toBe(false);
  expect(textOf(find(page, '.member', i))).toContain(adminAnswers().updated.scopeLabel);
  expect(toasts()).toContain('管辖范围已调整');
});

test("a refused change stays in the sheet with the server's word; nothing picked is said before sending", async () => {
  apiFake.fail('staff.update', 'FORBIDDEN', '新的管辖范围须在本辖区内');
  const page = await open();
  await tap(page, '.member__update', buttonOf('刘洋', 'update'));
  await tap(page, '.sheet__save');
  expect(textOf(find(page, '.sheet__error'))).toBe('新的管辖范围须在本辖区内');
  await tap(page, '.sheet__cancel');
  expect(exists(page, '.sheet')).toBe(false);
  await tap(page, '.member__update', buttonOf('张燕', 'update'));
  await tap(page, '.scope-picker >> .option', 0);
  await tap(page, '.scope-picker >> .option', 1);
  await tap(page, '.sheet__save');
  expect(textOf(find(page, '.sheet__error'))).toBe('请选择管辖范围');
  expect(apiFake.callsOf('staff.update')).toHaveLength(1);
});

test('an empty area says so and leads to the invites', async () => {
  apiFake.on('staff.list', () => ({ items: [], nextCursor: null }));
  const page = await open();
  expect(textOf(find(page, '.list-state'))).toBe('辖区内还没有工作人员，可以先去邀请');
  await tap(page, '.head__invite');
  expect(navigations('navigateTo')).toEqual(['/admin/pages/invites/invites']);
});

test('a failed list: the message and a retry; paged by cursor; pull to refresh starts over', async () => {
  apiFake.fail('staff.list', 'NETWORK');
  const page = await open();
  expect(textOf(find(page, '.list-state'))).toContain('网络不太好，请稍后重试');
  const all = adminAnswers().staff.street;
  apiFake.on('staff.list', (p) =>
    p.cursor ? { items: all.items.slice(3), nextCursor: null } : { items: all.items.slice(0, 3), nextCursor: 'next-1' },
  );
  await tap(page, '.list-state >> .state__action');
  expect(findAll(page, '.member')).toHaveLength(3);
  await callPage(page, 'onReachBottom');
  expect(findAll(page, '.member')).toHaveLength(all.items.length);
  await callPage(page, 'onPullDownRefresh');
  expect(findAll(page, '.member')).toHaveLength(3);
  expect(apiFake.callsOf('staff.list')).toEqual([{}, {}, { cursor: 'next-1' }, {}]);
});

test("the community admin sees the community's people, not the street's", async () => {
  answerAsAdmin(apiFake, 'community');
  const page = await open();
  const names = findAll(page, '.member__name').map(textOf);
  expect(names).toEqual(expect.arrayContaining(['张燕', '王强', '李梅', '刘洋']));
  expect(names).not.toContain('陈静');
  expect(names).not.toContain('孙涛');
});

test('a grid worker is turned away; a resident is shown how to bind', async () => {
  apiFake.on('staff.me', () => adminMe('worker'));
  const page = await open();
  expect(textOf(find(page, '.gate-view >> .away__text'))).toBe('只有社区、街道、区的管理员可以使用管理后台');
  expect(apiFake.callsOf('staff.list')).toEqual([]);
});
