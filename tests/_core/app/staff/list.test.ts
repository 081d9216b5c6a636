// staff.list: the super admin's directory of every bound staff member, paged by the invite each
// bound with (50 a page, cursor opaque); no openid anywhere in the answer; others are refused.
import { ADMIN, bindStaff, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused } from '../../../support/flows';

const EXTRA = 45;

const app = useTestApp(async () => {
  app.setNow('2026-11-24T02:00:00.000Z');
  await seedCommunity(app);
  for (let i = 0; i < EXTRA; i += 1) await bindStaff(app, `extra-worker-${i}`, 'gridWorker', { grids: ['ZD-CZ-HG-01'] });
});

async function everyPage(): Promise<Array<Api.Page<Api.StaffListItem>>> {
  const pages: Array<Api.Page<Api.StaffListItem>> = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 10; guard += 1) {
    const page = await app.ok(ADMIN, 'staff.list', cursor ? { cursor } : {});
    pages.push(page);
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('the directory never ended');
}

test('a super admin pages through every bound member exactly once, in invite-code order', async () => {
  const pages = await everyPage();
  expect(pages.map((p) => p.items.length)).toEqual([50, 1]);
  const items = pages.flatMap((p) => p.items);
  const codes = items.map((i) => i.inviteCode);
  expect(new Set(codes).size).toBe(6 + EXTRA);
  expect([...codes].sort()).toEqual(codes);
  expect(items.find((i) => i.role === 'communityAdmin')).toEqual({
    role: 'communityAdmin',
    scope: { community: '华光社区' },
    boundAt: '2026-11-24T02:00:00.000Z',
    inviteCode: expect.stringMatching(/^[A-Z0-9]{8}$/),
  });
});

test('no openid appears in an answer or a cursor', async () => {
  const pages = await everyPage();
  const text = JSON.stringify(pages) + pages.map((p) => (p.nextCursor ? Buffer.from(p.nextCursor, 'base64url').toString('utf8') : '')).join('');
  for (const openid of ['worker-1', 'community-1', 'district-1', 'extra-worker-0']) expect(text).not.toContain(openid);
});

test('area admins and residents are refused; a forged cursor is refused', async () => {
  await expectRefused(app, 'FORBIDDEN', () => app.call('district-1', 'staff.list', {}));
  await expectRefused(app, 'FORBIDDEN', () => app.call('a-resident', 'staff.list', {}));
  await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'staff.list', { cursor: Buffer.from('worker-1').toString('base64url') }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'staff.list', { extra: true }));
});
