// What a ticket change writes besides the ticket, in the same transaction: subscription messages
// queue in the outbox, a 督办 leaves its record (figures follow from the ticket itself, counted by
// the figures job, so no shared document is written here). Residents hear:
// accepted, resolved (with an invitation to rate), rejected; staff hear: a new ticket in their
// queue, an escalation or 督办 reaching them. Messages carry no personal data.
import { residentsOf } from '../../domain/lifecycle';
import { messageData, type TemplateKey } from '../../domain/messages';
import type { Holder, Ticket, TimelineKind } from '../../domain/types';
import { RESIDENT_TICKET_PAGE, STAFF_TICKET_PAGE } from '../../config/templates';
import type { ChangeEffects, Deps, OutboxMessage, SupervisionRecord } from '../../ports';

export interface Recipients {
  /** The resident to tell (null for patrol finds and 代报: nobody's mini program to reach). */
  /** The residents to tell: the one it is about and its followers (none for a patrol find or an unclaimed 代报). */
  residents: string[];
  staff: string[];
}

const RESIDENT_TEMPLATE: Partial<Record<TimelineKind, TemplateKey>> = {
  accept: 'ticketAccepted',
  resolve: 'ticketResolved',
  reject: 'ticketRejected',
};
const STAFF_TEMPLATE: Partial<Record<TimelineKind, TemplateKey>> = {
  submit: 'staffNewTicket',
  transfer: 'staffNewTicket',
  dispatch: 'staffNewTicket',
  return: 'staffNewTicket',
  reopen: 'staffNewTicket',
  escalate: 'staffEscalated',
  overdue: 'staffEscalated',
  supervise: 'staffEscalated',
  urge: 'staffEscalated',
};

export function holderOf(ticket: Pick<Ticket, 'departmentCode' | 'level' | 'place'>): Holder | null {
  if (ticket.departmentCode) return { kind: 'department', departmentCode: ticket.departmentCode };
  const p = ticket.place;
  switch (ticket.level) {
    case 'grid':
      return p.gridCode ? { kind: 'grid', gridCode: p.gridCode } : p.community ? { kind: 'community', community: p.community } : null;
    case 'community':
      return p.community ? { kind: 'community', community: p.community } : { kind: 'district', district: p.district };
    case 'street':
      return p.street ? { kind: 'street', street: p.street } : { kind: 'district', district: p.district };
    case 'district':
      return { kind: 'district', district: p.district };
  }
}

const lastKind = (ticket: Ticket): TimelineKind | null => ticket.timeline[ticket.timeline.length - 1]?.kind ?? null;

/** Resolved before the transaction, since it needs queries; the content is built inside it. */
export async function recipientsFor(deps: Deps, after: Ticket): Promise<Recipients> {
  const kind = lastKind(after);
  const residents = kind !== null && RESIDENT_TEMPLATE[kind] ? residentsOf(after) : [];
  const staff = kind !== null && STAFF_TEMPLATE[kind] ? await staffToTell(deps, after) : [];
  return { residents, staff };
}

/**
 * Who hears of a ticket not made yet, from where it will go (report.submit reads this beside its
 * other work): the staff of its queue — a new ticket has no message for residents.
 */
export async function newTicketRecipients(deps: Deps, routed: Pick<Ticket, 'level' | 'place'>): Promise<Recipients> {
  // What recipientsFor answers for a ticket whose last entry is its submit (STAFF_TEMPLATE.submit;
  // RESIDENT_TEMPLATE has none), without the ticket.
  return { residents: [], staff: await staffToTell(deps, { departmentCode: null, ...routed }) };
}

/** The staff who hear of a ticket in their queue: its holder's. */
async function staffToTell(deps: Deps, ticket: Pick<Ticket, 'departmentCode' | 'level' | 'place'>): Promise<string[]> {
  const holder = holderOf(ticket);
  const staff = holder ? await deps.staff.holders(holder) : [];
  // A grid with no worker bound yet: its community hears instead, so nothing waits unseen.
  if (staff.length === 0 && holder?.kind === 'grid' && ticket.place.community) {
    return deps.staff.holders({ kind: 'community', community: ticket.place.community });
  }
  return staff;
}

export interface EffectInput {
  deps: Deps;
  before: Ticket | null;
  after: Ticket;
  recipients: Recipients;
  categoryName: string;
  now: Date;
  supervision?: { by: string; byRole: SupervisionRecord['byRole']; note: string; byName?: string | null };
  /** The 督办 this change answers (ticket.reply). */
  answered?: ChangeEffects['answered'];
}

export function buildEffects(input: EffectInput): ChangeEffects {
  const { deps, after, recipients, now } = input;
  const kind = lastKind(after);
  const outbox: OutboxMessage[] = [];
  const message = (touser: string, template: TemplateKey, page: string): OutboxMessage => ({
    id: deps.ids.newId(),
    touser,
    template,
    templateId: deps.config.templateIds[template],
    data: messageData(template, { ticket: after, categoryName: input.categoryName, now }),
    page: `${page}?id=${after.id}`,
    ticketId: after.id,
    createdAt: now,
  });
  if (kind !== null) {
    const residentTemplate = RESIDENT_TEMPLATE[kind];
    if (residentTemplate)
      for (const resident of recipients.residents) outbox.push(message(resident, residentTemplate, RESIDENT_TICKET_PAGE));
    const staffTemplate = STAFF_TEMPLATE[kind];
    if (staffTemplate) {
      for (const openid of recipients.staff) {
        // The one who made the move does not need to be told about it.
        const actor = after.timeline[after.timeline.length - 1]?.actorOpenid;
        if (openid !== actor) outbox.push(message(openid, staffTemplate, STAFF_TICKET_PAGE));
      }
    }
  }
  // The ticket's number, category and place travel with the record, for the 督办 desk's lists.
  const supervision: SupervisionRecord | null = input.supervision
    ? {
        id: deps.ids.newId(),
        ticketId: after.id,
        level: after.level,
        at: now,
        ...input.supervision,
        byName: input.supervision.byName ?? null,
        ticketNo: after.no,
        category: after.category,
        gridCode: after.place.gridCode,
        community: after.place.community,
        street: after.place.street,
        district: after.place.district,
      }
    : null;
  return { outbox, supervision, ...(input.answered ? { answered: input.answered } : {}) };
}
