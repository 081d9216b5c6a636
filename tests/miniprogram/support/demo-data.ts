// Demo data the server does not decide: pictures, the demo resident, the category lists. Tickets,
// pages and deadlines are real server answers (support/real-answers.ts); tests fix the clock at
// DEMO_NOW, the moment those answers were taken, so no text depends on the day the tests run.
import { ANSWERS_NOW, realAnswers } from './real-answers';

export const DEMO_NOW = ANSWERS_NOW; // 11月23日 10:00 in Shanghai

/** Small drawn "photos" (SVG data URIs) so previews show pictures without any network. */
function scene(sky: string, ground: string, thing: string): string {
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 120 120'>` +
    `<rect width='120' height='120' fill='${sky}'/><rect y='78' width='120' height='42' fill='${ground}'/>${thing}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const DEMO_PHOTOS = [
  scene(
    '#cfe3f5',
    '#9aa5ad',
    "<rect x='30' y='52' width='44' height='34' rx='4' fill='#3d7f4f'/><circle cx='52' cy='50' r='10' fill='#6b4f2c'/><circle cx='80' cy='80' r='9' fill='#a57b3c'/>",
  ),
  scene(
    '#dbe9f7',
    '#8c969e',
    "<rect x='56' y='20' width='6' height='62' fill='#555'/><rect x='48' y='16' width='26' height='8' rx='3' fill='#333'/><circle cx='70' cy='28' r='5' fill='#ffd54d'/>",
  ),
  scene(
    '#eaf0f6',
    '#b0b8bf',
    "<ellipse cx='60' cy='92' rx='34' ry='8' fill='#4d6d8a'/><rect x='40' y='40' width='40' height='42' fill='#c9a66b'/><rect x='40' y='40' width='40' height='8' fill='#a78450'/>",
  ),
  scene(
    '#d7efe0',
    '#a2b09a',
    "<path d='M20 80 L60 34 L100 80 Z' fill='#7d8c99'/><rect x='52' y='58' width='16' height='22' fill='#5a4634'/>",
  ),
];

/** The demo resident, as staff.me answers for them; photos live under their upload folder. */
export const DEMO_OPENID = 'demo-resident-1';
/** Their upload folder as the server names it (an opaque key, no openid). */
export const DEMO_FOLDER = 'uploads/5d0c8a3f19b2e47a6c81f0d2';

export function demoResident(): Api.StaffMe {
  return {
    openid: DEMO_OPENID,
    role: 'resident',
    scope: null,
    scopeLabel: '居民',
    uploadFolder: DEMO_FOLDER,
    displayName: null,
    servicePhone: null,
    abilities: [],
  };
}

/** The storage folder of fileIDs in the fake cloud (wx-fake's cloudUpload answers under it). */
export const DEMO_CLOUD = 'cloud://your-env-id.7975-your-env-id-1300000000';

export const DEMO_FILE_IDS = [`${DEMO_CLOUD}/${DEMO_FOLDER}/202611/a1.jpg`, `${DEMO_CLOUD}/${DEMO_FOLDER}/202611/a2.jpg`];

type CategoryItem = Api.Data<'categories.list'>['items'][number];

/** categories.list as the server answers with no admin changes: the built-in nine (the real answer). */
export function demoCategories(): CategoryItem[] {
  return realAnswers().categories.items;
}

/** The built-in nine plus two an admin added: one urgent, one normal (served after the built-ins). */
export function adminCategories(): CategoryItem[] {
  return [
    ...demoCategories(),
    { code: 'elevator', name: '电梯困人', profile: 'urgent', defaultKind: 'complaint' },
    { code: 'parking', name: '停车管理', profile: 'normal', defaultKind: 'suggestion' },
  ];
}

/** A page of `count` list items for paging and payload-size tests: real list items, renumbered. */
export function manyItems(count: number, from = 0): Api.TicketListItem[] {
  const [model] = realAnswers().mine.items;
  if (!model) throw new Error('report.mine answered no items');
  return Array.from({ length: count }, (_, i) => ({
    ...model,
    id: `t-${from + i}`,
    no: `20261120-${String(from + i).padStart(4, '0')}`,
    description: '楼道里堆放了很多杂物，影响通行，也有消防隐患。'.repeat(3),
  }));
}

/**
 * The same answer with drawable pictures: previews cannot load the local server's photo links
 * (it is not running then), so each link becomes one of DEMO_PHOTOS, in order.
 */
export function withPictures<T extends Api.TicketListItem>(view: T): T {
  let n = 0;
  const next = (): string => DEMO_PHOTOS[n++ % DEMO_PHOTOS.length] as string;
  const copy = JSON.parse(JSON.stringify(view)) as T & { timeline?: Api.TimelineEntry[] };
  copy.photoUrls = copy.photoUrls.map(next);
  for (const e of copy.timeline ?? []) e.photoUrls = e.photoUrls.map(next);
  return copy;
}
