// "Last active" for the staff directory, kept cheaply: after a staff member's successful call, and
// only when the mark is over an hour old, one conditional update. Refused calls write nothing (bad
// input never changes data), and most calls write nothing at all.
import type { Actor } from '../domain/types';
import type { Deps } from '../ports';
import { HOUR_MS } from '../domain/time-units';

/**
 * `lastActiveAt` is what the staff record said when the call began: undefined when the caller has
 * no record (residents, configured super admins).
 */
export async function noteActivity(actor: Actor, lastActiveAt: Date | null | undefined, deps: Deps, now: Date): Promise<void> {
  if (lastActiveAt === undefined || actor.role === 'resident') return;
  if (lastActiveAt !== null && now.getTime() - lastActiveAt.getTime() < HOUR_MS) return;
  try {
    await deps.admin.touch(actor.openid, now, new Date(now.getTime() - HOUR_MS));
  } catch {
    // A mark missed is caught up on the next call; the call itself succeeded.
  }
}
