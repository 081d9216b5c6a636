// The admin CLI's commands. Each one is an action of the `api` function called through
// handleApi as the configured operator — the same validation, role and scope checks, and answers
// as in the mini program; the CLI only turns arguments into params and answers into text.
import { readFileSync, writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

/** Calls one action as the operator; answers the envelope, exactly as the function would. */
export type Call = (action: Api.ActionName, params: Record<string, unknown>) => Promise<Api.Envelope<unknown>>;

export interface Io {
  out(line: string): void;
  writeFile(path: string, content: string): void;
  readFile(path: string): string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The answer's data, or a UsageError carrying the function's own message (and its details). */
async function ok<T>(call: Call, action: Api.ActionName, params: Record<string, unknown>): Promise<T> {
  const answer = await call(action, params);
  if (answer.ok) return answer.data as T;
  const details = Array.isArray(answer.error.details)
    ? (answer.error.details as Array<{ path?: unknown; message?: unknown }>)
        .map((d) => `\n  ${d.path ? `${String(d.path)}: ` : ''}${String(d.message ?? '')}`)
        .join('')
    : '';
  throw new UsageError(`${action} 被拒绝（${answer.error.code}）：${answer.error.message}${details}`);
}

export interface Options {
  readonly positional: readonly string[];
  readonly flags: Readonly<Record<string, string[]>>;
}

export function parseOptions(argv: readonly string[]): Options {
  const positional: string[] = [];
  const flags: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const next = argv[i + 1];
      const value = inline ?? (next !== undefined && !next.startsWith('--') ? ((i += 1), next) : 'true');
      (flags[name] ??= []).push(value);
    } else positional.push(a);
  }
  return { positional, flags };
}

const one = (o: Options, name: string): string | undefined => o.flags[name]?.[o.flags[name].length - 1];
const need = (o: Options, name: string, hint: string): string => {
  const v = one(o, name);
  if (v === undefined || v === 'true') throw new UsageError(`缺少 --${name}（${hint}）`);
  return v;
};

