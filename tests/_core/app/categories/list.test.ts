import { ADMIN, useTestApp } from '../../../support/app';

const app = useTestApp();

test('residents see the built-in categories in order, then the ones admins added', async () => {
  const before = await app.ok('resident-a', 'categories.list', {});
  expect(before.items.map((c) => c.code)).toEqual([
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
  expect(before.items.find((c) => c.code === 'urgent-repair')).toEqual({
    code: 'urgent-repair',
    name: '抢修抢险',
    profile: 'urgent',
    defaultKind: 'complaint',
  });
  await app.ok(ADMIN, 'admin.categories.upsert', { code: 'elevator', name: '电梯故障', profile: 'urgent' });
  await app.ok(ADMIN, 'admin.categories.upsert', { code: 'sanitation', name: '环境卫生', profile: 'normal' });
  const after = await app.ok('resident-a', 'categories.list', {});
  expect(after.items.at(-1)).toEqual({ code: 'elevator', name: '电梯故障', profile: 'urgent', defaultKind: 'complaint' });
  expect(after.items).toHaveLength(10);
});

test('each category carries the kind a report form preselects for it, as an admin set it', async () => {
  const kindOf = async (code: string): Promise<Api.Kind | undefined> =>
    (await app.ok('resident-a', 'categories.list', {})).items.find((c) => c.code === code)?.defaultKind;
  expect(await kindOf('policy')).toBe('question');
  expect(await kindOf('sanitation')).toBe('complaint');
  await app.ok(ADMIN, 'admin.categories.upsert', { code: 'sanitation', name: '环境卫生', profile: 'normal', defaultKind: 'suggestion' });
  expect(await kindOf('sanitation')).toBe('suggestion');
  // Renamed later without a kind: the kind set before stays.
  await app.ok(ADMIN, 'admin.categories.upsert', { code: 'sanitation', name: '环境与卫生', profile: 'normal' });
  expect(await kindOf('sanitation')).toBe('suggestion');
});

test('refuses params and callers without an openid', async () => {
  expect(await app.raw('resident-a', { action: 'categories.list', params: { all: true } })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await app.raw(null, { action: 'categories.list', params: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
