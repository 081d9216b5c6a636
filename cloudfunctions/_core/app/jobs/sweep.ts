// The SLA sweep: every open ticket whose current deadline has passed is marked overdue,
// escalated one level (or supervised in place at the district), gets a 督办 record, and the
// newly responsible staff are notified — all in the ticket's own transaction. Idempotent: a
// handled deadline is recorded on the ticket, and two sweeps at once race on the version, so
// each overdue deadline is handled exactly once.
import { currentDeadline, sweepOverdue } from '../../domain/lifecycle';
import type { Deps } from '../../ports';
import { sla } from '../sla';
import { saveChange } from '../ticket/move';
import { eachLimited } from './pool';

const PAGE = 200;
const PARALLEL = 8;

export async function sweep(deps: Deps, budgetMs = 50_000): Promise<number> {
  const now = deps.clock.now();
  const started = Date.now();
  let processed = 0;
  let after: string | null = null;
  do {
    const page = await deps.tickets.dueForSweep(now, after, PAGE);
    await eachLimited(page.items, PARALLEL, async (ticket) => {
      const next = sweepOverdue(ticket, { actor: 'system', now, sla });
      if (!next) return;
      const missed = ticket.status === 'submitted' ? '超时未受理' : '超时未办结';
      const deadline = currentDeadline(ticket);
      const saved = await saveChange(deps, ticket, next, now, {
        supervision: { by: 'system', byRole: 'system', note: `${missed}（期限 ${deadline ? deadline.toISOString() : '-'}）` },
      });
      if (saved) processed += 1;
    });
    after = page.nextCursor;
    // A timer run has a time limit; what is left waits for the next trigger.
  } while (after !== null && Date.now() - started < budgetMs);
  return processed;
}