/** `--scope district=张店区`, `--scope grids=ZD-CZ-HG-01,ZD-CZ-HG-02`, `--scope department=cz-sanitation`. */
export function parseScope(text: string): Api.Scope {
  const [kind, value] = text.split(/=(.*)/s) as [string, string | undefined];
  if (!value) throw new UsageError(`--scope 应写成 种类=值，例如 district=张店区（现在是“${text}”）`);
  switch (kind) {
    case 'grids':
      return {
        grids: value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'community':
      return { community: value };
    case 'street':
      return { street: value };
    case 'district':
      return { district: value };
    case 'department':
      return { department: value };
    default:
      throw new UsageError(`--scope 的种类只能是 grids、community、street、district 或 department（现在是“${kind}”）`);
  }
}

const scopeText = (scope: Api.Scope | null): string => {
  if (!scope) return '全部';
  if ('grids' in scope) return `网格 ${scope.grids.join('、')}`;
  if ('community' in scope) return `社区 ${scope.community}`;
  if ('street' in scope) return `街道 ${scope.street}`;
  if ('district' in scope) return `区 ${scope.district}`;
  return `部门 ${scope.department}`;
};

/** The invite as the staff member needs it: the code, large, and a QR of it for their phone. */
export async function invite(call: Call, o: Options, io: Io): Promise<Api.Data<'admin.invites.create'>> {
  const role = need(o, 'role', 'gridWorker、communityAdmin、deptHandler、streetAdmin、districtAdmin 或 superAdmin');
  const scope = parseScope(need(o, 'scope', '例如 district=张店区；超级管理员也要写一个已导入的区'));
  const data = await ok<Api.Data<'admin.invites.create'>>(call, 'admin.invites.create', { role, scope });
  const qr = await QRCode.toString(data.code, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
  io.out(`邀请码  ${data.code}`);
  io.out(`角色    ${role}（${scopeText(scope)}）`);
  io.out(`有效期至 ${data.expiresAt}（一次有效）`);
  io.out('用微信扫码可看到并复制邀请码，在小程序的工作人员绑定处输入：');
  io.out(qr.trimEnd());
  return data;
}

/** Grid import through admin.grids.import: the mini program's own validation and change summary. */
export async function importGrids(call: Call, o: Options, io: Io): Promise<Api.Data<'admin.grids.import'>> {
  const file = o.positional[0];
  if (!file) throw new UsageError('缺少 GeoJSON 文件：npm run admin -- grids import <文件> --crs gcj02|wgs84');
  const crs = need(o, 'crs', 'gcj02（微信/高德/腾讯地图坐标）或 wgs84（GPS、测绘）');
  let geojson: unknown;
  try {
    geojson = JSON.parse(io.readFile(file)) as unknown;
  } catch (error) {
    throw new UsageError(`读不了 ${file}：${error instanceof Error ? error.message : String(error)}`);
  }
  const data = await ok<Api.Data<'admin.grids.import'>>(call, 'admin.grids.import', { geojson, crs });
  io.out(`新增网格 ${data.imported} 个，替换已有网格 ${data.replaced} 个（${crs} → GCJ-02）`);
  return data;
}

export async function listStaff(call: Call, _o: Options, io: Io): Promise<Api.StaffListItem[]> {
  const all: Api.StaffListItem[] = [];
  let cursor: string | null = null;
  do {
    const page: Api.Page<Api.StaffListItem> = await ok(call, 'staff.list', cursor ? { cursor } : {});
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  io.out(`工作人员 ${all.length} 人（超级管理员见 SUPER_ADMIN_OPENIDS）`);
  for (const s of all) io.out(`  ${s.inviteCode}  ${s.role.padEnd(15)} ${scopeText(s.scope)}  绑定于 ${s.boundAt}`);
  return all;
}

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const FIGURE_COLUMNS = [
  'received',
  'accepted',
  'resolved',
  'closed',
  'rejected',
  'closureRate',
  'onTimeRate',
  'satisfactionRate',
  'medianAcceptMinutes',
  'medianResolveMinutes',
  'openOverdue',
] as const;
const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** stats.summary as CSV: one row for the whole area, then per category, per grid, per day. */
export function figuresCsv(s: Api.StatsSummary): string {
  const rows: unknown[][] = [['section', 'key', 'name', ...FIGURE_COLUMNS]];
  const row = (section: string, key: string, name: string, b: Api.StatsBlock) =>
    rows.push([section, key, name, ...FIGURE_COLUMNS.map((c) => b[c])]);
  row('total', '', '', s);
  for (const c of s.byCategory) row('category', c.category, c.name, c);
  for (const g of s.byGrid) row('grid', g.gridCode, g.name, g);
  for (const d of s.byDay) row('day', d.day, '', d);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

export async function exportFigures(call: Call, o: Options, io: Io): Promise<Api.StatsSummary> {
  const from = need(o, 'from', '开始日期，例如 2026-11-01（上海时间）');
  const to = need(o, 'to', '结束日期，例如 2026-11-30（含当天）');
  const scopeArg = one(o, 'scope');
  const data = await ok<Api.StatsSummary>(call, 'stats.summary', { from, to, ...(scopeArg ? { scope: parseScope(scopeArg) } : {}) });
  const outFile = one(o, 'out');
  if (outFile) {
    io.writeFile(outFile, outFile.endsWith('.json') ? `${JSON.stringify(data, null, 2)}\n` : figuresCsv(data));
    io.out(`已写入 ${outFile}`);
  }
  io.out(
    `${from} 至 ${to}${scopeArg ? `（${scopeText(parseScope(scopeArg))}）` : ''}: 受理 ${data.accepted}/${data.received}，办结率 ${pct(data.closureRate)}，按时办结率 ${pct(data.onTimeRate)}，满意率 ${pct(data.satisfactionRate)}，超期未办 ${data.openOverdue}`,
  );
  return data;
}

export const defaultIo: Io = {
  out: (line) => console.log(line),
  writeFile: (path, content) => writeFileSync(path, content),
  readFile: (path) => readFileSync(path, 'utf8'),
};
