// staff.list: the directory, paged by the invite each member bound with (50 a page, cursor opaque).
// A super admin sees everyone; a community, street or district admin the staff whose scope lies
// in their area (never the level above); each with name, last active and what the caller may do.
// No openid anywhere in the answer; grid workers, handlers and residents are refused.
import { ADMIN, bindStaff, displayNameOf, seedCommunity, useTestApp } from '../../../support/app';
import { CZ_SANITATION, departmentWithHandler, expectRefused, neighbourAreasWithAdmins } from '../../../support/flows';

const EXTRA = 45;

const app = useTestApp(async () => {
  app.setNow('2026-11-24T02:00:00.000Z');
  await seedCommunity(app);
  for (let i = 0; i < EXTRA; i += 1) await bindStaff(app, `extra-worker-${i}`, 'gridWorker', { grids: ['ZD-CZ-HG-01'] });
  await neighbourAreasWithAdmins(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
  await bindStaff(app, 'worker-hp', 'gridWorker', { grids: ['ZD-HP-01'] });
});

async function directory(openid: string): Promise<Api.StaffListItem[]> {
  const items: Api.StaffListItem[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 10; guard += 1) {
    const page = await app.ok(openid, 'staff.list', cursor ? { cursor } : {});
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
  throw new Error('the directory never ended');
}
const EXTRA_NAMES = Array.from({ length: EXTRA }, (_, i) => displayNameOf(`extra-worker-${i}`));

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
  expect(pages.map((p) => p.items.length)).toEqual([50, 5]);
  const items = pages.flatMap((p) => p.items);
  const codes = items.map((i) => i.inviteCode);
  expect(new Set(codes).size).toBe(6 + EXTRA + 4);
  expect([...codes].sort()).toEqual(codes);
  expect(items.find((i) => i.role === 'communityAdmin')).toEqual({
    role: 'communityAdmin',
    roleLabel: '社区',
    scope: { community: '华光社区' },
    scopeLabel: '华光社区',
    boundAt: '2026-11-24T02:00:00.000Z',
    inviteCode: expect.stringMatching(/^[A-Z0-9]{8}$/),
    displayName: displayNameOf('community-1'),
    lastActiveAt: '2026-11-24T02:00:00.000Z',
    self: false,
    allowedActions: ['update', 'remove'],
  });
});

test('no openid appears in an answer or a cursor', async () => {
  const pages = await everyPage();
  const text =
    JSON.stringify(pages) + pages.map((p) => (p.nextCursor ? Buffer.from(p.nextCursor, 'base64url').toString('utf8') : '')).join('');
  for (const openid of ['worker-1', 'community-1', 'district-1', 'extra-worker-0']) expect(text).not.toContain(openid);
  expect(JSON.stringify(await directory('street-1'))).not.toMatch(/worker-1|community-1|street-1|dept-1/);
});

test("each area admin sees the staff of their area only: a community admin not the street's people", async () => {
  const names = async (openid: string) => (await directory(openid)).map((i) => i.displayName).sort();
  const n = displayNameOf;
  expect(await names('community-1')).toEqual([n('worker-1'), n('worker-2'), n('worker-3'), n('community-1'), ...EXTRA_NAMES].sort());
  expect(await names('street-1')).toEqual(
    [n('worker-1'), n('worker-2'), n('worker-3'), n('community-1'), n('street-1'), n('dept-1'), ...EXTRA_NAMES].sort(),
  );
  expect(await names('district-1')).toEqual(
    [
      n('worker-1'),
      n('worker-2'),
      n('worker-3'),
      n('community-1'),
      n('street-1'),
      n('district-1'),
      n('dept-1'),
      n('street-hp'),
      n('worker-hp'),
      ...EXTRA_NAMES,
    ].sort(),
  );
  expect(await names('street-hp')).toEqual([n('street-hp'), n('worker-hp')].sort());
  expect(await names('district-zc')).toEqual([n('district-zc')]);
});

test('what the caller may do: members at or below their level, never themselves; their own record is marked', async () => {
  const street = await directory('street-1');
  const byName = (name: string) => street.find((i) => i.displayName === displayNameOf(name));
  expect(byName('street-1')).toMatchObject({ self: true, allowedActions: [] });
  expect(byName('worker-1')).toMatchObject({
    self: false,
    allowedActions: ['update', 'remove'],
    scopeLabel: '网格 ZD-CZ-HG-01、ZD-CZ-HG-02',
    roleLabel: '网格员',
  });
  expect(byName('dept-1')).toMatchObject({ allowedActions: ['update', 'remove'], scopeLabel: '部门 cz-sanitation' });
  const community = await directory('community-1');
  expect(community.find((i) => i.displayName === displayNameOf('community-1'))).toMatchObject({ self: true, allowedActions: [] });
  expect(community.find((i) => i.displayName === displayNameOf('worker-2'))?.allowedActions).toEqual(['update', 'remove']);
});

test('grid workers, handlers and residents are refused; a forged cursor is refused', async () => {
  await expectRefused(app, 'FORBIDDEN', () => app.call('worker-1', 'staff.list', {}));
  await expectRefused(app, 'FORBIDDEN', () => app.call('dept-1', 'staff.list', {}));
  await expectRefused(app, 'FORBIDDEN', () => app.call('a-resident', 'staff.list', {}));
  await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'staff.list', { cursor: Buffer.from('worker-1').toString('base64url') }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'staff.list', { extra: true }));
});
