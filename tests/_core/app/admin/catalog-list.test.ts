// admin.catalog.list: the categories and the departments of the caller's area for the 类别与部门
// page, with what the caller may change: the super admin everything; a district admin the
// district's departments and its streets'; a street admin their street's (the district's shown,
// not editable); a community admin reads their street's and district's; nobody else.
import { ADMIN, bindStaff, reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { createDepartment, CZ_SANITATION, expectRefusedFor, neighbourAreasWithAdmins, ZD_WATER } from '../../../support/flows';

const HP_PARKS = { code: 'hp-parks', name: '和平街道园林站', street: '和平街道', categories: ['sanitation'] };
const ZC_POWER = { code: 'zc-power', name: '周村区供电所', district: '周村区', categories: ['urgent-repair'] };

const app = useTestApp(async () => {
  app.setNow('2026-11-24T02:00:00.000Z');
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
  for (const d of [CZ_SANITATION, ZD_WATER, HP_PARKS, ZC_POWER]) await createDepartment(app, d);
  await app.ok(ADMIN, 'admin.categories.upsert', {
    code: 'facilities',
    name: '市政设施',
    profile: 'normal',
    defaultDepartmentCode: 'zd-water',
  });
});

const list = (openid: string): Promise<Api.Data<'admin.catalog.list'>> => app.ok(openid, 'admin.catalog.list', {});
const codes = (answer: Api.Data<'admin.catalog.list'>): string[] => answer.departments.map((d) => d.code);
const editable = (answer: Api.Data<'admin.catalog.list'>): string[] => answer.departments.filter((d) => d.editable).map((d) => d.code);

describe('admin.catalog.list', () => {
  test('the super admin: every category (editable) and every department (editable), streets (by name, 拼音) before districts; every street and district to place one', async () => {
    const answer = await list(ADMIN);
    expect(answer.categoriesEditable).toBe(true);
    expect(answer.categories.map((c) => c.code).slice(0, 9)).toEqual([
      'sanitation',
      'dispute',
      'property',
      'facilities',
      'safety',
      'urgent-repair',
      'policy',
      'life-service',
      'other',
    ]);
    expect(answer.categories.find((c) => c.code === 'facilities')).toEqual({
      code: 'facilities',
      name: '市政设施',
      profile: 'normal',
      defaultKind: 'complaint',
      defaultDepartmentCode: 'zd-water',
      defaultDepartmentName: '张店区水务局',
      builtIn: true,
      retired: false,
      retirable: true,
    });
    expect(answer.categories.find((c) => c.code === 'policy')).toMatchObject({
      defaultKind: 'question',
      defaultDepartmentCode: null,
      defaultDepartmentName: null,
    });
    expect(codes(answer)).toEqual(['cz-sanitation', 'hp-parks', 'zd-water', 'zc-power']);
    expect(editable(answer)).toEqual(codes(answer));
    expect(answer.departments[0]).toEqual({
      code: 'cz-sanitation',
      name: '车站街道环卫所',
      street: '车站街道',
      district: null,
      areaLabel: '车站街道',
      categories: ['sanitation'],
      categoryNames: ['环境卫生'],
      editable: true,
      retired: false,
    });
    expect(answer.departments[2]).toMatchObject({ areaLabel: '张店区（全区）', categoryNames: ['市政设施'] });
    expect(answer.areas.map((a) => a.label).sort()).toEqual(
      ['周村区（全区）', '和平街道', '城北街道', '张店区（全区）', '车站街道'].sort(),
    );
    expect(answer.areas).toContainEqual({ key: 'street:车站街道', street: '车站街道', district: null, label: '车站街道' });
    expect(answer.areas).toContainEqual({ key: 'district:张店区', street: null, district: '张店区', label: '张店区（全区）' });
  });

  test("a district admin: the district's departments and its streets', all editable; the district and its streets to place one", async () => {
    const answer = await list('district-1');
    expect(answer.categoriesEditable).toBe(false);
    expect(codes(answer)).toEqual(['cz-sanitation', 'hp-parks', 'zd-water']);
    expect(editable(answer)).toEqual(codes(answer));
    expect(answer.areas.map((a) => a.key).sort()).toEqual(['district:张店区', 'street:和平街道', 'street:车站街道']);
    expect(codes(await list('district-zc'))).toEqual(['zc-power']);
  });

  test("a street admin: their street's departments editable, the district's shown but not; only their street to place one", async () => {
    const answer = await list('street-1');
    expect(codes(answer)).toEqual(['cz-sanitation', 'zd-water']);
    expect(editable(answer)).toEqual(['cz-sanitation']);
    expect(answer.areas).toEqual([{ key: 'street:车站街道', street: '车站街道', district: null, label: '车站街道' }]);
    // and what the list says it may not change, the upsert refuses
    expect(await app.call('street-1', 'admin.departments.upsert', { ...ZD_WATER, name: '水务局' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test("a community admin reads the street's and the district's departments and may change none of them", async () => {
    const answer = await list('community-1');
    expect(codes(answer)).toEqual(['cz-sanitation', 'zd-water']);
    expect(editable(answer)).toEqual([]);
    expect(answer.areas).toEqual([]);
    expect(answer.categoriesEditable).toBe(false);
    expect(await app.call('community-1', 'admin.departments.upsert', { ...CZ_SANITATION, name: '环卫所' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('grid workers, department handlers and residents are refused; bad params are INVALID_INPUT; nothing changes', async () => {
    await bindStaff(app, 'dept-cz', 'deptHandler', { department: 'cz-sanitation' });
    await expectRefusedFor(app, 'admin.catalog.list', {}, [
      ['worker-1', 'FORBIDDEN'],
      ['dept-cz', 'FORBIDDEN'],
      ['resident-z', 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ]);
    expect(await app.raw(ADMIN, { action: 'admin.catalog.list', params: { area: '车站街道' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  test('no openid in the answer', async () => {
    const text = JSON.stringify(await list(ADMIN));
    for (const openid of ['street-1', 'community-1', 'district-1', 'worker-1', ADMIN]) expect(text).not.toContain(`"${openid}"`);
  });

  test("the page's flow: a default department set on a category is what dispatch suggests first for its tickets", async () => {
    await app.ok(ADMIN, 'admin.categories.upsert', {
      code: 'sanitation',
      name: '环境卫生',
      profile: 'normal',
      defaultDepartmentCode: 'cz-sanitation',
      defaultKind: 'complaint',
    });
    expect((await list(ADMIN)).categories.find((c) => c.code === 'sanitation')).toMatchObject({ defaultDepartmentName: '车站街道环卫所' });
    const filed = await app.ok('resident-dispatch', 'report.submit', reportParams({ category: 'sanitation' }));
    await app.ok('worker-1', 'ticket.accept', { ticketId: filed.ticketId, complexity: 'normal' });
    const offered = await app.ok('worker-1', 'departments.list', { ticketId: filed.ticketId });
    expect(offered.items[0]).toMatchObject({ code: 'cz-sanitation', suggested: true });
    // the default moved to the district's water bureau: that one now comes first
    await app.ok(ADMIN, 'admin.categories.upsert', {
      code: 'sanitation',
      name: '环境卫生',
      profile: 'normal',
      defaultDepartmentCode: 'zd-water',
    });
    const moved = await app.ok('worker-1', 'departments.list', { ticketId: filed.ticketId });
    expect(moved.items.map((d) => [d.code, d.suggested])).toEqual([
      ['zd-water', true],
      ['cz-sanitation', true],
    ]);
  });
});
