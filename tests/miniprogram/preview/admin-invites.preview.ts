// 邀请人员 (admin/pages/invites/invites): the form with grids picked, an invite just made with its
// code and 小程序码 (the real QR image of the local twin), the community admin's roles, an empty
// list — at both font sizes.
import { apiFake } from '../support/api-fake';
import { adminAnswers, answerAsAdmin, openAs } from '../support/admin-data';
import { callPage, tap, type Root } from '../support/render';
import { pageUnderTest } from '../support/page';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const invitesPage = pageUnderTest('admin/pages/invites/invites');

const open = (who: 'street' | 'community' = 'street'): Promise<Root> => openAs(invitesPage, who);

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
  const page = invitesPage.render();
  answerAsAdmin(apiFake, 'community');
  apiFake.on('admin.invites.list', () => ({ ...adminAnswers().invites.community, items: [], nextCursor: null }));
  await callPage(page, 'onLoad');
  await tap(page, '.role--communityAdmin');
  await snapshotBoth('admin-invites-community', '邀请人员：社区管理员可邀请的角色，没有未使用的邀请（整页）', page, { fullPage: true });
});
