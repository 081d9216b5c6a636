// admin.export: a period's tickets and figures as an .xlsx behind a short-lived link. The workbook
// is fetched through its link and opened with the same library (exceljs): its ticket rows are
// the tickets that arrived in the area and period, its figures sheets say what stats.summary says,
// and nothing in it identifies a resident. Area admins export their own area, a super admin any;
// a period over the row cap is refused; every refusal changes nothing.
import { Workbook, type Worksheet } from 'exceljs';
import { BLOCK_COLUMNS, SHEET, TICKET_COLUMNS } from '../../../../cloudfunctions/_core/app/admin/export-workbook';
import { EXPORT_MAX_TICKETS } from '../../../../cloudfunctions/_core/app/admin/export';
import { startOfShanghaiDay } from '../../../../cloudfunctions/_core/domain/calendar';
import { ADMIN, displayNameOf, seedCommunity, useTestApp } from '../../../support/app';
import {
  bringTo,
  departmentWithHandler,
  CZ_SANITATION,
  expectRefused,
  fileReport,
  freshResidents,
  HEPING,
  neighbourAreasWithAdmins,
  rowById,
  type FiledReport,
} from '../../../support/flows';

jest.setTimeout(60_000);

const nextResident = freshResidents('export-resident');
const GRID_03 = { latitude: 36.8134, longitude: 118.0463, address: '华光路 3 号' };
const PHONE = '13912345678';
const WORDS = '楼道里堆满杂物，物业一直不管。';

interface Filed {
  before: FiledReport;
  a: FiledReport;
  b: FiledReport;
  c: FiledReport;
  d: FiledReport;
  e: FiledReport;
  f: FiledReport;
  after: FiledReport;
}
let filed: Filed;

const app = useTestApp(async () => {
  await seedCommunity(app);
  await neighbourAreasWithAdmins(app);
  await departmentWithHandler(app, CZ_SANITATION, 'dept-1');
  const file = (params: Parameters<typeof fileReport>[2] = {}) =>
    fileReport(app, nextResident(), { contactPhone: PHONE, description: WORDS, ...params });
  app.setNow('2026-11-22T10:00:00+08:00');
  const before = await file();
  // Monday 23 November: a closed, b rejected, c accepted in grid 03, d in another street, e withdrawn.
  app.setNow('2026-11-23T09:00:00+08:00');
  const a = await file();
  const b = await file({ category: 'facilities', kind: 'suggestion' });
  const c = await file({ location: GRID_03 });
  const d = await file({ location: { ...HEPING, address: '和平路 1 号' } });
  const e = await file();
  app.setNow('2026-11-23T09:30:00+08:00');
  await bringTo(app, a, 'closed');
  await bringTo(app, b, 'rejected');
  await bringTo(app, c, 'accepted', { by: 'worker-2' });
  await bringTo(app, e, 'withdrawn');
  // Tuesday: f resolved by the community admin, waiting for its rating.
  app.setNow('2026-11-24T08:00:00+08:00');
  const f = await file();
  app.setNow('2026-11-24T10:15:00+08:00');
  await bringTo(app, f, 'resolved', { by: 'community-1' });
  app.setNow('2026-11-25T09:00:00+08:00');
  const after = await file();
  await app.job('figures');
  filed = { before, a, b, c, d, e, f, after };
});

const PERIOD = { from: '2026-11-23', to: '2026-11-24' };

type Cell = string | number | null;

/** A sheet's cells, row by row (header first), empty cells as null. */
function table(sheet: Worksheet): Cell[][] {
  const out: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === undefined || v === null || v === '' ? null : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v));
    }
    out.push(cells);
  }
  return out;
}

