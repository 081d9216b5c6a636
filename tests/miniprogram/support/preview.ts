// Page previews for `npm run preview`. A spec (tests/miniprogram/preview/<spec>.preview.ts)
// renders a page state with miniprogram-simulate and calls snapshot(); with PREVIEW_HTML_DIR set
// that writes <dir>/<name>.html (the page as a standalone document) and <dir>/<name>.shot (its caption, JSON)
// ({ name, caption, fullPage }), which scripts/preview.mjs photographs in headless Chromium at
// 375 px. Without PREVIEW_HTML_DIR every call is a no-op, so specs can run anywhere.
//
// What the document fixes, compared with simulate's jsdom document:
// - rpx: simulate turns 1 rpx into 1 px; a 375 px wide phone has 0.5 px per rpx;
// - rem: pages use <page-meta root-font-size="system">, so 1rem is the WeChat font setting —
//   17 px at 标准, 23.8 px in 关怀模式 (font: 'large');
// - built-in components: default styles for wx-view & co., as WeChat's base library has them;
// - <image src>, <input value/placeholder>, <textarea value/placeholder> are not in simulate's
//   DOM: they are read from the component tree and drawn as <img> and text;
// - app.wxss (`page { … }`: the theme variables, the rem-based TDesign fonts) is added, and a
//   component's `:host` rules are given its tag;
// - <map> (a native component) is drawn as a plain street pattern with a pin in the middle;
// - TDesign popups and dialogs enter with a transition on real timers: snapshot waits it out.
import fs from 'node:fs';
import path from 'node:path';
import { MP_ROOT, type Root } from './render';
import { canvases } from './canvas-fake';

export type PreviewFont = 'standard' | 'large';

export interface SnapshotOptions {
  /** The whole page, however long (default: the first screen, 375 × 812, as a phone shows it). */
  fullPage?: boolean;
  font?: PreviewFont;
}

/** The root font size WeChat gives `root-font-size="system"`: 标准 and 关怀模式 (largest). */
export const FONT_BASE_PX: Record<PreviewFont, number> = { standard: 17, large: 23.8 };

/** px per rpx on a 375 px wide screen. */
const PX_PER_RPX = 375 / 750;

const OUT_DIR = process.env.PREVIEW_HTML_DIR ?? '';

export function previewEnabled(): boolean {
  return OUT_DIR !== '';
}

function rpxToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx/gi, (_, n: string) => `${Number((Number(n) * PX_PER_RPX).toFixed(3))}px`);
}

type RpxModule = { transformRpx: (style: string, keepZero?: boolean) => string; previewPatched?: boolean };

/**
 * simulate and j-component convert rpx with one shared helper each (for stylesheets and for
 * inline styles); under preview they convert at the phone's real ratio instead.
 */
function patchRpx(): void {
  for (const id of ['miniprogram-simulate/src/utils', 'j-component/src/tool/utils']) {
    const mod = jest.requireActual<RpxModule>(id);
    if (mod.previewPatched) continue;
    mod.transformRpx = (style: string) => rpxToPx(style ?? '');
    mod.previewPatched = true;
  }
}

type WxssModule = { insert: (chunks: string[] | string, id: string) => void; previewPatched?: boolean };

/**
 * A component's `:host { … }` styles its own element; simulate leaves the selector as it is, which
 * matches nothing outside a shadow root. Each compiled chunk belongs to one component and all its
 * classes carry that component's tag as prefix (`ui-icon--…`), so `:host` becomes that tag.
 */
function patchHost(): void {
  const mod = jest.requireActual<WxssModule>('miniprogram-simulate/src/wxss');
  if (mod.previewPatched) return;
  const original = mod.insert;
  mod.insert = (chunks, id) => {
    const list = Array.isArray(chunks) ? chunks : [chunks];
    original(
      list.map((css) => {
        const tag = /\.([a-z][a-z0-9-]*?)--/.exec(css)?.[1];
        return tag ? css.replace(/:host\b/g, tag) : css;
      }),
      id,
    );
  };
  mod.previewPatched = true;
}

if (previewEnabled()) {
  patchRpx();
  patchHost();
}

