// Auto-close: a resolved ticket nobody rated closes 7 days after resolution, counted as
// unrated (never as satisfied). Idempotent: only resolved tickets match, and each close is
// conditional on the version read.
import { AUTO_CLOSE_DAYS, autoClose } from '../../domain/lifecycle';
import type { Deps } from '../../ports';
import { sla } from '../sla';
import { saveChange } from '../ticket/save-change';
import { forEachPaged, unlessContended } from './pool';
import { DAY_MS } from '../../domain/time-units';

const PAGE = 200;

export async function autoCloseResolved(deps: Deps, budgetMs = 50_000): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - AUTO_CLOSE_DAYS * DAY_MS);
  return forEachPaged(
    (after) => deps.tickets.resolvedBefore(cutoff, after, PAGE),
    async (ticket) =>
      ticket.status === 'resolved' &&
      unlessContended(() => saveChange(deps, ticket, autoClose(ticket, { actor: 'system', now, sla }), now)),
    budgetMs,
  );
}
