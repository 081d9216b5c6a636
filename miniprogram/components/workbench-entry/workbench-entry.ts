// The way into the staff workbench on the resident home, shown only to staff (staff.me decides;
// residents see nothing). It names the person and how much waits for them (queue.counts), and
// its tap — which opens the queue — also asks for the staff notifications, so grants accumulate
// in ordinary work (PLATFORM.md item 22).
import { zh } from '../../i18n/zh';
import { call } from '../../services/api';
import { currentIdentity } from '../../services/identity';
import { requestStaffSubscriptions } from '../../services/staff-subscribe';
import { instanceState } from '../../utils/instance-state';

const state = instanceState(() => ({ attached: false }));

Component({
  data: {
    t: zh.staff.entry,
    visible: false,
    hello: '',
    scope: '',
    counts: '',
  },
  lifetimes: {
    attached(): void {
      state.of(this).attached = true;
      void this.load();
    },
    detached(): void {
      state.of(this).attached = false;
    },
  },
  pageLifetimes: {
    show(): void {
      // Back from the workbench: the numbers may have changed.
      if (this.data.visible) void this.loadCounts();
    },
  },
  methods: {
    async load(): Promise<void> {
      let me: Api.StaffMe;
      try {
        me = await currentIdentity();
      } catch {
        return; // Not knowing who this is, show nothing: the home page works without it.
      }
      if (!state.of(this).attached || me.role === 'resident') return;
      const role = zh.staff.roles[me.role];
      this.setData({
        visible: true,
        hello: zh.staff.entry.hello(me.displayName ?? role),
        scope: me.scopeLabel && me.scopeLabel !== role ? `${role} · ${me.scopeLabel}` : role,
      });
      await this.loadCounts();
    },
    async loadCounts(): Promise<void> {
      try {
        const counts = await call('queue.counts', {});
        if (state.of(this).attached) this.setData({ counts: zh.staff.entry.counts(counts.submitted, counts.overdue) });
      } catch {
        // The entry still leads to the workbench, which shows its own errors.
      }
    },
    onOpen(): void {
      // First thing in the tap: WeChat shows the request nowhere else.
      void requestStaffSubscriptions();
      wx.navigateTo({ url: '/staff/pages/home/home' });
    },
  },
});
