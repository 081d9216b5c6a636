// 数据统计 (admin/pages/figures): the admin's own area for 本周 / 本月 / 近 30 天 — headline rates
// with the open overdue count beside the on-time rate, a daily trend on a canvas 2d, rankings that
// leave out (and count) units too small to judge, shares by category and source, the lag said on
// the page; a quiet period, an error and a non-admin.
import { apiFake } from './support/api-fake';
import { adminAnswers, adminMe, answerAsAdmin } from './support/admin-data';
import { canvases } from './support/canvas-fake';
import { callPage, doubleTap, exists, find, findAll, flush, tap, textOf } from './support/render';
import { pageUnderTest } from './support/page';
import { wxFake, wxScene } from './support/wx-fake';
import { percent } from '../../miniprogram/utils/admin-figures';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

const { open } = pageUnderTest('admin/pages/figures/figures');
beforeEach(() => answerAsAdmin(apiFake));

test("本月 by default: the server's figures for 11月1日–23日, the lag said", async () => {
  const page = await open();
  const s = adminAnswers().figures.month;
  expect(apiFake.callsOf('stats.summary')).toEqual([{ from: '2026-11-01', to: '2026-11-23' }]);
  expect(textOf(find(page, '.range__days'))).toBe('11月1日 至 11月23日');
  expect(textOf(find(page, '.range__lag'))).toBe('数据每 2 分钟更新一次，最新的工单可能稍后才计入。');
  expect(textOf(find(page, '.tile--received'))).toBe(`受理工单${s.received} 件`);
  expect(textOf(find(page, '.tile--closure'))).toBe(`办结率${percent(s.closureRate)}`);
  expect(textOf(find(page, '.tile--onTime'))).toBe(`按时办结率${percent(s.onTimeRate)}超期未办 ${s.openOverdue} 件`);
  expect(textOf(find(page, '.tile--satisfaction'))).toBe(`满意率${percent(s.satisfactionRate)}`);
  expect(textOf(find(page, '.tile--sameDay'))).toBe(`当天办结率${percent(s.sameDayRate)}`);
  expect(textOf(find(page, '.tile--grid'))).toBe(`小事不出网格${percent(s.gridResolvedRate)}`);
  expect(textOf(find(page, '.tile--escalated'))).toBe(`上报到网格以上${s.escalated} 件`);
  expect(findAll(page, '.tile')).toHaveLength(9);
});

test('the trend is drawn on the canvas: a bar per day with tickets, a line of those finished', async () => {
  const page = await open();
  const s = adminAnswers().figures.month;
  const [canvas] = [...canvases.values()];
  expect(canvas).toBeDefined();
  const days = s.byDay.filter((d) => d.received > 0).length;
  expect(canvas?.drawn.rects).toHaveLength(days);
  // 23 days, one point each, on the finished line (the second line drawn; the first is the axis).
  expect(canvas?.drawn.lines[1]?.points).toHaveLength(23);
  expect(canvas?.drawn.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['0', '11月1日', '11月23日']));
  const finished = s.byDay.reduce((n, d) => n + d.resolved + d.closed, 0);
  expect(textOf(find(page, '.trend-chart >> .chart__summary'))).toBe(`受理 ${s.received} 件 · 办结 ${finished} 件`);
});

test('rankings by 办结率 leave out units too small to judge, and say how many', async () => {
  const page = await open();
  const s = adminAnswers().figures.month;
  const boards = findAll(page, '.board').map(textOf);
  const grid = boards.find((b) => b.startsWith('网格办结率排名')) ?? '';
  expect(grid).toContain(s.byGrid[0]?.name ?? 'x');
  const staffBoard = boards.find((b) => b.startsWith('人员办结率排名')) ?? '';
  const small = s.byStaff.filter((x) => !x.rankable);
  expect(small.length).toBeGreaterThan(0);
  for (const x of small) expect(staffBoard).not.toContain(x.name);
  expect(staffBoard).toContain(`另有 ${small.length} 个单位工单太少，不参与排名`);
  // Best first: the first row has the highest 办结率 of the rankable ones.
  const best = Math.max(...s.byStaff.filter((x) => x.rankable).map((x) => x.closureRate ?? 0));
  expect(staffBoard).toContain(`1${s.byStaff.find((x) => x.rankable && x.closureRate === best)?.name}`);
  expect(boards.find((b) => b.startsWith('按问题类型'))).toContain(s.byCategory[0]?.name ?? 'x');
  expect(boards.find((b) => b.startsWith('按来源'))).toContain('居民上报');
  expect(boards.find((b) => b.startsWith('按来源'))).toContain('巡查发现');
});

test('本周 and 近 30 天 ask the server for their own days', async () => {
  const page = await open();
  await tap(page, '.period--week');
  await tap(page, '.period--last30');
  expect(apiFake.callsOf('stats.summary')).toEqual([
    { from: '2026-11-01', to: '2026-11-23' },
    { from: '2026-11-23', to: '2026-11-23' },
    { from: '2026-10-25', to: '2026-11-23' },
  ]);
  expect(textOf(find(page, '.range__days'))).toBe('10月25日 至 11月23日');
  expect(findAll(page, '.period--on').map(textOf)).toEqual(['近 30 天']);
});

