// Claiming a 代报: a grid worker filed the report for a resident who phoned or visited, and shows
// them a short code (typed here) or a QR code (which opens this page with ?code= or ?scene=, or is
// scanned from here). Claiming asks for the notification grants in the same tap, then report.claim;
// the ticket is theirs to follow and rate from then on.
import { call, toApiError } from '../../services/api';
import { recordGrants, requestResidentSubscriptions } from '../../services/subscribe';
import { zh } from '../../i18n/zh';
import { queryValue, type Query, type ValueEvent } from '../../utils/events';
import { claimCodeFrom, isClaimCode, normaliseClaimCode } from '../../utils/claim-code';
import { instanceState } from '../../utils/instance-state';

const state = instanceState(() => ({ busy: false }));

Component({
  data: {
    t: zh.claim,
    code: '',
    error: '',
    submitError: '',
    submitting: false,
  },
  methods: {
    onLoad(query: Query): void {
      // A QR code made for this page carries the code as ?code= or, for unlimited codes, ?scene=.
      const code = claimCodeFrom(queryValue(query, 'code') || queryValue(query, 'scene'));
      if (code) this.setData({ code });
    },

    onCode(e: ValueEvent): void {
      this.setData({ code: normaliseClaimCode(String(e.detail.value ?? '')), error: '', submitError: '' });
    },

    onScan(): void {
      wx.scanCode({
        success: (res) => {
          const code = claimCodeFrom(res.path || res.result);
          if (code) this.setData({ code, error: '', submitError: '' });
          else this.setData({ error: zh.claim.errorCode });
        },
      });
    },

    onClaim(): void {
      const s = state.of(this);
      if (s.busy) return;
      const code = this.data.code;
      if (!isClaimCode(code)) {
        this.setData({ error: zh.claim.errorCode });
        return;
      }
      s.busy = true;
      this.setData({ submitting: true, submitError: '' });
      // Still inside the tap: WeChat allows the subscription request only here.
      const grants = requestResidentSubscriptions();
      void this.claim(code, grants);
    },

    async claim(code: string, grants: Promise<Record<string, Api.GrantResult>>): Promise<void> {
      const s = state.of(this);
      try {
        await recordGrants(await grants);
        const view = await call('report.claim', { code });
        wx.showToast({ title: zh.claim.claimed, icon: 'success' });
        wx.redirectTo({ url: `/pages/ticket/ticket?id=${encodeURIComponent(view.id)}` });
      } catch (e) {
        s.busy = false;
        this.setData({ submitting: false, submitError: toApiError(e).message });
      }
    },
  },
});
