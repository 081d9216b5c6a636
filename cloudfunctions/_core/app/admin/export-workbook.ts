// The workbook admin.export hands out: an about sheet, one row per ticket, and the figures of
// stats.summary (totals, then by category, grid, department, source, staff and day). Times are
// Shanghai wall-clock text; rates are fractions shown as percentages; nothing identifies a
// resident (no openids, phones, names or free text). exceljs is bundled into the api function by
// scripts/build.mjs like every other dependency (only wx-server-sdk stays external). Its streaming
// writer is used, with inline strings: the in-memory workbook took ten times longer to zip 20,000
// rows (measured: ~30 s against ~2.6 s on a loaded 2-core machine), beyond the 20 s timeout.
import { PassThrough } from 'node:stream';
import type { stream, Worksheet } from 'exceljs';

type Writer = stream.xlsx.WorkbookWriter;

/** One ticket row, already in words. */
export interface ExportTicketRow {
  no: string;
  category: string;
  kind: string;
  source: string;
  grid: string;
  community: string;
  street: string;
  status: string;
  createdAt: string;
  acceptedAt: string;
  resolvedAt: string;
  onTime: string;
  rating: string;
  department: string;
  handler: string;
}

export const TICKET_COLUMNS: ReadonlyArray<readonly [keyof ExportTicketRow, string, number]> = [
  ['no', '编号', 20],
  ['category', '类别', 14],
  ['kind', '类型', 8],
  ['source', '来源', 10],
  ['grid', '网格', 16],
  ['community', '社区', 14],
  ['street', '街道', 14],
  ['status', '状态', 10],
  ['createdAt', '上报时间', 18],
  ['acceptedAt', '受理时间', 18],
  ['resolvedAt', '办结时间', 18],
  ['onTime', '按时办结', 10],
  ['rating', '评价', 10],
  ['department', '办理部门', 16],
  ['handler', '办理人', 14],
];

type BlockKey = Exclude<keyof Api.StatsBlock, 'openOverdue'>;

/** The figures of one unit, in the order every figures sheet shows them. */
export const BLOCK_COLUMNS: ReadonlyArray<readonly [BlockKey, string, 'count' | 'rate' | 'minutes']> = [
  ['received', '收到', 'count'],
  ['accepted', '已受理', 'count'],
  ['resolved', '已办结待评价', 'count'],
  ['closed', '已关闭', 'count'],
  ['rejected', '不予受理', 'count'],
  ['closureRate', '办结率', 'rate'],
  ['onTimeRate', '按时办结率', 'rate'],
  ['satisfactionRate', '满意率', 'rate'],
  ['sameDayRate', '当天办结率', 'rate'],
  ['escalated', '上升处理', 'count'],
  ['gridResolvedRate', '小事不出网格率', 'rate'],
  ['medianAcceptMinutes', '受理用时中位数（分钟）', 'minutes'],
  ['medianResolveMinutes', '办结用时中位数（分钟）', 'minutes'],
];

export const SHEET = {
  about: '说明',
  tickets: '事项',
  totals: '汇总',
  byCategory: '按类别',
  byGrid: '按网格',
  byDepartment: '按部门',
  bySource: '按来源',
  byStaff: '按人员',
  byDay: '按日',
} as const;

export interface WorkbookInput {
  areaLabel: string;
  from: string;
  to: string;
  /** When it is made, and the same in Shanghai words. */
  now: Date;
  generatedAt: string;
  tickets: readonly ExportTicketRow[];
  summary: Api.StatsSummary;
  sourceLabel: Readonly<Record<Api.StatsSummary['bySource'][number]['source'], string>>;
  roleLabel: Readonly<Record<Api.Role, string>>;
}

const RATE_FORMAT = '0.0%';

function blockCells(block: Api.StatsBlock): Array<number | null> {
  return BLOCK_COLUMNS.map(([key]) => block[key]);
}

