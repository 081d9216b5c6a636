// Becoming staff (staff/pages/bind): the code from the QR code's scene, typed, or scanned; the
// display name and optional work number checked before sending; staff.bind's refusals in its own
// words; the identity forgotten after binding so the workbench sees the new role.
import { currentIdentity } from '../../miniprogram/services/identity';
import { apiFake } from './support/api-fake';
import { staffMe } from './support/staff-data';
import { callPage, exists, find, load, render, tap, textOf, type, type Root } from './support/render';
import { navigations, toasts, wxFake, wxScene } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('staff/pages/bind/bind');
});

async function open(query: Record<string, string> = {}): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad', query);
  return page;
}

async function fill(page: Root, name = '张燕', phone = ''): Promise<void> {
  await type(page, '.name', name);
  if (phone) await type(page, '.phone', phone);
}

test("the admin's QR code opens the page with the code (scene, URL-encoded); name and phone complete it", async () => {
  const page = await open({ scene: encodeURIComponent('abcd2345') });
  expect(page.data.code).toBe('ABCD2345');
  apiFake.on('staff.bind', () => ({ role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-01'] } }));
  await fill(page, '  张  燕 ', '0533-2180101');
  await tap(page, '.submit');
  expect(apiFake.callsOf('staff.bind')).toEqual([{ inviteCode: 'ABCD2345', displayName: '张 燕', servicePhone: '0533-2180101' }]);
  expect(toasts()).toContain('已绑定为网格员');
  expect(navigations('redirectTo')).toEqual(['/staff/pages/home/home']);
  // The role changed: the next question about who this is goes to the server.
  apiFake.on('staff.me', () => staffMe());
  expect(apiFake.callsOf('staff.me')).toHaveLength(1);
  expect((await currentIdentity()).role).toBe('gridWorker');
  expect(apiFake.callsOf('staff.me')).toHaveLength(2);
});

test('a link with ?code= works too; a plain typed code; no phone is fine', async () => {
  const page = await open({ code: 'wxyz6789' });
  expect(page.data.code).toBe('WXYZ6789');
  await type(page, '.code', 'efgh3456');
  apiFake.on('staff.bind', () => ({ role: 'communityAdmin', scope: { community: '华光社区' } }));
  await fill(page);
  await tap(page, '.submit');
  expect(apiFake.callsOf('staff.bind')).toEqual([{ inviteCode: 'EFGH3456', displayName: '张燕' }]);
  expect(toasts()).toContain('已绑定为社区');
});

test('scanning: a 小程序码 (its path carries the scene) or a plain QR code fills the code', async () => {
  const page = await open();
  wxScene.scan = { ok: true, result: '', path: 'staff/pages/bind/bind?scene=QRCODE88' };
  await tap(page, '.scan');
  expect(page.data.code).toBe('QRCODE88');
  wxScene.scan = { ok: true, result: 'PLAIN234' };
  await tap(page, '.scan');
  expect(page.data.code).toBe('PLAIN234');
  expect(wxFake.scanCode).toHaveBeenCalledTimes(2);
});

test('a QR code without a code in it: said so; a cancelled scan: nothing', async () => {
  const page = await open();
  wxScene.scan = { ok: true, result: 'https://example.com/not-an-invite' };
  await tap(page, '.scan');
  expect(toasts()).toEqual(['没能识别这个二维码，请直接输入邀请码']);
  wxScene.scan = { ok: false, errMsg: 'scanCode:fail cancel' };
  await tap(page, '.scan');
  expect(toasts()).toHaveLength(1);
  expect(page.data.code).toBe('');
});

test('checked before sending: the code, the name (visible characters, ≤ 20), the phone', async () => {
  const page = await open();
  await tap(page, '.submit');
  expect(textOf(find(page, '.error-code'))).toBe('请填写正确的邀请码（6–12 位字母或数字）');
  expect(textOf(find(page, '.error-name'))).toBe('请填写称呼（1–20 个字）');
  await type(page, '.code', 'ABCD2345');
  await fill(page, '张\u202e燕', '12345');
  await tap(page, '.submit');
  expect(exists(page, '.error-code')).toBe(false);
  expect(textOf(find(page, '.error-name'))).toBe('请填写称呼（1–20 个字）');
  expect(textOf(find(page, '.error-phone'))).toBe('电话号码格式不对，请检查');
  expect(apiFake.callsOf('staff.bind')).toEqual([]);
});

test.each<[Api.ErrorCode | 'NETWORK', string | undefined, string]>([
  ['NOT_FOUND', '邀请码不存在，请核对后再试', '邀请码不存在，请核对后再试'],
  ['CONFLICT', '这个邀请码已经被使用过了', '这个邀请码已经被使用过了'],
  ['INVALID_INPUT', '称呼里有不可见的字符', '称呼里有不可见的字符'],
  ['CONTENT_REJECTED', '内容含有不当信息，请修改后再提交', '内容含有不当信息，请修改后再提交'],
  ['NETWORK', undefined, '网络不太好，请稍后重试'],
])('%s from staff.bind: its words on the page, the form kept', async (code, message, shown) => {
  const page = await open({ scene: 'ABCD2345' });
  apiFake.fail('staff.bind', code, message);
  await fill(page);
  await tap(page, '.submit');
  expect(textOf(find(page, '.submit-error'))).toBe(shown);
  expect(page.data.displayName).toBe('张燕');
  expect(navigations('redirectTo')).toEqual([]);
});

test('someone already staff is told so and led to the workbench', async () => {
  apiFake.on('staff.me', () => staffMe('streetAdmin'));
  const page = await open({ scene: 'ABCD2345' });
  expect(textOf(find(page, '.already'))).toContain('您已经是工作人员了（街道 · 张店区 · 车站街道）');
  expect(exists(page, '.submit')).toBe(false);
  await tap(page, '.to-workbench');
  expect(navigations('redirectTo')).toEqual(['/staff/pages/home/home']);
});