test('a quiet period with nothing open overdue says there is nothing yet', async () => {
  // October had no tickets; the live overdue count (of any period) is set to none here.
  apiFake.on('stats.summary', () => ({ ...adminAnswers().figures.quiet, openOverdue: 0 }));
  const page = await open();
  expect(textOf(find(page, '.figures-state'))).toBe('这段时间还没有工单');
  expect(exists(page, '.tile')).toBe(false);
});

test("a failed load: the message and a retry; a refused scope the server's word", async () => {
  apiFake.fail('stats.summary', 'NETWORK');
  const page = await open();
  expect(textOf(find(page, '.figures-state'))).toContain('网络不太好，请稍后重试');
  answerAsAdmin(apiFake);
  await tap(page, '.figures-state >> .state__action');
  expect(findAll(page, '.tile')).toHaveLength(9);
  apiFake.fail('stats.summary', 'FORBIDDEN', '只能查看本辖区的统计');
  await callPage(page, 'onPullDownRefresh');
  expect(textOf(find(page, '.figures-state'))).toContain('只能查看本辖区的统计');
});

test('a grid worker is turned away without asking for figures', async () => {
  apiFake.on('staff.me', () => adminMe('worker'));
  const page = await open();
  expect(exists(page, '.gate-view')).toBe(true);
  expect(apiFake.callsOf('stats.summary')).toEqual([]);
});

// ---- 导出 Excel ----

test("导出 Excel: the shown period is exported, downloaded under the server's name and opened, forwardable", async () => {
  const page = await open();
  const file = adminAnswers().exported;
  expect(file.fileName).toBe('事项与统计_2026-11-01至2026-11-23.xlsx');
  expect(textOf(find(page, '.export__button >> .t-button'))).toBe('导出 Excel');
  await tap(page, '.period--week');
  await doubleTap(page, '.export__button');
  // One export however nervous the finger.
  expect(apiFake.callsOf('admin.export')).toEqual([{ from: '2026-11-23', to: '2026-11-23' }]);
  expect(wxFake.downloadFile).toHaveBeenCalledTimes(1);
  expect(wxFake.downloadFile.mock.calls[0]?.[0]).toMatchObject({ url: file.url, filePath: `/usr/${file.fileName}` });
  expect(wxFake.openDocument.mock.calls[0]?.[0]).toMatchObject({ filePath: `/usr/${file.fileName}`, fileType: 'xlsx', showMenu: true });
  expect(textOf(find(page, '.export__button >> .t-button'))).toBe('导出 Excel');
  expect(exists(page, '.export__error')).toBe(false);
});

test('while the workbook is made the button says so and cannot be pressed again', async () => {
  let release: (value: Api.AdminExport) => void = () => undefined;
  const page = await open();
  apiFake.on('admin.export', () => new Promise<Api.AdminExport>((resolve) => (release = resolve)));
  await tap(page, '.export__button');
  expect(textOf(find(page, '.export__button >> .t-button'))).toBe('正在导出…');
  expect(find(page, '.export__button >> .t-button').dom?.className).toContain('t-button--disabled');
  await tap(page, '.export__button');
  expect(apiFake.callsOf('admin.export')).toHaveLength(1);
  release(adminAnswers().exported);
  await flush();
  expect(textOf(find(page, '.export__button >> .t-button'))).toBe('导出 Excel');
  expect(wxFake.openDocument).toHaveBeenCalledTimes(1);
});

test("a refused export shows the server's words (a period over the cap); nothing is downloaded", async () => {
  const page = await open();
  const words = '该时段共有 23001 件事项，超过一次导出的上限 20000 件：请缩短时段，或请系统管理员用命令行导出';
  apiFake.fail('admin.export', 'INVALID_INPUT', words);
  await tap(page, '.export__button');
  expect(textOf(find(page, '.export__error'))).toBe(words);
  expect(wxFake.downloadFile).not.toHaveBeenCalled();
  // Trying again clears the message.
  answerAsAdmin(apiFake);
  await tap(page, '.export__button');
  expect(exists(page, '.export__error')).toBe(false);
  expect(wxFake.openDocument).toHaveBeenCalledTimes(1);
});

test('a failed download, an expired link and a phone that cannot open the file each say what happened', async () => {
  const page = await open();
  wxScene.download = { ok: false, errMsg: 'downloadFile:fail timeout' };
  await tap(page, '.export__button');
  expect(textOf(find(page, '.export__error'))).toBe('下载没有成功，请检查网络后重试');
  wxScene.download = { ok: true, statusCode: 404 };
  await tap(page, '.export__button');
  expect(textOf(find(page, '.export__error'))).toBe('下载链接已失效，请重新导出');
  expect(wxFake.openDocument).not.toHaveBeenCalled();
  wxScene.download = { ok: true, statusCode: 200 };
  wxScene.openDocument = { ok: false, errMsg: 'openDocument:fail filetype not supported' };
  await tap(page, '.export__button');
  expect(textOf(find(page, '.export__error'))).toBe('无法打开表格，请更新微信后重试');
  expect(apiFake.callsOf('admin.export')).toHaveLength(3);
  expect(textOf(find(page, '.export__button >> .t-button'))).toBe('导出 Excel');
});

test('a quiet period offers no export', async () => {
  apiFake.on('stats.summary', () => ({ ...adminAnswers().figures.quiet, openOverdue: 0 }));
  const page = await open();
  expect(exists(page, '.export__button')).toBe(false);
});
