// Rendering pages and components with miniprogram-simulate, and driving them like a finger:
// tap, type, pull, scroll to the bottom. Every render is watched: any setData payload of 50 KB or
// more fails the test, because WeChat sends it across threads on every update.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';

export const MP_ROOT = path.resolve(__dirname, '../../../miniprogram');
export const SET_DATA_LIMIT = 50 * 1024;

/** The slice of j-component's wrapper the tests use. */
export interface Node {
  readonly dom: HTMLElement | undefined;
  readonly data: Record<string, unknown>;
  readonly instance: Record<string, unknown>;
  querySelector(selector: string): Node | undefined;
  querySelectorAll(selector: string): Node[];
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
}

export interface Root extends Node {
  attach(parent: Element): void;
  detach(): void;
}

/** Sizes (bytes of JSON) of every setData payload of every render in this test file. */
export const setDataSizes: number[] = [];

/**
 * The largest setData payload of this test file, with its keys and test; after-env.ts appends it
 * to $SETDATA_REPORT when set (`npm run bench`, B12). Unlike setDataSizes, tests never reset it.
 */
export const largestSetData = { bytes: 0, keys: [] as string[], test: '', calls: 0 };

/** Every page and component of ours: a .json with a .wxml beside it, outside miniprogram_npm. */
function ownComponents(dir: string = MP_ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'miniprogram_npm' ? [] : ownComponents(p);
    return e.name.endsWith('.json') && fs.existsSync(p.replace(/\.json$/, '.wxml')) ? [p.replace(/\.json$/, '')] : [];
  });
}

function withExt(file: string, ext: string): string {
  return file.endsWith(ext) ? file : `${file}${ext}`;
}

/**
 * The WXML and WXS files our pages can reach (their components, TDesign's included, and what
 * those import), instead of all of TDesign: the WXML compiler then runs in a fraction of the time.
 */
function compileLists(): { wxmlList: string[]; wxsList: string[] } {
  const components = new Set<string>();
  const wxml = new Set<string>();
  const wxs = new Set<string>();
  const visitWxs = (file: string): void => {
    if (wxs.has(file) || !fs.existsSync(file)) return;
    wxs.add(file);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g))
      visitWxs(path.resolve(path.dirname(file), withExt(m[1], '.wxs')));
  };
  const visitWxml = (file: string): void => {
    if (wxml.has(file) || !fs.existsSync(file)) return;
    wxml.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<(?:import|include)\s+src="([^"]+)"/g))
      visitWxml(path.resolve(path.dirname(file), withExt(m[1], '.wxml')));
    for (const m of text.matchAll(/<wxs\s+src="([^"]+)"/g)) visitWxs(path.resolve(path.dirname(file), withExt(m[1], '.wxs')));
  };
  const visit = (component: string): void => {
    if (components.has(component)) return;
    components.add(component);
    visitWxml(`${component}.wxml`);
    const json = JSON.parse(fs.readFileSync(`${component}.json`, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const ref of Object.values(json.usingComponents ?? {})) {
      visit(ref.startsWith('/') ? path.join(MP_ROOT, ref) : path.resolve(path.dirname(component), ref));
    }
  };
  ownComponents().forEach(visit);
  const rel = (files: Set<string>): string[] => [...files].map((f) => path.relative(MP_ROOT, f).split(path.sep).join('/')).sort();
  return { wxmlList: rel(wxml), wxsList: rel(wxs) };
}

let lists: { wxmlList: string[]; wxsList: string[] } | null = null;

const WXSS_CACHE = path.resolve(__dirname, '../../../node_modules/.cache/miniprogram-simulate-wxss');

/**
 * simulate compiles every component's WXSS (TDesign's shared theme included) with postcss and
 * csso in each test file; that is most of a load. The result only depends on the input, so it
 * is kept on disk across files and runs.
 */
function cacheWxssCompile(): void {
  type Compile = (wxss: string, options?: Record<string, unknown>) => string;
  const wxssModule = jest.requireActual<{ compile: Compile & { cached?: boolean } }>('miniprogram-simulate/src/wxss');
  if (wxssModule.compile.cached) return;
  const original = wxssModule.compile;
  const cached: Compile & { cached?: boolean } = (wxss, options = {}) => {
    const key = crypto
      .createHash('sha1')
      .update(JSON.stringify([wxss, options.prefix ?? '', !!options.less]))
      .digest('hex');
    const file = path.join(WXSS_CACHE, `${key}.css`);
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      const css = original(wxss, options);
      fs.mkdirSync(WXSS_CACHE, { recursive: true });
      fs.writeFileSync(`${file}.${process.pid}`, css);
      fs.renameSync(`${file}.${process.pid}`, file);
      return css;
    }
  };
  cached.cached = true;
  wxssModule.compile = cached;
}

