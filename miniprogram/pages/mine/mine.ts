// 我的上报: my reports — and the ones I follow or claimed — newest first, paged by the server's
// cursor; pull down to refresh, scroll to the bottom for more, filter by status. A way to claim a
// 代报 sits on top once report.claim is deployed (config.features.claim).
import { config } from '../../config';
import { call, toApiError } from '../../services/api';
import { zh } from '../../i18n/zh';
import type { TapEvent } from '../../utils/events';
import { instanceState } from '../../utils/instance-state';
import { toCard, type TicketCard } from '../../utils/ticket-view';

type Filter = 'all' | Api.TicketStatus;
type ListState = 'loading' | 'ready' | 'empty' | 'error';

const state = instanceState(() => ({
  /** Answers of an older request (e.g. before the filter changed) are dropped. */
  seq: 0,
  loaded: false,
}));

Component({
  data: {
    common: zh.common,
    filters: zh.mine.filters,
    filter: 'all' as Filter,
    state: 'loading' as ListState,
    message: '',
    actionText: '',
    items: [] as TicketCard[],
    nextCursor: null as string | null,
    loadingMore: false,
    loadMoreError: false,
    canClaim: false,
    claimEntry: zh.mine.claimEntry,
  },

  methods: {
    onLoad(): void {
      this.setData({ canClaim: config.features.claim });
      void this.reload(false);
    },

    onShow(): void {
      // Coming back from a ticket (rated, withdrawn…): refresh quietly.
      if (state.of(this).loaded) void this.reload(true);
    },

    async onPullDownRefresh(): Promise<void> {
      await this.reload(true);
      wx.stopPullDownRefresh();
    },

    onReachBottom(): void {
      void this.loadMore();
    },

    onFilter(e: TapEvent<{ key?: string }>): void {
      const key = zh.mine.filters.find((f) => f.key === e.currentTarget.dataset.key)?.key;
      if (!key || key === this.data.filter) return;
      this.setData({ filter: key });
      void this.reload(false);
    },

    onStateAction(): void {
      if (this.data.state === 'error') void this.reload(false);
      else wx.navigateTo({ url: '/pages/report/report' });
    },

    onClaim(): void {
      wx.navigateTo({ url: '/pages/claim/claim' });
    },

    onLoadMore(): void {
      void this.loadMore();
    },

    params(cursor?: string): Api.Params<'report.mine'> {
      const p: Api.Params<'report.mine'> = {};
      if (this.data.filter !== 'all') p.status = this.data.filter;
      if (cursor) p.cursor = cursor;
      return p;
    },

    /** First page. `quiet` keeps the current list on screen while it loads. */
    async reload(quiet: boolean): Promise<void> {
      const s = state.of(this);
      const seq = ++s.seq;
      if (!quiet || this.data.state !== 'ready') {
        this.setData({ state: 'loading', message: '', actionText: '' });
      }
      try {
        const page = await call('report.mine', this.params());
        if (seq !== s.seq) return;
        s.loaded = true;
        const now = new Date();
        const items = page.items.map((t) => toCard(t, now));
        const empty = items.length === 0;
        this.setData({
          items,
          nextCursor: page.nextCursor,
          loadingMore: false,
          loadMoreError: false,
          state: empty ? 'empty' : 'ready',
          message: empty ? (this.data.filter === 'all' ? zh.mine.empty : zh.mine.emptyFiltered) : '',
          actionText: empty ? zh.mine.emptyAction : '',
        });
      } catch (e) {
        if (seq !== s.seq) return;
        if (quiet && this.data.state === 'ready') {
          wx.showToast({ title: toApiError(e).message, icon: 'none' });
          return;
        }
        this.setData({ state: 'error', message: toApiError(e).message, actionText: zh.common.retry });
      }
    },

    async loadMore(): Promise<void> {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore || this.data.state !== 'ready') return;
      const s = state.of(this);
      const seq = s.seq;
      this.setData({ loadingMore: true, loadMoreError: false });
      try {
        const page = await call('report.mine', this.params(cursor));
        if (seq !== s.seq) return;
        const now = new Date();
        const start = this.data.items.length;
        // Append by path: only the new cards travel through setData.
        const patch: Record<string, unknown> = { nextCursor: page.nextCursor, loadingMore: false };
        page.items.forEach((t, i) => {
          patch[`items[${start + i}]`] = toCard(t, now);
        });
        this.setData(patch);
      } catch {
        if (seq !== s.seq) return;
        this.setData({ loadingMore: false, loadMoreError: true });
      }
    },
  },
});
