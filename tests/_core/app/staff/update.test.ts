// staff.update: an admin gives a member of their area another scope of the same role, inside the
// admin's own area and level; the member's next call works in the new scope. Scopes outside the
// area, of the wrong shape, members above or elsewhere are refused with nothing changed.
import { ADMIN, bindStaff, displayNameOf, reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused, neighbourAreasWithAdmins } from '../../../support/flows';

const NOW = new Date('2026-11-23T01:00:00.000Z');
/** Inside grid ZD-CZ-HG-01. */
const HG01 = { latitude: 36.8135, longitude: 118.0406 };

const app = useTestApp(async () => {
  app.setNow(NOW);
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
  await bindStaff(app, 'moving-worker', 'gridWorker', { grids: ['ZD-CZ-HG-05'] });
});
beforeEach(() => app.setNow(NOW));

async function codeOf(admin: string, member: string): Promise<string> {
  const found = (await app.ok(admin, 'staff.list', {})).items.find((i) => i.displayName === displayNameOf(member));
  if (!found) throw new Error(`${member} is not in ${admin}'s directory`);
  return found.inviteCode;
}

test('a grid worker moved to grid 01 sees its tickets at once, and the answer is the new directory entry', async () => {
  const filed = await app.ok('a-resident', 'report.submit', reportParams({ location: HG01 }));
  await expectRefused(app, 'NOT_FOUND', () => app.call('moving-worker', 'ticket.get', { ticketId: filed.ticketId }));
  const code = await codeOf('community-1', 'moving-worker');
  const updated = await app.ok('community-1', 'staff.update', { inviteCode: code, scope: { grids: ['ZD-CZ-HG-01', 'ZD-CZ-HG-05'] } });
  expect(updated).toMatchObject({
    inviteCode: code,
    role: 'gridWorker',
    scope: { grids: ['ZD-CZ-HG-01', 'ZD-CZ-HG-05'] },
    scopeLabel: '网格 ZD-CZ-HG-01、ZD-CZ-HG-05',
    allowedActions: ['update', 'remove'],
  });
  expect((await app.ok('moving-worker', 'ticket.get', { ticketId: filed.ticketId })).id).toBe(filed.ticketId);
  expect((await app.ok('moving-worker', 'staff.me', {})).scope).toEqual({ grids: ['ZD-CZ-HG-01', 'ZD-CZ-HG-05'] });
});

test("a member moved out of the area leaves that admin's directory and joins the new one's", async () => {
  await bindStaff(app, 'community-x', 'communityAdmin', { community: '华光社区' });
  const code = await codeOf('street-1', 'community-x');
  // 和平社区 lies in another street: the street admin of 车站街道 may not send anyone there.
  await expectRefused(app, 'FORBIDDEN', () => app.call('street-1', 'staff.update', { inviteCode: code, scope: { community: '和平社区' } }));
  await app.ok('district-1', 'staff.update', { inviteCode: code, scope: { community: '和平社区' } });
  expect((await app.ok('street-1', 'staff.list', {})).items.map((i) => i.inviteCode)).not.toContain(code);
  expect((await app.ok('street-hp', 'staff.list', {})).items.map((i) => i.inviteCode)).toContain(code);
});

test('refusals change nothing: wrong shape, unknown place, outside the area, above the caller, oneself', async () => {
  const worker = await codeOf('community-1', 'worker-1');
  const street = await codeOf('street-1', 'street-1');
  const self = await codeOf('community-1', 'community-1');
  await expectRefused(app, 'INVALID_INPUT', () =>
    app.call('community-1', 'staff.update', { inviteCode: worker, scope: { community: '华光社区' } }),
  );
  await expectRefused(app, 'NOT_FOUND', () =>
    app.call('community-1', 'staff.update', { inviteCode: worker, scope: { grids: ['ZD-CZ-HG-99'] } }),
  );
  await expectRefused(app, 'FORBIDDEN', () =>
    app.call('community-1', 'staff.update', { inviteCode: worker, scope: { grids: ['ZD-HP-01'] } }),
  );
  await expectRefused(app, 'FORBIDDEN', () =>
    app.call('community-1', 'staff.update', { inviteCode: street, scope: { street: '车站街道' } }),
  );
  await expectRefused(app, 'FORBIDDEN', () =>
    app.call('community-1', 'staff.update', { inviteCode: self, scope: { community: '华光社区' } }),
  );
  await expectRefused(app, 'FORBIDDEN', () =>
    app.call('worker-1', 'staff.update', { inviteCode: worker, scope: { grids: ['ZD-CZ-HG-01'] } }),
  );
  await expectRefused(app, 'FORBIDDEN', () =>
    app.call('a-resident', 'staff.update', { inviteCode: worker, scope: { grids: ['ZD-CZ-HG-01'] } }),
  );
  await expectRefused(app, 'INVALID_INPUT', () =>
    app.call('community-1', 'staff.update', { inviteCode: worker, scope: { grids: ['ZD-CZ-HG-01'] }, role: 'streetAdmin' }),
  );
  await expectRefused(app, 'INVALID_INPUT', () =>
    app.call('community-1', 'staff.update', { inviteCode: worker, scope: { grids: [{ $ne: 1 }] } }),
  );
});

test('the super admin may rescope anyone; a super admin record has no scope to change', async () => {
  await bindStaff(app, 'second-super', 'superAdmin', { district: '张店区' });
  const hp = await codeOf(ADMIN, 'street-hp');
  await app.ok(ADMIN, 'staff.update', { inviteCode: hp, scope: { street: '车站街道' } });
  expect((await app.ok('street-hp', 'staff.me', {})).scope).toEqual({ street: '车站街道' });
  const sup = await codeOf(ADMIN, 'second-super');
  await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'staff.update', { inviteCode: sup, scope: { district: '周村区' } }));
});
