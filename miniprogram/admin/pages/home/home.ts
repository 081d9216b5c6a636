// 管理后台: who I am and the places an admin keeps their area — invites, the staff directory,
// the figures, grids and places, categories and departments. Only for those the server gives `administration`.
import { zh } from '../../../i18n/zh';
import { adminGate } from '../../../services/admin-gate';
import type { TapEvent } from '../../../utils/events';

type Gate = 'loading' | 'admin' | 'resident' | 'forbidden' | 'error';

const PAGES: Record<string, string> = {
  invites: '/admin/pages/invites/invites',
  staff: '/admin/pages/staff/staff',
  figures: '/admin/pages/figures/figures',
  grids: '/admin/pages/grids/grids',
  catalog: '/admin/pages/catalog/catalog',
};

Component({
  data: {
    t: zh.admin.home,
    common: zh.common,
    gate: 'loading' as Gate,
    gateMessage: '',
    hello: '',
    scope: '',
    entries: [
      { key: 'invites', icon: 'plus', title: zh.admin.home.invites, hint: zh.admin.home.invitesHint },
      { key: 'staff', icon: 'user', title: zh.admin.home.staff, hint: zh.admin.home.staffHint },
      { key: 'figures', icon: 'list', title: zh.admin.home.figures, hint: zh.admin.home.figuresHint },
      { key: 'grids', icon: 'map', title: zh.admin.home.grids, hint: zh.admin.home.gridsHint },
      { key: 'catalog', icon: 'tag', title: zh.admin.home.catalog, hint: zh.admin.home.catalogHint },
    ],
  },
  methods: {
    onLoad(): void {
      void this.open();
    },
    async open(): Promise<void> {
      this.setData({ gate: 'loading', gateMessage: '' });
      const found = await adminGate();
      if (found.gate !== 'admin') {
        this.setData({ gate: found.gate, gateMessage: found.gate === 'error' ? found.message : '' });
        return;
      }
      const role = zh.staff.roles[found.me.role];
      this.setData({
        gate: 'admin',
        hello: zh.admin.home.hello(found.me.displayName ?? role),
        scope: found.me.scopeLabel && found.me.scopeLabel !== role ? `${role} · ${found.me.scopeLabel}` : role,
      });
    },
    onRetry(): void {
      void this.open();
    },
    onEntry(e: TapEvent<{ key?: string }>): void {
      const url = PAGES[e.currentTarget.dataset.key ?? ''];
      if (url) wx.navigateTo({ url });
    },
  },
});
