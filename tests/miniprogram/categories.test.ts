// services/categories and utils/category-view: categories are data from categories.list, with
// the built-in nine as the fallback, kept in memory for the session and in storage for the next.
import { apiFake } from './support/api-fake';
import { adminCategories, demoCategories } from './support/demo-data';
import { wxScene } from './support/wx-fake';
import {
  builtInCategories,
  cleanCategories,
  currentCategories,
  loadCategories,
  MAX_CATEGORIES,
  suggestedKind,
  type CategoryInfo,
} from '../../miniprogram/services/categories';
import { categoryTile } from '../../miniprogram/utils/category-view';
import { clearSession } from '../../miniprogram/utils/session';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const STORAGE_KEY = 'categories-v1';
const codes = (list: CategoryInfo[] | null): string[] => (list ?? []).map((c) => c.code);
const BUILT_IN_ORDER = ['sanitation', 'property', 'facilities', 'safety', 'dispute', 'life-service', 'policy', 'urgent-repair', 'other'];

test('before anything is known: the built-in nine from i18n, 抢修抢险 urgent', () => {
  const list = currentCategories();
  expect(codes(list)).toEqual(BUILT_IN_ORDER);
  expect(list.map((c) => c.name)).toEqual([
    '环境卫生',
    '物业服务',
    '市政设施',
    '治安隐患',
    '矛盾纠纷',
    '生活服务',
    '政策咨询',
    '抢修抢险',
    '其他',
  ]);
  expect(list.filter((c) => c.profile === 'urgent').map((c) => c.code)).toEqual(['urgent-repair']);
  expect(builtInCategories()).toEqual(list);
});

test('loads once per session, shares a request under way, and keeps the answer in storage', async () => {
  apiFake.on('categories.list', () => ({ items: adminCategories() }));
  const [a, b] = await Promise.all([loadCategories(), loadCategories()]);
  const c = await loadCategories();
  expect(apiFake.actions()).toEqual(['categories.list']);
  expect(a).toBe(b);
  expect(c).toBe(a);
  expect(codes(a)).toEqual([...BUILT_IN_ORDER.slice(0, 8), 'elevator', 'parking', 'other']);
  expect(currentCategories()).toBe(a);
  expect(wxScene.storage.get(STORAGE_KEY)).toEqual(a);
});

test('next session: the stored list shows at once, and the server is asked again', async () => {
  apiFake.on('categories.list', () => ({ items: adminCategories() }));
  await loadCategories();
  clearSession(); // the app was closed; storage stays
  expect(codes(currentCategories())).toContain('elevator');
  apiFake.on('categories.list', () => ({ items: demoCategories() }));
  expect(codes(await loadCategories())).toEqual(BUILT_IN_ORDER);
  expect(apiFake.actions()).toEqual(['categories.list', 'categories.list']);
  expect(codes(currentCategories())).toEqual(BUILT_IN_ORDER);
});

test('a failed call answers null, keeps what was shown, and is tried again next time', async () => {
  apiFake.fail('categories.list', 'NETWORK');
  await expect(loadCategories()).resolves.toBeNull();
  expect(codes(currentCategories())).toEqual(BUILT_IN_ORDER);
  expect(wxScene.storage.has(STORAGE_KEY)).toBe(false);
  apiFake.on('categories.list', () => ({ items: adminCategories() }));
  expect(codes(await loadCategories())).toContain('parking');
});

test('an empty or unusable answer is no answer: never an empty list', async () => {
  apiFake.on('categories.list', () => ({ items: [] }));
  await expect(loadCategories()).resolves.toBeNull();
  expect(codes(currentCategories())).toEqual(BUILT_IN_ORDER);
  wxScene.storage.set(STORAGE_KEY, 'garbage');
  expect(codes(currentCategories())).toEqual(BUILT_IN_ORDER);
});

