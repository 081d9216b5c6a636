// admin.categories.upsert: categories are data — a super admin adds one (or renames one, or changes
// its SLA profile) with an optional default department. A new urgent category gets the 30-minute
// acceptance deadline from the next report on. Nobody else may touch them.
import { ADMIN, reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { departmentWithHandler, expectRefused, expectUnchanged, freshResidents, rows, TUESDAY } from '../../../support/flows';

const app = useTestApp(async () => {
  app.setNow('2026-11-24T01:00:00.000Z');
  await seedCommunity(app);
  await departmentWithHandler(
    app,
    { code: 'zd-gas', name: '张店区燃气公司', district: '张店区', categories: ['urgent-repair'] },
    'dept-gas',
  );
});

const nextResident = freshResidents('category-resident');
const submit = (category: string): Promise<Api.ReportSubmitData> => app.ok(nextResident(), 'report.submit', reportParams({ category }));

describe('admin.categories.upsert', () => {
  beforeEach(() => app.setNow(TUESDAY));

  test('a new urgent category: created, and a report in it must be accepted within 30 minutes', async () => {
    expect(await app.call('resident-x', 'report.submit', reportParams({ category: 'gas-leak' }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await app.ok(ADMIN, 'admin.categories.upsert', {
        code: 'gas-leak',
        name: '燃气泄漏',
        profile: 'urgent',
        defaultDepartmentCode: 'zd-gas',
      }),
    ).toEqual({
      code: 'gas-leak',
      created: true,
    });
    expect(await rows(app, 'categories')).toContainEqual(
      expect.objectContaining({ _id: 'gas-leak', name: '燃气泄漏', profile: 'urgent', defaultDepartmentCode: 'zd-gas' }),
    );
    const submitted = await submit('gas-leak');
    expect(submitted.acceptBy).toBe('2026-11-24T02:30:00.000Z');
    const view = await app.ok('worker-1', 'ticket.get', { ticketId: submitted.ticketId });
    expect(view).toMatchObject({ category: 'gas-leak', categoryName: '燃气泄漏' });
    // Accepting it gives 24 plain hours, as for every urgent category.
    const accepted = await app.ok('worker-1', 'ticket.accept', { ticketId: submitted.ticketId, complexity: 'normal' });
    expect(accepted.resolveBy).toBe('2026-11-25T02:00:00.000Z');
  });

  test('a new normal category gets one working day to accept', async () => {
    expect(await app.ok(ADMIN, 'admin.categories.upsert', { code: 'greening', name: '绿化养护', profile: 'normal' })).toEqual({
      code: 'greening',
      created: true,
    });
    expect((await submit('greening')).acceptBy).toBe('2026-11-25T15:59:59.999Z');
    expect(await rows(app, 'categories')).toContainEqual(expect.objectContaining({ _id: 'greening', defaultDepartmentCode: null }));
  });

  test('upserting again changes it (created: false); tickets already filed keep their deadline', async () => {
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'noise', name: '噪音扰民', profile: 'normal' });
    const before = await submit('noise');
    expect(await app.ok(ADMIN, 'admin.categories.upsert', { code: 'noise', name: '噪声污染', profile: 'urgent' })).toEqual({
      code: 'noise',
      created: false,
    });
    expect((await submit('noise')).acceptBy).toBe('2026-11-24T02:30:00.000Z');
    const old = await app.ok('worker-1', 'ticket.get', { ticketId: before.ticketId });
    expect(old).toMatchObject({ acceptBy: '2026-11-25T15:59:59.999Z', categoryName: '噪声污染' });
  });

  test('a built-in category may be renamed, and is never "created"', async () => {
    expect(await app.ok(ADMIN, 'admin.categories.upsert', { code: 'policy', name: '政策咨询服务', profile: 'normal' })).toEqual({
      code: 'policy',
      created: false,
    });
    const { ticketId } = await submit('policy');
    expect((await app.ok('worker-1', 'ticket.get', { ticketId })).categoryName).toBe('政策咨询服务');
  });

  test('an unknown default department → NOT_FOUND, nothing stored', async () => {
    await expectRefused(app, 'NOT_FOUND', () =>
      app.call(ADMIN, 'admin.categories.upsert', {
        code: 'elevator',
        name: '电梯故障',
        profile: 'urgent',
        defaultDepartmentCode: 'no-such-dept',
      }),
    );
  });

  test('the kind the report form starts with: stored when given, kept when left out; a built-in one keeps its own', async () => {
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'advice', name: '意见建议', profile: 'normal', defaultKind: 'suggestion' });
    expect(await rows(app, 'categories')).toContainEqual(expect.objectContaining({ _id: 'advice', defaultKind: 'suggestion' }));
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'advice', name: '意见和建议', profile: 'normal' });
    expect(await rows(app, 'categories')).toContainEqual(
      expect.objectContaining({ _id: 'advice', name: '意见和建议', defaultKind: 'suggestion' }),
    );
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'policy', name: '政策咨询', profile: 'normal' });
    expect(await rows(app, 'categories')).toContainEqual(expect.objectContaining({ _id: 'policy', defaultKind: 'question' }));
  });

  test('retiring (停用): no longer offered or accepted for new reports; its tickets keep it; kept through an edit; brought back', async () => {
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'noise', name: '噪音扰民', profile: 'normal' });
    const before = await submit('noise');
    expect(await app.ok(ADMIN, 'admin.categories.upsert', { code: 'noise', name: '噪音扰民', profile: 'normal', retired: true })).toEqual({
      code: 'noise',
      created: false,
    });
    const offered = async (): Promise<string[]> => (await app.ok('resident-x', 'categories.list', {})).items.map((c) => c.code);
    expect(await offered()).not.toContain('noise');
    // A form opened before: refused, nothing written (no ticket, no hourly hit) — a worker's patrol find too.
    const refused = await expectRefused(app, 'INVALID_INPUT', () =>
      app.call(nextResident(), 'report.submit', reportParams({ category: 'noise' })),
    );
    expect(refused).toMatchObject({ message: '这个问题类型已停用，请重新选择', details: [{ path: 'category' }] });
    await expectRefused(app, 'INVALID_INPUT', () =>
      app.call('worker-1', 'report.submit', { ...reportParams({ category: 'noise' }), patrol: true }),
    );
    // The ticket filed before keeps its category and name, and is still worked.
    expect(await app.ok('worker-1', 'ticket.get', { ticketId: before.ticketId })).toMatchObject({
      category: 'noise',
      categoryName: '噪音扰民',
    });
    await app.ok('worker-1', 'ticket.accept', { ticketId: before.ticketId, complexity: 'normal' });
    // A rename without the field keeps it retired; the admin page shows it so.
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'noise', name: '噪声污染', profile: 'normal' });
    expect((await app.ok(ADMIN, 'admin.catalog.list', {})).categories.find((c) => c.code === 'noise')).toMatchObject({
      name: '噪声污染',
      retired: true,
      retirable: true,
    });
    expect(await offered()).not.toContain('noise');
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'noise', name: '噪声污染', profile: 'normal', retired: false });
    expect(await offered()).toContain('noise');
    expect((await submit('noise')).ticketId).toBeTruthy();
  });

  test("a built-in category may be retired too, but not 其他 (every resident's fallback): INVALID_INPUT, nothing stored", async () => {
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'property', name: '物业服务', profile: 'normal', retired: true });
    expect((await app.ok('resident-x', 'categories.list', {})).items.map((c) => c.code)).not.toContain('property');
    const error = await expectRefused(app, 'INVALID_INPUT', () =>
      app.call(ADMIN, 'admin.categories.upsert', { code: 'other', name: '其他', profile: 'normal', retired: true }),
    );
    expect(error).toMatchObject({ message: '“其他”是居民找不到合适类别时的选项，不能停用', details: [{ path: 'retired' }] });
    expect((await app.ok(ADMIN, 'admin.catalog.list', {})).categories.find((c) => c.code === 'other')).toMatchObject({
      retired: false,
      retirable: false,
    });
  });

  test('create: true with a code in use (stored or built in) → CONFLICT, nothing changed; a free code is created', async () => {
    await app.ok(ADMIN, 'admin.categories.upsert', { code: 'parking', name: '停车管理', profile: 'normal' });
    const stored = await expectRefused(app, 'CONFLICT', () =>
      app.call(ADMIN, 'admin.categories.upsert', { code: 'parking', name: '乱停乱放', profile: 'urgent', create: true }),
    );
    expect(stored.message).toBe('类别编号 parking 已经存在（停车管理）');
    await expectRefused(app, 'CONFLICT', () =>
      app.call(ADMIN, 'admin.categories.upsert', { code: 'sanitation', name: '卫生', profile: 'normal', create: true }),
    );
    expect(await app.ok(ADMIN, 'admin.categories.upsert', { code: 'pets', name: '宠物扰民', profile: 'normal', create: true })).toEqual({
      code: 'pets',
      created: true,
    });
  });

  test('super admins only: every other role is FORBIDDEN, nothing stored', async () => {
    const params = { code: 'elevator', name: '电梯故障', profile: 'urgent' } as const;
    await expectUnchanged(app, async () => {
      for (const openid of ['resident-x', 'worker-1', 'community-1', 'street-1', 'district-1', 'dept-gas']) {
        expect(await app.call(openid, 'admin.categories.upsert', params)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(await app.call(null, 'admin.categories.upsert', params)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    });
  });

  test('a name with a word content security refuses → CONTENT_REJECTED, nothing stored', async () => {
    await expectRefused(app, 'CONTENT_REJECTED', () =>
      app.call(ADMIN, 'admin.categories.upsert', { code: 'spam', name: '违禁测试', profile: 'normal' }),
    );
  });

  test.each([
    ['upper-case code', { code: 'GasLeak', name: '燃气泄漏', profile: 'urgent' }],
    ['code with a space', { code: 'gas leak', name: '燃气泄漏', profile: 'urgent' }],
    ['code over 32 characters', { code: `a${'b'.repeat(32)}`, name: '燃气泄漏', profile: 'urgent' }],
    ['empty name', { code: 'gas', name: '  ', profile: 'urgent' }],
    ['name over 10 characters', { code: 'gas', name: '燃'.repeat(11), profile: 'urgent' }],
    ['profile outside the list', { code: 'gas', name: '燃气泄漏', profile: 'critical' }],
    ['missing profile', { code: 'gas', name: '燃气泄漏' }],
    ['number as name', { code: 'gas', name: 5, profile: 'normal' }],
    ['operator as code', { code: { $ne: null }, name: '燃气泄漏', profile: 'urgent' }],
    ['operator as default department', { code: 'gas', name: '燃气泄漏', profile: 'urgent', defaultDepartmentCode: { $exists: true } }],
    ['unknown field', { code: 'gas', name: '燃气泄漏', profile: 'urgent', acceptMinutes: 5 }],
    ['kind outside the list', { code: 'gas', name: '燃气泄漏', profile: 'urgent', defaultKind: 'praise' }],
    ['create other than true', { code: 'gas', name: '燃气泄漏', profile: 'urgent', create: false }],
    ['retired as a string', { code: 'gas', name: '燃气泄漏', profile: 'urgent', retired: 'yes' }],
    ['operator as retired', { code: 'gas', name: '燃气泄漏', profile: 'urgent', retired: { $ne: false } }],
  ])('%s → INVALID_INPUT, nothing stored', async (_name, params) => {
    await expectRefused(app, 'INVALID_INPUT', () => app.raw(ADMIN, { action: 'admin.categories.upsert', params }));
  });
});
