// 数据统计: the figures of the admin's own area for a period (本周 / 本月 / 近 30 天) from
// stats.summary — the headline rates with the open overdue count beside the on-time rate, a daily
// trend chart, rankings of grids, staff and departments (units the server marks too small to
// judge are left out and counted), and the share by category and by source. Figures lag the
// tickets by one run of the figures job (every 2 minutes): the page says so.
import { zh } from '../../../i18n/zh';
import { gatedPage } from '../../../behaviors/gated-page';
import { call, toApiError } from '../../../services/api';
import { adminGate } from '../../../services/gate';
import { exportAndOpen } from '../../../services/admin-export';
import {
  dayWords,
  isPeriod,
  periodRange,
  PERIODS,
  rank,
  shares,
  tilesOf,
  trendOf,
  type Period,
  type Ranking,
  type RankRow,
  type Tile,
  type TrendPoint,
} from '../../../utils/admin-figures';
import type { TapEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';

type Load = 'loading' | 'ready' | 'empty' | 'error';

interface Board {
  key: string;
  title: string;
  ranking: Ranking;
  leftOutText: string;
}

const f = zh.admin.figures;
const state = instanceState(() => ({ seq: 0, alive: true }));

const board = (key: string, title: string, ranking: Ranking): Board => ({
  key,
  title,
  ranking,
  leftOutText: ranking.leftOut > 0 ? f.leftOut(ranking.leftOut) : '',
});

Component({
  behaviors: [gatedPage(adminGate)],

  data: {
    f,
    common: zh.common,
    periods: PERIODS.map((key) => ({ key, label: f.periods[key] })),
    period: 'month' as Period,
    rangeText: '',
    load: 'loading' as Load,
    loadMessage: '',
    tiles: [] as Tile[],
    trend: [] as TrendPoint[],
    boards: [] as Board[],
    categories: [] as RankRow[],
    sources: [] as RankRow[],
    exporting: false,
    exportMessage: '',
  },

  lifetimes: {
    detached(): void {
      state.of(this).alive = false;
    },
  },

  methods: {
    onPeriod(e: TapEvent<{ key?: string }>): void {
      const key = e.currentTarget.dataset.key;
      if (!isPeriod(key) || key === this.data.period) return;
      this.setData({ period: key });
      void this.refresh();
    },

    /** The chosen period's figures: on opening and on a pull (the gate's refresh), a retry, another period. */
    async refresh(): Promise<void> {
      const s = state.of(this);
      const seq = ++s.seq;
      const range = periodRange(this.data.period, new Date());
      this.setData({ load: 'loading', loadMessage: '', rangeText: f.range(dayWords(range.from), dayWords(range.to)) });
      try {
        const summary = await call('stats.summary', range);
        if (seq !== s.seq || !s.alive) return;
        if (summary.received === 0 && summary.openOverdue === 0) {
          this.setData({ load: 'empty', loadMessage: f.empty, tiles: [], trend: [], boards: [], categories: [], sources: [] });
          return;
        }
        const boards = [
          board(
            'grid',
            f.byGrid,
            rank(summary.byGrid, (g) => g.name || g.gridCode),
          ),
          board(
            'staff',
            f.byStaff,
            rank(summary.byStaff, (p) => `${p.name}（${zh.staff.roles[p.role]}）`),
          ),
          board(
            'department',
            f.byDepartment,
            rank(summary.byDepartment, (d) => d.name || d.departmentCode),
          ),
        ].filter((b) => b.ranking.rows.length > 0 || b.ranking.leftOut > 0);
        this.setData({
          load: 'ready',
          tiles: tilesOf(summary),
          trend: trendOf(summary, range),
          boards,
          categories: shares(summary.byCategory, (c) => c.name),
          sources: shares(summary.bySource, (x) => f.sources[x.source]),
        });
      } catch (e) {
        if (seq !== s.seq || !s.alive) return;
        this.setData({ load: 'error', loadMessage: toApiError(e).message });
      }
    },

    onRetry(): void {
      void this.refresh();
    },

    /** 导出 Excel: the shown period's workbook, downloaded and opened (forwardable from its menu). */
    async onExport(): Promise<void> {
      if (this.data.exporting) return;
      const s = state.of(this);
      this.setData({ exporting: true, exportMessage: '' });
      try {
        await exportAndOpen(periodRange(this.data.period, new Date()));
        if (s.alive) this.setData({ exporting: false });
      } catch (e) {
        if (s.alive) this.setData({ exporting: false, exportMessage: e instanceof Error ? e.message : f.exportDownloadFailed });
      }
    },
  },
});
