// The SLA sweep: every open ticket whose current deadline has passed is marked overdue,
// escalated one level (or supervised in place at the district), gets a 督办 record, and the
// newly responsible staff are notified — all in the ticket's own transaction. Idempotent: a
// handled deadline is recorded on the ticket, and two sweeps at once race on the version, so
// each overdue deadline is handled exactly once.
import { deadlineText } from '../../domain/deadline-words';
import { currentDeadline, sweepOverdue } from '../../domain/lifecycle';
import type { Deps } from '../../ports';
import { sla } from '../sla';
import { saveChange } from '../ticket/save-change';
import { forEachPaged, unlessContended } from './pool';

const PAGE = 200;

export async function sweep(deps: Deps, budgetMs = 50_000): Promise<number> {
  const now = deps.clock.now();
  return forEachPaged(
    (after) => deps.tickets.dueForSweep(now, after, PAGE),
    async (ticket) => {
      const next = sweepOverdue(ticket, { actor: 'system', now, sla });
      if (!next) return false;
      const missed = ticket.status === 'submitted' ? '超时未受理' : '超时未办结';
      const deadline = currentDeadline(ticket);
      return unlessContended(() =>
        saveChange(deps, ticket, next, now, {
          supervision: { by: 'system', byRole: 'system', note: `${missed}（期限 ${deadline ? deadlineText(deadline, now) : '-'}）` },
        }),
      );
    },
    budgetMs,
  );
}
