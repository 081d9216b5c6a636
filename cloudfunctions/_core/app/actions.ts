// The action table: every action of the contract that is due (not listed in implemented.ts as
// pending) must appear here with its use case, or tsc fails.
import { importGrids } from './admin/grids-import';
import { listGrids } from './admin/grids-list';
import { createInvite } from './admin/invites-create';
import type { DueAction } from './implemented';
import { listQueue } from './queue/list';
import { myReports } from './report/mine';
import { rateReport } from './report/rate';
import { submitReport } from './report/submit';
import { bindStaff } from './staff/bind';
import { me } from './staff/me';
import { acceptTicket } from './ticket/accept';
import { getTicket } from './ticket/get';
import { resolveTicket } from './ticket/resolve';
import type { UseCase } from './use-case';

export type ActionTable = { [A in DueAction]: UseCase<A> };

export const ACTIONS: ActionTable = {
  'report.submit': submitReport,
  'report.mine': myReports,
  'report.rate': rateReport,
  'ticket.get': getTicket,
  'staff.bind': bindStaff,
  'staff.me': me,
  'queue.list': listQueue,
  'ticket.accept': acceptTicket,
  'ticket.resolve': resolveTicket,
  'admin.grids.import': importGrids,
  'admin.grids.list': listGrids,
  'admin.invites.create': createInvite,
};