/**
 * Loads ONE page or component per test file: jest runs a module's code once per file, so a
 * second load sharing components with the first would find them unregistered. Render the loaded
 * id as often as needed instead.
 */
export function load(relativePath: string): string {
  lists = lists ?? compileLists();
  cacheWxssCompile();
  return simulate.load(path.join(MP_ROOT, relativePath), { rootPath: MP_ROOT, compilerOptions: lists });
}

/** Bytes of `text` in UTF-8, the way WeChat counts a setData payload. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function watchSetData(root: Node): void {
  const inst = root.instance as { setData: (data: Record<string, unknown>, cb?: () => void) => void };
  const original = inst.setData.bind(inst);
  inst.setData = (data, cb) => {
    const size = utf8Bytes(JSON.stringify(data));
    setDataSizes.push(size);
    largestSetData.calls += 1;
    if (size > largestSetData.bytes)
      Object.assign(largestSetData, { bytes: size, keys: Object.keys(data), test: expect.getState().currentTestName ?? '' });
    if (size >= SET_DATA_LIMIT) throw new Error(`setData payload ${size} B ≥ 50 KB: ${Object.keys(data).join(', ')}`);
    original(data, cb);
  };
}

const mounted: Root[] = [];

/** Renders and attaches to the document (so WXSS applies and lifetimes run). */
export function render(id: string, properties?: Record<string, unknown>): Root {
  const root = simulate.render(id, properties) as unknown as Root;
  watchSetData(root);
  const parent = document.createElement('parent-wrapper');
  document.body.appendChild(parent);
  root.attach(parent);
  mounted.push(root);
  return root;
}

/** Detaches what a test rendered, so its timers and listeners cannot reach the next test. */
export function unmountAll(): void {
  for (const root of mounted.splice(0)) {
    try {
      root.detach();
    } catch {
      // already detached by the test
    }
  }
  document.body.innerHTML = '';
}

/** Lets pending timers, promises and fake wx callbacks run. */
export async function flush(times = 12): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    await simulate.sleep(0);
  }
}

/** Calls a page method (onLoad, onReachBottom…) and waits for what it started. */
export async function callPage(root: Node, method: string, ...args: unknown[]): Promise<void> {
  const fn = root.instance[method];
  if (typeof fn !== 'function') throw new Error(`page has no method ${method}`);
  await (fn as (...a: unknown[]) => unknown).apply(root.instance, args);
  await flush();
}

/**
 * Nodes matching `selector`. A component's inside is its own tree, so ' >> ' steps into the
 * components matched so far: '.ticket >> .card' is every .card inside every .ticket.
 */
export function findAll(root: Node, selector: string): Node[] {
  return selector.split(' >> ').reduce<Node[]>((scope, part) => scope.flatMap((n) => n.querySelectorAll(part.trim())), [root]);
}

export function find(root: Node, selector: string, index = 0): Node {
  const node = findAll(root, selector)[index];
  if (!node) throw new Error(`nothing matches ${selector}[${index}]`);
  return node;
}

/**
 * The element a finger would touch: the node itself, or for a TDesign button (rendered as a
 * virtual host, without a DOM element of its own) the native button inside it.
 */
function touchable(node: Node): Node {
  if (node.dom) return node;
  const inner = node.querySelector('.t-button') ?? node.querySelector('wx-button');
  if (inner) return inner;
  throw new Error('node cannot be tapped');
}

/** Taps and waits for what the tap started. */
export async function tap(root: Node, selector: string, index = 0): Promise<void> {
  touchable(find(root, selector, index)).dispatchEvent('tap');
  await flush();
}

/** Two taps in a row, as a nervous finger does, before anything settles. */
export async function doubleTap(root: Node, selector: string): Promise<void> {
  const node = touchable(find(root, selector));
  node.dispatchEvent('tap');
  node.dispatchEvent('tap');
  await flush();
}

/** Types into a TDesign t-textarea / t-input (the native field inside raises `input`). */
export async function type(root: Node, selector: string, value: string): Promise<void> {
  const host = find(root, selector);
  const field = host.querySelector('.t-textarea__wrapper-inner') ?? host.querySelector('.t-input__control');
  if (!field) throw new Error(`${selector} has no text field`);
  field.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } });
  await flush();
}

/** The text a person sees in the node (whitespace collapsed). */
export function textOf(node: Node | undefined): string {
  return (node?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function exists(root: Node, selector: string): boolean {
  return findAll(root, selector).length > 0;
}
