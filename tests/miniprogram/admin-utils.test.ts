// The admin pages' pure view logic: a period's Shanghai days, the wording of rates, rankings that
// keep only what the server marks rankable, the trend chart's plan, and picked keys ↔ scopes.
import { CHART_COLORS, niceMax, paint, planTrend, type Ctx2d } from '../../miniprogram/utils/admin-chart';
import { percent, periodRange, rank, shares, trendOf } from '../../miniprogram/utils/admin-figures';
import { keysOf, pickManyFor, scopeOf } from '../../miniprogram/services/admin-places';
import { adminAnswers } from './support/admin-data';
import { FakeCanvas } from './support/canvas-fake';

describe("periodRange (Shanghai days, whatever the phone's zone)", () => {
  // Monday 2026-11-23 00:30 in Shanghai is still Sunday in UTC.
  const mondayEarly = new Date('2026-11-22T16:30:00.000Z');
  const sundayLate = new Date('2026-11-29T15:59:00.000Z');
  test.each([
    ['week', mondayEarly, '2026-11-23', '2026-11-23'],
    ['week', sundayLate, '2026-11-23', '2026-11-29'],
    ['month', mondayEarly, '2026-11-01', '2026-11-23'],
    ['last30', mondayEarly, '2026-10-25', '2026-11-23'],
    ['month', new Date('2026-12-31T16:00:00.000Z'), '2027-01-01', '2027-01-01'],
  ] as const)('%s at %s is %s…%s', (period, now, from, to) => {
    expect(periodRange(period, now)).toEqual({ from, to });
  });
});

test('percent: whole numbers plain, else one decimal; nothing to divide by is a dash', () => {
  expect(percent(1)).toBe('100%');
  expect(percent(0.99)).toBe('99%');
  expect(percent(0.7857142857)).toBe('78.6%');
  expect(percent(0)).toBe('0%');
  expect(percent(null)).toBe('—');
});

test('rankings keep the rankable units only, best 办结率 first; shares keep every unit, most tickets first', () => {
  const block = {
    received: 0,
    accepted: 0,
    resolved: 0,
    closed: 0,
    rejected: 0,
    closureRate: null,
    onTimeRate: null,
    satisfactionRate: null,
    sameDayRate: null,
    escalated: 0,
    gridResolvedRate: null,
    medianAcceptMinutes: null,
    medianResolveMinutes: null,
    openOverdue: 0,
  };
  const items = [
    { ...block, name: 'A', received: 9, closureRate: 0.8, rankable: true },
    { ...block, name: 'B', received: 2, closureRate: 1, rankable: false },
    { ...block, name: 'C', received: 6, closureRate: 1, rankable: true },
    { ...block, name: 'D', received: 7, closureRate: 0.8, rankable: true },
  ];
  const r = rank(items, (i) => i.name);
  expect(r.rows.map((x) => [x.place, x.name, x.text, x.bar])).toEqual([
    [1, 'C', '6 件 · 办结率 100%', 100],
    [2, 'A', '9 件 · 办结率 80%', 80],
    [3, 'D', '7 件 · 办结率 80%', 80],
  ]);
  expect(r.leftOut).toBe(1);
  expect(shares(items, (i) => i.name).map((x) => [x.name, x.bar])).toEqual([
    ['A', 100],
    ['D', 78],
    ['C', 67],
    ['B', 22],
  ]);
});

test('the trend has a point for every day of the period, days without tickets at zero', () => {
  const { month, range } = adminAnswers().figures;
  const points = trendOf(month, range);
  expect(points).toHaveLength(23);
  expect(points[0]).toMatchObject({ day: '2026-11-01', label: '11月1日', received: 0, resolved: 0 });
  expect(points.reduce((n, p) => n + p.received, 0)).toBe(month.received);
});

describe('the chart plan', () => {
  const points = Array.from({ length: 30 }, (_, i) => ({ label: `11月${i + 1}日`, received: i % 7, resolved: i % 5 }));

  test('a round scale at or above the largest value', () => {
    expect([0, 1, 3, 7, 10, 11, 48, 120].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 200]);
  });

  test('everything inside the box; day labels few enough not to collide, first and last kept', () => {
    for (const [width, font] of [
      [311, 17],
      [311, 23.8],
    ] as const) {
      const plan = planTrend(points, width, font * 11, font);
      for (const s of plan.shapes) {
        if (s.kind === 'rect') {
          expect(s.x).toBeGreaterThanOrEqual(0);
          expect(s.x + s.w).toBeLessThanOrEqual(width);
          expect(s.y + s.h).toBeLessThanOrEqual(font * 11);
        }
      }
      const labels = plan.shapes.filter((s): s is Extract<typeof s, { kind: 'text' }> => s.kind === 'text' && s.text.includes('月'));
      expect(labels[0]?.text).toBe('11月1日');
      expect(labels[labels.length - 1]?.text).toBe('11月30日');
      const xs = labels.map((l) => l.x);
      for (let i = 1; i < xs.length; i += 1) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(font * 3);
    }
  });

  test('the painter draws the plan: a bar per day with tickets, the line through every day', () => {
    const canvas = new FakeCanvas(311, 187);
    const plan = planTrend(points, 311, 187, 17);
    paint(canvas.getContext('2d') as unknown as Ctx2d, plan);
    expect(canvas.drawn.rects).toHaveLength(points.filter((p) => p.received > 0).length);
    expect(canvas.drawn.rects.every((r) => r.color === CHART_COLORS.bar)).toBe(true);
    expect(canvas.drawn.lines[1]?.points).toHaveLength(30);
    expect(canvas.toSvg()).toMatch(/^<svg [^>]*width="311" height="187"/);
  });

  test('no days: the axis only', () => {
    const plan = planTrend([], 311, 187, 17);
    expect(plan.shapes.every((s) => s.kind === 'line' || s.kind === 'text')).toBe(true);
  });
});

test("picked keys make the role's scope and back", () => {
  expect(scopeOf('gridWorker', ['ZD-CZ-HG-01', 'ZD-CZ-HG-02'])).toEqual({ grids: ['ZD-CZ-HG-01', 'ZD-CZ-HG-02'] });
  expect(scopeOf('communityAdmin', ['华光社区'])).toEqual({ community: '华光社区' });
  expect(scopeOf('streetAdmin', ['车站街道'])).toEqual({ street: '车站街道' });
  expect(scopeOf('districtAdmin', ['张店区'])).toEqual({ district: '张店区' });
  expect(scopeOf('deptHandler', ['cz-sanitation'])).toEqual({ department: 'cz-sanitation' });
  expect(scopeOf('gridWorker', [])).toBeNull();
  expect(keysOf({ grids: ['A', 'B'] })).toEqual(['A', 'B']);
  expect(keysOf({ department: 'x' })).toEqual(['x']);
  expect(keysOf(null)).toEqual([]);
  expect(pickManyFor('gridWorker')).toBe(true);
  expect(pickManyFor('communityAdmin')).toBe(false);
});
