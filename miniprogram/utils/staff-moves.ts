// The forms behind the handling page's moves: what each asks for, the checks a person hears about
// before the network is involved (the server checks again; its word is final), and the params each
// action takes. A 督办 answer (`reply`) is one more form of the same sheet.
import { zh } from '../i18n/zh';
import { REASON_MAX } from './validate';
import type { StaffMove } from './staff-ticket';

export type SheetKind = StaffMove | 'reply';
export type RejectReason = 'duplicate' | 'scope' | 'abuse' | 'other';

export interface MoveForm {
  complexity: Api.Complexity;
  rejectReason: RejectReason | '';
  /** Reject / transfer / return / escalate reason, supervise and reply note, dispatch note. */
  text: string;
  duplicateOf: string;
  gridCode: string;
  departmentCode: string;
  /** Resolve: the result text. */
  result: string;
  /** Resolve: fileIDs already uploaded. */
  photos: string[];
  /** Reply: which 督办 is answered. */
  supervisionId: string;
}

export function emptyForm(): MoveForm {
  return {
    complexity: 'normal',
    rejectReason: '',
    text: '',
    duplicateOf: '',
    gridCode: '',
    departmentCode: '',
    result: '',
    photos: [],
    supervisionId: '',
  };
}

const within = (s: string, max: number): boolean => {
  const n = Array.from(s.trim()).length;
  return n >= 1 && n <= max;
};

/** The first thing missing from the form, in words, or '' when it may be sent. */
export function formProblem(kind: SheetKind, form: MoveForm): string {
  const s = zh.staff.sheet;
  switch (kind) {
    case 'accept':
      return '';
    case 'reject':
      if (!form.rejectReason) return s.errorPick;
      if (form.rejectReason === 'duplicate' && !form.duplicateOf) return s.errorPick;
      return within(form.text, REASON_MAX) ? '' : s.errorReason;
    case 'transfer':
      if (!form.gridCode) return s.errorPick;
      return within(form.text, REASON_MAX) ? '' : s.errorReason;
    case 'dispatch':
      if (!form.departmentCode) return s.errorPick;
      return Array.from(form.text.trim()).length <= REASON_MAX ? '' : s.errorReason;
    case 'return':
    case 'escalate':
    case 'supervise':
    case 'reply':
      return within(form.text, REASON_MAX) ? '' : s.errorReason;
    case 'resolve':
      return within(form.result, REASON_MAX) ? '' : s.errorResult;
  }
}

export type MoveCall =
  | { action: 'ticket.accept'; params: Api.Params<'ticket.accept'> }
  | { action: 'ticket.reject'; params: Api.Params<'ticket.reject'> }
  | { action: 'ticket.transfer'; params: Api.Params<'ticket.transfer'> }
  | { action: 'ticket.dispatch'; params: Api.Params<'ticket.dispatch'> }
  | { action: 'ticket.return'; params: Api.Params<'ticket.return'> }
  | { action: 'ticket.escalate'; params: Api.Params<'ticket.escalate'> }
  | { action: 'ticket.resolve'; params: Api.Params<'ticket.resolve'> }
  | { action: 'ticket.supervise'; params: Api.Params<'ticket.supervise'> }
  | { action: 'ticket.reply'; params: Api.Params<'ticket.reply'> };

/** The action and params a filled form sends. */
export function moveCall(kind: SheetKind, ticketId: string, form: MoveForm): MoveCall {
  const text = form.text.trim();
  switch (kind) {
    case 'accept':
      return { action: 'ticket.accept', params: { ticketId, complexity: form.complexity } };
    case 'reject':
      return {
        action: 'ticket.reject',
        params: {
          ticketId,
          reason: text,
          ...(form.rejectReason === 'duplicate' && form.duplicateOf ? { duplicateOf: form.duplicateOf } : {}),
        },
      };
    case 'transfer':
      return { action: 'ticket.transfer', params: { ticketId, toGridCode: form.gridCode, reason: text } };
    case 'dispatch':
      return { action: 'ticket.dispatch', params: { ticketId, departmentCode: form.departmentCode, ...(text ? { note: text } : {}) } };
    case 'return':
      return { action: 'ticket.return', params: { ticketId, reason: text } };
    case 'escalate':
      return { action: 'ticket.escalate', params: { ticketId, reason: text } };
    case 'resolve':
      return { action: 'ticket.resolve', params: { ticketId, result: form.result.trim(), photos: form.photos } };
    case 'supervise':
      return { action: 'ticket.supervise', params: { ticketId, note: text } };
    case 'reply':
      return { action: 'ticket.reply', params: { ticketId, supervisionId: form.supervisionId, note: text } };
  }
}

export function sheetTitle(kind: SheetKind): string {
  return kind === 'reply' ? zh.staff.ticket.replyTitle : zh.staff.moves[kind];
}

export function confirmTitle(kind: SheetKind): string {
  return zh.staff.sheet.confirmTitle(kind === 'reply' ? zh.staff.ticket.reply : zh.staff.moves[kind]);
}

export function confirmText(kind: SheetKind): string {
  return kind === 'reply' ? '' : zh.staff.sheet.confirmText[kind];
}
