// One of my reports in a list; tapping it opens the detail page. A ticket waiting for the
// resident's rating says so (待评价 · 去评价), since that is the one thing they are asked to do.
import { zh } from '../../i18n/zh';
import type { TicketCard } from '../../utils/ticket-view';

Component({
  properties: {
    card: { type: Object, value: {} },
  },
  data: {
    t: zh.mine,
    createdLabel: zh.mine.createdAt,
    overdueText: zh.common.overdue,
  },
  methods: {
    onTap(): void {
      const card = this.data.card as Partial<TicketCard>;
      if (!card.id) return;
      wx.navigateTo({ url: `/pages/ticket/ticket?id=${encodeURIComponent(card.id)}` });
    },
  },
});