/** A figures sheet: the unit's own columns, then the block, then whether it is ranked. */
function figuresSheet(
  book: Writer,
  name: string,
  lead: ReadonlyArray<readonly [string, number]>,
  rows: ReadonlyArray<{ lead: string[]; block: Api.StatsBlock; rankable?: boolean }>,
  ranked: boolean,
): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...lead.map(([header, width]) => ({ header, width })),
    ...BLOCK_COLUMNS.map(([, header, kind]) => ({
      header,
      width: kind === 'minutes' ? 22 : 12,
      style: kind === 'rate' ? { numFmt: RATE_FORMAT } : {},
    })),
    ...(ranked ? [{ header: '参与排名', width: 10 }] : []),
  ];
  boldHeader(sheet);
  for (const row of rows)
    sheet.addRow([...row.lead, ...blockCells(row.block), ...(ranked ? [row.rankable ? '是' : '否（件数太少）'] : [])]).commit();
  sheet.commit();
}

/** Bolds the header row (added by `columns`) and writes it out. */
function boldHeader(sheet: Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
}

/** The .xlsx bytes of a period's tickets and figures. */
export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const { summary } = input;
  // Loaded on the first export, so other actions' cold starts do not pay for it.
  const { stream: xlsxStream } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const book = new xlsxStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = '一键上报';
  book.created = input.now;

  const about = book.addWorksheet(SHEET.about);
  about.columns = [{ width: 16 }, { width: 60 }];
  const aboutRows: Array<[string, string | number]> = [
    ['范围', input.areaLabel],
    ['时段', `${input.from} 至 ${input.to}（按上报日期，北京时间）`],
    ['导出时间', input.generatedAt],
    ['事项', input.tickets.length],
    ['说明', '事项表为导出时的状态；统计表来自统计任务，最多滞后一次统计（约 2 分钟）。不含居民姓名、电话和描述。'],
  ];
  for (const cells of aboutRows) {
    const row = about.addRow(cells);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  about.commit();

  const tickets = book.addWorksheet(SHEET.tickets, { views: [{ state: 'frozen', ySplit: 1 }] });
  tickets.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TICKET_COLUMNS.length } };
  tickets.columns = TICKET_COLUMNS.map(([key, header, width]) => ({ key, header, width }));
  boldHeader(tickets);
  for (const row of input.tickets) tickets.addRow(row).commit();
  tickets.commit();

  const totals = book.addWorksheet(SHEET.totals);
  totals.columns = [
    { header: '指标', width: 24 },
    { header: '数值', width: 14 },
  ];
  boldHeader(totals);
  for (const [key, header, kind] of BLOCK_COLUMNS) {
    const row = totals.addRow([header, summary[key]]);
    if (kind === 'rate') row.getCell(2).numFmt = RATE_FORMAT;
    row.commit();
  }
  totals.addRow(['超期未办结（当前）', summary.openOverdue]).commit();
  totals.commit();

  figuresSheet(
    book,
    SHEET.byCategory,
    [['类别', 16]],
    summary.byCategory.map((c) => ({ lead: [c.name], block: c })),
    false,
  );
  figuresSheet(
    book,
    SHEET.byGrid,
    [
      ['网格编码', 18],
      ['网格', 16],
    ],
    summary.byGrid.map((g) => ({ lead: [g.gridCode, g.name], block: g, rankable: g.rankable })),
    true,
  );
  figuresSheet(
    book,
    SHEET.byDepartment,
    [['部门', 18]],
    summary.byDepartment.map((d) => ({ lead: [d.name], block: d, rankable: d.rankable })),
    true,
  );
  figuresSheet(
    book,
    SHEET.bySource,
    [['来源', 12]],
    summary.bySource.map((s) => ({ lead: [input.sourceLabel[s.source]], block: s })),
    false,
  );
  figuresSheet(
    book,
    SHEET.byStaff,
    [
      ['办理人', 16],
      ['角色', 14],
    ],
    summary.byStaff.map((s) => ({ lead: [s.name, input.roleLabel[s.role]], block: s, rankable: s.rankable })),
    true,
  );
  figuresSheet(
    book,
    SHEET.byDay,
    [['日期', 12]],
    summary.byDay.map((d) => ({ lead: [d.day], block: d })),
    false,
  );

  await book.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
