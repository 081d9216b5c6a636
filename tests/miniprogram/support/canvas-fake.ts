// A `<canvas type="2d">` node for the tests: wx.createSelectorQuery().in(component).select(…)
// .fields({ node, size }).exec(cb) answers one per component (its size from the scene), whose 2D
// context records what was drawn. Tests read the drawing; previews turn it into an SVG picture in
// place of the canvas (jsdom draws nothing), so the PNG shows what the phone would.

export interface Drawn {
  rects: Array<{ x: number; y: number; w: number; h: number; color: string }>;
  lines: Array<{ points: Array<[number, number]>; color: string; width: number }>;
  dots: Array<{ x: number; y: number; r: number; color: string }>;
  texts: Array<{ x: number; y: number; text: string; color: string; font: string; align: string }>;
}

const round = (n: number): number => Math.round(n * 100) / 100;
const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export class FakeCanvas {
  width = 300;
  height = 150;
  drawn: Drawn = { rects: [], lines: [], dots: [], texts: [] };
  private path: Array<[number, number]> = [];
  private arcAt: { x: number; y: number; r: number } | null = null;

  constructor(
    readonly cssWidth: number,
    readonly cssHeight: number,
  ) {}

  getContext(_kind: '2d'): Record<string, unknown> {
    return this.recorder();
  }

  private recorder(): Record<string, unknown> {
    const record = (fn: (canvas: FakeCanvas) => void): void => fn(this);
    const ctx = {
      fillStyle: '#000',
      strokeStyle: '#000',
      lineWidth: 1,
      font: '10px sans-serif',
      textAlign: 'left',
      textBaseline: 'alphabetic',
      scale: (): void => undefined,
      clearRect: (): void =>
        record((c) => {
          c.drawn = { rects: [], lines: [], dots: [], texts: [] };
        }),
      fillRect: (x: number, y: number, w: number, h: number): void =>
        record((c) => {
          c.drawn.rects.push({ x, y, w, h, color: String(ctx.fillStyle) });
        }),
      beginPath: (): void =>
        record((c) => {
          c.path = [];
          c.arcAt = null;
        }),
      moveTo: (x: number, y: number): void =>
        record((c) => {
          c.path.push([x, y]);
        }),
      lineTo: (x: number, y: number): void =>
        record((c) => {
          c.path.push([x, y]);
        }),
      arc: (x: number, y: number, r: number): void =>
        record((c) => {
          c.arcAt = { x, y, r };
        }),
      stroke: (): void =>
        record((c) => {
          c.drawn.lines.push({ points: [...c.path], color: String(ctx.strokeStyle), width: ctx.lineWidth });
        }),
      fill: (): void =>
        record((c) => {
          if (c.arcAt) c.drawn.dots.push({ ...c.arcAt, color: String(ctx.fillStyle) });
        }),
      fillText: (text: string, x: number, y: number): void =>
        record((c) => {
          c.drawn.texts.push({ x, y, text, color: String(ctx.fillStyle), font: ctx.font, align: ctx.textAlign });
        }),
    };
    return ctx;
  }

  /** What was drawn, as an SVG of the canvas's CSS size. */
  toSvg(): string {
    const d = this.drawn;
    const parts = [
      ...d.rects.map((r) => `<rect x="${round(r.x)}" y="${round(r.y)}" width="${round(r.w)}" height="${round(r.h)}" fill="${r.color}"/>`),
      ...d.lines.map(
        (l) =>
          `<polyline points="${l.points.map(([x, y]) => `${round(x)},${round(y)}`).join(' ')}" fill="none" stroke="${l.color}" stroke-width="${l.width}"/>`,
      ),
      ...d.dots.map((c) => `<circle cx="${round(c.x)}" cy="${round(c.y)}" r="${c.r}" fill="${c.color}"/>`),
      ...d.texts.map((t) => {
        const size = /(\d+)px/.exec(t.font)?.[1] ?? '12';
        const anchor = t.align === 'right' ? 'end' : t.align === 'center' ? 'middle' : 'start';
        return `<text x="${round(t.x)}" y="${round(t.y)}" fill="${t.color}" font-size="${size}" text-anchor="${anchor}" font-family="Noto Sans CJK SC, sans-serif">${esc(t.text)}</text>`;
      }),
    ];
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.cssWidth}" height="${this.cssHeight}" viewBox="0 0 ${this.cssWidth} ${this.cssHeight}">${parts.join('')}</svg>`;
  }
}

/** Canvases by the component that asked for one, in the order they were first asked for. */
export const canvases = new Map<object, FakeCanvas>();

/** The size a canvas node reports (CSS pixels): 375 px less the page's margins, 11rem at 17 px. */
export const canvasSize = { width: 311, height: 187 };

type Exec = (cb: (res: unknown[]) => void) => void;

/** wx.createSelectorQuery() for canvas nodes only (what the admin chart asks for). */
export function createSelectorQuery(): { in(owner: object): unknown; select(selector: string): unknown } {
  let owner: object = canvases;
  const query = {
    in(component: object) {
      owner = component;
      return query;
    },
    select(_selector: string) {
      return {
        fields(_opts: { node?: boolean; size?: boolean }) {
          const exec: Exec = (cb) => {
            let canvas = canvases.get(owner);
            if (!canvas) {
              canvas = new FakeCanvas(canvasSize.width, canvasSize.height);
              canvases.set(owner, canvas);
            }
            const answer = [{ node: canvas, width: canvasSize.width, height: canvasSize.height }];
            void Promise.resolve().then(() => cb(answer));
          };
          return { exec };
        },
      };
    },
  };
  return query;
}

export function resetCanvases(): void {
  canvases.clear();
  canvasSize.width = 311;
  canvasSize.height = 187;
}