/** Default styles of the built-in components (from WeChat's base library), minus what we never use. */
const BUILT_IN_CSS = `
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; width: 375px; min-height: 100vh; font-family: 'Noto Sans CJK SC', 'PingFang SC', sans-serif; }
parent-wrapper, main, wx-view, wx-scroll-view, wx-swiper, wx-form { display: block; }
wx-scroll-view { overflow: auto; }
wx-page-meta, wx-wxs { display: none; }
wx-canvas { display: block; }
wx-text { display: inline; white-space: pre-wrap; }
wx-image { display: inline-block; position: relative; width: 320px; height: 240px; overflow: hidden; }
wx-image > img { display: block; width: 100%; height: 100%; object-fit: cover; }
wx-image[data-preview-mode='aspectFit'] > img { object-fit: contain; }
wx-image[data-preview-mode='scaleToFill'] > img { object-fit: fill; }
wx-image[data-preview-mode='widthFix'] { height: auto; }
wx-image[data-preview-mode='widthFix'] > img { height: auto; }
wx-button { position: relative; display: block; margin-left: auto; margin-right: auto; padding-left: 14px; padding-right: 14px;
  box-sizing: border-box; font-size: 18px; text-align: center; text-decoration: none; line-height: 2.55555556;
  border-radius: 5px; -webkit-tap-highlight-color: transparent; overflow: hidden; color: #000; background-color: #f8f8f8; }
wx-button::after { content: " "; width: 200%; height: 200%; position: absolute; top: 0; left: 0;
  border: 1px solid rgba(0, 0, 0, 0.2); transform: scale(0.5); transform-origin: 0 0; box-sizing: border-box; border-radius: 10px; }
wx-input { display: block; height: 1.4rem; min-height: 1.4rem; line-height: 1.4rem; overflow: hidden; white-space: nowrap; }
wx-textarea { display: block; position: relative; width: 300px; height: 150px; white-space: pre-wrap; overflow: hidden; }
wx-textarea[data-preview-auto-height] { height: auto; }
.preview-placeholder { color: #808080; }
wx-map { display: block; position: relative; overflow: hidden; background-color: #e9eef1;
  background-image: linear-gradient(90deg, transparent 46%, #fff 46%, #fff 54%, transparent 54%),
    linear-gradient(0deg, transparent 40%, #fff 40%, #fff 47%, transparent 47%),
    linear-gradient(90deg, transparent 12%, #dfe6ea 12%, #dfe6ea 30%, transparent 30%, transparent 62%, #dfe6ea 62%, #dfe6ea 88%, transparent 88%);
  background-size: 160px 120px, 160px 120px, 160px 60px; }
wx-map::after { content: ''; position: absolute; left: 50%; top: 50%; width: 28px; height: 36px; transform: translate(-50%, -100%);
  background: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 28 36'%3E%3Cpath d='M14 35s12-12.4 12-21A12 12 0 0 0 2 14c0 8.6 12 21 12 21z' fill='%23e34d59' stroke='white' stroke-width='2'/%3E%3Ccircle cx='14' cy='14' r='4.5' fill='white'/%3E%3C/svg%3E") center / contain no-repeat; }
`;

