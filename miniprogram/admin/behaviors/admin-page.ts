// An admin page's gate: on opening, staff.me decides (services/admin-gate) — an admin is let in, a
// resident is shown how to bind, other staff that the page is not theirs, a failed lookup offers a
// retry. A pull reads the page again once inside, else asks again. A page using it says what it
// shows of the admin (admitted) and how it reads its content (refresh), in methods of its own that
// take the place of the ones here.
import { adminGate } from '../../services/admin-gate';

export type Gate = 'loading' | 'admin' | 'resident' | 'forbidden' | 'error';

export const adminPage = Behavior({
  data: {
    gate: 'loading' as Gate,
    gateMessage: '',
  },

  methods: {
    onLoad(): void {
      void this.open();
    },

    async onPullDownRefresh(): Promise<void> {
      if (this.data.gate === 'admin') await this.refresh();
      else await this.open();
      wx.stopPullDownRefresh();
    },

    async open(): Promise<void> {
      this.setData({ gate: 'loading', gateMessage: '' });
      const found = await adminGate();
      if (found.gate !== 'admin') {
        this.setData({ gate: found.gate, gateMessage: found.gate === 'error' ? found.message : '' });
        return;
      }
      this.setData({ gate: 'admin', ...this.admitted(found.me) });
      await this.refresh();
    },

    onRetryGate(): void {
      void this.open();
    },

    /** The page's own, when it shows something of the admin: set with the gate opening. */
    admitted(_me: Api.StaffMe): object {
      return {};
    },

    /** The page's own: reads what the page shows (on opening and on a pull). */
    refresh(): Promise<void> {
      return Promise.resolve();
    },
  },
});
