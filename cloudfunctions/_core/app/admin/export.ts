// admin.export: the tickets and figures of an area and period as an Excel workbook, built here,
// stored privately and handed out as a short-lived link. Area admins export their own area (or a
// place inside it), a super admin anything: the rules of stats.summary, whose answer fills the
// figures sheets. The ticket rows are read page by page from one indexed query per area key; a
// period with more tickets than one workbook holds (20,000 by default) is refused before any
// read, with words to narrow the period or use the admin CLI, so the call stays inside the api
// function's 20 s timeout. The rows carry no openids, phones, residents' names or free text.
import { factsOf } from '../../domain/figures';
import { formatShanghai, startOfShanghaiDay, toShanghaiDateKey } from '../../domain/calendar';
import { RATING_LABEL } from '../../domain/lifecycle';
import { DAY_MS } from '../../domain/time-units';
import type { Ticket } from '../../domain/types';
import { fail } from '../errors';
import { ROLE_LABEL } from '../labels';
import { areaOf, statsSummary } from '../stats/summary';
import { defineUseCase, type CallContext } from '../use-case';
import { isAreaAdmin, scopeWords } from './areas';
import { buildWorkbook, type ExportTicketRow } from './export-workbook';

/** Ticket rows one workbook holds (deps.config.exportMaxTickets overrides it). */
export const EXPORT_MAX_TICKETS = 20_000;
/** Tickets per read: a few hundred documents stay far below TCB's 1 MB answer. */
const PAGE = 200;
/** As long as the file store's links (10 minutes). */
const LINK_MINUTES = 10;

const KIND_LABEL: Readonly<Record<Api.Kind, string>> = { complaint: '投诉', suggestion: '建议', question: '咨询' };
export const SOURCE_LABEL: Readonly<Record<Ticket['source'], string>> = { resident: '居民上报', proxy: '代报', patrol: '巡查发现' };
const STATUS_LABEL: Readonly<Record<Api.TicketStatus, string>> = {
  submitted: '待受理',
  accepted: '办理中',
  resolved: '已办结',
  closed: '已关闭',
  rejected: '不予受理',
  withdrawn: '已撤回',
};

const time = (at: Date | null): string => (at ? formatShanghai(at, 'YYYY-MM-DD HH:mm') : '');

/** Names looked up once per export. */
function memo(lookup: (key: string) => Promise<string>): (key: string | null) => Promise<string> {
  const seen = new Map<string, Promise<string>>();
  return (key) => {
    if (key === null) return Promise.resolve('');
    const known = seen.get(key);
    if (known) return known;
    const found = lookup(key);
    seen.set(key, found);
    return found;
  };
}

function rowMaker(ctx: CallContext): (ticket: Ticket) => Promise<ExportTicketRow> {
  const { deps } = ctx;
  const category = memo(async (code) => (await deps.categories.get(code))?.name ?? code);
  const department = memo(async (code) => (await deps.departments.get(code))?.name ?? code);
  const handler = memo(async (openid) => {
    const staff = await deps.staff.get(openid);
    return staff ? (staff.displayName ?? ROLE_LABEL[staff.role]) : '已离岗人员';
  });
  return async (t) => {
    const facts = factsOf(t);
    const finished = t.status === 'resolved' || (t.status === 'closed' && t.resolvedAt !== null);
    const open = t.status === 'submitted' || t.status === 'accepted';
    return {
      no: t.no,
      category: await category(t.category),
      kind: KIND_LABEL[t.kind],
      source: SOURCE_LABEL[t.source],
      grid: t.place.gridName ?? t.place.gridCode ?? '未分到网格',
      community: t.place.community ?? '',
      street: t.place.street ?? '',
      status: STATUS_LABEL[t.status],
      createdAt: time(t.createdAt),
      acceptedAt: time(t.acceptedAt),
      resolvedAt: time(finished ? t.resolvedAt : null),
      onTime: finished ? (facts.counters.resolvedOnTime === 1 ? '是' : '否') : open && t.overdue ? '否（已超期）' : '',
      rating: t.rating ? RATING_LABEL[t.rating] : '',
      department: await department(facts.department),
      handler: await handler(facts.handler),
    };
  };
}

export const exportPeriod = defineUseCase('admin.export', {
  who: 'staff',
  // The same params and checks as stats.summary (dates, at most a year, from before to).
  params: statsSummary.params,
  run: async (params, ctx) => {
    const { actor, deps, now } = ctx;
    if (!isAreaAdmin(actor)) throw fail('FORBIDDEN', '只有管理员可以导出');
    // Scope rules, period checks and the figures sheets: stats.summary itself.
    const summary = await statsSummary.run(params, ctx, Promise.resolve(undefined));
    const area = await areaOf(actor, params.scope, deps);
    const from = startOfShanghaiDay(params.from);
    const before = new Date(startOfShanghaiDay(params.to).getTime() + DAY_MS);
    const max = deps.config.exportMaxTickets ?? EXPORT_MAX_TICKETS;

    const counts = await Promise.all(area.areaKeys.map((key) => deps.periodTickets.count(key, from, before)));
    const count = counts.reduce((a, b) => a + b, 0);
    const tooMany = (n: number) =>
      fail('INVALID_INPUT', `该时段共有 ${n} 件事项，超过一次导出的上限 ${max} 件：请缩短时段，或请系统管理员用命令行导出`, {
        tickets: n,
        max,
      });
    if (count > max) throw tooMany(count);

    const tickets: Ticket[] = [];
    for (const key of area.areaKeys) {
      let cursor: string | null = null;
      do {
        const page = await deps.periodTickets.page(key, from, before, cursor, PAGE);
        tickets.push(...page.items);
        // Tickets that arrived since the count: still capped.
        if (tickets.length > max) throw tooMany(tickets.length);
        cursor = page.nextCursor;
      } while (cursor !== null);
    }
    const toRow = rowMaker(ctx);
    const rows: ExportTicketRow[] = [];
    for (const t of tickets) rows.push(await toRow(t));

    const target = params.scope ?? actor.scope;
    const bytes = await buildWorkbook({
      areaLabel: target ? scopeWords(target) : '全部',
      from: params.from,
      to: params.to,
      now,
      generatedAt: formatShanghai(now, 'YYYY-MM-DD HH:mm'),
      tickets: rows,
      summary,
      sourceLabel: SOURCE_LABEL,
      roleLabel: ROLE_LABEL,
    });
    const fileId = await deps.files.saveServerFile(`exports/${toShanghaiDateKey(now)}/${deps.ids.newId()}.xlsx`, bytes);
    const [url] = await deps.files.tempUrls([fileId]);
    return {
      url: url ?? '',
      linkExpiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000).toISOString(),
      fileName: `事项与统计_${params.from}至${params.to}.xlsx`,
      tickets: rows.length,
    };
  },
});