/** app.wxss styles the `page` element; in the document the page is the body. */
function pageToBody(css: string): string {
  return css.replace(/(^|[}\s,;])page(?=\s*[{,.:\s[])/g, '$1body');
}

function appStyles(): string {
  return rpxToPx(fs.readFileSync(path.join(MP_ROOT, 'app.wxss'), 'utf8'));
}

type VtAttr = { name: string; value: unknown };
type WxElement = { _vt?: { attrs?: VtAttr[] } };

/** The attributes a built-in component was given in WXML (simulate keeps them off the DOM), by camelCase name. */
function wxAttrs(el: Element): Map<string, unknown> {
  const wx = (el as unknown as { __wxElement?: WxElement }).__wxElement;
  const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return new Map((wx?._vt?.attrs ?? []).map((a) => [camel(a.name), a.value]));
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** simulate prefixes a component's classes with its tag: `t-input--t-input__control`. */
function classPrefix(el: Element): string {
  const first = el.classList.item(0) ?? '';
  const i = first.indexOf('--');
  return i > 0 ? first.slice(0, i) : '';
}

/** Canvases (the admin trend chart) as pictures of what their fake 2D context drew, in order. */
function fillCanvases(copy: Element): void {
  const drawn = [...canvases.values()];
  Array.from(copy.querySelectorAll('wx-canvas')).forEach((target, i) => {
    const canvas = drawn[i];
    if (!canvas) return;
    const img = copy.ownerDocument.createElement('img');
    img.setAttribute('src', `data:image/svg+xml;charset=utf-8,${encodeURIComponent(canvas.toSvg())}`);
    img.setAttribute('alt', '');
    img.setAttribute('style', 'display:block;width:100%;height:100%');
    target.replaceChildren(img);
  });
}

/** Draws what simulate leaves out: image pictures, field values and placeholders. */
function fillBuiltIns(original: Element, copy: Element): void {
  fillCanvases(copy);
  const selector = 'wx-image, wx-input, wx-textarea';
  const from = Array.from(original.querySelectorAll(selector));
  const to = Array.from(copy.querySelectorAll(selector));
  from.forEach((el, i) => {
    const target = to[i];
    if (!target) return;
    const attrs = wxAttrs(el);
    if (el.tagName.toLowerCase() === 'wx-image') {
      const src = str(attrs.get('src'));
      target.setAttribute('data-preview-mode', str(attrs.get('mode')) || 'scaleToFill');
      if (src) {
        const img = copy.ownerDocument.createElement('img');
        img.setAttribute('src', src);
        img.setAttribute('alt', '');
        target.replaceChildren(img);
      }
      return;
    }
    if (attrs.get('autoHeight') === true) target.setAttribute('data-preview-auto-height', '');
    const value = str(attrs.get('value'));
    const span = copy.ownerDocument.createElement('span');
    if (value) {
      span.textContent = attrs.get('password') === true ? '•'.repeat(value.length) : value;
    } else {
      span.textContent = str(attrs.get('placeholder'));
      const prefix = classPrefix(el);
      const own = str(attrs.get('placeholderClass'))
        .split(/\s+/)
        .filter(Boolean)
        .map((c) => (prefix ? `${prefix}--${c}` : c));
      span.className = ['preview-placeholder', ...own].join(' ');
      const style = str(attrs.get('placeholderStyle'));
      if (style) span.setAttribute('style', style);
    }
    target.replaceChildren(span);
  });
}

const TRANSITION_CLASS = /-(enter|leave)(-active|-to)?$/;

function transitioning(root: Root): boolean {
  const dom = root.dom;
  if (!dom) return false;
  return Array.from(dom.querySelectorAll('[class]')).some((el) => Array.from(el.classList).some((c) => TRANSITION_CLASS.test(c)));
}

/** TDesign's transitions end on timers (about 330 ms); wait until no element is mid-way. */
async function settleTransitions(root: Root): Promise<void> {
  const deadline = Date.now() + 5000;
  while (transitioning(root)) {
    if (Date.now() > deadline) throw new Error('preview: TDesign 弹层的过渡动画没有结束');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Writes the page state `root` shows as <name>.html and <name>.shot (only when PREVIEW_HTML_DIR
 * is set). Names are kebab-case and unique across all specs.
 */
export async function snapshot(name: string, caption: string, root: Root, options: SnapshotOptions = {}): Promise<void> {
  if (!previewEnabled()) return;
  if (!NAME.test(name)) throw new Error(`preview: 名称 ${name} 只能用小写字母、数字和连字符`);
  await settleTransitions(root);
  const dom = root.dom;
  if (!dom) throw new Error(`preview: ${name} 没有渲染出页面`);
  const font = options.font ?? 'standard';
  const copy = dom.cloneNode(true) as Element;
  fillBuiltIns(dom, copy);
  const simulateCss = Array.from(document.head.querySelectorAll('style'))
    .map((s) => s.textContent ?? '')
    .join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=375, initial-scale=1">',
    `<title>${escapeHtml(caption)}</title>`,
    `<style>${BUILT_IN_CSS}</style>`,
    `<style>${pageToBody(appStyles())}</style>`,
    `<style>${pageToBody(simulateCss)}</style>`,
    `<style>html { font-size: ${FONT_BASE_PX[font]}px; }</style>`,
    '</head>',
    `<body><parent-wrapper>${copy.outerHTML}</parent-wrapper></body>`,
    '</html>',
  ].join('\n');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // 'wx': a name used twice (in one spec or across specs) fails instead of overwriting.
  fs.writeFileSync(path.join(OUT_DIR, `${name}.html`), html, { flag: 'wx' });
  fs.writeFileSync(path.join(OUT_DIR, `${name}.shot`), JSON.stringify({ name, caption, fullPage: options.fullPage ?? false }), {
    flag: 'wx',
  });
}

/** The same state at both font sizes: `<name>` at 标准 and `<name>-large` in 关怀模式. */
export async function snapshotBoth(name: string, caption: string, root: Root, options: Omit<SnapshotOptions, 'font'> = {}): Promise<void> {
  await snapshot(name, caption, root, { ...options, font: 'standard' });
  await snapshot(`${name}-large`, `${caption}（关怀模式大字）`, root, { ...options, font: 'large' });
}
