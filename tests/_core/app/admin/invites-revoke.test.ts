// admin.invites.revoke: an admin withdraws a pending invite of their area, after which the code
// binds nobody; codes of other areas, of higher roles, used or expired ones are NOT_FOUND and
// change nothing; grid workers and residents are refused.
import { ADMIN, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused, neighbourAreasWithAdmins, rowById } from '../../../support/flows';

const NOW = new Date('2026-11-23T01:00:00.000Z');

const app = useTestApp(async () => {
  app.setNow(NOW);
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
});
beforeEach(() => app.setNow(NOW));

const invite = (by: string, role: Api.StaffRole, scope: Api.Scope) => app.ok(by, 'admin.invites.create', { role, scope });

test('a revoked code is gone from the list and binds nobody', async () => {
  const { code } = await invite('community-1', 'gridWorker', { grids: ['ZD-CZ-HG-02'] });
  expect(await app.ok('community-1', 'admin.invites.revoke', { code })).toEqual({ code, revoked: true });
  expect(await rowById(app, 'invites', code)).toBeUndefined();
  expect((await app.ok('community-1', 'admin.invites.list', {})).items.map((i) => i.code)).not.toContain(code);
  await expectRefused(app, 'NOT_FOUND', () => app.call('would-be-worker', 'staff.bind', { inviteCode: code, displayName: '想加入的人' }));
  expect((await app.ok('would-be-worker', 'staff.me', {})).role).toBe('resident');
  await expectRefused(app, 'NOT_FOUND', () => app.call('community-1', 'admin.invites.revoke', { code }));
});

test('the admin above revokes a code made below; the admin below cannot touch one for the level above', async () => {
  const worker = await invite('community-1', 'gridWorker', { grids: ['ZD-CZ-HG-03'] });
  await app.ok('street-1', 'admin.invites.revoke', { code: worker.code });
  const street = await invite('district-1', 'streetAdmin', { street: '车站街道' });
  await expectRefused(app, 'NOT_FOUND', () => app.call('community-1', 'admin.invites.revoke', { code: street.code }));
  await expectRefused(app, 'NOT_FOUND', () =>
    app.call('street-1', 'admin.invites.revoke', { code: street.code.replace(/.$/, street.code.endsWith('A') ? 'B' : 'A') }),
  );
  expect(await app.ok('district-1', 'admin.invites.revoke', { code: street.code })).toEqual({ code: street.code, revoked: true });
});

test("another area's code, a used one and an expired one are NOT_FOUND and change nothing", async () => {
  const elsewhere = await invite('street-hp', 'gridWorker', { grids: ['ZD-HP-01'] });
  await expectRefused(app, 'NOT_FOUND', () => app.call('street-1', 'admin.invites.revoke', { code: elsewhere.code }));
  await expectRefused(app, 'NOT_FOUND', () => app.call('district-zc', 'admin.invites.revoke', { code: elsewhere.code }));
  const used = await invite('community-1', 'gridWorker', { grids: ['ZD-CZ-HG-04'] });
  await app.ok('bound-worker', 'staff.bind', { inviteCode: used.code, displayName: '已加入的人' });
  await expectRefused(app, 'NOT_FOUND', () => app.call('community-1', 'admin.invites.revoke', { code: used.code }));
  const old = await invite('community-1', 'gridWorker', { grids: ['ZD-CZ-HG-05'] });
  app.setNow(new Date(Date.parse(old.expiresAt) + 1));
  await expectRefused(app, 'NOT_FOUND', () => app.call('community-1', 'admin.invites.revoke', { code: old.code }));
  app.setNow(NOW);
  expect(await app.ok(ADMIN, 'admin.invites.revoke', { code: elsewhere.code })).toEqual({ code: elsewhere.code, revoked: true });
});

test('grid workers and residents are refused; malformed codes are INVALID_INPUT', async () => {
  const { code } = await invite('community-1', 'gridWorker', { grids: ['ZD-CZ-HG-06'] });
  await expectRefused(app, 'FORBIDDEN', () => app.call('worker-3', 'admin.invites.revoke', { code }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('a-resident', 'admin.invites.revoke', { code }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.invites.revoke', { code: { $ne: null } }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.invites.revoke', { code: 'abc' }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.invites.revoke', { code, also: 1 }));
  expect(await rowById(app, 'invites', code)).toBeDefined();
});
