// staff.remove: an admin unbinds a member of their area at or below their level (by the invite
// the member bound with); the member's very next call is a resident's. Members elsewhere, above,
// or oneself are refused with nothing changed.
import { ADMIN, bindStaff, displayNameOf, reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused, neighbourAreasWithAdmins, rowById } from '../../../support/flows';

const NOW = new Date('2026-11-23T01:00:00.000Z');

const app = useTestApp(async () => {
  app.setNow(NOW);
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
});
beforeEach(() => app.setNow(NOW));

async function codeOf(admin: string, member: string): Promise<string> {
  const items = (await app.ok(admin, 'staff.list', {})).items;
  const found = items.find((i) => i.displayName === displayNameOf(member));
  if (!found) throw new Error(`${member} is not in ${admin}'s directory`);
  return found.inviteCode;
}

test("a removed grid worker loses access at once: the next call is a resident's", async () => {
  await bindStaff(app, 'leaving-worker', 'gridWorker', { grids: ['ZD-CZ-HG-06'] });
  const filed = await app.ok('a-resident', 'report.submit', reportParams({ location: { latitude: 36.8135, longitude: 118.0406 } }));
  expect((await app.ok('leaving-worker', 'queue.list', {})).items).toBeDefined();
  const code = await codeOf('community-1', 'leaving-worker');
  expect(await app.ok('community-1', 'staff.remove', { inviteCode: code })).toEqual({ inviteCode: code, removed: true });
  expect((await app.ok('leaving-worker', 'staff.me', {})).role).toBe('resident');
  await expectRefused(app, 'FORBIDDEN', () => app.call('leaving-worker', 'queue.list', {}));
  await expectRefused(app, 'NOT_FOUND', () => app.call('leaving-worker', 'ticket.get', { ticketId: filed.ticketId }));
  expect((await app.ok('community-1', 'staff.list', {})).items.map((i) => i.inviteCode)).not.toContain(code);
  // Removing again: nobody binds with that code any more.
  await expectRefused(app, 'NOT_FOUND', () => app.call('community-1', 'staff.remove', { inviteCode: code }));
  // The used invite stays used: the code does not bind anyone else.
  await expectRefused(app, 'CONFLICT', () => app.call('someone-else', 'staff.bind', { inviteCode: code, displayName: '别人' }));
});

test('levels: a street admin removes a community admin; a community admin cannot remove the street admin or themselves', async () => {
  await bindStaff(app, 'community-2', 'communityAdmin', { community: '华光社区' });
  const street = await codeOf('street-1', 'street-1');
  const self = await codeOf('community-1', 'community-1');
  await expectRefused(app, 'NOT_FOUND', () => app.call('community-1', 'staff.remove', { inviteCode: 'ZZZZZZZZ' }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('community-1', 'staff.remove', { inviteCode: street }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('community-1', 'staff.remove', { inviteCode: self }));
  const second = await codeOf('street-1', 'community-2');
  await app.ok('street-1', 'staff.remove', { inviteCode: second });
  expect(await rowById(app, 'staff', 'community-2')).toBeUndefined();
});

test("another area's member is refused with nothing changed; the super admin may remove anyone but themselves", async () => {
  const hp = await codeOf('street-hp', 'street-hp');
  await expectRefused(app, 'FORBIDDEN', () => app.call('street-1', 'staff.remove', { inviteCode: hp }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('district-zc', 'staff.remove', { inviteCode: hp }));
  await app.ok(ADMIN, 'staff.remove', { inviteCode: hp });
  expect((await app.ok('street-hp', 'staff.me', {})).role).toBe('resident');
});

test('grid workers and residents are refused; malformed params are INVALID_INPUT', async () => {
  const code = await codeOf('community-1', 'worker-2');
  await expectRefused(app, 'FORBIDDEN', () => app.call('worker-1', 'staff.remove', { inviteCode: code }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('a-resident', 'staff.remove', { inviteCode: code }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'staff.remove', { inviteCode: { $gt: '' } }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'staff.remove', { inviteCode: code, openid: 'worker-2' }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'staff.remove', {}));
});
