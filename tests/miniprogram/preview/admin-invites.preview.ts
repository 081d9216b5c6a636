// 邀请人员 (admin/pages/invites/invites): the form with grids picked, an invite just made with its
// code and 小程序码 (the real QR image of the local twin), the community admin's roles, an empty
// list — at both font sizes.
import { apiFake } from '../support/api-fake';
import { adminAnswers, answerAsAdmin } from '../support/admin-data';
import { fixClock, realClock } from '../support/clock';
import { callPage, load, render, tap, type Root } from '../support/render';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('admin/pages/invites/invites');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

async function open(who: 'street' | 'community' = 'street'): Promise<Root> {
  answerAsAdmin(apiFake, who);
  const page = render(pageId);
  await callPage(page, 'onLoad');
  return page;
}

test('the form and the pending invites', async () => {
  const page = await open();
  await tap(page, '.scope-picker >> .option', 4);
  await tap(page, '.scope-picker >> .option', 5);
  await snapshotBoth('admin-invites', '邀请人员：选好角色和网格，下面是未使用的邀请（整页）', page, { fullPage: true });
});

test('an invite just made', async () => {
  const page = await open();
  await tap(page, '.scope-picker >> .option', 4);
  await tap(page, '.scope-picker >> .option', 5);
  await tap(page, '.create__submit');
  await snapshotBoth('admin-invites-made', '邀请人员：邀请码和小程序码', page);
});

test('a community admin, no pending invites', async () => {
  const page = render(pageId);
  answerAsAdmin(apiFake, 'community');
  apiFake.on('admin.invites.list', () => ({ ...adminAnswers().invites.community, items: [], nextCursor: null }));
  await callPage(page, 'onLoad');
  await tap(page, '.role--communityAdmin');
  await snapshotBoth('admin-invites-community', '邀请人员：社区管理员可邀请的角色，没有未使用的邀请（整页）', page, { fullPage: true });
});
