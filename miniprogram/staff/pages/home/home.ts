// The workbench: who I am, a banner of what is overdue or due today, the four tabs with counts
// (待受理 / 处理中 / 已超期 / 已办结), most urgent first, pulled to refresh and paged by cursor;
// the ways to 代报, 巡查上报 and the 督办 desk when the server says this person has them. A
// resident who opens it is turned away politely.
import { zh } from '../../../i18n/zh';
import { call, toApiError } from '../../../services/api';
import { currentIdentity } from '../../../services/identity';
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

type Gate = 'loading' | 'staff' | 'resident' | 'error';
type ListState = 'loading' | 'ready' | 'empty' | 'error';
type More = 'idle' | 'loading' | 'error' | 'end';

const state = instanceState(() => ({ seq: 0, cursor: null as string | null, shown: false, alive: true }));

Component({
  data: {
    t: zh.staff.queue,
    common: zh.common,
    gate: 'loading' as Gate,
    gateMessage: '',
    hello: '',
    scope: '',
    canFile: false,
    canDesk: false,
    canAdmin: false,
    adminLabel: zh.admin.home.title,
    banner: null as Banner | null,
    tabs: tabsOf(null) as TabItem[],
    tab: 'submitted' as QueueTab,
    listState: 'loading' as ListState,
    listMessage: '',
    cards: [] as QueueCard[],
    more: 'idle' as More,
  },

  lifetimes: {
    detached(): void {
      state.of(this).alive = false;
      state.drop(this);
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
      if (s.shown && this.data.gate === 'staff') void this.refresh(true);
      s.shown = true;
    },

    async onPullDownRefresh(): Promise<void> {
      if (this.data.gate === 'staff') await this.refresh(true);
      else await this.open();
      wx.stopPullDownRefresh();
    },

    onReachBottom(): void {
      if (this.data.more === 'idle' && state.of(this).cursor) void this.loadPage(true);
    },

    async open(): Promise<void> {
      this.setData({ gate: 'loading', gateMessage: '' });
      let me: Api.StaffMe;
      try {
        me = await currentIdentity();
      } catch (e) {
        this.setData({ gate: 'error', gateMessage: toApiError(e).message });
        return;
      }
      if (me.role === 'resident') {
        this.setData({ gate: 'resident' });
        return;
      }
      const role = zh.staff.roles[me.role];
      this.setData({
        gate: 'staff',
        hello: zh.staff.entry.hello(me.displayName ?? role),
        scope: me.scopeLabel && me.scopeLabel !== role ? `${role} · ${me.scopeLabel}` : role,
        canFile: me.abilities.includes('fileForOthers'),
        canDesk: me.abilities.includes('supervisionDesk'),
        canAdmin: me.abilities.includes('administration'),
      });
      await this.refresh(false);
    },

    onRetryGate(): void {
      void this.open();
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

    /** The current tab's first page (or, with `more`, its next page). */
    async loadPage(more: boolean, quiet = false): Promise<void> {
      const s = state.of(this);
      const seq = more ? s.seq : ++s.seq;
      const tab = this.data.tab;
      if (more) this.setData({ more: 'loading' });
      else if (!quiet || this.data.listState !== 'ready') this.setData({ listState: 'loading', listMessage: '', cards: [], more: 'idle' });
      try {
        const page = await call('queue.list', { ...tabParams(tab), ...(more && s.cursor ? { cursor: s.cursor } : {}) });
        if (seq !== s.seq || !s.alive) return;
        s.cursor = page.nextCursor;
        const now = new Date();
        const cards = page.items.map((t) => toQueueCard(t, now));
        const nextMore: More = page.nextCursor ? 'idle' : 'end';
        if (more) {
          const start = this.data.cards.length;
          const patch: Record<string, unknown> = { more: nextMore };
          cards.forEach((c, i) => {
            patch[`cards[${start + i}]`] = c;
          });
          this.setData(patch);
        } else {
          this.setData({
            cards,
            listState: cards.length ? 'ready' : 'empty',
            listMessage: cards.length ? '' : zh.staff.queue.empty[tab],
            more: nextMore,
          });
        }
      } catch (e) {
        if (seq !== s.seq || !s.alive) return;
        const message = toApiError(e).message;
        if (more) this.setData({ more: 'error' });
        else if (quiet && this.data.listState === 'ready') wx.showToast({ title: message, icon: 'none' });
        else this.setData({ listState: 'error', listMessage: message });
      }
    },

    onTab(e: TapEvent<{ key?: string }>): void {
      const key = e.currentTarget.dataset.key;
      if (!isQueueTab(key) || key === this.data.tab) return;
      state.of(this).cursor = null;
      this.setData({ tab: key });
      void this.loadPage(false);
    },

    onRetryList(): void {
      void this.loadPage(false);
    },

    onRetryMore(): void {
      void this.loadPage(true);
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
