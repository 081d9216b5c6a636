// The ticket as a caller may see it: the reporter's own data stays with the reporter, staff see
// the phone masked, and allowedActions tells the client what it may do next.
import { gridOutline } from '../../domain/grid-outline';
import { ticketDeadline } from '../../domain/deadline-words';
import { allowedActions, residentsOf } from '../../domain/lifecycle';
import { allowedNotes } from '../../domain/notes';
import { maskFreeText, maskPhone } from '../../domain/privacy';
import { judgeUrge } from '../../domain/urge';
import type { Actor, Ticket } from '../../domain/types';
import type { Deps } from '../../ports';
import { ROLE_LABEL } from '../labels';
import { supervisionItem } from '../supervisions/item';
import { handlerOf, People } from './handler';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The deadline the ticket waits on now, with its words, as the contract sends it. */
export function deadlineView(ticket: Ticket, now: Date): Api.TicketDeadline | null {
  const d = ticketDeadline(ticket, now);
  return d ? { kind: d.kind, at: d.at.toISOString(), label: d.label, overdue: d.overdue } : null;
}

export interface ViewOptions {
  timeline: boolean;
  /** Resolve photo download links (detail views only: lists stay small and fast). */
  photoUrls: boolean;
  /** Staff and queues looked up once for a whole list (made per view when not given). */
  people?: People;
}

/** How a resident comes to see the ticket; null for staff and for anyone else. */
export function relationOf(ticket: Ticket, actor: Actor): Api.TicketRelation | null {
  if (ticket.reporterOpenid === actor.openid) return 'reporter';
  if (ticket.claimantOpenid === actor.openid) return 'claimant';
  if (ticket.followers.includes(actor.openid)) return 'follower';
  return null;
}

/** Residents affected: the one it is about and everyone who said "我也遇到了". */
const affectedCount = (ticket: Ticket): number => residentsOf(ticket).length;

/** How many 督办 records a handling page shows. */
const SUPERVISIONS_SHOWN = 20;

export async function toView(ticket: Ticket, actor: Actor, deps: Deps, now: Date, options: ViewOptions): Promise<Api.TicketView> {
  const category = await deps.categories.get(ticket.category);
  const relation = relationOf(ticket, actor);
  // A follower is a neighbour: the ticket's progress, never the reporter's own details —
  // their words are masked, their photos, phone and name left out (staff in scope are not followers).
  const asFollower = relation === 'follower' && actor.role === 'resident';
  const reporterEntry = (e: { actorOpenid: string | null }): boolean => e.actorOpenid !== null && e.actorOpenid === ticket.reporterOpenid;
  const shownPhotos = asFollower ? [] : ticket.photos;
  const shownTimeline = ticket.timeline.map((e) =>
    asFollower && reporterEntry(e) ? { ...e, note: e.note ? maskFreeText(e.note) : null, photos: [] } : e,
  );
  const allPhotos = options.photoUrls ? [...shownPhotos, ...shownTimeline.flatMap((e) => e.photos)] : [];
  const urls = allPhotos.length > 0 ? await deps.files.tempUrls(allPhotos) : [];
  const urlOf = new Map(allPhotos.map((p, i) => [p, urls[i] ?? '']));
  const linked = (ids: readonly string[]): string[] =>
    options.photoUrls ? ids.map((p) => urlOf.get(p) ?? '').filter((u) => u !== '') : [];

  const view: Api.TicketView = {
    id: ticket.id,
    no: ticket.no,
    status: ticket.status,
    category: ticket.category,
    categoryName: category?.name ?? ticket.category,
    kind: ticket.kind,
    description: asFollower ? maskFreeText(ticket.description) : ticket.description,
    // Raw fileIDs only to their uploader; everyone in scope gets short-lived links instead.
    photos: ticket.reporterOpenid === actor.openid ? ticket.photos : [],
    photoUrls: linked(shownPhotos),
    location: {
      latitude: ticket.location.latitude,
      longitude: ticket.location.longitude,
      ...(ticket.location.address ? { address: ticket.location.address } : {}),
    },
    gridCode: ticket.place.gridCode,
    gridName: ticket.place.gridName,
    communityName: ticket.place.community,
    level: ticket.level,
    departmentCode: ticket.departmentCode,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    acceptBy: iso(ticket.acceptBy),
    resolveBy: iso(ticket.resolveBy),
    resolvedAt: iso(ticket.resolvedAt),
    overdue: ticket.overdue,
    deadline: deadlineView(ticket, now),
    complexity: ticket.complexity,
    rating: ticket.rating,
    ratingComment: ticket.ratingComment,
    result: ticket.result,
    source: ticket.source,
    ...(relation !== null ? { relation } : {}),
    affectedCount: affectedCount(ticket),
    allowedActions: [...allowedActions(ticket, actor, now), ...(judgeUrge(ticket, actor, now).ok ? (['urge'] as const) : [])],
    handler: await handlerOf(ticket, options.people ?? new People(deps)),
    supervised: ticket.timeline.some((e) => e.kind === 'supervise' || e.kind === 'overdue'),
  };
  // Whoever may see the ticket sees the phone masked; the name given for a 代报 is for staff
  // (the grid worker who filed it included).
  if (!asFollower) view.contactPhoneMasked = maskPhone(ticket.contactPhone);
  if (actor.role !== 'resident') view.reporterName = ticket.reporterName;
  // The worker who filed a 代报 shows its resident this code (or its QR) until they claim it.
  if (ticket.claimCode !== null && ticket.reporterOpenid === actor.openid && ticket.claimantOpenid === null)
    view.claimCode = ticket.claimCode;
  if (options.timeline) {
    view.timeline = shownTimeline.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actorRole: e.actorRole,
      actorLabel: ROLE_LABEL[e.actorRole],
      actorName: e.actorName ?? null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      level: e.level,
      note: e.note,
      photos: e.actorOpenid === actor.openid ? e.photos : [],
      photoUrls: linked(e.photos),
    }));
  }
  if (options.timeline && actor.role !== 'resident') await addStaffDetail(view, ticket, actor, deps, category?.name);
  return view;
}

/** What a handling page needs beyond the ticket: its 督办 records, the notes allowed, the grid's outline. */
async function addStaffDetail(
  view: Api.TicketView,
  ticket: Ticket,
  actor: Actor,
  deps: Deps,
  categoryName: string | undefined,
): Promise<void> {
  const [records, grid] = await Promise.all([
    deps.supervisions.forTicket(ticket.id, SUPERVISIONS_SHOWN),
    ticket.place.gridCode ? deps.grids.get(ticket.place.gridCode) : Promise.resolve(null),
  ]);
  view.supervisions = records.map((r) => supervisionItem(r, () => categoryName ?? r.category ?? ''));
  view.allowedNotes = allowedNotes(ticket, actor, view.supervisions.filter((s) => !s.answered).length);
  view.gridOutline = grid ? gridOutline(grid.polygons) : null;
}