async function openExport(answer: Api.AdminExport): Promise<Workbook> {
  const response = await fetch(answer.url);
  expect(response.status).toBe(200);
  const book = new Workbook();
  // exceljs' typings predate Buffer's generic parameter.
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

const sheet = (book: Workbook, name: string): Worksheet => {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

/** Ticket numbers in the order the workbook lists them: arrival, then id (tickets filed at one pinned instant tie). */
async function inOrder(tickets: FiledReport[]): Promise<string[]> {
  const keyed = await Promise.all(tickets.map(async (t) => ({ no: t.no, key: String((await rowById(app, 'tickets', t.id))?.newestKey) })));
  return keyed.sort((x, y) => x.key.localeCompare(y.key)).map((t) => t.no);
}

const blockRow = (block: Api.StatsBlock): Cell[] => BLOCK_COLUMNS.map(([key]) => block[key]);

test('the workbook lists the period’s tickets of the area and says what stats.summary says', async () => {
  const answer = await app.ok('community-1', 'admin.export', PERIOD);
  expect(answer).toEqual({
    url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__files\/server\/exports\/2026-11-25\/[0-9a-f]{32}\.xlsx\?/),
    linkExpiresAt: '2026-11-25T01:10:00.000Z',
    fileName: '事项与统计_2026-11-23至2026-11-24.xlsx',
    tickets: 5,
  });
  const book = await openExport(answer);
  expect(book.worksheets.map((s) => s.name)).toEqual(Object.values(SHEET));

  // Tickets: a, b, c, e and f, oldest first — not d (another street), nor the days around.
  const rows = table(sheet(book, SHEET.tickets));
  expect(rows[0]).toEqual(TICKET_COLUMNS.map(([, header]) => header));
  const { a, b, c, e, f } = filed;
  expect(rows.slice(1).map((r) => r[0])).toEqual(await inOrder([a, b, c, e, f]));
  const gridOf = async (t: FiledReport) => String((await rowById(app, 'tickets', t.id))?.gridName);
  const row = (t: FiledReport) => Object.fromEntries(TICKET_COLUMNS.map(([key], i) => [key, rows.find((r) => r[0] === t.no)?.[i] ?? null]));
  expect(row(a)).toEqual({
    no: a.no,
    category: '环境卫生',
    kind: '投诉',
    source: '居民上报',
    grid: await gridOf(a),
    community: '华光社区',
    street: '车站街道',
    status: '已关闭',
    createdAt: '2026-11-23 09:00',
    acceptedAt: '2026-11-23 09:30',
    resolvedAt: '2026-11-23 09:30',
    onTime: '是',
    rating: '满意',
    department: null,
    handler: displayNameOf('worker-1'),
  });
  expect(row(b)).toMatchObject({
    category: '市政设施',
    kind: '建议',
    status: '不予受理',
    acceptedAt: null,
    resolvedAt: null,
    onTime: null,
    rating: null,
    handler: null,
  });
  expect(row(c)).toMatchObject({
    grid: await gridOf(c),
    status: '办理中',
    acceptedAt: '2026-11-23 09:30',
    onTime: null,
    handler: displayNameOf('worker-2'),
  });
  expect(row(e)).toMatchObject({ status: '已撤回', handler: null });
  expect(row(f)).toMatchObject({
    status: '已办结',
    createdAt: '2026-11-24 08:00',
    resolvedAt: '2026-11-24 10:15',
    onTime: '是',
    handler: displayNameOf('community-1'),
  });

  // Figures: each sheet is the stats.summary answer for the same area and period.
  const summary = await app.ok('community-1', 'stats.summary', PERIOD);
  expect(summary.received).toBe(5);
  const totals = table(sheet(book, SHEET.totals));
  expect(totals.slice(1)).toEqual([
    ...BLOCK_COLUMNS.map(([key, header]) => [header, summary[key]]),
    ['超期未办结（当前）', summary.openOverdue],
  ]);
  const rest = (name: string) => table(sheet(book, name)).slice(1);
  expect(rest(SHEET.byDay)).toEqual(summary.byDay.map((d) => [d.day, ...blockRow(d)]));
  expect(rest(SHEET.byCategory)).toEqual(summary.byCategory.map((x) => [x.name, ...blockRow(x)]));
  expect(rest(SHEET.byGrid)).toEqual(summary.byGrid.map((g) => [g.gridCode, g.name, ...blockRow(g), g.rankable ? '是' : '否（件数太少）']));
  expect(rest(SHEET.byDepartment)).toEqual(summary.byDepartment.map((x) => [x.name, ...blockRow(x), x.rankable ? '是' : '否（件数太少）']));
  expect(rest(SHEET.bySource)).toEqual([['居民上报', ...blockRow(summary.bySource[0]!)]]);
  expect(
    rest(SHEET.byStaff)
      .map((r) => r[0])
      .sort(),
  ).toEqual([displayNameOf('community-1'), displayNameOf('worker-1'), displayNameOf('worker-2')].sort());
  expect(rest(SHEET.byStaff)).toEqual(
    summary.byStaff.map((s) => [s.name, s.role === 'gridWorker' ? '网格员' : '社区', ...blockRow(s), s.rankable ? '是' : '否（件数太少）']),
  );
  expect(summary.byDay.map((d) => d.day)).toEqual(['2026-11-23', '2026-11-24']);

  // Nothing names a resident or a staff openid: no openids, phones or the residents' words.
  const everything = JSON.stringify(book.worksheets.map(table));
  for (const secret of [a.resident, f.resident, PHONE, WORDS, 'worker-1', 'community-1', '已清运'])
    expect(everything).not.toContain(secret);
});

test('the admin above and the super admin export wider or narrower areas; others are refused and nothing changes', async () => {
  expect((await app.ok('street-1', 'admin.export', { ...PERIOD, scope: { community: '华光社区' } })).tickets).toBe(5);
  expect((await app.ok('street-hp', 'admin.export', PERIOD)).tickets).toBe(1);
  const all = await app.ok(ADMIN, 'admin.export', { from: '2026-11-22', to: '2026-11-25' });
  expect(all.tickets).toBe(8);
  const book = await openExport(all);
  expect(
    table(sheet(book, SHEET.tickets))
      .slice(1)
      .map((r) => r[0]),
  ).toEqual(await inOrder(Object.values(filed)));
  expect((await app.ok(ADMIN, 'admin.export', { ...PERIOD, scope: { grids: ['ZD-CZ-HG-03', 'ZD-CZ-HG-04'] } })).tickets).toBe(1);

  await expectRefused(app, 'FORBIDDEN', () => app.call('community-1', 'admin.export', { ...PERIOD, scope: { street: '车站街道' } }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('street-hp', 'admin.export', { ...PERIOD, scope: { community: '华光社区' } }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('district-zc', 'admin.export', { ...PERIOD, scope: { district: '张店区' } }));
  await expectRefused(app, 'FORBIDDEN', () => app.call('worker-1', 'admin.export', PERIOD));
  await expectRefused(app, 'FORBIDDEN', () => app.call('dept-1', 'admin.export', PERIOD));
  await expectRefused(app, 'FORBIDDEN', () => app.call(filed.a.resident, 'admin.export', PERIOD));
  await expectRefused(app, 'UNAUTHENTICATED', () => app.call(null, 'admin.export', PERIOD));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.export', { from: '2026-11-24', to: '2026-11-23' }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.export', { from: '2025-01-01', to: '2026-11-23' }));
  await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.export', { ...PERIOD, openid: 'worker-1' }));
  await expectRefused(app, 'INVALID_INPUT', () =>
    app.call('community-1', 'admin.export', { ...PERIOD, scope: { department: 'cz-sanitation' } }),
  );
});

test('a period over the row cap is refused with words to narrow it, before anything is written', async () => {
  const config = app.server.deps.config;
  expect(config.exportMaxTickets ?? EXPORT_MAX_TICKETS).toBe(20_000);
  try {
    app.server.deps.config = { ...config, exportMaxTickets: 4 };
    const error = await expectRefused(app, 'INVALID_INPUT', () => app.call('community-1', 'admin.export', PERIOD));
    expect(error.message).toBe('该时段共有 5 件事项，超过一次导出的上限 4 件：请缩短时段，或请系统管理员用命令行导出');
    expect(error.details).toEqual({ tickets: 5, max: 4 });
    // One day fits.
    expect((await app.ok('community-1', 'admin.export', { from: '2026-11-23', to: '2026-11-23' })).tickets).toBe(4);
    app.server.deps.config = { ...config, exportMaxTickets: 5 };
    expect((await app.ok('community-1', 'admin.export', PERIOD)).tickets).toBe(5);
  } finally {
    app.server.deps.config = config;
  }
});

test('the store pages an area’s arrivals oldest first and counts them', async () => {
  const store = app.server.deps.periodTickets;
  const from = startOfShanghaiDay('2026-11-23');
  const before = startOfShanghaiDay('2026-11-25');
  expect(await store.count('community:华光社区', from, before)).toBe(5);
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await store.page('community:华光社区', from, before, cursor, 2);
    seen.push(...page.items.map((t) => t.no));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null);
  expect(pages).toBe(3);
  const { a, b, c, e, f } = filed;
  expect(seen).toEqual(await inOrder([a, b, c, e, f]));
  expect(await store.count('all', startOfShanghaiDay('2026-11-22'), startOfShanghaiDay('2026-11-26'))).toBe(8);
});
