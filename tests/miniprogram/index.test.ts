// Home: the big report button, the categories (from categories.list, the built-in nine until it
// answers or when it fails) as tiles, emergency numbers beside the urgent ones, the way to 我的上报
// and to the staff placeholder.
import { apiFake } from './support/api-fake';
import { adminCategories, demoCategories } from './support/demo-data';
import { find, findAll, flush, load, render, tap, textOf, type Node, type Root } from './support/render';
import { navigations, wxFake, wxScene } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const NINE = ['环境卫生', '矛盾纠纷', '物业服务', '市政设施', '治安隐患', '抢修抢险', '政策咨询', '生活服务', '其他'];

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
/** The ui-icon names drawn inside a node (simulate prefixes a component's classes with its tag). */
const toneOf = (node: Node): string => /tile__icon--([a-z-]+)/.exec(node.dom?.innerHTML ?? '')?.[1] ?? '';
const iconsIn = (node: Node): string[] => [...(node.dom?.innerHTML ?? '').matchAll(/\bui-icon--ui-icon--([a-z-]+)/g)].map((m) => m[1]);
const urgentNames = (page: Root): string[] => findAll(page, '.urgent__tile .tile__name').map(textOf);

test('shows one big report button and all nine categories in Chinese', async () => {
  const page = await openHome();
  expect(textOf(find(page, '.report-btn'))).toContain('一键上报');
  expect(tileNames(page).sort()).toEqual([...NINE].sort());
  expect(textOf(find(page, '.urgent__tile'))).toContain('抢修抢险');
  expect(textOf(find(page, '.urgent'))).toContain('燃气泄漏、火情请先拨打 119/110');
  // (staff.me is the workbench entry asking who this is: residents see no entry.)
  expect(apiFake.actions().filter((a) => a !== 'staff.me')).toEqual(['categories.list']);
});

test('while categories.list has not answered, the built-in nine are there', async () => {
  apiFake.on('categories.list', () => new Promise<never>(() => undefined));
  const page = await openHome();
  expect(tileNames(page).sort()).toEqual([...NINE].sort());
  expect(textOf(find(page, '.tile', 0))).toContain('垃圾、污水');
});

test('when categories.list fails, the built-in nine stay — never an empty page', async () => {
  apiFake.fail('categories.list', 'NETWORK');
  const page = await openHome();
  expect(tileNames(page).sort()).toEqual([...NINE].sort());
  expect(urgentNames(page)).toEqual(['抢修抢险']);
});

test('categories an admin added appear: generic icon, urgent ones beside 119/110', async () => {
  apiFake.on('categories.list', () => ({ items: adminCategories() }));
  const page = await openHome();
  expect(urgentNames(page)).toEqual(['抢修抢险', '电梯困人']);
  const names = findAll(page, '.tiles .tile__name').map(textOf);
  expect(names).toEqual(['环境卫生', '物业服务', '市政设施', '治安隐患', '矛盾纠纷', '生活服务', '政策咨询', '停车管理', '其他']);

  const parking = find(page, '.tiles .tile', 7);
  expect(iconsIn(parking)).toEqual(['tag']);
  expect(toneOf(parking)).toBe('custom');
  expect(textOf(parking)).toBe('停车管理'); // no hint for a category we know nothing about
  expect(toneOf(find(page, '.urgent__tile', 1))).toBe('custom-urgent');
  // Known codes keep their icons and hints.
  expect(iconsIn(find(page, '.tiles .tile', 0))).toEqual(['trash']);

  await tap(page, '.tiles .tile', 7);
  await tap(page, '.urgent__tile', 1);
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
  expect(textOf(find(page, '.urgent__help'))).toContain('拨打 119');
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

test('the big button opens an empty report form', async () => {
  const page = await openHome();
  await tap(page, '.report-btn');
  expect(navigations('navigateTo')).toEqual(['/pages/report/report']);
});

test('a category tile opens the form with that category chosen', async () => {
  const page = await openHome();
  await tap(page, '.tile', 0);
  await tap(page, '.urgent__tile');
  expect(navigations('navigateTo')).toEqual(['/pages/report/report?category=sanitation', '/pages/report/report?category=urgent-repair']);
});

test('the emergency buttons dial 119 and 110', async () => {
  const page = await openHome();
  await tap(page, '.call--119');
  await tap(page, '.call--110');
  expect(wxFake.makePhoneCall.mock.calls.map((c) => c[0]?.phoneNumber)).toEqual(['119', '110']);
});

test('我的上报 and the staff entry navigate', async () => {
  const page = await openHome();
  await tap(page, '.entry');
  await tap(page, '.staff-link');
  expect(navigations('navigateTo')).toEqual(['/pages/mine/mine', '/staff/pages/home/home']);
});
