// Where the mini program sends its calls. The committed values are for the cloud; for local
// development against `npm start`, set `localServer` (and `devOpenid`, the user you act as) and
// tick 不校验合法域名 in the devtools. The local switch is honoured only in the develop build
// (see services/api.ts), so a forgotten localServer can never reach a trial or release version.

/** Subscription templates a resident is asked for when submitting (at most 3 per request). */
export type ResidentTemplateKey = 'ticketAccepted' | 'ticketResolved' | 'ticketRejected';
/** Subscription templates staff are asked for in their own taps (open the queue, accept, resolve). */
export type StaffTemplateKey = 'staffNewTicket' | 'staffEscalated';

export interface AppConfig {
  /** CloudBase environment id; always passed to wx.cloud.init (an omitted env picks the first one). */
  env: string;
  /** e.g. 'http://127.0.0.1:8787': send the same envelopes to the local server instead of the cloud. */
  localServer?: string;
  /** The openid the local server should see (header x-wx-openid), e.g. 'demo-resident-1'. */
  devOpenid?: string;
  /** Real template ids from 公众平台 → 订阅消息; locally each id equals its key. */
  templateIds: Record<ResidentTemplateKey, string>;
  /** The staff templates' ids, like templateIds. */
  staffTemplateIds: Record<StaffTemplateKey, string>;
  /**
   * 'longTerm' when the staff templates are long-term subscriptions (政务民生 and similar
   * services may use them: one grant, many messages); 'oneTime' otherwise. Must match the
   * server's SUBSCRIBE_TEMPLATE_KINDS.
   */
  staffTemplateKind: Api.TemplateKind;
  /**
   * Optional resident flows (report.follow "我也遇到了", report.claim 认领代报): on by default; a
   * deployment may switch one off, and the app then offers the plain flow instead.
   */
  features: { follow: boolean; claim: boolean };
}

export const config: AppConfig = {
  env: 'your-env-id',
  // localServer: 'http://127.0.0.1:8787',
  // devOpenid: 'demo-resident-1',
  templateIds: {
    ticketAccepted: 'ticketAccepted',
    ticketResolved: 'ticketResolved',
    ticketRejected: 'ticketRejected',
  },
  staffTemplateIds: {
    staffNewTicket: 'staffNewTicket',
    staffEscalated: 'staffEscalated',
  },
  staffTemplateKind: 'oneTime',
  features: { follow: true, claim: true },
};
