// 邀请人员 (admin/pages/invites): the roles the server offers, a scope picked from the admin's area
// (several grids for a grid worker, one place or department for anyone else), the invite made and
// shown as its code and 小程序码 (copy, retry a failed image), the pending invites shown again or
// revoked after a confirmation; each error said where it happened; non-admins turned away.
import { apiFake } from './support/api-fake';
import { adminAnswers, adminMe, answerAsAdmin } from './support/admin-data';
import { callPage, exists, find, findAll, flush, tap, textOf, type Root } from './support/render';
import { pageUnderTest } from './support/page';
import { toasts, wxFake } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const { open } = pageUnderTest('admin/pages/invites/invites');
beforeEach(() => answerAsAdmin(apiFake));

const optionLabels = (page: Root): string[] => findAll(page, '.scope-picker >> .option__label').map(textOf);

test('the street admin is offered the roles the server lists, and the grids of the street to pick', async () => {
  const page = await open();
  const a = adminAnswers();
  expect(findAll(page, '.role').map(textOf)).toEqual(a.invites.street.roles.map((r) => r.label));
  expect(findAll(page, '.role--on').map(textOf)).toEqual(['网格员']);
  expect(optionLabels(page)).toEqual(a.grids.items.map((g) => g.name));
  expect(apiFake.callsOf('admin.grids.list')).toEqual([{}]);
  await tap(page, '.role--communityAdmin');
  expect(optionLabels(page)).toEqual(['华光社区']);
  await tap(page, '.role--deptHandler');
  expect(optionLabels(page)).toEqual(a.departments.items.map((d) => d.name));
  // The grids were read once for every role that picks from them.
  expect(apiFake.callsOf('admin.grids.list')).toEqual([{}]);
});

