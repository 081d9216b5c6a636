// How a category looks on the home tiles and the form's choices. Built-in codes keep their own
// icon, colour and hint; a code an admin added gets the generic tag icon and a neutral colour
// (red when urgent). Any category with profile 'urgent' carries the call-for-help hint.
import { zh } from '../i18n/zh';
import { isBuiltInCategory, type CategoryInfo } from '../services/categories';

export interface CategoryTile {
  code: string;
  name: string;
  icon: string;
  /** Short examples under the name; empty for admin-added categories. */
  hint: string;
  /** The colour class suffix: the code for built-ins, else 'custom' or 'custom-urgent'. */
  tone: string;
  urgent: boolean;
}

const CATEGORY_ICONS: Record<Api.BuiltInCategoryCode, string> = {
  sanitation: 'trash',
  dispute: 'chat',
  property: 'building',
  facilities: 'cone',
  safety: 'shield',
  'urgent-repair': 'bolt',
  policy: 'file',
  'life-service': 'heart',
  other: 'more',
};

export const GENERIC_CATEGORY_ICON = 'tag';

export function categoryTile(c: CategoryInfo): CategoryTile {
  const urgent = c.profile === 'urgent';
  if (isBuiltInCategory(c.code)) {
    return { code: c.code, name: c.name, icon: CATEGORY_ICONS[c.code], hint: zh.categoryHints[c.code], tone: c.code, urgent };
  }
  return { code: c.code, name: c.name, icon: GENERIC_CATEGORY_ICON, hint: '', tone: urgent ? 'custom-urgent' : 'custom', urgent };
}
