// One report in full: status, the deadline in the server's words, photos, what was done by whom,
// and — only when the server lists them in allowedActions — 催办, the rating form (on the first
// screen), 重办 and 撤回 (a quiet text button at the end). The page never decides by itself what
// is possible; after each move it shows the view the server answered.
import { call, toApiError } from '../../services/api';
import { zh } from '../../i18n/zh';
import { queryValue, type Query, type TapEvent, type ValueEvent } from '../../utils/events';
import { instanceState } from '../../utils/instance-state';
import { toDetail, type TicketDetail, type TimelineRow } from '../../utils/ticket-view';
import { REASON_MAX } from '../../utils/validate';

type PageState = 'loading' | 'ready' | 'error';
type Acting = '' | 'rate' | 'reopen' | 'withdraw' | 'urge';

const RATINGS: ReadonlyArray<{ key: Api.Rating; icon: string }> = [
  { key: 'satisfied', icon: 'smile' },
  { key: 'basic', icon: 'meh' },
  { key: 'unsatisfied', icon: 'frown' },
];

const state = instanceState(() => ({ id: '', seq: 0 }));
const TIMELINE_SLICE = 10;

Component({
  data: {
    t: zh.ticket,
    common: zh.common,
    createdLabel: zh.mine.createdAt,
    reasonMax: REASON_MAX,
    ratingOptions: RATINGS.map((r) => ({ ...r, label: zh.ratings[r.key] })),
    commentSize: { minHeight: 64 },

    state: 'loading' as PageState,
    message: '',
    detail: null as TicketDetail | null,

    rating: '' as Api.Rating | '',
    ratingComment: '',
    rateError: '',
    reopenVisible: false,
    reopenReason: '',
    reopenError: '',
    withdrawVisible: false,
    acting: '' as Acting,
    actionError: '',
  },

  lifetimes: {
    detached(): void {
      state.drop(this);
    },
  },

  methods: {
    onLoad(query: Query): void {
      state.of(this).id = queryValue(query, 'id');
      void this.load(false);
    },

    async onPullDownRefresh(): Promise<void> {
      await this.load(true);
      wx.stopPullDownRefresh();
    },

    onRetry(): void {
      void this.load(false);
    },

    async load(quiet: boolean): Promise<void> {
      const s = state.of(this);
      if (!s.id) {
        this.setData({ state: 'error', message: zh.errors.NOT_FOUND });
        return;
      }
      const seq = ++s.seq;
      if (!quiet || this.data.state !== 'ready') this.setData({ state: 'loading', message: '' });
      try {
        const view = await call('ticket.get', { ticketId: s.id });
        if (seq === s.seq) this.show(view);
      } catch (e) {
        if (seq !== s.seq) return;
        const message = toApiError(e).message;
        if (quiet && this.data.state === 'ready') wx.showToast({ title: message, icon: 'none' });
        else this.setData({ state: 'error', message });
      }
    },

    /**
     * The timeline can grow long (every 督办 adds an entry with photo links), so it travels in
     * slices: no single setData gets near WeChat's per-call budget.
     */
    show(view: Api.TicketView): void {
      const { timeline, ...rest } = toDetail(view, new Date());
      this.setData({ state: 'ready', message: '', detail: { ...rest, timeline: timeline.slice(0, TIMELINE_SLICE) }, actionError: '' });
      for (let start = TIMELINE_SLICE; start < timeline.length; start += TIMELINE_SLICE) {
        const patch: Record<string, TimelineRow> = {};
        timeline.slice(start, start + TIMELINE_SLICE).forEach((row, i) => {
          patch[`detail.timeline[${start + i}]`] = row;
        });
        this.setData(patch);
      }
    },

    onPreview(e: TapEvent<{ group?: string | number; index?: number }>): void {
      const detail = this.data.detail;
      if (!detail) return;
      const group = e.currentTarget.dataset.group;
      const urls = group === 'main' ? detail.photoUrls : (detail.timeline[Number(group)]?.photoUrls ?? []);
      const current = urls[Number(e.currentTarget.dataset.index)] ?? urls[0];
      if (current) wx.previewImage({ urls, current });
    },

    // ---- rating ----
    onRating(e: TapEvent<{ key?: string }>): void {
      const r = RATINGS.find((x) => x.key === e.currentTarget.dataset.key);
      if (r) this.setData({ rating: r.key, rateError: '' });
    },

    onRatingComment(e: ValueEvent): void {
      this.setData({ ratingComment: String(e.detail.value ?? '') });
    },

    async onSubmitRating(): Promise<void> {
      const rating = this.data.rating;
      if (!rating) {
        this.setData({ rateError: zh.ticket.rateChoose });
        return;
      }
      const comment = this.data.ratingComment.trim();
      await this.act(
        'rate',
        () => call('report.rate', { ticketId: state.of(this).id, rating, ...(comment ? { comment } : {}) }),
        zh.ticket.rated,
      );
    },

    // ---- 催办 ----
    async onUrge(): Promise<void> {
      await this.act('urge', () => call('report.urge', { ticketId: state.of(this).id }), zh.ticket.urged);
    },

    // ---- reopen ----
    onOpenReopen(): void {
      this.setData({ reopenVisible: true, reopenError: '' });
    },

    onCloseReopen(): void {
      this.setData({ reopenVisible: false });
    },

    onReopenVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>): void {
      this.setData({ reopenVisible: e.detail.visible });
    },

    onReopenReason(e: ValueEvent): void {
      this.setData({ reopenReason: String(e.detail.value ?? ''), reopenError: '' });
    },

    async onSubmitReopen(): Promise<void> {
      const reason = this.data.reopenReason.trim();
      if (reason.length < 1 || reason.length > REASON_MAX) {
        this.setData({ reopenError: zh.ticket.reopenNeedReason });
        return;
      }
      const ok = await this.act('reopen', () => call('report.reopen', { ticketId: state.of(this).id, reason }), zh.ticket.reopened);
      if (ok) this.setData({ reopenVisible: false, reopenReason: '' });
      else this.setData({ reopenVisible: false });
    },

    // ---- withdraw ----
    onAskWithdraw(): void {
      this.setData({ withdrawVisible: true });
    },

    onCancelWithdraw(): void {
      this.setData({ withdrawVisible: false });
    },

    async onConfirmWithdraw(): Promise<void> {
      await this.act('withdraw', () => call('report.withdraw', { ticketId: state.of(this).id }), zh.ticket.withdrawn);
      this.setData({ withdrawVisible: false });
    },

    /** One move at a time; shows the answered view, or the server's message. */
    async act(kind: Acting, run: () => Promise<Api.TicketView>, doneText: string): Promise<boolean> {
      if (this.data.acting) return false;
      this.setData({ acting: kind, actionError: '' });
      try {
        const view = await run();
        this.show(view);
        this.setData({ acting: '', rating: '', ratingComment: '' });
        wx.showToast({ title: doneText, icon: 'success' });
        return true;
      } catch (e) {
        const message = toApiError(e).message;
        this.setData({ acting: '', actionError: message });
        wx.showToast({ title: message, icon: 'none', duration: 3000 });
        return false;
      }
    },
  },
});
