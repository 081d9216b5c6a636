// The SLA sweep: every open ticket whose current deadline has passed is marked overdue,
// escalated one level (or supervised in place at the district), gets a 督办 record, and the
// newly responsible staff are notified — all in the ticket's own transaction. Idempotent: a
// handled deadline is recorded on the ticket, and two sweeps at once race on the version, so
// each overdue deadline is handled exactly once. A run stays within its time budget (pool.ts);
// a burst it cannot finish is picked up by the next run, which reads only what is still overdue
// and unhandled (the store's sweep index).
import { deadlineText } from '../../domain/deadline-words';
import { currentDeadline, sweepOverdue } from '../../domain/lifecycle';
import type { Deps } from '../../ports';
import { sla } from '../sla';
import { saveChange } from '../ticket/save-change';
import { forEachPaged, unlessContended } from './pool';

const PAGE = 200;
/** The jobs function times out at 60 s; a run leaves its last 10 s unused. */
export const SWEEP_BUDGET_MS = 50_000;

export interface SweepOptions {
  budgetMs?: number;
  page?: number;
  /** Milliseconds for the budget (tests pass their own). */
  clock?: () => number;
}

export async function sweep(deps: Deps, options: SweepOptions = {}): Promise<number> {
  const now = deps.clock.now();
  const page = options.page ?? PAGE;
  return forEachPaged(
    (after) => deps.tickets.dueForSweep(now, after, page),
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
    options.budgetMs ?? SWEEP_BUDGET_MS,
    options.clock,
  );
}
