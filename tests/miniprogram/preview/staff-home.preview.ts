// The workbench (staff/pages/home/home): the queue, the empty queue, a failed load, a resident
// turned away, at both font sizes.
import { apiFake } from '../support/api-fake';
import { counts, queuePage, staffAnswers, staffMe } from '../support/staff-data';
import { tap, type Root } from '../support/render';
import { pageUnderTest } from '../support/page';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const homePage = pageUnderTest('staff/pages/home/home');

async function open(role: Api.StaffRole | null = 'gridWorker'): Promise<Root> {
  if (role) apiFake.on('staff.me', () => staffMe(role));
  return homePage.open({});
}

test('the queue of a grid worker', async () => {
  apiFake
    .on('queue.counts', () => counts())
    .on('queue.list', (p) => (p.status === 'submitted' ? queuePage() : { items: [], nextCursor: null }));
  const page = await open();
  await snapshotBoth('staff-home', '工作台：待受理（第一屏）', page);
  await snapshotBoth('staff-home-full', '工作台：待受理，最急的在前（整页）', page, { fullPage: true });
});

test("the community's 已超期 tab: what the sweep escalated", async () => {
  const community = staffAnswers().communityOverdue;
  apiFake
    .on('queue.counts', () => counts({ submitted: 5, accepted: 3, overdue: community.items.length, dueToday: 2 }))
    .on('queue.list', () => community);
  const page = await open('communityAdmin');
  await tap(page, '.tab--overdue');
  await snapshotBoth('staff-home-overdue', '工作台（社区）：已超期，超时后自动上报到社区', page);
});

test('an empty queue', async () => {
  apiFake
    .on('queue.counts', () => counts({ submitted: 0, accepted: 0, overdue: 0, resolved: 0, dueToday: 0 }))
    .on('queue.list', () => ({ items: [], nextCursor: null }));
  const page = await open();
  await snapshotBoth('staff-home-empty', '工作台：没有待受理的事项', page);
});

test('a street admin, the list failing', async () => {
  apiFake.on('queue.counts', () => counts({ overdue: 0 })).fail('queue.list', 'NETWORK');
  const page = await open('streetAdmin');
  await snapshotBoth('staff-home-error', '工作台（街道）：列表没加载出来', page);
});

test('a resident turned away', async () => {
  const page = await open(null);
  await snapshotBoth('staff-home-resident', '工作台：居民打开时，礼貌地请回', page);
});