test('cleaning: bad codes, duplicates and nameless entries go; built-ins first, 其他 last; odd profiles are normal', () => {
  const raw: unknown[] = [
    { code: 'other', name: '其他', profile: 'normal' },
    { code: 'parking', name: ' 停车管理 ', profile: 'normal' },
    { code: 'sanitation', name: '', profile: 'normal' }, // a built-in keeps its own name
    { code: 'Bad Code', name: '坏的', profile: 'normal' },
    { code: '../x', name: '坏的', profile: 'normal' },
    { code: 'noname', name: '   ', profile: 'normal' },
    { code: 'parking', name: '重复', profile: 'urgent' },
    { code: 'elevator', name: '电梯困人', profile: 'urgent' },
    { code: 'weird', name: '奇怪', profile: 'whatever' },
    null,
    'text',
  ];
  expect(cleanCategories(raw)).toEqual([
    { code: 'sanitation', name: '环境卫生', profile: 'normal' },
    { code: 'parking', name: '停车管理', profile: 'normal' },
    { code: 'elevator', name: '电梯困人', profile: 'urgent' },
    { code: 'weird', name: '奇怪', profile: 'normal' },
    { code: 'other', name: '其他', profile: 'normal' },
  ]);
  expect(cleanCategories({ items: [] })).toBeNull();
  expect(cleanCategories([{ code: 'x-1' }])).toBeNull();
});

test("a category's usual kind is kept when it is one of the three, and is unknown for the built-in fallback", () => {
  const cleaned = cleanCategories([
    { code: 'policy', name: '政策咨询', profile: 'normal', defaultKind: 'question' },
    { code: 'parking', name: '停车管理', profile: 'normal', defaultKind: 'praise' },
    { code: 'elevator', name: '电梯困人', profile: 'urgent', defaultKind: { $ne: 1 } },
  ]);
  expect(cleaned).toEqual([
    { code: 'policy', name: '政策咨询', profile: 'normal', defaultKind: 'question' },
    { code: 'parking', name: '停车管理', profile: 'normal' },
    { code: 'elevator', name: '电梯困人', profile: 'urgent' },
  ]);
  expect(suggestedKind(cleaned, 'policy')).toBe('question');
  expect(suggestedKind(cleaned, 'parking')).toBeUndefined();
  expect(suggestedKind(cleaned, 'nowhere')).toBeUndefined();
  expect(suggestedKind(builtInCategories(), 'policy')).toBeUndefined();
  // The server's own answer carries them (政策咨询 is a 咨询).
  expect(suggestedKind(cleanCategories(demoCategories()), 'policy')).toBe('question');
});

test(`at most ${MAX_CATEGORIES} categories, so a page's setData stays small`, () => {
  const many = Array.from({ length: 200 }, (_, i) => ({ code: `c${i}`, name: `类别${i}`, profile: 'normal' }));
  expect(cleanCategories(many)).toHaveLength(MAX_CATEGORIES);
});

describe('how a category looks', () => {
  test('built-in codes keep their icon, colour and hint; the server name is shown', () => {
    expect(categoryTile({ code: 'sanitation', name: '环境卫生', profile: 'normal' })).toEqual({
      code: 'sanitation',
      name: '环境卫生',
      icon: 'trash',
      hint: '垃圾、污水',
      tone: 'sanitation',
      urgent: false,
    });
    expect(categoryTile({ code: 'urgent-repair', name: '抢修抢险', profile: 'urgent' })).toMatchObject({
      icon: 'bolt',
      hint: '停水停电、管道爆裂',
      urgent: true,
    });
    expect(categoryTile({ code: 'safety', name: '治安消防', profile: 'urgent' })).toMatchObject({
      name: '治安消防',
      icon: 'shield',
      tone: 'safety',
      urgent: true,
    });
  });

  test('unknown codes get the generic icon and a neutral colour, red when urgent', () => {
    expect(categoryTile({ code: 'parking', name: '停车管理', profile: 'normal' })).toEqual({
      code: 'parking',
      name: '停车管理',
      icon: 'tag',
      hint: '',
      tone: 'custom',
      urgent: false,
    });
    expect(categoryTile({ code: 'elevator', name: '电梯困人', profile: 'urgent' })).toMatchObject({
      icon: 'tag',
      tone: 'custom-urgent',
      urgent: true,
    });
  });
});
