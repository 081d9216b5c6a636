// Last active (app/activity.ts): a staff member's successful call marks the record when the mark
// is over an hour old, and only then; refused calls and residents write nothing.
import { seedCommunity, useTestApp } from '../../support/app';
import { expectRefused, expectUnchanged, rowById } from '../../support/flows';

const BOUND = '2026-11-24T02:00:00.000Z';

const app = useTestApp(async () => {
  app.setNow(BOUND);
  await seedCommunity(app);
});

const lastActive = async (openid: string): Promise<unknown> => (await rowById(app, 'staff', openid))?.lastActiveAt;

test('marked at binding, again only after an hour, and seen in the directory', async () => {
  expect(new Date(String(await lastActive('worker-1'))).toISOString()).toBe(BOUND);
  app.setNow('2026-11-24T02:59:00.000Z');
  await expectUnchanged(app, () => app.ok('worker-1', 'queue.counts', {}));
  app.setNow('2026-11-24T03:00:00.000Z');
  await app.ok('worker-1', 'queue.counts', {});
  expect(new Date(String(await lastActive('worker-1'))).toISOString()).toBe('2026-11-24T03:00:00.000Z');
  const item = (await app.ok('community-1', 'staff.list', {})).items.find(
    (i) => i.role === 'gridWorker' && 'grids' in (i.scope ?? {}) && (i.scope as { grids: string[] }).grids.includes('ZD-CZ-HG-01'),
  );
  expect(item?.lastActiveAt).toBe('2026-11-24T03:00:00.000Z');
});

test('a refused call writes nothing, however old the mark', async () => {
  app.setNow('2026-11-30T02:00:00.000Z');
  await expectRefused(app, 'FORBIDDEN', () => app.call('worker-2', 'staff.list', {}));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('worker-2', 'queue.list', { status: 'nope' }));
});
