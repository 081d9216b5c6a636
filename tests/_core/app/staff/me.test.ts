// staff.me: who the caller is to the system — residents are 'resident', staff carry their role,
// scope and a Chinese label of their area; super admins come from configuration.
import { database } from '../../../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { ADMIN, bindStaff, seedCommunity, useTestApp, displayNameOf } from '../../../support/app';
import { expectUnchanged, rows } from '../../../support/flows';

const CHINESE = /[\u4e00-\u9fa5]/;

const app = useTestApp(async () => {
  app.setNow('2026-11-23T01:00:00.000Z');
  await seedCommunity(app);
  await database()
    .collection('departments')
    .doc('cz-sanitation')
    .set({ data: { name: '车站街道环卫所', street: '车站街道', district: null, categories: ['sanitation'] } });
  await bindStaff(app, 'dept-1', 'deptHandler', { department: 'cz-sanitation' });
});

describe('staff.me', () => {
  test('a resident (any unknown openid) is role resident with no scope', async () => {
    const me = await app.ok('someone-new', 'staff.me', {});
    expect(me).toEqual({
      openid: 'someone-new',
      role: 'resident',
      scope: null,
      scopeLabel: '居民',
      uploadFolder: app.server.deps.files.folderOf('someone-new'),
      displayName: null,
      servicePhone: null,
      abilities: [],
    });
    expect(me.uploadFolder).toMatch(/^uploads\/[0-9a-f]{24}$/);
    expect(me.uploadFolder).not.toContain('someone-new');
  });

  test('asking changes nothing (no record is created for a resident)', async () => {
    await expectUnchanged(app, () => app.ok('just-looking', 'staff.me', {}));
  });

  test.each<[string, Api.Role, Api.Scope, string, Api.StaffAbility[]]>([
    [
      'worker-1',
      'gridWorker',
      { grids: ['ZD-CZ-HG-01', 'ZD-CZ-HG-02'] },
      '华光社区 · 华光社区第一网格（华光路北）、华光社区第二网格（人民西路）',
      ['fileForOthers'],
    ],
    ['community-1', 'communityAdmin', { community: '华光社区' }, '张店区 · 车站街道 · 华光社区', ['fileForOthers', 'administration']],
    ['street-1', 'streetAdmin', { street: '车站街道' }, '张店区 · 车站街道', ['supervisionDesk', 'administration']],
    ['district-1', 'districtAdmin', { district: '张店区' }, '张店区', ['supervisionDesk', 'administration']],
    ['dept-1', 'deptHandler', { department: 'cz-sanitation' }, '车站街道环卫所', []],
  ])('%s is %s with its scope, a Chinese label and what the workbench offers', async (openid, role, scope, label, abilities) => {
    const me = await app.ok(openid, 'staff.me', {});
    expect(me).toEqual({
      openid,
      role,
      scope,
      scopeLabel: label,
      uploadFolder: app.server.deps.files.folderOf(openid),
      displayName: displayNameOf(openid),
      servicePhone: null,
      abilities,
    });
    expect(me.scopeLabel).toMatch(CHINESE);
  });

  test('a super admin comes from configuration, without any staff record', async () => {
    const me = await app.ok(ADMIN, 'staff.me', {});
    expect(me).toMatchObject({
      openid: ADMIN,
      role: 'superAdmin',
      scope: null,
      displayName: null,
      servicePhone: null,
      abilities: ['supervisionDesk', 'administration', 'gridImport'],
    });
    const staff = await rows(app, 'staff');
    expect(staff.map((d) => d._id)).not.toContain(ADMIN);
  });

  test('an openid that merely resembles a super admin is a resident', async () => {
    for (const openid of [`${ADMIN} `, ADMIN.toUpperCase(), `${ADMIN},x`]) {
      expect((await app.ok(openid, 'staff.me', {})).role).toBe('resident');
    }
  });

  test('no openid → UNAUTHENTICATED with a Chinese message', async () => {
    for (const openid of [null, '']) {
      const answer = await app.call(openid, 'staff.me', {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      if (!answer.ok) expect(answer.error.message).toMatch(CHINESE);
    }
  });

  test('unknown params → INVALID_INPUT', async () => {
    const answer = await app.call('worker-1', 'staff.me', { openid: ADMIN });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
