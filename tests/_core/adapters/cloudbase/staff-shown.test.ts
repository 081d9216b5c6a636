// Naming handlers from what a function instance read in the last STAFF_SHOWN_MS: a page of
// tickets or a ticket view names its handlers without a staff query each time. Changes of who
// holds what through this instance show at once; another instance's (here: a write straight to
// the database) within STAFF_SHOWN_MS. Never used to decide what anyone may do (get() reads).
import { CloudAdminStore } from '../../../../cloudfunctions/_core/adapters/cloudbase/admin-store';
import { database } from '../../../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { CloudStaffStore, STAFF_SHOWN_MS } from '../../../../cloudfunctions/_core/adapters/cloudbase/staff-store';
import { bindStaff, seedCommunity, useTestApp } from '../../../support/app';
import { countReads } from '../../../support/count-reads';

const app = useTestApp();
beforeEach(async () => {
  await app.reset();
  await seedCommunity(app);
});

const GRID = { kind: 'grid', gridCode: 'ZD-CZ-HG-01' } as const;
/** Who the store names as holding the grid's queue, sorted. */
const holding = async (store: CloudStaffStore): Promise<string[]> =>
  ((await store.shownHolders([GRID])).get('grid:ZD-CZ-HG-01') ?? []).map((r) => r.openid).sort();

test('the same people twice within the time: one read each for records and queues', async () => {
  let now = 1_000_000;
  const store = new CloudStaffStore(database(), () => now);
  const counted = countReads(app, 'staff');
  const first = await store.shown(['worker-1', 'nobody']);
  const queue = await store.shownHolders([GRID]);
  now += STAFF_SHOWN_MS - 1;
  expect(await store.shown(['worker-1', 'nobody'])).toEqual(first);
  expect(await store.shownHolders([GRID])).toEqual(queue);
  expect(counted.reads()).toBe(2);
  now += 1;
  await store.shown(['worker-1']);
  await store.shownHolders([GRID]);
  counted.stop();
  expect(counted.reads()).toBe(4);
  expect(first.map((r) => r.openid)).toEqual(['worker-1']);
  expect(queue.get('grid:ZD-CZ-HG-01')?.map((r) => r.openid)).toEqual(['worker-1']);
});

test("another instance's change shows once the time is up; one through this instance at once", async () => {
  let now = 1_000_000;
  const store = new CloudStaffStore(database(), () => now);
  expect(await holding(store)).toEqual(['worker-1']);

  // Another instance binds a second worker to the grid.
  await database()
    .collection('staff')
    .doc('worker-9')
    .set({ data: { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-01'] }, boundAt: new Date(0), displayName: '王五' } });
  expect(await holding(store)).toEqual(['worker-1']);
  now += STAFF_SHOWN_MS;
  expect(await holding(store)).toEqual(['worker-1', 'worker-9']);

  // Through this instance (the app's own stores, which the binding goes through): a binding, and a removal.
  const here = app.server.deps.staff as CloudStaffStore;
  expect(await holding(here)).toEqual(['worker-1', 'worker-9']);
  await bindStaff(app, 'worker-8', 'gridWorker', { grids: ['ZD-CZ-HG-01'] });
  expect(await holding(here)).toEqual(['worker-1', 'worker-8', 'worker-9']);
  const admin = new CloudAdminStore(database(), () => here.forgetShown());
  const member = (await admin.members('all', null, 100)).items.find((m) => m.openid === 'worker-8');
  if (!member) throw new Error('worker-8 not listed');
  expect(await admin.removeMember(member)).toBe(true);
  expect(await holding(here)).toEqual(['worker-1', 'worker-9']);
  expect(await here.shown(['worker-8'])).toEqual([]);
});

test('who may act is never answered from it: get() reads every time', async () => {
  const store = new CloudStaffStore(database(), () => 0);
  await store.shown(['worker-1']);
  const counted = countReads(app, 'staff');
  await store.get('worker-1');
  await store.get('worker-1');
  counted.stop();
  expect(counted.reads()).toBe(2);
});
