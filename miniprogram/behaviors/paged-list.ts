// A list the server answers a page at a time ({ items, nextCursor }): the first page, the next one
// at the bottom, a failed page tried again; the list's loading / empty / error face and the line
// under it (more / failed / no more). An answer overtaken by a newer request, or arriving after the
// page closed, is dropped. A page using it says what to ask and how to show the answer in two
// methods of its own, which take the place of the ones here: fetchPage and showPage.
import { toApiError } from '../services/api';
import { instanceState } from '../utils/instance-state';

export type ListState = 'loading' | 'ready' | 'empty' | 'error';
export type More = 'idle' | 'loading' | 'error' | 'end';

/** What every page of a list carries: where the next one starts (null: this was the last). */
export interface CursorPage {
  nextCursor: string | null;
}

const paging = instanceState(() => ({ seq: 0, cursor: null as string | null, alive: true }));

export const pagedList = Behavior({
  data: {
    listState: 'loading' as ListState,
    listMessage: '',
    more: 'idle' as More,
  },

  lifetimes: {
    detached(): void {
      paging.of(this).alive = false;
    },
  },

  methods: {
    onReachBottom(): void {
      if (this.data.more === 'idle' && paging.of(this).cursor) void this.loadPage(true);
    },

    onRetryList(): void {
      void this.loadPage(false);
    },

    onRetryMore(): void {
      void this.loadPage(true);
    },

    /** Another list in the same place (a tab changed): the next page starts from its top. */
    restartList(): void {
      paging.of(this).cursor = null;
    },

    /**
     * The first page (or, with `more`, the next one). `quiet`: read again behind a list already on
     * screen — it stays there, and a failure is said in a toast.
     */
    async loadPage(more: boolean, quiet = false): Promise<void> {
      const s = paging.of(this);
      const seq = more ? s.seq : ++s.seq;
      if (more) this.setData({ more: 'loading' });
      else if (!quiet || this.data.listState !== 'ready') this.setData({ listState: 'loading', listMessage: '', more: 'idle' });
      try {
        const page = await this.fetchPage(more ? s.cursor : null);
        if (seq !== s.seq || !s.alive) return;
        s.cursor = page.nextCursor;
        await this.showPage(page, more, page.nextCursor ? 'idle' : 'end');
      } catch (e) {
        if (seq !== s.seq || !s.alive) return;
        const message = toApiError(e).message;
        if (more) this.setData({ more: 'error' });
        else if (quiet && this.data.listState === 'ready') wx.showToast({ title: message, icon: 'none' });
        else this.setData({ listState: 'error', listMessage: message });
      }
    },

    /** The page's own: one page from the server, from `cursor` on (null: the first page). */
    fetchPage(_cursor: string | null): Promise<CursorPage> {
      return Promise.reject(new Error('a page using pagedList defines fetchPage'));
    },

    /**
     * The page's own: shows a page the server answered (`more`: after the rows already shown), and
     * sets `more` to `nextMore`. showRows does both for a plain list of rows.
     */
    showPage(_page: CursorPage, _more: boolean, _nextMore: More): void | Promise<void> {
      throw new Error('a page using pagedList defines showPage');
    },

    /**
     * Rows under the data key `key`: a first page replaces them (none: the list says `emptyText`);
     * a next page is appended by path, so only the new rows travel through setData. `extra` goes
     * along in the same setData.
     */
    showRows(key: string, rows: readonly unknown[], more: boolean, nextMore: More, emptyText: string, extra: object = {}): void {
      if (!more) {
        this.setData({
          [key]: rows,
          listState: rows.length ? 'ready' : 'empty',
          listMessage: rows.length ? '' : emptyText,
          more: nextMore,
          ...extra,
        });
        return;
      }
      const shown = (this.data as Record<string, unknown>)[key];
      const start = Array.isArray(shown) ? shown.length : 0;
      const patch: Record<string, unknown> = { more: nextMore, ...extra };
      rows.forEach((row, i) => {
        patch[`${key}[${start + i}]`] = row;
      });
      this.setData(patch);
    },
  },
});
