// Home: one big button to report, the categories as big tiles (a tile starts the form with its
// category chosen), emergency numbers beside the urgent categories (抢修抢险 and any other an admin
// marks urgent), and the way to 我的上报. The tiles come from categories.list; until it answers,
// or when it cannot, the last known list or the built-in nine are shown — never an empty page.
import { zh } from '../../i18n/zh';
import { builtInCategories, currentCategories, loadCategories, type CategoryInfo } from '../../services/categories';
import { categoryTile, type CategoryTile } from '../../utils/category-view';
import type { TapEvent } from '../../utils/events';
import { instanceState } from '../../utils/instance-state';

interface TileData {
  urgent: CategoryTile[];
  categories: CategoryTile[];
}

function tiles(list: CategoryInfo[]): TileData {
  const all = list.map(categoryTile);
  return { urgent: all.filter((t) => t.urgent), categories: all.filter((t) => !t.urgent) };
}

const state = instanceState(() => ({ shown: null as CategoryInfo[] | null, attached: false }));

Component({
  data: {
    t: zh.index,
    ...tiles(builtInCategories()),
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
      state.drop(this);
    },
  },
  methods: {
    showCategories(list: CategoryInfo[]): void {
      const s = state.of(this);
      if (s.shown === list) return;
      s.shown = list;
      this.setData(tiles(list));
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
    onStaff(): void {
      wx.navigateTo({ url: '/staff/pages/home/home' });
    },
  },
});
