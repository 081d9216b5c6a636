// Home: one big button to report and, right under it, the way to 我的上报 — both on the first
// screen at any font size; the emergency numbers in a block of their own; then the categories as
// tiles, in the same order and colours as on the form (a tile starts the form with its category
// chosen; urgent ones are marked red). The tiles come from categories.list; until it answers, or
// when it cannot, the last known list or the built-in nine are shown — never an empty page.
import { zh } from '../../i18n/zh';
import { builtInCategories, currentCategories, loadCategories, type CategoryInfo } from '../../services/categories';
import { categoryTile } from '../../utils/category-view';
import type { TapEvent } from '../../utils/events';
import { instanceState } from '../../utils/instance-state';

const state = instanceState(() => ({ shown: null as CategoryInfo[] | null, attached: false }));

Component({
  data: {
    t: zh.index,
    categories: builtInCategories().map(categoryTile),
  },
  lifetimes: {
    attached(): void {
      const s = state.of(this);
      s.attached = true;
      this.showCategories(currentCategories());
      void loadCategories().then((list) => {
        if (list && s.attached) this.showCategories(list);
      });
    },
    detached(): void {
      state.of(this).attached = false;
    },
  },
  methods: {
    showCategories(list: CategoryInfo[]): void {
      const s = state.of(this);
      if (s.shown === list) return;
      s.shown = list;
      this.setData({ categories: list.map(categoryTile) });
    },
    onReport(): void {
      wx.navigateTo({ url: '/pages/report/report' });
    },
    onCategory(e: TapEvent<{ code?: string }>): void {
      const code = e.currentTarget.dataset.code;
      if (!code) return;
      wx.navigateTo({ url: `/pages/report/report?category=${encodeURIComponent(code)}` });
    },
    onCall(e: TapEvent<{ number?: string }>): void {
      const phoneNumber = e.currentTarget.dataset.number;
      if (phoneNumber) wx.makePhoneCall({ phoneNumber, fail: () => undefined });
    },
    onMine(): void {
      wx.navigateTo({ url: '/pages/mine/mine' });
    },
  },
});
