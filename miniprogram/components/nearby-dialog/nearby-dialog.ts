// "是同一个问题吗?": open tickets of the same category near the report, offered before a new
// ticket is made. They are other residents' tickets: listed, never opened. The filled button keeps
// the resident's work (continue); giving up the draft for an existing ticket is the outlined one
// and says so. Raises `decide` with { decision: 'continue' | 'same' | 'cancel' }.
import { zh } from '../../i18n/zh';
import type { NearbyRow } from '../../utils/report-form';

export type NearbyDecision = 'continue' | 'same' | 'cancel';

Component({
  properties: {
    visible: { type: Boolean, value: false },
    items: { type: Array, value: [] as NearbyRow[] },
  },
  data: {
    t: zh.report,
  },
  methods: {
    decide(decision: NearbyDecision): void {
      this.triggerEvent('decide', { decision });
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
