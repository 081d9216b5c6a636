// The categories a resident can report under. They are data (an admin can add one, rename one or
// make one urgent), served by `categories.list`; the built-in nine in i18n/zh.ts are the
// fallback. A page never waits for them and never shows an empty list: it shows what is known now
// (this session's answer, else the last answer kept in storage, else the built-in nine) and
// switches to the server's list when it arrives. The list is asked for once per session.
import { call } from './api';
import { categoryName } from '../i18n/zh';
import { isRecord, issuePaths } from '../utils/guards';
import { sessionSlot } from '../utils/session';

type ServedCategory = Api.Data<'categories.list'>['items'][number];
/**
 * A category as the pages know it. `defaultKind` is the kind the server says a report of it
 * usually is (政策咨询 → 咨询); the built-in fallback does not know it, and the form leaves the
 * kind alone until the server's list says.
 */
export type CategoryInfo = Omit<ServedCategory, 'defaultKind'> & { defaultKind?: Api.Kind };

/** The kinds a report can be, in the order the forms offer them. */
export const KINDS: ReadonlyArray<Api.Kind> = ['complaint', 'suggestion', 'question'];

const STORAGE_KEY = 'categories-v1';
/** Enough for any real catalogue, and keeps a page's setData far below 50 KB. */
export const MAX_CATEGORIES = 60;
/** The server's own rule for codes (safe in a URL query and a class name). */
const CODE = /^[a-z][a-z0-9-]{0,31}$/;
const NAME_MAX = 20;

/** The order residents know; admin-added categories come after these, 其他 always last. */
const BUILT_IN_ORDER: ReadonlyArray<Api.BuiltInCategoryCode> = [
  'sanitation',
  'property',
  'facilities',
  'safety',
  'dispute',
  'life-service',
  'policy',
  'urgent-repair',
  'other',
];

/** Whether `code` could be a category code at all (before any list is known). */
export function isCategoryCode(code: string): boolean {
  return CODE.test(code);
}

export function isBuiltInCategory(code: string): code is Api.BuiltInCategoryCode {
  return BUILT_IN_ORDER.some((c) => c === code);
}

export function builtInCategories(): CategoryInfo[] {
  return BUILT_IN_ORDER.map((code) => ({ code, name: categoryName(code), profile: code === 'urgent-repair' ? 'urgent' : 'normal' }));
}

/** Sort key: built-in codes in their usual order, then admin-added ones as served, 其他 last. */
function sortKey(code: string, served: number): [number, number] {
  if (code === 'other') return [2, 0];
  const builtIn = BUILT_IN_ORDER.findIndex((c) => c === code);
  return builtIn >= 0 ? [0, builtIn] : [1, served];
}

/**
 * A list as the pages can trust it: valid codes only, each once, with a name; built-in codes in
 * their usual order, then the others in the server's order, 其他 last; at most MAX_CATEGORIES.
 * Null when nothing usable is left.
 */
export function cleanCategories(raw: unknown): CategoryInfo[] | null {
  if (!Array.isArray(raw)) return null;
  const seen = new Set<string>();
  const items: CategoryInfo[] = [];
  for (const entry of raw as unknown[]) {
    if (!isRecord(entry)) continue;
    const { code, name, profile, defaultKind } = entry;
    if (typeof code !== 'string' || !CODE.test(code) || seen.has(code)) continue;
    const shown =
      typeof name === 'string' && name.trim() ? name.trim().slice(0, NAME_MAX) : isBuiltInCategory(code) ? categoryName(code) : '';
    if (!shown) continue;
    seen.add(code);
    const kind = KINDS.find((k) => k === defaultKind);
    items.push({ code, name: shown, profile: profile === 'urgent' ? 'urgent' : 'normal', ...(kind ? { defaultKind: kind } : {}) });
  }
  const ordered = items
    .map((item, served) => ({ item, key: sortKey(item.code, served) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1])
    .map((x) => x.item)
    .slice(0, MAX_CATEGORIES);
  return ordered.length > 0 ? ordered : null;
}

/** This session's answer from the server. */
const loaded = sessionSlot<CategoryInfo[]>();
/** The request under way, shared by every page that asks meanwhile. */
const loading = sessionSlot<Promise<CategoryInfo[] | null>>();

function stored(): CategoryInfo[] | null {
  try {
    return cleanCategories(wx.getStorageSync(STORAGE_KEY));
  } catch {
    return null;
  }
}

function store(items: CategoryInfo[]): void {
  try {
    wx.setStorageSync(STORAGE_KEY, items);
  } catch {
    // Storage full or unavailable: next time starts from the built-in nine again.
  }
}

/** What to show right now, without waiting: never empty. */
export function currentCategories(): CategoryInfo[] {
  return loaded.get() ?? stored() ?? builtInCategories();
}

async function fetchCategories(): Promise<CategoryInfo[] | null> {
  try {
    const items = cleanCategories((await call('categories.list', {})).items);
    if (items) {
      loaded.set(items);
      store(items);
    }
    return items;
  } catch {
    return null;
  }
}

/**
 * The server's list: asked once per session (at most one request at a time). Answers null when
 * it could not be had; the caller keeps showing currentCategories() then.
 */
export function loadCategories(): Promise<CategoryInfo[] | null> {
  const known = loaded.get();
  if (known) return Promise.resolve(known);
  const pending = loading.get();
  if (pending) return pending;
  const request = fetchCategories().then((items) => {
    if (loading.get() === request) loading.clear();
    return items;
  });
  loading.set(request);
  return request;
}

/**
 * The server's list asked for again, whatever this session holds: a report was refused because
 * its category was retired (停用) since the list was read. Null when it could not be had.
 */
export function reloadCategories(): Promise<CategoryInfo[] | null> {
  loaded.clear();
  return loadCategories();
}

/** Whether a refused report was refused for its category (retired, or gone, since the list was read). */
export function refusedForCategory(error: { code: string; details?: unknown }): boolean {
  return issuePaths(error.code, error.details)?.includes('category') ?? false;
}

/** The kind the server suggests for category `code` in `list`, if it said one. */
export function suggestedKind(list: readonly CategoryInfo[] | null, code: string): Api.Kind | undefined {
  return list?.find((c) => c.code === code)?.defaultKind;
}
