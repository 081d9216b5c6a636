// Subscription message content: what each template says about a ticket, within WeChat's field
// limits (thing ≤ 20 characters, phrase ≤ 5, character_string ≤ 32 ASCII, time as
// "2026年11月22日 14:00"), and never personal data: no names, phones or the resident's words.
import { formatShanghai } from './calendar';
import { deadlineText } from './deadline-words';
import type { Ticket } from './types';

export type TemplateKey = Api.TemplateKey;
export type MessageData = Record<string, { value: string }>;

export const LIMITS = { thing: 20, phrase: 5, character_string: 32 } as const;

/** Cuts to `max` characters (code points, so a Chinese character is never split), marking the cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return `${chars.slice(0, max - 1).join('')}…`;
}

const phrase = (text: string): string => Array.from(text).slice(0, LIMITS.phrase).join('');
const asciiNo = (no: string): string => no.replace(/[^\x20-\x7e]/g, '').slice(0, LIMITS.character_string);
const wxTime = (at: Date): string => formatShanghai(at, 'YYYY年M月D日 HH:mm');

export interface MessageInput {
  ticket: Ticket;
  categoryName: string;
  now: Date;
}

/** "请于11月26日 24:00前处理": the end of a day is its 24:00, by the calendar's end-of-day rule. */
const dueWords = (deadline: Date | null): string => (deadline ? `请于${deadlineText(deadline)}前处理` : '请尽快处理');

/** The five fields of each template (names as in config/templates.ts), clipped to the limits. */
export function messageData(template: TemplateKey, input: MessageInput): MessageData {
  const { ticket, categoryName, now } = input;
  const fields = (status: string, hint: string): MessageData => ({
    character_string1: { value: asciiNo(ticket.no) },
    thing2: { value: clip(categoryName, LIMITS.thing) },
    phrase3: { value: phrase(status) },
    time4: { value: wxTime(now) },
    thing5: { value: clip(hint, LIMITS.thing) },
  });
  switch (template) {
    case 'ticketAccepted':
      return fields('处理中', ticket.resolveBy ? `预计${formatShanghai(ticket.resolveBy, 'M月D日')}前办结` : '已受理，正在处理');
    case 'ticketResolved':
      return fields('已办结', '已办结，请您评价处理结果');
    case 'ticketRejected':
      return fields('不予受理', '点击查看原因');
    case 'staffNewTicket':
      return fields(
        ticket.status === 'accepted' ? '待办理' : '待受理',
        dueWords(ticket.status === 'accepted' ? ticket.resolveBy : ticket.acceptBy),
      );
    case 'staffEscalated':
      // "请于11月26日 24:00前处理" is 17 characters: the new deadline always fits the 20 of a thing.
      return fields(
        ticket.timeline[ticket.timeline.length - 1]?.kind === 'urge' ? '居民催办' : ticket.overdue ? '超时督办' : '上级督办',
        dueWords(ticket.status === 'accepted' ? ticket.resolveBy : ticket.acceptBy),
      );
  }
}
