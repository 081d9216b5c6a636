// Text contrast at WCAG AA (4.5 : 1), for the residents who most need it. Every text colour of
// the resident pages is a variable of app.wxss; this checks each text/background pair they are
// used in, and that no resident page or component writes a text colour literally (an icon's
// colour is a graphic: 3 : 1 is its bar).
import fs from 'node:fs';
import path from 'node:path';
import { MP_ROOT } from './support/render';

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full =
    h.length === 3
      ? h
          .split('')
          .map((c) => c + c)
          .join('')
      : h;
  const [r, g, b] = [0, 2, 4]
    .map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The variables of app.wxss's `page { … }`, var() references resolved. */
function palette(): Record<string, string> {
  const css = fs.readFileSync(path.join(MP_ROOT, 'app.wxss'), 'utf8');
  const vars: Record<string, string> = {};
  for (const m of css.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g)) vars[m[1] as string] = (m[2] as string).trim();
  const resolve = (v: string): string => v.replace(/var\((--[a-z0-9-]+)\)/g, (_, name: string) => resolve(vars[name] ?? ''));
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, resolve(v)]));
}

const colours = palette();
const c = (name: string): string => {
  const value = colours[`--${name}`];
  if (!value || !/^#[0-9a-f]{3,6}$/i.test(value)) throw new Error(`app.wxss 没有颜色变量 --${name}`);
  return value;
};

/** Text (first) on background (second), as the pages use them. */
const TEXT_PAIRS: Array<[string, string]> = [
  ['text', 'card'],
  ['text', 'box'],
  ['text', 'bg'],
  ['text-2', 'card'],
  ['text-2', 'box'],
  ['text-2', 'danger-bg'],
  ['text-3', 'card'],
  ['text-3', 'box'],
  ['text-3', 'bg'],
  ['placeholder', 'box'],
  ['placeholder', 'card'],
  ['brand', 'card'],
  ['brand', 'brand-bg'],
  ['brand', 'bg'],
  ['on-color', 'brand'],
  ['danger', 'card'],
  ['danger', 'danger-bg'],
  ['danger', 'box'],
  ['on-color', 'danger'],
  ['warn', 'warn-bg'],
  ['warn', 'card'],
  ['good', 'good-bg'],
  ['good', 'card'],
  // TDesign tags and placeholders, re-pointed at the palette.
  ['td-tag-warning-color', 'td-tag-warning-light-color'],
  ['td-tag-success-color', 'td-tag-success-light-color'],
  ['td-tag-danger-color', 'td-tag-danger-light-color'],
  ['on-color', 'td-tag-danger-color'],
  ['td-tag-default-font-color', 'td-tag-default-color'],
  ['td-text-color-placeholder', 'box'],
];

test.each(TEXT_PAIRS)('--%s on --%s reaches 4.5 : 1', (fg, bg) => {
  expect(contrast(c(fg), c(bg))).toBeGreaterThanOrEqual(4.5);
});

function residentStyles(dir: string = MP_ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    const rel = path.relative(MP_ROOT, p);
    if (e.isDirectory()) {
      // The staff and admin subpackages and the staff helpers' components keep their own rules.
      if (['miniprogram_npm', 'staff', 'admin'].includes(rel) || /^components\/(staff-|workbench-)/.test(rel)) return [];
      return residentStyles(p);
    }
    return e.name.endsWith('.wxss') && e.name !== 'ui-icon.wxss' ? [p] : [];
  });
}

test('no resident page or component writes a text colour literally; icon colours reach 3 : 1', () => {
  const literal: string[] = [];
  for (const file of residentStyles()) {
    const css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      const selector = (rule[1] ?? '').trim();
      for (const decl of (rule[2] ?? '').matchAll(/(?:^|;)\s*color\s*:\s*([^;]+)/g)) {
        const value = (decl[1] ?? '').trim();
        if (value.startsWith('var(--') || value === 'inherit' || value === 'currentColor') continue;
        if (/icon/.test(selector) && /^#[0-9a-f]{3,6}$/i.test(value) && contrast(value, c('bg')) >= 3) continue;
        literal.push(`${path.relative(MP_ROOT, file)}: ${selector} { color: ${value} }`);
      }
    }
  }
  expect(literal).toEqual([]);
});
