// Home: one big button to report, the categories as big tiles (a tile starts the form with its
// category chosen), emergency numbers beside 抢修抢险, and the way to 我的上报.
import { categoryName, zh } from '../../i18n/zh';
import type { TapEvent } from '../../utils/events';

interface Tile {
  code: Api.BuiltInCategoryCode;
  icon: string;
  name: string;
  hint: string;
}

const ICONS: Record<Api.BuiltInCategoryCode, string> = {
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

const ORDER: ReadonlyArray<Api.BuiltInCategoryCode> = [
  'sanitation',
  'property',
  'facilities',
  'safety',
  'dispute',
  'life-service',
  'policy',
  'other',
];

function tile(code: Api.BuiltInCategoryCode): Tile {
  return { code, icon: ICONS[code], name: categoryName(code), hint: zh.categoryHints[code] };
}

Component({
  data: {
    t: zh.index,
    urgent: tile('urgent-repair'),
    categories: ORDER.map(tile),
  },
  methods: {
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
