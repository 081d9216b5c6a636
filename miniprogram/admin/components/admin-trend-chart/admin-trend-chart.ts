// The daily trend on a `<canvas type="2d">` (no chart library): bars of tickets received, a line
// of tickets finished, drawn from utils/admin-chart.ts's plan. The canvas is 11rem tall, so the
// labels grow with the reader's font; a legend and a sentence say the same in text.
import { zh } from '../../../i18n/zh';
import { CHART_COLORS, paint, planTrend, type Ctx2d, type TrendInput } from '../../../utils/admin-chart';

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): Ctx2d;
}

/** The canvas height in rem (see the wxss): its labels are drawn at 1rem of it. */
const HEIGHT_REM = 11;

Component({
  properties: {
    points: { type: Array, value: [] as TrendInput[] },
  },
  data: {
    t: zh.admin.figures,
    colors: CHART_COLORS,
    summary: '',
  },
  observers: {
    points(this: { draw(): void }): void {
      this.draw();
    },
  },
  lifetimes: {
    ready(): void {
      this.draw();
    },
  },
  methods: {
    draw(): void {
      const points = (this.data.points ?? []) as TrendInput[];
      const received = points.reduce((n, p) => n + p.received, 0);
      const resolved = points.reduce((n, p) => n + p.resolved, 0);
      this.setData({
        summary: `${zh.admin.figures.trendLegendReceived} ${received} 件 · ${zh.admin.figures.trendLegendResolved} ${resolved} 件`,
      });
      wx.createSelectorQuery()
        .in(this)
        .select('.chart__canvas')
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width?: number; height?: number } | null>) => {
          const found = res[0];
          const canvas = found?.node;
          if (!canvas || !found.width || !found.height) return;
          const ratio = wx.getWindowInfo().pixelRatio || 2;
          canvas.width = Math.round(found.width * ratio);
          canvas.height = Math.round(found.height * ratio);
          const ctx = canvas.getContext('2d');
          ctx.scale(ratio, ratio);
          paint(ctx, planTrend(points, found.width, found.height, found.height / HEIGHT_REM));
        });
    },
  },
});
