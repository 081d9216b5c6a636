// 督办台 (staff/pages/supervisions/supervisions): the records, an empty desk, and someone without
// a desk — at both font sizes.
import { apiFake } from '../support/api-fake';
import { deskPage, staffMe } from '../support/staff-data';
import type { Root } from '../support/render';
import { pageUnderTest } from '../support/page';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const supervisionsPage = pageUnderTest('staff/pages/supervisions/supervisions');

async function open(role: Api.StaffRole): Promise<Root> {
  apiFake.on('staff.me', () => staffMe(role));
  return supervisionsPage.open();
}

test("the street's 督办 records", async () => {
  apiFake.on('supervisions.list', () => deskPage());
  const page = await open('streetAdmin');
  await snapshotBoth('staff-desk', '督办台：辖区督办记录，待答复与已答复（整页）', page, { fullPage: true });
});

test('an empty desk', async () => {
  apiFake.on('supervisions.list', () => ({ items: [], nextCursor: null }));
  const page = await open('districtAdmin');
  await snapshotBoth('staff-desk-empty', '督办台：还没有督办记录', page);
});

test('a grid worker keeps no desk', async () => {
  const page = await open('gridWorker');
  await snapshotBoth('staff-desk-forbidden', '督办台：网格员没有这个入口', page);
});
