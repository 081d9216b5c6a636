// The figures page's view of stats.summary: which Shanghai days a period covers, the headline
// tiles, and rankings. The numbers are the server's (rates as fractions, `rankable` marking units
// with enough tickets to judge); only their wording and order on the page are decided here.
import { zh } from '../i18n/zh';
import { DAY_MS, shanghaiParts } from './time';
import { durationWords } from './staff-time';

export type Period = 'week' | 'month' | 'last30';
export const PERIODS: readonly Period[] = ['week', 'month', 'last30'];

export const isPeriod = (v: unknown): v is Period => typeof v === 'string' && (PERIODS as readonly string[]).includes(v);

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const dayKey = (at: Date): string => {
  const p = shanghaiParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};
/** "11月23日" of a day key. */
export const dayWords = (key: string): string => `${Number(key.slice(5, 7))}月${Number(key.slice(8, 10))}日`;

/** The Shanghai days of a period ending today: this week from Monday, this month from the 1st, or the last 30 days. */
export function periodRange(period: Period, now: Date): { from: string; to: string } {
  const to = dayKey(now);
  if (period === 'month') return { from: `${to.slice(0, 8)}01`, to };
  if (period === 'last30') return { from: dayKey(new Date(now.getTime() - 29 * DAY_MS)), to };
  // Day of week in Shanghai: the UTC weekday of the shifted time.
  const weekday = new Date(now.getTime() + 8 * 3600_000).getUTCDay();
  const back = (weekday + 6) % 7;
  return { from: dayKey(new Date(now.getTime() - back * DAY_MS)), to };
}

/** "98.5%" (one decimal below 100), or "—" when there is nothing to divide by. */
export function percent(rate: number | null): string {
  if (rate === null) return zh.admin.figures.none;
  const value = Math.round(rate * 1000) / 10;
  return `${value % 1 === 0 ? value.toFixed(0) : value.toFixed(1)}%`;
}

export function minutesWords(minutes: number | null): string {
  return minutes === null ? zh.admin.figures.none : durationWords(minutes * 60_000);
}

export interface Tile {
  key: string;
  label: string;
  value: string;
  /** A second line (the open overdue count beside the on-time rate). */
  note: string;
  alert: boolean;
}

export function tilesOf(s: Api.StatsSummary): Tile[] {
  const f = zh.admin.figures;
  const tile = (key: string, label: string, value: string, note = '', alert = false): Tile => ({ key, label, value, note, alert });
  return [
    tile('received', f.received, f.pieces(s.received)),
    tile('closure', f.closureRate, percent(s.closureRate)),
    tile('onTime', f.onTimeRate, percent(s.onTimeRate), f.openOverdue(s.openOverdue), s.openOverdue > 0),
    tile('satisfaction', f.satisfactionRate, percent(s.satisfactionRate)),
    tile('sameDay', f.sameDayRate, percent(s.sameDayRate)),
    tile('grid', f.gridResolvedRate, percent(s.gridResolvedRate)),
    tile('escalated', f.escalated, f.pieces(s.escalated)),
    tile('accept', f.medianAccept, minutesWords(s.medianAcceptMinutes)),
    tile('resolve', f.medianResolve, minutesWords(s.medianResolveMinutes)),
  ];
}

export interface RankRow {
  key: string;
  place: number;
  name: string;
  text: string;
  /** 0–100: the bar behind the row. */
  bar: number;
}

export interface Ranking {
  rows: RankRow[];
  /** Units left out as too small to judge. */
  leftOut: number;
}

/** Ranks units the server marks rankable by 办结率 (then by how many tickets), best first. */
export function rank<T extends Api.StatsBlock & { rankable: boolean }>(
  items: readonly T[],
  nameOf: (item: T) => string,
  limit = 10,
): Ranking {
  const rankable = items.filter((i) => i.rankable);
  const sorted = [...rankable].sort(
    (a, b) => (b.closureRate ?? -1) - (a.closureRate ?? -1) || b.received - a.received || nameOf(a).localeCompare(nameOf(b), 'zh-CN'),
  );
  return {
    rows: sorted.slice(0, limit).map((i, n) => ({
      key: `${n}-${nameOf(i)}`,
      place: n + 1,
      name: nameOf(i),
      text: zh.admin.figures.rowFigures(i.received, percent(i.closureRate)),
      bar: Math.round((i.closureRate ?? 0) * 100),
    })),
    leftOut: items.length - rankable.length,
  };
}

/** Breakdowns that are not rankings (categories, sources): every unit, most tickets first. */
export function shares<T extends Api.StatsBlock>(items: readonly T[], nameOf: (item: T) => string): RankRow[] {
  const most = Math.max(1, ...items.map((i) => i.received));
  return [...items]
    .sort((a, b) => b.received - a.received)
    .map((i, n) => ({
      key: `${n}-${nameOf(i)}`,
      place: n + 1,
      name: nameOf(i),
      text: zh.admin.figures.rowFigures(i.received, percent(i.closureRate)),
      bar: Math.round((i.received / most) * 100),
    }));
}

export interface TrendPoint {
  day: string;
  label: string;
  received: number;
  resolved: number;
}

/** One point per day of the period (days without tickets count zero), oldest first. */
export function trendOf(summary: Api.StatsSummary, range: { from: string; to: string }): TrendPoint[] {
  const byDay = new Map(summary.byDay.map((d) => [d.day, d]));
  const points: TrendPoint[] = [];
  const start = Date.parse(`${range.from}T00:00:00Z`);
  const end = Date.parse(`${range.to}T00:00:00Z`);
  for (let t = start; t <= end && points.length < 400; t += DAY_MS) {
    const key = new Date(t).toISOString().slice(0, 10);
    const d = byDay.get(key);
    points.push({ day: key, label: dayWords(key), received: d?.received ?? 0, resolved: d ? d.resolved + d.closed : 0 });
  }
  return points;
}
