// After a report: its number, and in plain words who does what by when — the deadline in the
// server's own words, handed over by the form (utils/report-form).
import { zh } from '../../i18n/zh';
import { queryValue, type Query } from '../../utils/events';
import { successPromise } from '../../utils/report-form';

Component({
  data: {
    t: zh.success,
    notFound: zh.errors.NOT_FOUND,
    ticketId: '',
    no: '',
    promise: { lead: '', deadline: '' },
  },
  methods: {
    onLoad(query: Query): void {
      this.setData({
        ticketId: queryValue(query, 'ticketId'),
        no: queryValue(query, 'no'),
        promise: successPromise(queryValue(query, 'deadline'), query.triage === '1'),
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
