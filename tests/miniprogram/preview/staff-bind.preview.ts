// The bind page (staff/pages/bind/bind): opened from the admin's QR code, filled, refused, and
// for someone already bound — at both font sizes.
import { apiFake } from '../support/api-fake';
import { staffMe } from '../support/staff-data';
import { callPage, load, render, tap, type, type Root } from '../support/render';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('staff/pages/bind/bind');
});

async function open(query: Record<string, string>): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad', query);
  return page;
}

test('opened from the QR code, filled in', async () => {
  const page = await open({ scene: 'ABCD2345' });
  await snapshotBoth('staff-bind', '绑定身份：扫邀请二维码打开（邀请码已填好）', page);
  await type(page, '.name', '张燕');
  await type(page, '.phone', '0533-2180101');
  await snapshotBoth('staff-bind-filled', '绑定身份：填好称呼和工作电话', page, { fullPage: true });
});

test('mistakes, and a code already used', async () => {
  const page = await open({});
  await type(page, '.phone', '12345');
  await tap(page, '.submit');
  await snapshotBoth('staff-bind-errors', '绑定身份：没填邀请码和称呼、电话不对', page, { fullPage: true });
  apiFake.fail('staff.bind', 'CONFLICT', '这个邀请码已经被使用过了');
  await type(page, '.code', 'ABCD2345');
  await type(page, '.name', '张燕');
  await type(page, '.phone', '');
  await tap(page, '.submit');
  await snapshotBoth('staff-bind-used', '绑定身份：邀请码已被使用', page, { fullPage: true });
});

test('already bound', async () => {
  apiFake.on('staff.me', () => staffMe());
  const page = await open({ scene: 'ABCD2345' });
  await snapshotBoth('staff-bind-already', '绑定身份：已经是工作人员', page);
});
