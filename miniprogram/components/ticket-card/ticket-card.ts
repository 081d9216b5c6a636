// One of my reports in a list; tapping it opens the detail page.
import { zh } from '../../i18n/zh';
import type { TicketCard } from '../../utils/ticket-view';

Component({
  properties: {
    card: { type: Object, value: {} },
  },
  data: {
    createdLabel: zh.mine.createdAt,
  },
  methods: {
    onTap(): void {
      const card = this.data.card as Partial<TicketCard>;
      if (!card.id) return;
      wx.navigateTo({ url: `/pages/ticket/ticket?id=${encodeURIComponent(card.id)}` });
    },
  },
});
