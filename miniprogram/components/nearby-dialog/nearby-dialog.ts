// "是同一个问题吗?": open tickets of the same category near the report, offered before a new
// ticket is made. They are other residents' tickets: listed, never opened. The filled button keeps
// the resident's work (continue). With `follow` on, each ticket has its own "我也遇到了" (follow
// it instead of filing a new one); without it, giving up the draft for an existing ticket is the
// outlined button and says so. Raises `decide` with { decision, ref? } — `ref` is the server's opaque
// follow token for that ticket (never its id).
import { zh } from '../../i18n/zh';
import type { NearbyRow } from '../../utils/report-form';

export type NearbyDecision = 'continue' | 'same' | 'cancel' | 'follow';

Component({
  properties: {
    visible: { type: Boolean, value: false },
    items: { type: Array, value: [] as NearbyRow[] },
    /** Offer "我也遇到了" (report.follow) on each ticket. */
    follow: { type: Boolean, value: false },
  },
  data: {
    t: zh.report,
  },
  methods: {
    decide(decision: NearbyDecision, ref?: string): void {
      this.triggerEvent('decide', ref ? { decision, ref } : { decision });
    },
    onFollow(e: WechatMiniprogram.BaseEvent<WechatMiniprogram.IAnyObject, { id?: string }>): void {
      const id = e.currentTarget.dataset.id;
      if (id) this.decide('follow', id);
    },
    onContinue(): void {
      this.decide('continue');
    },
    onSame(): void {
      this.decide('same');
    },
    onCancel(): void {
      this.decide('cancel');
    },
  },
});
