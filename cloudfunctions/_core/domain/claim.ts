// Rule (认领 a 代报): the resident a grid worker filed a report for claims it with the code the
// worker shows them; from then on it is theirs to follow and rate like their own report. Only a
// resident, only an unclaimed 代报, never one that is already over (closed, rejected, withdrawn).
// The claim is a timeline entry; status, level and deadlines stay as they are.
import { recordChange, type MoveContext } from './lifecycle';
import type { Actor, Ticket } from './types';

export type ClaimVerdict = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' };

export function judgeClaim(ticket: Ticket, actor: Actor): ClaimVerdict {
  if (actor.role !== 'resident' || ticket.reporterOpenid === actor.openid) return { ok: false, code: 'FORBIDDEN' };
  if (ticket.source !== 'proxy' || ticket.claimantOpenid !== null) return { ok: false, code: 'CONFLICT' };
  if (ticket.status === 'closed' || ticket.status === 'rejected' || ticket.status === 'withdrawn') return { ok: false, code: 'CONFLICT' };
  return { ok: true };
}

export function claim(ticket: Ticket, ctx: MoveContext, resident: Actor): Ticket {
  return recordChange(ticket, ctx, { claimantOpenid: resident.openid, claimCode: null }, { kind: 'claim', toStatus: ticket.status });
}
