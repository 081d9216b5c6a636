// One ticket's page, for residents and staff alike: the ticket the query names, read with
// ticket.get on opening, again on a pull (quietly: what is shown stays, a failure is a toast) and
// after a conflict; an answer overtaken by a newer read is dropped. A page using it shows the view
// in a method of its own, show (taking the place of the one here), and sends the rest of a long
// timeline with showSlices.
import { zh } from '../i18n/zh';
import { call, toApiError } from '../services/api';
import { queryValue, type Query } from '../utils/events';
import { instanceState } from '../utils/instance-state';

export type TicketState = 'loading' | 'ready' | 'error';

/** Timeline rows per setData: every 督办 adds an entry with photo links, so a long one travels in slices. */
export const TIMELINE_SLICE = 10;

const reads = instanceState(() => ({ id: '', seq: 0 }));

export const ticketPage = Behavior({
  data: {
    state: 'loading' as TicketState,
    message: '',
  },

  lifetimes: {
    detached(): void {
      // Closed: a read still on its way is overtaken, so it neither shows nor toasts.
      reads.of(this).seq += 1;
    },
  },

  methods: {
    async onPullDownRefresh(): Promise<void> {
      await this.load(true);
      wx.stopPullDownRefresh();
    },

    /** Takes the ticket id from the page's query. */
    readQuery(query: Query): void {
      reads.of(this).id = queryValue(query, 'id');
    },

    ticketId(): string {
      return reads.of(this).id;
    },

    /** `quiet`: read again behind a ticket already shown — it stays, and a failure is a toast. */
    async load(quiet: boolean): Promise<void> {
      const s = reads.of(this);
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

    /** The page's own: shows the ticket as the server answered it (state 'ready'). */
    show(_view: Api.TicketView): void {
      throw new Error('a page using ticketPage defines show');
    },

    /** The timeline rows after the first slice, appended under `key` one slice per setData. */
    showSlices(key: string, rows: readonly unknown[]): void {
      for (let start = TIMELINE_SLICE; start < rows.length; start += TIMELINE_SLICE) {
        const patch: Record<string, unknown> = {};
        rows.slice(start, start + TIMELINE_SLICE).forEach((row, i) => {
          patch[`${key}[${start + i}]`] = row;
        });
        this.setData(patch);
      }
    },
  },
});
