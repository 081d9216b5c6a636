// 督办台: the 督办 records of a street's or district's tickets, newest first — which ticket, why,
// when, by whom (a name, or 系统 when the SLA sweep supervised), and whether the responsible staff
// answered. Pull to refresh, paged by cursor; a record opens its ticket's handling page. Only those
// the server gives a desk see one; residents are turned away.
import { zh } from '../../../i18n/zh';
import { gatedPage } from '../../../behaviors/gated-page';
import { pagedList, type More } from '../../../behaviors/paged-list';
import { call } from '../../../services/api';
import { staffGate } from '../../../services/gate';
import type { TapEvent } from '../../../utils/events';
import { formatDateTime } from '../../../utils/time';

interface DeskRow {
  id: string;
  ticketId: string;
  title: string;
  note: string;
  by: string;
  whenText: string;
  answered: boolean;
  answerText: string;
  answerNote: string;
  level: string;
}

function toRow(s: Api.SupervisionItem, now: Date): DeskRow {
  const d = zh.staff.desk;
  return {
    id: s.id,
    ticketId: s.ticketId,
    title: `${s.categoryName} · ${s.ticketNo}`,
    note: s.note,
    by: d.by(s.by === s.byLabel ? d.system : `${s.byLabel} ${s.by}`),
    whenText: formatDateTime(s.at, now),
    answered: s.answered,
    answerText: s.answer ? d.answer(s.answer.by, formatDateTime(s.answer.at, now)) : '',
    answerNote: s.answer ? s.answer.note : '',
    level: zh.staff.levels[s.level],
  };
}

Component({
  behaviors: [gatedPage(staffGate('supervisionDesk')), pagedList],

  data: {
    d: zh.staff.desk,
    common: zh.common,
    back: zh.staff.back,
    rows: [] as DeskRow[],
  },

  methods: {
    refresh(quiet: boolean): Promise<void> {
      return this.loadPage(false, quiet);
    },

    fetchPage(cursor: string | null): Promise<Api.Data<'supervisions.list'>> {
      return call('supervisions.list', cursor ? { cursor } : {});
    },

    showPage(page: Api.Data<'supervisions.list'>, more: boolean, nextMore: More): void {
      const now = new Date();
      const rows = page.items.map((item) => toRow(item, now));
      this.showRows('rows', rows, more, nextMore, zh.staff.desk.empty);
    },

    onBack(): void {
      wx.navigateBack({ delta: 1, fail: () => wx.reLaunch({ url: '/pages/index/index' }) });
    },

    onOpen(e: TapEvent<{ ticket?: string }>): void {
      const id = e.currentTarget.dataset.ticket;
      if (id) wx.navigateTo({ url: `/staff/pages/ticket/ticket?id=${encodeURIComponent(id)}` });
    },
  },
});
