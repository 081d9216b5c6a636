// 管理后台 (admin/pages/home/home): an admin's hub, a resident turned away, a grid worker told
// the pages are not theirs — at both font sizes.
import { apiFake } from '../support/api-fake';
import { adminMe, answerAsAdmin } from '../support/admin-data';
import { pageUnderTest } from '../support/page';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const { open } = pageUnderTest('admin/pages/home/home', { realClock: true });

test("the street admin's hub", async () => {
  answerAsAdmin(apiFake);
  await snapshotBoth('admin-home', '管理后台：邀请人员、人员名单、数据统计', await open());
});

test('a resident', async () => {
  await snapshotBoth('admin-home-resident', '管理后台：居民看到绑定入口', await open());
});

test('a grid worker', async () => {
  apiFake.on('staff.me', () => adminMe('worker'));
  await snapshotBoth('admin-home-forbidden', '管理后台：网格员没有这个入口', await open());
});
