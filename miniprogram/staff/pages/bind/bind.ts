// Becoming staff: the invite code typed, scanned (wx.scanCode) or carried in by the admin's QR
// code (the page opens with it as `scene` or `code`), the display name residents will read, and an
// optional public work number. Someone already bound is told so and led to the workbench.
import { zh } from '../../../i18n/zh';
import { call, toApiError } from '../../../services/api';
import { currentIdentity, forgetIdentity } from '../../../services/identity';
import { scanInviteCode, ScanCancelled } from '../../../services/staff-work';
import { queryValue, type Query, type ValueEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';
import { bindParams, inviteCodeFrom, validateBind, type BindErrors } from '../../../utils/staff-bind';

type Gate = 'loading' | 'form' | 'already';

const state = instanceState(() => ({ busy: false }));

Component({
  data: {
    t: zh.staff.bind,
    gate: 'loading' as Gate,
    alreadyText: '',
    code: '',
    displayName: '',
    servicePhone: '',
    errors: {} as BindErrors,
    submitting: false,
    submitError: '',
  },

  methods: {
    onLoad(query: Query): void {
      // A QR code opens the page with the code as `scene` (小程序码) or `code` (a link).
      const code = inviteCodeFrom(queryValue(query, 'scene')) ?? inviteCodeFrom(queryValue(query, 'code')) ?? '';
      this.setData({ code });
      void this.check();
    },

    async check(): Promise<void> {
      try {
        const me = await currentIdentity();
        if (me.role !== 'resident') {
          this.setData({ gate: 'already', alreadyText: `${zh.staff.bind.already}（${zh.staff.roles[me.role]} · ${me.scopeLabel}）` });
          return;
        }
      } catch {
        // Not knowing who this is, the form is still the way in; binding tells the truth.
      }
      this.setData({ gate: 'form' });
    },

    onCode(e: ValueEvent): void {
      this.setData({ code: String(e.detail.value ?? '').trim(), 'errors.code': '', submitError: '' });
    },

    onName(e: ValueEvent): void {
      this.setData({ displayName: String(e.detail.value ?? ''), 'errors.displayName': '', submitError: '' });
    },

    onPhone(e: ValueEvent): void {
      this.setData({ servicePhone: String(e.detail.value ?? '').trim(), 'errors.servicePhone': '', submitError: '' });
    },

    async onScan(): Promise<void> {
      try {
        const code = await scanInviteCode();
        this.setData({ code, 'errors.code': '', submitError: '' });
      } catch (e) {
        if (!(e instanceof ScanCancelled)) wx.showToast({ title: zh.staff.bind.scanFailed, icon: 'none' });
      }
    },

    async onSubmit(): Promise<void> {
      const s = state.of(this);
      if (s.busy) return;
      const fields = { code: this.data.code, displayName: this.data.displayName, servicePhone: this.data.servicePhone };
      const errors = validateBind(fields);
      this.setData({ errors, submitError: '' });
      if (Object.keys(errors).length > 0) return;
      s.busy = true;
      this.setData({ submitting: true });
      try {
        const bound = await call('staff.bind', bindParams(fields));
        // The role changed: the next staff.me must ask the server again.
        forgetIdentity();
        wx.showToast({ title: zh.staff.bind.bound(zh.staff.roles[bound.role]), icon: 'success' });
        wx.redirectTo({ url: '/staff/pages/home/home' });
      } catch (e) {
        this.setData({ submitError: toApiError(e).message });
      } finally {
        s.busy = false;
        this.setData({ submitting: false });
      }
    },

    onWorkbench(): void {
      wx.redirectTo({ url: '/staff/pages/home/home' });
    },
  },
});
