// Categories are read once per instance and time window, not once per ticket view: a page of
// tickets names its categories twenty times. Changes through this instance show at once; another
// instance's change shows within CATEGORY_CACHE_MS.
import { CATEGORY_CACHE_MS, CloudCategoryStore } from '../../../../cloudfunctions/_core/adapters/cloudbase/catalog-store';
import { database } from '../../../../cloudfunctions/_core/adapters/cloudbase/sdk';
import { useTestApp } from '../../../support/app';
import { countReads } from '../../../support/count-reads';

const app = useTestApp();
beforeEach(() => app.reset());

test('twenty views of a page read the categories once', async () => {
  const store = new CloudCategoryStore(database(), () => 0);
  const counter = countReads(app, 'categories');
  const names = await Promise.all(Array.from({ length: 20 }, (_, i) => store.get(i % 2 === 0 ? 'sanitation' : 'dispute')));
  counter.stop();
  expect(names.map((c) => c?.name)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? '环境卫生' : '矛盾纠纷')));
  expect(counter.reads()).toBe(1);
});

test("a change through this instance shows at once; another instance's within the cache time", async () => {
  let now = 1_000_000;
  const here = new CloudCategoryStore(database(), () => now);
  const elsewhere = new CloudCategoryStore(database(), () => now);
  expect((await here.get('sanitation'))?.name).toBe('环境卫生');
  expect(await here.get('pets')).toBeNull();

  await here.upsert({
    code: 'pets',
    name: '宠物管理',
    profile: 'normal',
    defaultDepartmentCode: null,
    defaultKind: 'complaint',
    retired: false,
  });
  expect((await here.get('pets'))?.name).toBe('宠物管理');
  expect((await here.list()).map((c) => c.code).at(-1)).toBe('pets');

  await elsewhere.upsert({
    code: 'sanitation',
    name: '环境卫生（新）',
    profile: 'normal',
    defaultDepartmentCode: null,
    defaultKind: 'complaint',
    retired: false,
  });
  now += CATEGORY_CACHE_MS - 1;
  expect((await here.get('sanitation'))?.name).toBe('环境卫生');
  now += 1;
  expect((await here.get('sanitation'))?.name).toBe('环境卫生（新）');
});

test('a retired category is still found by its code, and an older stored category without the field is in use', async () => {
  const store = new CloudCategoryStore(database(), () => 0);
  await store.upsert({
    code: 'pets',
    name: '宠物管理',
    profile: 'normal',
    defaultDepartmentCode: null,
    defaultKind: 'complaint',
    retired: true,
  });
  expect(await store.get('pets')).toMatchObject({ code: 'pets', name: '宠物管理', retired: true });
  expect((await store.get('sanitation'))?.retired).toBe(false);
  // A category stored before 停用 existed.
  await database()
    .collection('categories')
    .doc('noise')
    .set({ data: { name: '噪音扰民', profile: 'normal', defaultDepartmentCode: null } });
  expect((await new CloudCategoryStore(database(), () => 0).get('noise'))?.retired).toBe(false);
});
