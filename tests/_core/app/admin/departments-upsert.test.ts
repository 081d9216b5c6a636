// admin.departments.upsert: a department belongs to a street xor a district and declares the
// categories it usually handles. Super admins anywhere; a district admin in their district (its
// streets included); a street admin for their own street; nobody else.
import { ADMIN, seedCommunity, useTestApp } from '../../../support/app';
import { departmentWithHandler, expectRefused, neighbourAreasWithAdmins, rowById, ZD_WATER, type Row } from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T02:00:00.000Z');
  await seedCommunity(app);
  // 和平街道 is another street of 张店区; 城北街道 lies in another district, 周村区.
  await neighbourAreasWithAdmins(app);
  await departmentWithHandler(app, ZD_WATER, 'dept-water');
});

const department = (code: string): Promise<Row | undefined> => rowById(app, 'departments', code);
const refused = (openid: string, params: Record<string, unknown>, code: Api.ErrorCode) =>
  expectRefused(app, code, () => app.raw(openid, { action: 'admin.departments.upsert', params }));

describe('admin.departments.upsert', () => {
  test('the super admin creates a street department; it belongs to the street (and serves only that street)', async () => {
    expect(
      await app.ok(ADMIN, 'admin.departments.upsert', {
        code: 'cz-sanitation',
        name: '车站街道环卫所',
        street: '车站街道',
        categories: ['sanitation'],
      }),
    ).toEqual({ code: 'cz-sanitation', created: true });
    expect(await department('cz-sanitation')).toEqual({
      _id: 'cz-sanitation',
      name: '车站街道环卫所',
      street: '车站街道',
      district: null,
      categories: ['sanitation'],
      retired: false,
    });
    // A handler can now be invited for it.
    const invite = await app.ok(ADMIN, 'admin.invites.create', { role: 'deptHandler', scope: { department: 'cz-sanitation' } });
    expect(invite.code).toMatch(/^[A-Z2-9]{8}$/);
  });

  test('upserting the same code again replaces it: created false', async () => {
    await app.ok(ADMIN, 'admin.departments.upsert', {
      code: 'cz-property',
      name: '车站街道物业办',
      street: '车站街道',
      categories: ['property'],
    });
    expect(
      await app.ok(ADMIN, 'admin.departments.upsert', {
        code: 'cz-property',
        name: '车站街道物业管理办公室',
        street: '车站街道',
        categories: ['property', 'life-service'],
      }),
    ).toEqual({ code: 'cz-property', created: false });
    expect(await department('cz-property')).toMatchObject({ name: '车站街道物业管理办公室', categories: ['property', 'life-service'] });
  });

  test('a district department has no street', async () => {
    await app.ok(ADMIN, 'admin.departments.upsert', {
      code: 'zd-power',
      name: '张店供电中心',
      district: '张店区',
      categories: ['facilities', 'urgent-repair'],
    });
    expect(await department('zd-power')).toMatchObject({ street: null, district: '张店区', categories: ['facilities', 'urgent-repair'] });
  });

  test('categories an admin added are accepted; an empty list too', async () => {
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'greening', name: '绿化养护', profile: 'normal' });
    await app.ok(ADMIN, 'admin.departments.upsert', {
      code: 'zd-garden',
      name: '张店区园林局',
      district: '张店区',
      categories: ['greening'],
    });
    await app.ok(ADMIN, 'admin.departments.upsert', { code: 'zd-misc', name: '张店区综合办', district: '张店区', categories: [] });
    expect(await department('zd-garden')).toMatchObject({ categories: ['greening'] });
  });

  test('a street admin for their own street only', async () => {
    expect(
      await app.ok('street-1', 'admin.departments.upsert', {
        code: 'cz-city',
        name: '车站街道城管中队',
        street: '车站街道',
        categories: ['facilities'],
      }),
    ).toEqual({ code: 'cz-city', created: true });
    await refused('street-1', { code: 'hp-city', name: '和平街道城管中队', street: '和平街道', categories: [] }, 'FORBIDDEN');
    await refused('street-1', { code: 'zd-city', name: '张店区城管局', district: '张店区', categories: [] }, 'FORBIDDEN');
    await refused('street-hp', { code: 'cz-city2', name: '车站街道城管二中队', street: '车站街道', categories: [] }, 'FORBIDDEN');
  });

  test('a district admin for the district and its streets, not another district', async () => {
    await app.ok('district-1', 'admin.departments.upsert', {
      code: 'zd-housing',
      name: '张店区住建局',
      district: '张店区',
      categories: ['property'],
    });
    await app.ok('district-1', 'admin.departments.upsert', {
      code: 'hp-sanitation',
      name: '和平街道环卫所',
      street: '和平街道',
      categories: ['sanitation'],
    });
    expect(await department('hp-sanitation')).toMatchObject({ street: '和平街道', district: null });
    await refused('district-1', { code: 'zc-water', name: '周村区水务局', district: '周村区', categories: [] }, 'FORBIDDEN');
    await refused('district-1', { code: 'cb-sanitation', name: '城北街道环卫所', street: '城北街道', categories: [] }, 'FORBIDDEN');
    await refused('district-zc', { code: 'zd-x', name: '张店区某局', district: '张店区', categories: [] }, 'FORBIDDEN');
    await refused('district-zc', { code: 'cz-x', name: '车站街道某所', street: '车站街道', categories: [] }, 'FORBIDDEN');
  });

  test('grid workers, community admins, department handlers and residents are FORBIDDEN', async () => {
    const params = { code: 'cz-new', name: '车站街道新部门', street: '车站街道', categories: [] };
    for (const openid of ['worker-1', 'community-1', 'dept-water', 'resident-x']) await refused(openid, params, 'FORBIDDEN');
    expect(await app.call(null, 'admin.departments.upsert', params)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('a street admin cannot take over another area’s department by reusing its code → FORBIDDEN', async () => {
    await refused('street-1', { code: 'zd-water', name: '车站街道水务站', street: '车站街道', categories: ['facilities'] }, 'FORBIDDEN');
  });

  test('an unknown street or district → NOT_FOUND, nothing stored', async () => {
    await refused(ADMIN, { code: 'x-1', name: '某街道环卫所', street: '不存在街道', categories: [] }, 'NOT_FOUND');
    await refused(ADMIN, { code: 'x-2', name: '某区水务局', district: '不存在区', categories: [] }, 'NOT_FOUND');
  });

  test('an unknown category → INVALID_INPUT, nothing stored', async () => {
    await refused(
      ADMIN,
      { code: 'x-3', name: '某所', street: '车站街道', categories: ['sanitation', 'no-such-category'] },
      'INVALID_INPUT',
    );
  });

  test('a name with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    await refused(ADMIN, { code: 'x-4', name: '违禁测试环卫所', street: '车站街道', categories: [] }, 'CONTENT_REJECTED');
  });

  test('create: true with a code in use → CONFLICT, nothing changed; a free code is created', async () => {
    const error = await refused(ADMIN, { ...ZD_WATER, name: '张店区自来水公司', create: true }, 'CONFLICT');
    expect(error.message).toBe('部门编号 zd-water 已被使用，请换一个');
    await refused('street-1', { code: 'zd-water', name: '车站街道水站', street: '车站街道', categories: [], create: true }, 'CONFLICT');
    expect(
      await app.ok('street-1', 'admin.departments.upsert', {
        code: 'cz-water',
        name: '车站街道水站',
        street: '车站街道',
        categories: [],
        create: true,
      }),
    ).toEqual({
      code: 'cz-water',
      created: true,
    });
  });

  test.each([
    ['both street and district', { code: 'x-5', name: '某所', street: '车站街道', district: '张店区', categories: [] }],
    ['neither street nor district', { code: 'x-5', name: '某所', categories: [] }],
    ['code with a space', { code: 'x 5', name: '某所', street: '车站街道', categories: [] }],
    ['code over 40 characters', { code: 'x'.repeat(41), name: '某所', street: '车站街道', categories: [] }],
    ['empty name', { code: 'x-5', name: ' ', street: '车站街道', categories: [] }],
    ['name over 30 characters', { code: 'x-5', name: '所'.repeat(31), street: '车站街道', categories: [] }],
    ['missing categories', { code: 'x-5', name: '某所', street: '车站街道' }],
    ['categories not a list', { code: 'x-5', name: '某所', street: '车站街道', categories: 'sanitation' }],
    [
      'more than 30 categories',
      { code: 'x-5', name: '某所', street: '车站街道', categories: Array.from({ length: 31 }, () => 'sanitation') },
    ],
    ['number as street', { code: 'x-5', name: '某所', street: 7, categories: [] }],
    ['operator as code', { code: { $ne: null }, name: '某所', street: '车站街道', categories: [] }],
    ['operator as street', { code: 'x-5', name: '某所', street: { $exists: true }, categories: [] }],
    ['operator in categories', { code: 'x-5', name: '某所', street: '车站街道', categories: [{ $ne: null }] }],
    ['unknown field', { code: 'x-5', name: '某所', street: '车站街道', categories: [], community: '华光社区' }],
    ['create other than true', { code: 'x-5', name: '某所', street: '车站街道', categories: [], create: 'yes' }],
  ])('%s → INVALID_INPUT, nothing stored', async (_name, params) => {
    await refused(ADMIN, params, 'INVALID_INPUT');
  });
});
