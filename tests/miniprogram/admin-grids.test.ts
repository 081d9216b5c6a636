// 网格与地点 (admin/pages/grids): the places of the admin's area grouped district · street ·
// community with their grids, paged; for super admins the grid import — a GeoJSON file from a
// chat in a declared CRS, its preview (what it adds, changes, leaves out; overlaps), imported only
// on confirmation; a file too big, not JSON, refused by the server, or a cancel.
import { apiFake } from './support/api-fake';
import { adminAnswers, adminMe, answerAsAdmin, openAs } from './support/admin-data';
import { callPage, exists, find, findAll, tap, textOf, type Root } from './support/render';
import { pageUnderTest } from './support/page';
import { toasts, wxFake, wxScene } from './support/wx-fake';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const gridsPage = pageUnderTest('admin/pages/grids/grids', { realClock: true });

const open = (who: 'street' | 'superAdmin' = 'superAdmin'): Promise<Root> => openAs(gridsPage, who);

function pickTheFile(text = JSON.stringify(adminAnswers().gridImport.file), size?: number): void {
  wxScene.messageFile = { ok: true, name: '华光社区网格.geojson', path: 'wxfile://tmp/grids.geojson', text, ...(size ? { size } : {}) };
}

test("the places grouped by community with each grid's code and households", async () => {
  const page = await open('street');
  const grids = adminAnswers().grids.items;
  expect(findAll(page, '.group__title').map(textOf)).toEqual(['张店区 · 车站街道 · 华光社区']);
  expect(findAll(page, '.grid__name').map(textOf)).toEqual(grids.map((g) => g.name));
  expect(textOf(find(page, '.grid__sub'))).toBe(`${grids[0]?.code} · ${grids[0]?.households} 户`);
  // A street admin imports nothing: the server gives no gridImport.
  expect(exists(page, '.import')).toBe(false);
});

test('a file is previewed in the chosen CRS, then imported on confirmation and the places read again', async () => {
  const page = await open();
  await tap(page, '.crs--wgs84');
  pickTheFile();
  await tap(page, '.import__choose');
  expect(wxFake.chooseMessageFile.mock.calls[0]?.[0]).toMatchObject({ count: 1, type: 'file', extension: ['geojson', 'json'] });
  expect(apiFake.callsOf('admin.grids.preview')).toEqual([{ geojson: adminAnswers().gridImport.file, crs: 'wgs84' }]);
  const p = adminAnswers().gridImport.preview;
  expect(textOf(find(page, '.preview__summary'))).toBe(`文件中共 ${p.total} 个网格`);
  expect(findAll(page, '.preview__count').map(textOf)).toEqual([
    `新增 ${p.added.length} 个`,
    `有变化 ${p.changed.length} 个`,
    `没有变化 ${p.unchanged} 个`,
    `文件未包含、保持不变 ${p.notInFile.length} 个`,
  ]);
  expect(textOf(find(page, '.preview__list--changed'))).toContain('华光社区第二网格（人民西路北段）（ZD-CZ-HG-02）（名称）');
  expect(findAll(page, '.preview__warning').map(textOf)).toEqual(p.warnings);
  expect(apiFake.callsOf('admin.grids.import')).toEqual([]);
  await tap(page, '.import__apply');
  expect(apiFake.callsOf('admin.grids.import')).toEqual([{ geojson: adminAnswers().gridImport.file, crs: 'wgs84' }]);
  const applied = adminAnswers().gridImport.applied;
  expect(toasts()).toContain(`已导入：新增 ${applied.imported} 个，替换 ${applied.replaced} 个`);
  expect(exists(page, '.preview')).toBe(false);
  expect(apiFake.callsOf('admin.grids.list')).toEqual([{}, {}]);
});

test("cancelling the preview imports nothing; a refused import keeps the preview with the server's word", async () => {
  const page = await open();
  pickTheFile();
  await tap(page, '.import__choose');
  await tap(page, '.import__cancel');
  expect(exists(page, '.preview')).toBe(false);
  await tap(page, '.import__choose');
  apiFake.fail('admin.grids.import', 'CONTENT_REJECTED', '内容含有不当信息，请修改后再提交');
  await tap(page, '.import__apply');
  expect(textOf(find(page, '.import__error'))).toBe('内容含有不当信息，请修改后再提交');
  expect(exists(page, '.preview')).toBe(true);
});

test('a file over 256 KB, one that is not JSON, and one the server refuses: each says why; nothing is imported', async () => {
  const page = await open();
  pickTheFile('{}', 300 * 1024);
  await tap(page, '.import__choose');
  expect(textOf(find(page, '.import__error'))).toBe(
    '文件有 300 KB，超过 256 KB，请用电脑上的管理命令导入（npm run admin -- grids import）',
  );
  expect(apiFake.callsOf('admin.grids.preview')).toEqual([]);
  pickTheFile('这不是 JSON');
  await tap(page, '.import__choose');
  expect(textOf(find(page, '.import__error'))).toBe('这个文件不是 GeoJSON（读不出 JSON 内容）');
  apiFake.fail('admin.grids.preview', 'INVALID_INPUT', '第 1 个要素缺少 code');
  pickTheFile('{"type":"FeatureCollection","features":[{}]}');
  await tap(page, '.import__choose');
  expect(textOf(find(page, '.import__error'))).toBe('第 1 个要素缺少 code');
  expect(apiFake.callsOf('admin.grids.import')).toEqual([]);
});

test('closing the file picker changes nothing', async () => {
  const page = await open();
  await tap(page, '.import__choose');
  expect(exists(page, '.preview')).toBe(false);
  expect(exists(page, '.import__error')).toBe(false);
  expect(apiFake.callsOf('admin.grids.preview')).toEqual([]);
});

test('an area without grids, a failed list with its retry, paging', async () => {
  answerAsAdmin(apiFake, 'street');
  apiFake.on('admin.grids.list', () => ({ items: [], nextCursor: null }));
  const page = await gridsPage.open();
  expect(textOf(find(page, '.list-state'))).toBe('辖区内还没有导入网格');
  apiFake.fail('admin.grids.list', 'NETWORK');
  await callPage(page, 'onPullDownRefresh');
  expect(textOf(find(page, '.list-state'))).toContain('网络不太好，请稍后重试');
  const all = adminAnswers().grids.items;
  apiFake.on('admin.grids.list', (p) =>
    p.cursor ? { items: all.slice(2), nextCursor: null } : { items: all.slice(0, 2), nextCursor: 'next-1' },
  );
  await tap(page, '.list-state >> .state__action');
  expect(findAll(page, '.grid')).toHaveLength(2);
  await callPage(page, 'onReachBottom');
  expect(findAll(page, '.grid')).toHaveLength(all.length);
  expect(findAll(page, '.group')).toHaveLength(1);
});

test('a grid worker is turned away', async () => {
  apiFake.on('staff.me', () => adminMe('worker'));
  const page = await gridsPage.open();
  expect(exists(page, '.gate-view')).toBe(true);
  expect(apiFake.callsOf('admin.grids.list')).toEqual([]);
});
