// Which actions of the contract this build implements. The action table (actions.ts) must hold
// every contract action not listed here, or tsc fails; ticket views only offer moves whose
// action is implemented, so the client never shows a button the server cannot honour.
import { TICKET_ACTIONS } from '../domain/lifecycle';
import type { TicketAction } from '../domain/types';

/** Actions of the contract scheduled for a later issue (following and claiming: after issue 7). */
export const PENDING_ACTIONS = ['report.follow', 'report.claim'] as const satisfies readonly Api.ActionName[];

export type PendingAction = (typeof PENDING_ACTIONS)[number];
export type DueAction = Exclude<Api.ActionName, PendingAction>;

export const ACTION_OF_MOVE: Readonly<Record<TicketAction, Api.ActionName>> = {
  withdraw: 'report.withdraw',
  accept: 'ticket.accept',
  reject: 'ticket.reject',
  transfer: 'ticket.transfer',
  dispatch: 'ticket.dispatch',
  escalate: 'ticket.escalate',
  resolve: 'ticket.resolve',
  rate: 'report.rate',
  reopen: 'report.reopen',
  supervise: 'ticket.supervise',
  return: 'ticket.return',
};

const pending: ReadonlySet<string> = new Set(PENDING_ACTIONS);
export const IMPLEMENTED_TICKET_ACTIONS: ReadonlySet<TicketAction> = new Set(
  TICKET_ACTIONS.filter((move) => !pending.has(ACTION_OF_MOVE[move])),
);
