// admin.invites.create: an admin makes a one-time code for a role at or below their own level,
// within their own area; a super admin for any role and scope. The code is 8 characters without
// look-alikes and expires 7 days after it was made.
import { database } from '../../../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { ADMIN, bindStaff, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused, rowById, rows } from '../../../support/flows';

const CHINESE = /[\u4e00-\u9fa5]/;
const CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/;
const DAY = 24 * 60 * 60 * 1000;
// Monday 2026-11-23 09:00 in Shanghai.
const NOW = new Date('2026-11-23T01:00:00.000Z');

const ring = (lng: number, lat: number): number[][] => [
  [lng, lat],
  [lng + 0.002, lat],
  [lng + 0.002, lat + 0.002],
  [lng, lat + 0.002],
  [lng, lat],
];
const grid = (code: string, community: string, street: string, district: string, lng: number) => ({
  type: 'Feature',
  properties: { code, name: `${community}${code}`, community, street, district },
  geometry: { type: 'Polygon', coordinates: [ring(lng, 36.6)] },
});

// Beside the seeded 张店区 · 车站街道 · 华光社区 (grids ZD-CZ-HG-01…06):
//   CZ-07 in 车站二社区 of the same street; TQ-01 in 同区社区 of 同区街道, same district;
//   OT-01 in 其他社区 · 其他街道 · 其他区.
const PLACES = {
  type: 'FeatureCollection',
  features: [
    grid('CZ-07', '车站二社区', '车站街道', '张店区', 118.3),
    grid('TQ-01', '同区社区', '同区街道', '张店区', 118.31),
    grid('OT-01', '其他社区', '其他街道', '其他区', 118.32),
  ],
};
// A street department, a district department, and one in the other district.
const DEPARTMENTS = [
  { code: 'cz-sanitation', name: '车站街道环卫所', street: '车站街道', district: null },
  { code: 'zd-water', name: '张店区水务局', street: null, district: '张店区' },
  { code: 'ot-power', name: '其他街道供电所', street: '其他街道', district: null },
];

const app = useTestApp(async () => {
  app.setNow(NOW);
  await seedCommunity(app);
  await app.ok(ADMIN, 'admin.grids.import', { geojson: PLACES, crs: 'gcj02' });
  for (const { code, ...dept } of DEPARTMENTS) {
    await database()
      .collection('departments')
      .doc(code)
      .set({ data: { ...dept, categories: ['sanitation'] } });
  }
  await bindStaff(app, 'dept-1', 'deptHandler', { department: 'cz-sanitation' });
});
beforeEach(() => app.setNow(NOW));

type Row = [inviter: string, role: Api.StaffRole, scope: Api.Scope, expected: 'ok' | Api.ErrorCode];
const HG = (n: number) => `ZD-CZ-HG-0${n}`;

