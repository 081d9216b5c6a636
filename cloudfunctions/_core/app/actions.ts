// The action table: every action of the contract must appear here with its use case, or tsc fails.
import { listCatalog } from './admin/catalog-list';
import { upsertCategory } from './admin/categories-upsert';
import { upsertDepartment } from './admin/departments-upsert';
import { exportPeriod } from './admin/export';
import { importGrids } from './admin/grids-import';
import { listCategories } from './categories/list';
import { listGrids } from './admin/grids-list';
import { previewGrids } from './admin/grids-preview';
import { createInvite } from './admin/invites-create';
import { listInvites } from './admin/invites-list';
import { inviteQr } from './admin/invites-qr';
import { revokeInvite } from './admin/invites-revoke';
import { listDepartments } from './departments/list';
import { pickGrids } from './grids/pick';
import { queueCounts } from './queue/counts';
import { listQueue } from './queue/list';
import { claimReport } from './report/claim';
import { followReport } from './report/follow';
import { myReports } from './report/mine';
import { nearbyReports } from './report/nearby';
import { rateReport } from './report/rate';
import { reopenReport } from './report/reopen';
import { urgeReport } from './report/urge';
import { submitReport } from './report/submit';
import { withdrawReport } from './report/withdraw';
import { bindStaff } from './staff/bind';
import { listStaff } from './staff/list';
import { removeStaff } from './staff/remove';
import { updateStaff } from './staff/update';
import { me } from './staff/me';
import { recordSubscription } from './subscription/record';
import { statsSummary } from './stats/summary';
import { listSupervisions } from './supervisions/list';
import { acceptTicket } from './ticket/accept';
import { contactResident } from './ticket/contact';
import { duplicateCandidates } from './ticket/duplicates';
import { dispatchTicket } from './ticket/dispatch';
import { escalateTicket } from './ticket/escalate';
import { getTicket } from './ticket/get';
import { rejectTicket } from './ticket/reject';
import { replyToSupervision } from './ticket/reply';
import { resolveTicket } from './ticket/resolve';
import { returnTicket } from './ticket/return';
import { superviseTicket } from './ticket/supervise';
import { transferTicket } from './ticket/transfer';
import type { UseCase } from './use-case';

export type ActionTable = { [A in Api.ActionName]: UseCase<A, unknown> };

export const ACTIONS: ActionTable = {
  'report.submit': submitReport,
  'report.mine': myReports,
  'report.rate': rateReport,
  'report.withdraw': withdrawReport,
  'report.reopen': reopenReport,
  'report.urge': urgeReport,
  'report.nearby': nearbyReports,
  'report.follow': followReport,
  'report.claim': claimReport,
  'ticket.get': getTicket,
  'categories.list': listCategories,
  'subscription.record': recordSubscription,
  'staff.bind': bindStaff,
  'staff.me': me,
  'staff.list': listStaff,
  'staff.remove': removeStaff,
  'staff.update': updateStaff,
  'queue.list': listQueue,
  'queue.counts': queueCounts,
  'departments.list': listDepartments,
  'grids.pick': pickGrids,
  'ticket.duplicates': duplicateCandidates,
  'ticket.contact': contactResident,
  'ticket.reply': replyToSupervision,
  'supervisions.list': listSupervisions,
  'ticket.accept': acceptTicket,
  'ticket.resolve': resolveTicket,
  'ticket.reject': rejectTicket,
  'ticket.transfer': transferTicket,
  'ticket.dispatch': dispatchTicket,
  'ticket.return': returnTicket,
  'ticket.escalate': escalateTicket,
  'ticket.supervise': superviseTicket,
  'stats.summary': statsSummary,
  'admin.grids.import': importGrids,
  'admin.grids.list': listGrids,
  'admin.grids.preview': previewGrids,
  'admin.invites.create': createInvite,
  'admin.invites.list': listInvites,
  'admin.invites.revoke': revokeInvite,
  'admin.invites.qr': inviteQr,
  'admin.export': exportPeriod,
  'admin.catalog.list': listCatalog,
  'admin.categories.upsert': upsertCategory,
  'admin.departments.upsert': upsertDepartment,
};
