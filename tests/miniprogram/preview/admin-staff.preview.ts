// 人员名单 (admin/pages/staff/staff): the street's directory, the sheet changing a grid worker's
// grids, the community admin's directory, an empty area — at both font sizes.
import { apiFake } from '../support/api-fake';
import { adminAnswers, answerAsAdmin, openAs } from '../support/admin-data';
import { tap, type Root } from '../support/render';
import { pageUnderTest } from '../support/page';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const staffPage = pageUnderTest('admin/pages/staff/staff');

const open = (who: 'street' | 'community' = 'street'): Promise<Root> => openAs(staffPage, who);

test("the street's directory", async () => {
  await snapshotBoth('admin-staff', '人员名单：街道辖区内的工作人员（整页）', await open(), { fullPage: true });
});

test("changing a grid worker's grids", async () => {
  const page = await open();
  const wang = adminAnswers()
    .staff.street.items.filter((i) => i.allowedActions.includes('update'))
    .findIndex((i) => i.displayName === '王强');
  await tap(page, '.member__update', wang);
  await tap(page, '.scope-picker >> .option', 4);
  await snapshotBoth('admin-staff-update', '人员名单：调整网格员的管辖网格', page);
});

test("the community admin's directory", async () => {
  await snapshotBoth('admin-staff-community', '人员名单：社区管理员只看到本社区的人员（整页）', await open('community'), {
    fullPage: true,
  });
});

test('an empty area', async () => {
  answerAsAdmin(apiFake);
  apiFake.on('staff.list', () => ({ items: [], nextCursor: null }));
  const page = await staffPage.open();
  await snapshotBoth('admin-staff-empty', '人员名单：辖区内还没有工作人员', page);
});
