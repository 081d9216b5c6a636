// A ticket's status as a coloured tag, with a red 已超时 beside it when a deadline was missed.
import { zh } from '../../i18n/zh';
import { statusLabel, statusTheme } from '../../utils/ticket-view';

const STATUSES: ReadonlyArray<Api.TicketStatus> = ['submitted', 'accepted', 'resolved', 'closed', 'rejected', 'withdrawn'];

Component({
  properties: {
    status: { type: String, value: 'submitted' },
    overdue: { type: Boolean, value: false },
    /** TDesign tag size: 'medium' in lists, 'large' on the detail page. */
    size: { type: String, value: 'large' },
  },
  data: {
    label: '',
    theme: 'default',
    overdueText: zh.common.overdue,
  },
  lifetimes: {
    attached(): void {
      this.paint(this.data.status);
    },
  },
  observers: {
    status(value: string): void {
      this.paint(value);
    },
  },
  methods: {
    paint(value: string): void {
      const status = STATUSES.find((s) => s === value);
      this.setData({
        label: status ? statusLabel(status) : '',
        theme: status ? statusTheme(status) : 'default',
      });
    },
  },
});
