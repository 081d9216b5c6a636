// admin.invites.list: the unused, unexpired invites whose scope lies in the admin's area, newest
// first and paged; a super admin's are all of them; used, expired and revoked codes are gone;
// codes of roles above the caller never show; grid workers, handlers and residents are refused.
import { ADMIN, seedCommunity, useTestApp } from '../../../support/app';
import { CZ_SANITATION, departmentWithHandler, expectRefused, neighbourAreasWithAdmins } from '../../../support/flows';

const NOW = new Date('2026-11-23T01:00:00.000Z');
const MINUTE = 60_000;

const app = useTestApp(async () => {
  app.setNow(NOW);
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
});
beforeEach(() => app.setNow(NOW));

async function all(openid: string): Promise<Api.InviteItem[]> {
  const items: Api.InviteItem[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard += 1) {
    const page = await app.ok(openid, 'admin.invites.list', cursor ? { cursor } : {});
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

test('each admin sees the pending invites of their own area, newest first; the level above stays hidden', async () => {
  app.setNow(new Date(NOW.getTime() + MINUTE));
  const worker = await app.ok('community-1', 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-03'] } });
  app.setNow(new Date(NOW.getTime() + 2 * MINUTE));
  const community = await app.ok('street-1', 'admin.invites.create', { role: 'communityAdmin', scope: { community: '华光社区' } });
  app.setNow(new Date(NOW.getTime() + 3 * MINUTE));
  const street = await app.ok('district-1', 'admin.invites.create', { role: 'streetAdmin', scope: { street: '车站街道' } });
  const elsewhere = await app.ok(ADMIN, 'admin.invites.create', { role: 'streetAdmin', scope: { street: '和平街道' } });

  const codes = async (openid: string) => (await all(openid)).map((i) => i.code);
  expect(await codes('community-1')).toEqual([community.code, worker.code]);
  expect(await codes('street-1')).toEqual([street.code, community.code, worker.code]);
  expect(await codes('district-1')).toEqual(expect.arrayContaining([street.code, elsewhere.code, community.code, worker.code]));
  expect(await codes('street-hp')).toEqual([elsewhere.code]);
  expect(await codes('district-zc')).toEqual([]);
  expect((await codes(ADMIN)).slice(0, 2).sort()).toEqual([street.code, elsewhere.code].sort());

  const [item] = (await all('community-1')).filter((i) => i.code === worker.code);
  expect(item).toEqual({
    code: worker.code,
    role: 'gridWorker',
    roleLabel: '网格员',
    scope: { grids: ['ZD-CZ-HG-03'] },
    scopeLabel: '网格 ZD-CZ-HG-03',
    createdAt: new Date(NOW.getTime() + MINUTE).toISOString(),
    expiresAt: worker.expiresAt,
    mine: true,
  });
  expect((await all('street-1')).find((i) => i.code === worker.code)?.mine).toBe(false);
});

test('the roles each admin may invite, for the form', async () => {
  const roles = async (openid: string) => (await app.ok(openid, 'admin.invites.list', {})).roles.map((r) => r.role);
  expect(await roles('community-1')).toEqual(['gridWorker', 'communityAdmin']);
  expect(await roles('street-1')).toEqual(['gridWorker', 'communityAdmin', 'deptHandler', 'streetAdmin']);
  expect(await roles('district-1')).toEqual(['gridWorker', 'communityAdmin', 'deptHandler', 'streetAdmin', 'districtAdmin']);
  expect((await app.ok(ADMIN, 'admin.invites.list', {})).roles).toHaveLength(6);
  expect((await app.ok('community-1', 'admin.invites.list', {})).roles[0]).toEqual({ role: 'gridWorker', label: '网格员' });
});

test('used and expired invites leave the list', async () => {
  const used = await app.ok('community-1', 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-04'] } });
  const kept = await app.ok('community-1', 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-05'] } });
  await app.ok('new-worker', 'staff.bind', { inviteCode: used.code, displayName: '新网格员' });
  const codes = (await all('community-1')).map((i) => i.code);
  expect(codes).toContain(kept.code);
  expect(codes).not.toContain(used.code);
  app.setNow(new Date(Date.parse(kept.expiresAt) + 1));
  expect((await all('community-1')).map((i) => i.code)).not.toContain(kept.code);
});

test('pages of 30 by cursor, each invite once', async () => {
  app.setNow('2026-12-20T01:00:00.000Z');
  for (let i = 0; i < 35; i += 1) await app.ok('street-hp', 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-HP-01'] } });
  const first = await app.ok('street-hp', 'admin.invites.list', {});
  expect(first.items).toHaveLength(30);
  expect(first.nextCursor).not.toBeNull();
  const items = await all('street-hp');
  expect(items).toHaveLength(35);
  expect(new Set(items.map((i) => i.code)).size).toBe(35);
});

test('grid workers, department handlers and residents are refused; bad params change nothing', async () => {
  await expectRefused(app, 'FORBIDDEN', () => app.call('dept-1', 'admin.invites.list', {}));
  await expectRefused(app, 'FORBIDDEN', () => app.call('worker-1', 'admin.invites.list', {}));
  await expectRefused(app, 'FORBIDDEN', () => app.call('a-resident', 'admin.invites.list', {}));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.invites.list', { cursor: '$bad' }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.invites.list', { areas: 'all' }));
  await expectRefused(app, 'INVALID_INPUT', () =>
    app.call('community-1', 'admin.invites.list', { cursor: Buffer.from('all').toString('base64url') }),
  );
  await expectRefused(app, 'UNAUTHENTICATED', () => app.call(null, 'admin.invites.list', {}));
});
