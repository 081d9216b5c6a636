// The workbench: who I am, a banner of what is overdue or due today, the four tabs with counts
// (待受理 / 处理中 / 已超期 / 已办结), most urgent first, pulled to refresh and paged by cursor;
// the ways to 代报, 巡查上报 and the 督办 desk when the server says this person has them. A
// resident who opens it is turned away politely.
import { zh } from '../../../i18n/zh';
import { gatedPage } from '../../../behaviors/gated-page';
import { pagedList, type More } from '../../../behaviors/paged-list';
import { call } from '../../../services/api';
import { staffGate } from '../../../services/gate';
import { queryValue, type Query, type TapEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';
import {
  bannerOf,
  isQueueTab,
  tabParams,
  tabsOf,
  toQueueCard,
  type Banner,
  type QueueCard,
  type QueueTab,
  type TabItem,
} from '../../../utils/staff-queue';

const state = instanceState(() => ({ shown: false, alive: true }));

Component({
  behaviors: [gatedPage(staffGate()), pagedList],

  data: {
    t: zh.staff.queue,
    common: zh.common,
    hello: '',
    scope: '',
    canFile: false,
    canDesk: false,
    canAdmin: false,
    adminLabel: zh.admin.home.title,
    banner: null as Banner | null,
    tabs: tabsOf(null) as TabItem[],
    tab: 'submitted' as QueueTab,
    cards: [] as QueueCard[],
  },

  lifetimes: {
    detached(): void {
      state.of(this).alive = false;
    },
  },

  methods: {
    onLoad(query: Query): void {
      const tab = queryValue(query, 'tab');
      if (isQueueTab(tab)) this.setData({ tab, tabs: tabsOf(null) });
      void this.open();
    },

    /** Back from a ticket: what was done there shows here. */
    onShow(): void {
      const s = state.of(this);
      if (s.shown && this.data.gate === 'open') void this.refresh(true);
      s.shown = true;
    },

    admitted(me: Api.StaffMe): object {
      const role = zh.staff.roles[me.role];
      return {
        hello: zh.staff.entry.hello(me.displayName ?? role),
        scope: me.scopeLabel && me.scopeLabel !== role ? `${role} · ${me.scopeLabel}` : role,
        canFile: me.abilities.includes('fileForOthers'),
        canDesk: me.abilities.includes('supervisionDesk'),
        canAdmin: me.abilities.includes('administration'),
      };
    },

    async refresh(quiet: boolean): Promise<void> {
      await Promise.all([this.loadCounts(), this.loadPage(false, quiet)]);
    },

    async loadCounts(): Promise<void> {
      try {
        const counts = await call('queue.counts', {});
        if (state.of(this).alive) this.setData({ banner: bannerOf(counts), tabs: tabsOf(counts) });
      } catch {
        // The list says what went wrong; the banner just waits for the next refresh.
      }
    },

    /** The current tab's pages, most urgent first. */
    fetchPage(cursor: string | null): Promise<Api.Data<'queue.list'>> {
      return call('queue.list', { ...tabParams(this.data.tab), ...(cursor ? { cursor } : {}) });
    },

    showPage(page: Api.Data<'queue.list'>, more: boolean, nextMore: More): void {
      const now = new Date();
      const cards = page.items.map((t) => toQueueCard(t, now));
      this.showRows('cards', cards, more, nextMore, zh.staff.queue.empty[this.data.tab]);
    },

    onTab(e: TapEvent<{ key?: string }>): void {
      const key = e.currentTarget.dataset.key;
      if (!isQueueTab(key) || key === this.data.tab) return;
      this.restartList();
      this.setData({ tab: key });
      void this.loadPage(false);
    },

    onProxy(): void {
      wx.navigateTo({ url: '/staff/pages/report/report?mode=proxy' });
    },

    onPatrol(): void {
      wx.navigateTo({ url: '/staff/pages/report/report?mode=patrol' });
    },

    onDesk(): void {
      wx.navigateTo({ url: '/staff/pages/supervisions/supervisions' });
    },

    onAdmin(): void {
      wx.navigateTo({ url: '/admin/pages/home/home' });
    },
  },
});