test('several grids for a grid worker; the invite is made and shown with its code and 小程序码', async () => {
  const page = await open();
  await tap(page, '.scope-picker >> .option', 4);
  await tap(page, '.scope-picker >> .option', 5);
  expect(findAll(page, '.scope-picker >> .option--on')).toHaveLength(2);
  await tap(page, '.create__submit');
  const a = adminAnswers();
  expect(apiFake.callsOf('admin.invites.create')).toEqual([{ role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-05', 'ZD-CZ-HG-06'] } }]);
  expect(apiFake.callsOf('admin.invites.qr')).toEqual([{ code: a.created.code }]);
  expect(textOf(find(page, '.shown__code'))).toBe(a.created.code);
  expect(textOf(find(page, '.shown__title'))).toBe('网格员 · 华光社区第五网格（金晶大道）、华光社区第六网格（铁路宿舍）');
  expect(textOf(find(page, '.shown__expires'))).toBe('11月30日 10:00 前有效，只能使用一次');
  expect(exists(page, '.shown__image')).toBe(true);
  // The list is read again after the invite was made.
  expect(apiFake.callsOf('admin.invites.list')).toEqual([{}, {}]);
  await tap(page, '.shown__copy');
  expect(wxFake.setClipboardData.mock.calls[0]?.[0]?.data).toBe(a.created.code);
  expect(toasts()).toContain('邀请码已复制');
  await tap(page, '.shown__close');
  expect(exists(page, '.shown')).toBe(false);
});

test('one community picked at a time; nothing picked is said before anything is sent', async () => {
  const page = await open();
  await tap(page, '.create__submit');
  expect(textOf(find(page, '.create__error'))).toBe('请选择管辖范围');
  expect(apiFake.callsOf('admin.invites.create')).toEqual([]);
  await tap(page, '.role--communityAdmin');
  await tap(page, '.scope-picker >> .option', 0);
  await tap(page, '.scope-picker >> .option', 0);
  expect(findAll(page, '.scope-picker >> .option--on')).toHaveLength(1);
  await tap(page, '.create__submit');
  expect(apiFake.callsOf('admin.invites.create')).toEqual([{ role: 'communityAdmin', scope: { community: '华光社区' } }]);
});

test("a refused invite says the server's word under the form", async () => {
  apiFake.fail('admin.invites.create', 'FORBIDDEN', '只能邀请本辖区内的人员');
  const page = await open();
  await tap(page, '.scope-picker >> .option', 0);
  await tap(page, '.create__submit');
  expect(textOf(find(page, '.create__error'))).toBe('只能邀请本辖区内的人员');
  expect(exists(page, '.shown')).toBe(false);
});

test('a 小程序码 that failed can be made again; the code is shown meanwhile', async () => {
  apiFake.fail('admin.invites.qr', 'INTERNAL');
  const page = await open();
  await tap(page, '.scope-picker >> .option', 0);
  await tap(page, '.create__submit');
  expect(textOf(find(page, '.shown__code'))).toBe(adminAnswers().created.code);
  expect(textOf(find(page, '.shown__qr-state'))).toBe('小程序码没有生成，请稍后重试 · 重新生成');
  answerAsAdmin(apiFake);
  await tap(page, '.shown__qr-state');
  expect(exists(page, '.shown__image')).toBe(true);
});

test('the pending invites: who and where, the code and until when; shown again or revoked after a yes', async () => {
  const page = await open();
  const pending = adminAnswers().invites.street.items;
  const rows = findAll(page, '.row').map(textOf);
  expect(rows).toHaveLength(pending.length);
  const community = pending.find((i) => i.role === 'communityAdmin');
  const index = pending.indexOf(community!);
  expect(rows[index]).toContain('社区 · 华光社区');
  expect(rows[index]).toContain(`${community?.code} · 11月30日 09:20 前有效，只能使用一次`);
  expect(rows.find((r) => r.includes('网格 ZD-CZ-HG-03'))).toContain('其他管理员生成');
  await tap(page, '.row__show', index);
  expect(apiFake.callsOf('admin.invites.qr')).toEqual([{ code: community?.code }]);
  expect(textOf(find(page, '.shown__code'))).toBe(community?.code);
  await tap(page, '.row__revoke', index);
  expect(wxFake.showModal.mock.calls[0]?.[0]).toMatchObject({
    title: '撤销这个邀请？',
    content: `撤销后邀请码 ${community?.code} 不能再使用。`,
  });
  expect(apiFake.callsOf('admin.invites.revoke')).toEqual([{ code: community?.code }]);
  expect(findAll(page, '.row')).toHaveLength(pending.length - 1);
  expect(exists(page, '.shown')).toBe(false);
  expect(toasts()).toContain('邀请已撤销');
});

test('a revoke declined sends nothing; one refused (used meanwhile) says so and reloads the list', async () => {
  const page = await open();
  wxFake.showModal.mockImplementationOnce((o) => o?.success?.({ confirm: false, cancel: true }));
  await tap(page, '.row__revoke', 0);
  expect(apiFake.callsOf('admin.invites.revoke')).toEqual([]);
  apiFake.fail('admin.invites.revoke', 'NOT_FOUND', '没有找到这个邀请，可能已被使用、撤销或过期');
  await tap(page, '.row__revoke', 0);
  expect(toasts()).toContain('没有找到这个邀请，可能已被使用、撤销或过期');
  expect(apiFake.callsOf('admin.invites.list')).toHaveLength(2);
});

test('a revoke answered after the page was closed says nothing and changes nothing there', async () => {
  const page = await open();
  let answer: () => void = () => undefined;
  apiFake.on('admin.invites.revoke', ({ code }) => new Promise((resolve) => (answer = () => resolve({ code, revoked: true }))));
  await tap(page, '.row__revoke', 0);
  expect(apiFake.callsOf('admin.invites.revoke')).toHaveLength(1);
  page.detach();
  answer();
  await flush();
  expect(toasts()).not.toContain('邀请已撤销');
  // The list is not read again for a page nobody sees.
  expect(apiFake.callsOf('admin.invites.list')).toHaveLength(1);
});

test('no pending invites, and a list that failed with its retry', async () => {
  apiFake.on('admin.invites.list', () => ({ ...adminAnswers().invites.street, items: [], nextCursor: null }));
  const page = await open();
  expect(textOf(find(page, '.list-state'))).toBe('没有未使用的邀请');
  apiFake.fail('admin.invites.list', 'NETWORK');
  await callPage(page, 'onPullDownRefresh');
  expect(textOf(find(page, '.list-state'))).toContain('网络不太好，请稍后重试');
  answerAsAdmin(apiFake);
  await tap(page, '.list-state >> .state__action');
  expect(findAll(page, '.row')).toHaveLength(adminAnswers().invites.street.items.length);
});

test('paged by cursor', async () => {
  const first = adminAnswers().invites.street;
  apiFake.on('admin.invites.list', (p) =>
    p.cursor ? { ...first, items: first.items.slice(0, 1), nextCursor: null } : { ...first, nextCursor: 'next-1' },
  );
  const page = await open();
  await callPage(page, 'onReachBottom');
  expect(apiFake.callsOf('admin.invites.list')).toEqual([{}, { cursor: 'next-1' }]);
  expect(findAll(page, '.row')).toHaveLength(first.items.length + 1);
});

test('the choices that failed to load have their own retry; an area without grids says so', async () => {
  apiFake.fail('admin.grids.list', 'NETWORK');
  const page = await open();
  expect(textOf(find(page, '.options-state'))).toContain('网络不太好，请稍后重试');
  apiFake.on('admin.grids.list', () => ({ items: [], nextCursor: null }));
  await tap(page, '.options-state >> .state__action');
  expect(textOf(find(page, '.options-state'))).toBe('辖区内还没有可选的范围');
});

test('the community admin is offered grid workers and community admins only', async () => {
  answerAsAdmin(apiFake, 'community');
  const page = await open();
  expect(findAll(page, '.role').map(textOf)).toEqual(['网格员', '社区']);
});

test('a grid worker is turned away; nothing of the area is asked', async () => {
  apiFake.on('staff.me', () => adminMe('worker'));
  const page = await open();
  expect(exists(page, '.gate-view')).toBe(true);
  expect(apiFake.actions()).toEqual(['staff.me']);
});
