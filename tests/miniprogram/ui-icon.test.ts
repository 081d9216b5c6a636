// ui-icon: the hand-drawn icon set.
import fs from 'node:fs';
import path from 'node:path';
import { load, MP_ROOT, render } from './support/render';

describe('ui-icon', () => {
  const css = fs.readFileSync(path.join(MP_ROOT, 'components/ui-icon/ui-icon.wxss'), 'utf8');
  const defined = new Set([...css.matchAll(/\.ui-icon--([a-z-]+)\s*\{/g)].map((m) => m[1]));

  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'miniprogram_npm' ? [] : sources(p);
      return /\.(wxml|ts)$/.test(e.name) ? [p] : [];
    });
  }

  test('every icon name the pages use is drawn', () => {
    const used = new Set<string>();
    for (const file of sources(MP_ROOT)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/<ui-icon[^>]*\bname="([a-z-]+)"/g)) used.add(m[1]);
      // `icon: 'x'` entries and the category → icon maps, but not wx.showToast's icon option
      for (const m of text.matchAll(/\bicon: '([a-z-]+)'/g)) if (!['none', 'success', 'error', 'loading'].includes(m[1])) used.add(m[1]);
      const map = /const (?:CATEGORY_)?ICONS[^=]*= \{([^}]*)\}/.exec(text);
      if (map) for (const m of map[1].matchAll(/: '([a-z-]+)'/g)) used.add(m[1]);
      // single icon constants such as GENERIC_CATEGORY_ICON
      for (const m of text.matchAll(/_ICON = '([a-z-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(15);
    expect(used).toContain('tag'); // the generic icon of admin-added categories
    expect([...used].filter((n) => !defined.has(n))).toEqual([]);
  });

  test('renders as a mask-coloured box of the given size', () => {
    const c = render(load('components/ui-icon/ui-icon'), { name: 'camera', size: '48rpx', color: '#d54941' });
    const el = c.querySelector('.ui-icon');
    expect(el?.dom?.className).toContain('ui-icon--camera');
    expect(el?.dom?.getAttribute('style')).toMatch(/width:48(rpx|px)/);
    expect(el?.dom?.getAttribute('style')).toContain('color:#d54941');
  });
});
