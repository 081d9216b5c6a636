// Home (pages/index/index): every state, at 标准 and 关怀模式 font sizes.
import { apiFake } from '../support/api-fake';
import { adminCategories } from '../support/demo-data';
import { flush, load, render, type Root } from '../support/render';
import { snapshotBoth } from '../support/preview';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('pages/index/index');
});

async function openHome(): Promise<Root> {
  const page = render(pageId);
  await flush();
  return page;
}

test('home: first screen and whole page', async () => {
  const page = await openHome();
  await snapshotBoth('index', '首页：第一屏', page);
  await snapshotBoth('index-full', '首页：整页', page, { fullPage: true });
});

test('home with categories an admin added (one urgent)', async () => {
  apiFake.on('categories.list', () => ({ items: adminCategories() }));
  const page = await openHome();
  await snapshotBoth('index-admin-categories', '首页：管理员新增的类型（电梯困人为紧急）', page, { fullPage: true });
});
