// 网格与地点 (admin/pages/grids/grids): a street admin's places, a super admin's import preview of
// a real file (the server's answer), an area without grids — at both font sizes.
import { apiFake } from '../support/api-fake';
import { adminAnswers, answerAsAdmin, openAs } from '../support/admin-data';
import { tap, type Root } from '../support/render';
import { pageUnderTest } from '../support/page';
import { snapshotBoth } from '../support/preview';
import { wxScene } from '../support/wx-fake';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const gridsPage = pageUnderTest('admin/pages/grids/grids', { realClock: true });

const open = (who: 'street' | 'superAdmin' = 'street'): Promise<Root> => openAs(gridsPage, who);

test("a street admin's places", async () => {
  await snapshotBoth('admin-grids', '网格与地点：街道辖区的社区和网格（整页）', await open('street'), { fullPage: true });
});

test("a super admin's import preview", async () => {
  const page = await open('superAdmin');
  wxScene.messageFile = {
    ok: true,
    name: '华光社区网格.geojson',
    path: 'wxfile://tmp/grids.geojson',
    text: JSON.stringify(adminAnswers().gridImport.file),
  };
  await tap(page, '.import__choose');
  await snapshotBoth('admin-grids-preview', '网格与地点：导入前先看会有哪些变化（整页）', page, { fullPage: true });
});

test('no grids yet', async () => {
  answerAsAdmin(apiFake, 'street');
  apiFake.on('admin.grids.list', () => ({ items: [], nextCursor: null }));
  const page = await gridsPage.open();
  await snapshotBoth('admin-grids-empty', '网格与地点：还没有导入网格', page);
});
