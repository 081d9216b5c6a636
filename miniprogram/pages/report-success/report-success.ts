// After a report: its number, and in plain words who does what by when.
import { zh } from '../../i18n/zh';
import { queryValue, type Query } from '../../utils/events';
import { formatDeadline } from '../../utils/time';

function promiseText(acceptBy: string, triage: boolean): string {
  const deadline = formatDeadline(acceptBy);
  if (!deadline) return zh.success.soon;
  return triage ? zh.success.triage(deadline) : zh.success.acceptBy(deadline);
}

Component({
  data: {
    t: zh.success,
    notFound: zh.errors.NOT_FOUND,
    ticketId: '',
    no: '',
    promise: '',
  },
  methods: {
    onLoad(query: Query): void {
      this.setData({
        ticketId: queryValue(query, 'ticketId'),
        no: queryValue(query, 'no'),
        promise: promiseText(queryValue(query, 'acceptBy'), query.triage === '1'),
      });
    },
    onCopy(): void {
      wx.setClipboardData({
        data: this.data.no,
        success: () => wx.showToast({ title: zh.success.copied, icon: 'none' }),
      });
    },
    onView(): void {
      if (!this.data.ticketId) return;
      wx.redirectTo({ url: `/pages/ticket/ticket?id=${encodeURIComponent(this.data.ticketId)}` });
    },
    onHome(): void {
      wx.reLaunch({ url: '/pages/index/index' });
    },
  },
});
