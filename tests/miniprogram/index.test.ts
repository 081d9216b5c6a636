// Home: the big report button with 我的上报 right under it, the emergency numbers in a block of
// their own, and the categories (from categories.list; the built-in nine until it answers or when
// it fails) as tiles in the same order and colours as the form's choices.
import { builtInCategories } from '../../miniprogram/services/categories';
import { categoryTile } from '../../miniprogram/utils/category-view';
import { apiFake } from './support/api-fake';
import { adminCategories, demoCategories } from './support/demo-data';
import { exists, find, findAll, flush, load, render, tap, textOf, type Node, type Root } from './support/render';
import { navigations, wxFake, wxScene } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

/** The order residents know, the same on the form: built-ins first, 其他 last. */
const NINE = ['环境卫生', '物业服务', '市政设施', '治安隐患', '矛盾纠纷', '生活服务', '政策咨询', '抢修抢险', '其他'];

let pageId: string;
beforeAll(() => {
  pageId = load('pages/index/index');
});

async function openHome(): Promise<Root> {
  const page = render(pageId);
  await flush();
  return page;
}

const tileNames = (page: Root): string[] => page.querySelectorAll('.tile__name').map(textOf);
/** The tone class of a tile's icon (simulate prefixes a component's classes with its tag). */
const toneOf = (node: Node): string => /tone--([a-z-]+)/.exec(node.dom?.innerHTML ?? '')?.[1] ?? '';
const iconsIn = (node: Node): string[] =>
  [...(node.dom?.innerHTML ?? '').matchAll(/\bui-icon--ui-icon--([a-z-]+)/g)].map((m) => m[1] ?? '');
const urgentNames = (page: Root): string[] => findAll(page, '.tile--urgent .tile__name').map(textOf);

test('one big report button, 我的上报 right after it, then the emergency numbers, then the categories', async () => {
  const page = await openHome();
  expect(textOf(find(page, '.report-btn'))).toContain('一键上报');
  const order = page
    .querySelectorAll('.report-btn, .entry, .emergency, .tiles')
    .map((n) => /(report-btn|entry|emergency|tiles)\b/.exec(n.dom?.className ?? '')?.[1]);
  expect(order).toEqual(['report-btn', 'entry', 'emergency', 'tiles']);
  expect(textOf(find(page, '.entry'))).toContain('我的上报');
  expect(textOf(find(page, '.emergency'))).toContain('燃气泄漏、火情、有人受伤，先打电话求助，再来上报');
  expect(tileNames(page)).toEqual(NINE);
  expect(urgentNames(page)).toEqual(['抢修抢险']);
  // (staff.me is the workbench entry asking who this is: residents see no entry.)
  expect(apiFake.actions().filter((a) => a !== 'staff.me')).toEqual(['categories.list']);
});

test('the title breaks only at its comma, and no link leads to a "coming soon" page', async () => {
  const page = await openHome();
  expect(findAll(page, '.hero__title .nowrap').map(textOf)).toEqual(['身边有问题，', '随手报']);
  expect(exists(page, '.staff-link')).toBe(false);
  expect(textOf(page)).not.toContain('工作人员入口');
});

test('tiles and form choices share order, icons and colours', async () => {
  const page = await openHome();
  const expected = builtInCategories().map(categoryTile);
  const tiles = findAll(page, '.tile');
  expect(tiles.map(toneOf)).toEqual(expected.map((c) => c.tone));
  expect(tiles.map((t) => iconsIn(t)[0])).toEqual(expected.map((c) => c.icon));
});

test('while categories.list has not answered, the built-in nine are there', async () => {
  apiFake.on('categories.list', () => new Promise<never>(() => undefined));
  const page = await openHome();
  expect(tileNames(page)).toEqual(NINE);
  expect(textOf(find(page, '.tile', 0))).toContain('垃圾、污水');
});

test('when categories.list fails, the built-in nine stay — never an empty page', async () => {
  apiFake.fail('categories.list', 'NETWORK');
  const page = await openHome();
  expect(tileNames(page)).toEqual(NINE);
  expect(urgentNames(page)).toEqual(['抢修抢险']);
});

test('categories an admin added appear: generic icon, urgent ones marked, 其他 last', async () => {
  apiFake.on('categories.list', () => ({ items: adminCategories() }));
  const page = await openHome();
  expect(tileNames(page)).toEqual([
    '环境卫生',
    '物业服务',
    '市政设施',
    '治安隐患',
    '矛盾纠纷',
    '生活服务',
    '政策咨询',
    '抢修抢险',
    '电梯困人',
    '停车管理',
    '其他',
  ]);
  expect(urgentNames(page)).toEqual(['抢修抢险', '电梯困人']);

  const parking = find(page, '.tile', 9);
  expect(iconsIn(parking)).toEqual(['tag']);
  expect(toneOf(parking)).toBe('custom');
  expect(textOf(parking)).toBe('停车管理'); // no hint for a category we know nothing about
  expect(toneOf(find(page, '.tile', 8))).toBe('custom-urgent');
  expect(iconsIn(find(page, '.tile', 0))).toEqual(['trash']);

  await tap(page, '.tile', 9);
  await tap(page, '.tile', 8);
  expect(navigations('navigateTo')).toEqual(['/pages/report/report?category=parking', '/pages/report/report?category=elevator']);
});

test('an admin can make a built-in category urgent or not: the tiles follow the profile', async () => {
  apiFake.on('categories.list', () => ({
    items: demoCategories().map((c) => ({ ...c, profile: c.code === 'safety' ? ('urgent' as const) : ('normal' as const) })),
  }));
  const page = await openHome();
  expect(urgentNames(page)).toEqual(['治安隐患']);
  expect(tileNames(page)).toContain('抢修抢险');
  // The emergency numbers are always there.
  expect(textOf(find(page, '.emergency'))).toContain('拨打 119');
});

test('the list kept from last time shows at once, before the server answers', async () => {
  wxScene.storage.set('categories-v1', adminCategories());
  apiFake.on('categories.list', () => new Promise<never>(() => undefined));
  const page = await openHome();
  expect(tileNames(page)).toContain('停车管理');
  expect(urgentNames(page)).toEqual(['抢修抢险', '电梯困人']);
});

test('asked once per session: a second visit uses what the first one got', async () => {
  apiFake.on('categories.list', () => ({ items: adminCategories() }));
  await openHome();
  const again = await openHome();
  expect(tileNames(again)).toContain('停车管理');
  // (staff.me is the workbench entry asking who this is: residents see no entry.)
  expect(apiFake.actions().filter((a) => a !== 'staff.me')).toEqual(['categories.list']);
});

test('the big button opens an empty report form; a tile opens it with that category chosen', async () => {
  const page = await openHome();
  await tap(page, '.report-btn');
  await tap(page, '.tile', 0);
  await tap(page, '.tile', 7);
  expect(navigations('navigateTo')).toEqual([
    '/pages/report/report',
    '/pages/report/report?category=sanitation',
    '/pages/report/report?category=urgent-repair',
  ]);
});

test('the emergency buttons dial 119 and 110', async () => {
  const page = await openHome();
  await tap(page, '.call--119');
  await tap(page, '.call--110');
  expect(wxFake.makePhoneCall.mock.calls.map((c) => c[0]?.phoneNumber)).toEqual(['119', '110']);
});

test('我的上报 opens the list', async () => {
  const page = await openHome();
  await tap(page, '.entry');
  expect(navigations('navigateTo')).toEqual(['/pages/mine/mine']);
});
