// One report in full: status, the deadline in the server's words, photos, what was done by whom,
// and — only when the server lists them in allowedActions — 催办, the rating form (on the first
// screen), 重办 and 撤回 (a quiet text button at the end). The page never decides by itself what
// is possible; after each move it shows the view the server answered.
import { ticketPage, TIMELINE_SLICE } from '../../behaviors/ticket-page';
import { call, toApiError } from '../../services/api';
import { zh } from '../../i18n/zh';
import type { Query, TapEvent, ValueEvent } from '../../utils/events';
import { toDetail, type TicketDetail } from '../../utils/ticket-view';
import { REASON_MAX } from '../../utils/validate';

type Acting = '' | 'rate' | 'reopen' | 'withdraw' | 'urge';

const RATINGS: ReadonlyArray<{ key: Api.Rating; icon: string }> = [
  { key: 'satisfied', icon: 'smile' },
  { key: 'basic', icon: 'meh' },
  { key: 'unsatisfied', icon: 'frown' },
];

Component({
  behaviors: [ticketPage],

  data: {
    t: zh.ticket,
    common: zh.common,
    createdLabel: zh.mine.createdAt,
    reasonMax: REASON_MAX,
    ratingOptions: RATINGS.map((r) => ({ ...r, label: zh.ratings[r.key] })),
    commentSize: { minHeight: 64 },

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

  methods: {
    onLoad(query: Query): void {
      this.readQuery(query);
      void this.load(false);
    },

    onRetry(): void {
      void this.load(false);
    },

    show(view: Api.TicketView): void {
      const { timeline, ...rest } = toDetail(view, new Date());
      this.setData({ state: 'ready', message: '', detail: { ...rest, timeline: timeline.slice(0, TIMELINE_SLICE) }, actionError: '' });
      this.showSlices('detail.timeline', timeline);
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
        () => call('report.rate', { ticketId: this.ticketId(), rating, ...(comment ? { comment } : {}) }),
        zh.ticket.rated,
      );
    },

    // ---- 催办 ----
    async onUrge(): Promise<void> {
      await this.act('urge', () => call('report.urge', { ticketId: this.ticketId() }), zh.ticket.urged);
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
      const ok = await this.act('reopen', () => call('report.reopen', { ticketId: this.ticketId(), reason }), zh.ticket.reopened);
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
      await this.act('withdraw', () => call('report.withdraw', { ticketId: this.ticketId() }), zh.ticket.withdrawn);
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
