// 督办台: the 督办 records of a street's or district's tickets, newest first — which ticket, why,
// when, by whom (a name, or 系统 when the SLA sweep supervised), and whether the responsible staff
// answered. Pull to refresh, paged by cursor; a record opens its ticket's handling page. Only those
// the server gives a desk see one; residents are turned away.
import { zh } from '../../../i18n/zh';
import { call, toApiError } from '../../../services/api';
import { currentIdentity } from '../../../services/identity';
import type { TapEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';
import { formatDateTime } from '../../../utils/time';

type Gate = 'loading' | 'desk' | 'resident' | 'forbidden' | 'error';
type ListState = 'loading' | 'ready' | 'empty' | 'error';
type More = 'idle' | 'loading' | 'error' | 'end';

interface DeskRow {
  id: string;
  ticketId: string;
  title: string;
  note: string;
  by: string;
  whenText: string;
  answered: boolean;
  answerText: string;
  answerNote: string;
  level: string;
}

function toRow(s: Api.SupervisionItem, now: Date): DeskRow {
  const d = zh.staff.desk;
  return {
    id: s.id,
    ticketId: s.ticketId,
    title: `${s.categoryName} · ${s.ticketNo}`,
    note: s.note,
    by: d.by(s.by === s.byLabel ? d.system : `${s.byLabel} ${s.by}`),
    whenText: formatDateTime(s.at, now),
    answered: s.answered,
    answerText: s.answer ? d.answer(s.answer.by, formatDateTime(s.answer.at, now)) : '',
    answerNote: s.answer ? s.answer.note : '',
    level: zh.staff.levels[s.level],
  };
}

const state = instanceState(() => ({ seq: 0, cursor: null as string | null, alive: true }));

Component({
  data: {
    d: zh.staff.desk,
    common: zh.common,
    back: zh.staff.back,
    gate: 'loading' as Gate,
    gateMessage: '',
    listState: 'loading' as ListState,
    listMessage: '',
    rows: [] as DeskRow[],
    more: 'idle' as More,
  },

  lifetimes: {
    detached(): void {
      state.of(this).alive = false;
      state.drop(this);
    },
  },

  methods: {
    onLoad(): void {
      void this.open();
    },

    async onPullDownRefresh(): Promise<void> {
      if (this.data.gate === 'desk') await this.loadPage(false, true);
      else await this.open();
      wx.stopPullDownRefresh();
    },

    onReachBottom(): void {
      if (this.data.more === 'idle' && state.of(this).cursor) void this.loadPage(true);
    },

    async open(): Promise<void> {
      this.setData({ gate: 'loading' });
      let me: Api.StaffMe;
      try {
        me = await currentIdentity();
      } catch (e) {
        this.setData({ gate: 'error', gateMessage: toApiError(e).message });
        return;
      }
      if (me.role === 'resident') this.setData({ gate: 'resident' });
      else if (!me.abilities.includes('supervisionDesk')) this.setData({ gate: 'forbidden', gateMessage: zh.staff.forbidden });
      else {
        this.setData({ gate: 'desk' });
        await this.loadPage(false);
      }
    },

    async loadPage(more: boolean, quiet = false): Promise<void> {
      const s = state.of(this);
      const seq = more ? s.seq : ++s.seq;
      if (more) this.setData({ more: 'loading' });
      else if (!quiet || this.data.listState !== 'ready') this.setData({ listState: 'loading', listMessage: '', rows: [], more: 'idle' });
      try {
        const page = await call('supervisions.list', more && s.cursor ? { cursor: s.cursor } : {});
        if (seq !== s.seq || !s.alive) return;
        s.cursor = page.nextCursor;
        const now = new Date();
        const rows = page.items.map((item) => toRow(item, now));
        const nextMore: More = page.nextCursor ? 'idle' : 'end';
        if (more) {
          const start = this.data.rows.length;
          const patch: Record<string, unknown> = { more: nextMore };
          rows.forEach((r, i) => {
            patch[`rows[${start + i}]`] = r;
          });
          this.setData(patch);
        } else {
          this.setData({
            rows,
            listState: rows.length ? 'ready' : 'empty',
            listMessage: rows.length ? '' : zh.staff.desk.empty,
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

    onRetryGate(): void {
      void this.open();
    },

    onRetryList(): void {
      void this.loadPage(false);
    },

    onRetryMore(): void {
      void this.loadPage(true);
    },

    onBack(): void {
      wx.navigateBack({ delta: 1, fail: () => wx.reLaunch({ url: '/pages/index/index' }) });
    },

    onOpen(e: TapEvent<{ ticket?: string }>): void {
      const id = e.currentTarget.dataset.ticket;
      if (id) wx.navigateTo({ url: `/staff/pages/ticket/ticket?id=${encodeURIComponent(id)}` });
    },
  },
});
