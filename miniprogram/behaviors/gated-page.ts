// A page only some may use. On opening, `check` (services/gate: staff.me) lets the caller in or
// says why not — a resident, staff the page is not for, a lookup that failed (with a retry). A pull
// reads the page again (quietly) once inside, else checks again. A page using it says what it
// shows of the person let in (admitted) and how it reads its content (refresh), in methods of its
// own that take the place of the ones here.
import type { GateCheck } from '../services/gate';

export type Gate = 'loading' | GateCheck['gate'];

// The return type is inferred: it carries the data and methods pages see on `this`.
export function gatedPage(check: () => Promise<GateCheck>) {
  return Behavior({
    data: {
      gate: 'loading' as Gate,
      gateMessage: '',
    },

    methods: {
      onLoad(): void {
        void this.open();
      },

      async onPullDownRefresh(): Promise<void> {
        if (this.data.gate === 'open') await this.refresh(true);
        else await this.open();
        wx.stopPullDownRefresh();
      },

      async open(): Promise<void> {
        this.setData({ gate: 'loading', gateMessage: '' });
        const found = await check();
        if (found.gate !== 'open') {
          this.setData({ gate: found.gate, gateMessage: found.gate === 'resident' ? '' : found.message });
          return;
        }
        this.setData({ gate: 'open', ...this.admitted(found.me) });
        await this.refresh(false);
      },

      onRetryGate(): void {
        void this.open();
      },

      /** The page's own, when it shows something of the person let in: set as the gate opens. */
      admitted(_me: Api.StaffMe): object {
        return {};
      },

      /** The page's own: reads what the page shows — on opening, and `quiet`ly on a pull. */
      refresh(_quiet: boolean): Promise<void> {
        return Promise.resolve();
      },
    },
  });
}