const TABLE: Row[] = [
  // super admin: any role, any scope
  [ADMIN, 'superAdmin', { district: '张店区' }, 'ok'],
  [ADMIN, 'districtAdmin', { district: '其他区' }, 'ok'],
  [ADMIN, 'streetAdmin', { street: '同区街道' }, 'ok'],
  [ADMIN, 'communityAdmin', { community: '其他社区' }, 'ok'],
  [ADMIN, 'gridWorker', { grids: ['OT-01', HG(1)] }, 'ok'],
  [ADMIN, 'deptHandler', { department: 'ot-power' }, 'ok'],

  // district admin of 张店区: street/community/grid/department within it, itself included
  ['district-1', 'districtAdmin', { district: '张店区' }, 'ok'],
  ['district-1', 'streetAdmin', { street: '车站街道' }, 'ok'],
  ['district-1', 'streetAdmin', { street: '同区街道' }, 'ok'],
  ['district-1', 'communityAdmin', { community: '华光社区' }, 'ok'],
  ['district-1', 'communityAdmin', { community: '同区社区' }, 'ok'],
  ['district-1', 'gridWorker', { grids: [HG(1), 'TQ-01'] }, 'ok'],
  ['district-1', 'deptHandler', { department: 'cz-sanitation' }, 'ok'],
  ['district-1', 'deptHandler', { department: 'zd-water' }, 'ok'],
  ['district-1', 'superAdmin', { district: '张店区' }, 'FORBIDDEN'],
  ['district-1', 'districtAdmin', { district: '其他区' }, 'FORBIDDEN'],
  ['district-1', 'streetAdmin', { street: '其他街道' }, 'FORBIDDEN'],
  ['district-1', 'communityAdmin', { community: '其他社区' }, 'FORBIDDEN'],
  ['district-1', 'gridWorker', { grids: ['OT-01'] }, 'FORBIDDEN'],
  ['district-1', 'gridWorker', { grids: [HG(1), 'OT-01'] }, 'FORBIDDEN'],
  ['district-1', 'deptHandler', { department: 'ot-power' }, 'FORBIDDEN'],

  // street admin of 车站街道
  ['street-1', 'streetAdmin', { street: '车站街道' }, 'ok'],
  ['street-1', 'communityAdmin', { community: '华光社区' }, 'ok'],
  ['street-1', 'communityAdmin', { community: '车站二社区' }, 'ok'],
  ['street-1', 'gridWorker', { grids: [HG(2), 'CZ-07'] }, 'ok'],
  ['street-1', 'deptHandler', { department: 'cz-sanitation' }, 'ok'],
  ['street-1', 'districtAdmin', { district: '张店区' }, 'FORBIDDEN'],
  ['street-1', 'streetAdmin', { street: '同区街道' }, 'FORBIDDEN'],
  ['street-1', 'communityAdmin', { community: '同区社区' }, 'FORBIDDEN'],
  ['street-1', 'gridWorker', { grids: ['TQ-01'] }, 'FORBIDDEN'],
  ['street-1', 'deptHandler', { department: 'zd-water' }, 'FORBIDDEN'],
  ['street-1', 'deptHandler', { department: 'ot-power' }, 'FORBIDDEN'],

  // community admin of 华光社区: grid workers of its grids and its own role, nothing above
  ['community-1', 'gridWorker', { grids: [HG(3)] }, 'ok'],
  ['community-1', 'gridWorker', { grids: [HG(1), HG(2), HG(3), HG(4), HG(5), HG(6)] }, 'ok'],
  ['community-1', 'communityAdmin', { community: '华光社区' }, 'ok'],
  ['community-1', 'streetAdmin', { street: '车站街道' }, 'FORBIDDEN'],
  ['community-1', 'districtAdmin', { district: '张店区' }, 'FORBIDDEN'],
  ['community-1', 'superAdmin', { community: '华光社区' }, 'FORBIDDEN'],
  ['community-1', 'communityAdmin', { community: '车站二社区' }, 'FORBIDDEN'],
  ['community-1', 'gridWorker', { grids: ['CZ-07'] }, 'FORBIDDEN'],
  ['community-1', 'gridWorker', { grids: [HG(1), 'CZ-07'] }, 'FORBIDDEN'],
  ['community-1', 'gridWorker', { grids: ['OT-01'] }, 'FORBIDDEN'],
  ['community-1', 'deptHandler', { department: 'cz-sanitation' }, 'FORBIDDEN'],

  // grid workers, department handlers and residents invite nobody, not even their own kind
  ['worker-1', 'gridWorker', { grids: [HG(1)] }, 'FORBIDDEN'],
  ['worker-1', 'gridWorker', { grids: [HG(1), HG(2)] }, 'FORBIDDEN'],
  ['dept-1', 'deptHandler', { department: 'cz-sanitation' }, 'FORBIDDEN'],
  ['resident-a', 'gridWorker', { grids: [HG(1)] }, 'FORBIDDEN'],
  ['resident-a', 'communityAdmin', { community: '华光社区' }, 'FORBIDDEN'],
];

