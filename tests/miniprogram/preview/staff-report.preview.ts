// 代报 and patrol (staff/pages/report/report): both forms, filled and with mistakes, and the
// department handler who may not file for others — at both font sizes.
import { apiFake } from '../support/api-fake';
import { fixClock, realClock } from '../support/clock';
import { DEMO_PHOTOS } from '../support/demo-data';
import { staffMe } from '../support/staff-data';
import { callPage, load, render, tap, type, type Root } from '../support/render';
import { snapshotBoth } from '../support/preview';
import { wxScene } from '../support/wx-fake';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

let pageId: string;
beforeAll(() => {
  pageId = load('staff/pages/report/report');
});
beforeEach(() => {
  fixClock();
  apiFake.on('staff.me', () => staffMe());
});
afterEach(() => realClock());

async function open(mode: string): Promise<Root> {
  const page = render(pageId);
  await callPage(page, 'onLoad', { mode });
  return page;
}

test('代报, filled in', async () => {
  const page = await open('proxy');
  await snapshotBoth('staff-report-proxy', '代居民上报：刚打开', page);
  await type(page, '.resident-name', '王大爷');
  await type(page, '.resident-phone', '13900001111');
  await tap(page, '.choice--category', 0);
  await type(page, '.description', '王大爷来电：3号楼楼下垃圾三天没人清运，气味很大。');
  wxScene.media = { ok: true, files: DEMO_PHOTOS.slice(0, 2).map((p) => ({ tempFilePath: p, size: 120 * 1024 })) };
  await tap(page, '.report-photos >> .photo--add');
  await tap(page, '.choose-location');
  await snapshotBoth('staff-report-proxy-filled', '代居民上报：填好（整页）', page, { fullPage: true });
});

test('代报 with mistakes', async () => {
  const page = await open('proxy');
  await tap(page, '.submit');
  await snapshotBoth('staff-report-errors', '代居民上报：没填完就提交（整页）', page, { fullPage: true });
});

test('patrol', async () => {
  const page = await open('patrol');
  await snapshotBoth('staff-report-patrol', '巡查上报：刚打开（整页）', page, { fullPage: true });
});

test('a department handler may not file for others', async () => {
  apiFake.on('staff.me', () => staffMe('deptHandler'));
  const page = await open('proxy');
  await snapshotBoth('staff-report-forbidden', '代报：部门人员没有这个权限', page);
});
