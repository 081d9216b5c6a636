// 管理后台: who I am and the places an admin keeps their area — invites, the staff directory,
// the figures, grids and places, categories and departments. Only for those the server gives `administration`.
import { zh } from '../../../i18n/zh';
import { gatedPage } from '../../../behaviors/gated-page';
import { adminGate } from '../../../services/gate';
import type { TapEvent } from '../../../utils/events';

const PAGES: Record<string, string> = {
  invites: '/admin/pages/invites/invites',
  staff: '/admin/pages/staff/staff',
  figures: '/admin/pages/figures/figures',
  grids: '/admin/pages/grids/grids',
  catalog: '/admin/pages/catalog/catalog',
};

Component({
  behaviors: [gatedPage(adminGate)],

  data: {
    t: zh.admin.home,
    common: zh.common,
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
    admitted(me: Api.StaffMe): object {
      const role = zh.staff.roles[me.role];
      return {
        hello: zh.admin.home.hello(me.displayName ?? role),
        scope: me.scopeLabel && me.scopeLabel !== role ? `${role} · ${me.scopeLabel}` : role,
      };
    },
    onEntry(e: TapEvent<{ key?: string }>): void {
      const url = PAGES[e.currentTarget.dataset.key ?? ''];
      if (url) wx.navigateTo({ url });
    },
  },
});
