// The daily trend as a `<canvas type="2d">` drawing, without a chart library: a plan (pure
// geometry: axis, bars of tickets received, a line of tickets finished, a few day labels) and a
// painter that issues the plan to a 2D context. Tests check the plan; devices paint it.

export interface TrendInput {
  label: string;
  received: number;
  resolved: number;
}

export interface ChartColors {
  bar: string;
  line: string;
  axis: string;
  text: string;
}

export const CHART_COLORS: ChartColors = { bar: '#8eabff', line: '#0052d9', axis: '#c5c9d0', text: '#4b5563' };

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { kind: 'line'; points: Array<[number, number]>; color: string; width: number }
  | { kind: 'dot'; x: number; y: number; r: number; color: string }
  | { kind: 'text'; x: number; y: number; text: string; color: string; size: number; align: 'left' | 'center' | 'right' };

export interface ChartPlan {
  width: number;
  height: number;
  max: number;
  shapes: Shape[];
}

/** A round top for the scale: 1, 2, 5, 10, 20, 50 … at or above the largest value. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** Lays the days out in a width × height box (CSS pixels); `fontSize` follows the page's font. */
export function planTrend(
  points: readonly TrendInput[],
  width: number,
  height: number,
  fontSize: number,
  colors: ChartColors = CHART_COLORS,
): ChartPlan {
  const shapes: Shape[] = [];
  const max = niceMax(Math.max(0, ...points.map((p) => Math.max(p.received, p.resolved))));
  const left = Math.ceil(fontSize * 2.2);
  const right = 8;
  const top = Math.ceil(fontSize * 0.8);
  const bottom = Math.ceil(fontSize * 1.8);
  const plotW = Math.max(1, width - left - right);
  const plotH = Math.max(1, height - top - bottom);
  const y = (v: number): number => top + plotH - (v / max) * plotH;
  // Axis and its two marks (0 and the top of the scale).
  shapes.push({
    kind: 'line',
    points: [
      [left, top],
      [left, top + plotH],
      [left + plotW, top + plotH],
    ],
    color: colors.axis,
    width: 1,
  });
  shapes.push({ kind: 'text', x: left - 4, y: top + plotH, text: '0', color: colors.text, size: fontSize * 0.8, align: 'right' });
  shapes.push({
    kind: 'text',
    x: left - 4,
    y: top + fontSize * 0.4,
    text: String(max),
    color: colors.text,
    size: fontSize * 0.8,
    align: 'right',
  });
  if (points.length === 0) return { width, height, max, shapes };
  const slot = plotW / points.length;
  const barW = Math.max(1, slot * 0.6);
  points.forEach((p, i) => {
    if (p.received > 0)
      shapes.push({
        kind: 'rect',
        x: left + i * slot + (slot - barW) / 2,
        y: y(p.received),
        w: barW,
        h: top + plotH - y(p.received),
        color: colors.bar,
      });
  });
  const line: Array<[number, number]> = points.map((p, i) => [left + i * slot + slot / 2, y(p.resolved)]);
  shapes.push({ kind: 'line', points: line, color: colors.line, width: 2 });
  if (points.length <= 16) for (const [px, py] of line) shapes.push({ kind: 'dot', x: px, y: py, r: 3, color: colors.line });
  // Day labels: the first, the last, and a few between, never crowding (each needs ~4 characters).
  const room = Math.max(2, Math.floor(plotW / (fontSize * 4)));
  const every = Math.max(1, Math.ceil(points.length / room));
  points.forEach((p, i) => {
    const last = i === points.length - 1;
    if (i % every !== 0 && !last) return;
    if (!last && points.length - 1 - i < every && i !== 0) return;
    const align = i === 0 && points.length > 1 ? 'left' : last && points.length > 1 ? 'right' : 'center';
    const x = align === 'left' ? left : align === 'right' ? left + plotW : left + i * slot + slot / 2;
    shapes.push({ kind: 'text', x, y: height - fontSize * 0.4, text: p.label, color: colors.text, size: fontSize * 0.8, align });
  });
  return { width, height, max, shapes };
}

/** The part of CanvasRenderingContext2D the painter uses (the canvas node's getContext('2d')). */
export interface Ctx2d {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  stroke(): void;
  fill(): void;
  fillText(text: string, x: number, y: number): void;
  scale(x: number, y: number): void;
}

/** Paints a plan; the context is already scaled to CSS pixels. */
export function paint(ctx: Ctx2d, plan: ChartPlan): void {
  ctx.clearRect(0, 0, plan.width, plan.height);
  for (const s of plan.shapes) {
    if (s.kind === 'rect') {
      ctx.fillStyle = s.color;
      ctx.fillRect(s.x, s.y, s.w, s.h);
    } else if (s.kind === 'line') {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width;
      ctx.beginPath();
      s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.stroke();
    } else if (s.kind === 'dot') {
      ctx.fillStyle = s.color;
      ctx.beginPath();
      ctx.arc(s.x, s.y, s.r, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.fillStyle = s.color;
      ctx.font = `${Math.round(s.size)}px sans-serif`;
      ctx.textAlign = s.align;
      ctx.textBaseline = 'bottom';
      ctx.fillText(s.text, s.x, s.y);
    }
  }
}
