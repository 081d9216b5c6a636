// One ticket in the workbench queue: category and place, the time it has left (or how long it is
// overdue), its level when above the grid, the 督办 mark, and how many residents reported it.
// Tapping opens the handling page.
import { zh } from '../../../i18n/zh';
import type { QueueCard } from '../../../utils/staff-queue';

Component({
  properties: {
    card: { type: Object, value: {} },
  },
  data: {
    t: zh.staff.card,
  },
  methods: {
    onTap(): void {
      const card = this.data.card as Partial<QueueCard>;
      if (!card.id) return;
      wx.navigateTo({ url: `/staff/pages/ticket/ticket?id=${encodeURIComponent(card.id)}` });
    },
  },
});