describe('admin.invites.create', () => {
  describe('who may invite whom', () => {
    test.each(TABLE)('%s invites %s %j → %s', async (inviter, role, scope, expected) => {
      if (expected === 'ok') {
        const answer = await app.call(inviter, 'admin.invites.create', { role, scope });
        expect(answer.ok).toBe(true);
        if (!answer.ok) return;
        expect(answer.data.code).toMatch(CODE);
        const stored = await rowById(app, 'invites', answer.data.code);
        expect(stored).toMatchObject({ role, scope, createdBy: inviter, usedBy: null, usedAt: null });
      } else {
        const error = await expectRefused(app, expected, () => app.call(inviter, 'admin.invites.create', { role, scope }));
        expect(error.message).toMatch(CHINESE);
      }
    });
  });

  test('an invite from a district admin binds its role and scope, and the invitee may invite in turn', async () => {
    const { code } = await app.ok('district-1', 'admin.invites.create', { role: 'communityAdmin', scope: { community: '同区社区' } });
    expect(await app.ok('tq-community', 'staff.bind', { inviteCode: code, displayName: '社区' })).toEqual({
      role: 'communityAdmin',
      scope: { community: '同区社区' },
    });
    expect((await app.call('tq-community', 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['TQ-01'] } })).ok).toBe(true);
    expect(await app.call('tq-community', 'admin.invites.create', { role: 'gridWorker', scope: { grids: [HG(1)] } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test.each<[string, Api.StaffRole, Api.Scope]>([
    ['gridWorker with a community', 'gridWorker', { community: '华光社区' }],
    ['gridWorker with a department', 'gridWorker', { department: 'cz-sanitation' }],
    ['communityAdmin with grids', 'communityAdmin', { grids: [HG(1)] }],
    ['communityAdmin with a street', 'communityAdmin', { street: '车站街道' }],
    ['streetAdmin with a district', 'streetAdmin', { district: '张店区' }],
    ['districtAdmin with a street', 'districtAdmin', { street: '车站街道' }],
    ['deptHandler with a community', 'deptHandler', { community: '华光社区' }],
  ])('role/scope mismatch (%s) → INVALID_INPUT', async (_name, role, scope) => {
    for (const inviter of [ADMIN, 'district-1']) {
      const error = await expectRefused(app, 'INVALID_INPUT', () => app.call(inviter, 'admin.invites.create', { role, scope }));
      expect(error.message).toMatch(CHINESE);
    }
  });

  test.each<[string, Api.StaffRole, Api.Scope, RegExp]>([
    ['an unknown grid', 'gridWorker', { grids: ['NOPE-01'] }, /NOPE-01/],
    ['one unknown grid among known ones', 'gridWorker', { grids: [HG(1), 'NOPE-02', HG(2)] }, /NOPE-02/],
    ['an unknown community', 'communityAdmin', { community: '无此社区' }, /无此社区/],
    ['an unknown street', 'streetAdmin', { street: '无此街道' }, /无此街道/],
    ['an unknown district', 'districtAdmin', { district: '无此区' }, /无此区/],
    ['an unknown department', 'deptHandler', { department: 'no-such-dept' }, /no-such-dept/],
  ])('%s → NOT_FOUND naming it, nothing stored', async (_name, role, scope, named) => {
    const error = await expectRefused(app, 'NOT_FOUND', () => app.call(ADMIN, 'admin.invites.create', { role, scope }));
    expect(error.message).toMatch(CHINESE);
    expect(error.message).toMatch(named);
  });

  test('a place name is matched as imported, after trimming spaces', async () => {
    const answer = await app.ok(ADMIN, 'admin.invites.create', { role: 'communityAdmin', scope: { community: ' 华光社区 ' } });
    const stored = await rowById(app, 'invites', answer.code);
    expect(stored?.scope).toEqual({ community: '华光社区' });
  });

  test('the code is 8 characters from an alphabet without 0/O/1/I, fresh each time; it expires 7 days later', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const { code, expiresAt } = await app.ok(ADMIN, 'admin.invites.create', { role: 'gridWorker', scope: { grids: [HG(1)] } });
      expect(code).toMatch(CODE);
      expect(expiresAt).toBe(new Date(NOW.getTime() + 7 * DAY).toISOString());
      codes.push(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
    const stored = (await rows(app, 'invites')).filter((i) => codes.includes(i._id as string));
    expect(stored).toHaveLength(codes.length);
    for (const invite of stored) {
      expect(invite.expiresAt).toBeInstanceOf(Date);
      expect(invite.createdAt).toEqual(NOW);
      expect((invite.expiresAt as Date).getTime() - (invite.createdAt as Date).getTime()).toBe(7 * DAY);
    }
  });

  test('no openid → UNAUTHENTICATED', async () => {
    expect(await app.call(null, 'admin.invites.create', { role: 'gridWorker', scope: { grids: [HG(1)] } })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  describe('bad input → INVALID_INPUT, nothing stored', () => {
    test.each<[string, unknown]>([
      ['no role', { scope: { grids: [HG(1)] } }],
      ['no scope', { role: 'gridWorker' }],
      ['role resident', { role: 'resident', scope: { grids: [HG(1)] } }],
      ['an unknown role', { role: 'mayor', scope: { district: '张店区' } }],
      ['a role operator object', { role: { $in: ['superAdmin'] }, scope: { district: '张店区' } }],
      ['a scope with two keys', { role: 'communityAdmin', scope: { community: '华光社区', street: '车站街道' } }],
      ['an empty scope', { role: 'communityAdmin', scope: {} }],
      ['an unknown scope key', { role: 'communityAdmin', scope: { city: '淄博市' } }],
      ['an operator object as community', { role: 'communityAdmin', scope: { community: { $ne: null } } }],
      ['an operator object as grid code', { role: 'gridWorker', scope: { grids: [{ $regex: '.*' }] } }],
      ['grids not an array', { role: 'gridWorker', scope: { grids: HG(1) } }],
      ['no grids', { role: 'gridWorker', scope: { grids: [] } }],
      ['51 grids', { role: 'gridWorker', scope: { grids: Array.from({ length: 51 }, () => HG(1)) } }],
      ['a grid code with a space', { role: 'gridWorker', scope: { grids: ['ZD CZ'] } }],
      ['a blank community', { role: 'communityAdmin', scope: { community: '  ' } }],
      ['an over-long community name', { role: 'communityAdmin', scope: { community: '社'.repeat(51) } }],
      ['a department code with a slash', { role: 'deptHandler', scope: { department: 'a/b' } }],
      ['an unknown top-level field', { role: 'gridWorker', scope: { grids: [HG(1)] }, expiresAt: '2099-01-01T00:00:00.000Z' }],
      ['a chosen code', { role: 'gridWorker', scope: { grids: [HG(1)] }, code: 'AAAAAAAA' }],
      ['params an array', [{ role: 'gridWorker', scope: { grids: [HG(1)] } }]],
    ])('%s', async (_name, params) => {
      const error = await expectRefused(app, 'INVALID_INPUT', () => app.raw(ADMIN, { action: 'admin.invites.create', params }));
      expect(error.message).toMatch(CHINESE);
    });
  });

  // Places are named by their names, so a name must mean one place: two 和平社区 in different
  // districts would merge and each one's staff would see the other's tickets. The import refuses
  // the ambiguity, in one file or across imports, and changes nothing.
  test('two communities with the same name in different districts are refused at import', async () => {
    const twins = {
      type: 'FeatureCollection',
      features: [grid('JA-01', '和平社区', '甲街道', '甲区', 118.4), grid('YI-01', '和平社区', '乙街道', '乙区', 118.5)],
    };
    await expectRefused(app, 'INVALID_INPUT', () => app.call(ADMIN, 'admin.grids.import', { geojson: twins, crs: 'gcj02' }));
    await app.ok(ADMIN, 'admin.grids.import', { geojson: { type: 'FeatureCollection', features: [twins.features[0]] }, crs: 'gcj02' });
    const later = await app.call(ADMIN, 'admin.grids.import', {
      geojson: { type: 'FeatureCollection', features: [twins.features[1]] },
      crs: 'gcj02',
    });
    expect(later).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const jia = await app.ok(ADMIN, 'admin.invites.create', { role: 'districtAdmin', scope: { district: '甲区' } });
    await app.ok('jia-district', 'staff.bind', { inviteCode: jia.code, displayName: '区里' });
    await app.ok('jia-district', 'admin.invites.create', { role: 'communityAdmin', scope: { community: '和平社区' } });
  });
});
