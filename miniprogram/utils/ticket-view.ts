// Turns the server's ticket views into what a page shows. Only presentation lives here: which
// moves are possible comes from the server's allowedActions, never from the status.
import { categoryName, zh } from '../i18n/zh';
import { formatDateTime, formatDeadline } from './time';

export type TagTheme = 'default' | 'primary' | 'success' | 'warning' | 'danger';

const STATUS_THEME: Record<Api.TicketStatus, TagTheme> = {
  submitted: 'warning',
  accepted: 'primary',
  resolved: 'success',
  closed: 'default',
  rejected: 'danger',
  withdrawn: 'default',
};

export function statusLabel(status: Api.TicketStatus): string {
  return zh.status[status];
}

export function statusTheme(status: Api.TicketStatus): TagTheme {
  return STATUS_THEME[status];
}

export interface Deadline {
  label: string;
  text: string;
}

/** The deadline that matters now: accepting while submitted, resolving while accepted. */
export function currentDeadline(t: Api.TicketListItem, now: Date): Deadline | null {
  if (t.status === 'submitted' && t.acceptBy) return { label: zh.common.acceptBy, text: formatDeadline(t.acceptBy, now) };
  if (t.status === 'accepted' && t.resolveBy) return { label: zh.common.resolveBy, text: formatDeadline(t.resolveBy, now) };
  return null;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A list row: only what the card shows, so a page of 20 stays a small setData. */
export interface TicketCard {
  id: string;
  no: string;
  status: Api.TicketStatus;
  categoryName: string;
  kindLabel: string;
  excerpt: string;
  createdText: string;
  deadlineLabel: string;
  deadlineText: string;
  overdue: boolean;
}

export function toCard(t: Api.TicketListItem, now: Date): TicketCard {
  const deadline = currentDeadline(t, now);
  return {
    id: t.id,
    no: t.no,
    status: t.status,
    categoryName: t.categoryName || categoryName(t.category),
    kindLabel: zh.kinds[t.kind],
    excerpt: excerpt(t.description, 60),
    createdText: formatDateTime(t.createdAt, now),
    deadlineLabel: deadline ? deadline.label : '',
    deadlineText: deadline ? deadline.text : '',
    overdue: t.overdue,
  };
}

export interface TimelineRow {
  key: string;
  title: string;
  timeText: string;
  note: string;
  photoUrls: string[];
  toStatusLabel: string;
}

function timelineTitle(e: Api.TimelineEntry): string {
  const what = zh.timeline[e.kind] ?? '';
  if (e.actorRole === 'system') return what;
  if (e.actorRole === 'resident') return `您${what}`;
  return `${e.actorLabel}${what}`;
}

export function toTimeline(entries: Api.TimelineEntry[] | undefined, now: Date): TimelineRow[] {
  // Newest first: the latest step is what a resident looks for.
  return (entries ?? [])
    .map((e, i) => ({
      key: `${i}`,
      title: timelineTitle(e),
      timeText: formatDateTime(e.at, now),
      note: e.note ?? '',
      photoUrls: e.photoUrls.filter((u) => !!u),
      toStatusLabel: statusLabel(e.toStatus),
    }))
    .reverse();
}

export interface TicketDetail {
  id: string;
  no: string;
  status: Api.TicketStatus;
  categoryName: string;
  kindLabel: string;
  description: string;
  photoUrls: string[];
  address: string;
  createdText: string;
  handledBy: string;
  deadlines: Array<Deadline & { key: string }>;
  overdue: boolean;
  result: string;
  rating: Api.Rating | '';
  ratingLabel: string;
  ratingComment: string;
  timeline: TimelineRow[];
  canRate: boolean;
  canReopen: boolean;
  canWithdraw: boolean;
  /** Who handles it (display name and work number), for the staff-handler component. */
  handler: Api.Handler | null;
}

/** Who holds the ticket now, as a resident would name it. */
function responsible(t: Api.TicketView): string {
  if (t.departmentCode) return zh.ticket.department;
  if (t.level === 'grid') return t.gridName ?? zh.levels.grid;
  if (t.level === 'community') return t.communityName ?? zh.levels.community;
  return zh.levels[t.level];
}

function addressOf(loc: Api.Location): string {
  if (loc.address) return loc.address;
  return `纬度 ${loc.latitude.toFixed(5)}，经度 ${loc.longitude.toFixed(5)}`;
}

export function toDetail(t: Api.TicketView, now: Date): TicketDetail {
  const due = currentDeadline(t, now);
  const deadlines: Array<Deadline & { key: string }> = due ? [{ key: t.status === 'submitted' ? 'accept' : 'resolve', ...due }] : [];
  const open = t.status === 'submitted' || t.status === 'accepted';
  return {
    id: t.id,
    no: t.no,
    status: t.status,
    categoryName: t.categoryName || categoryName(t.category),
    kindLabel: zh.kinds[t.kind],
    description: t.description,
    photoUrls: t.photoUrls.filter((u) => !!u),
    address: addressOf(t.location),
    createdText: formatDateTime(t.createdAt, now),
    handledBy: open ? zh.ticket.handledBy(responsible(t)) : '',
    deadlines,
    overdue: t.overdue,
    result: t.result ?? '',
    rating: t.rating ?? '',
    ratingLabel: t.rating ? zh.ratings[t.rating] : '',
    ratingComment: t.ratingComment ?? '',
    timeline: toTimeline(t.timeline, now),
    canRate: t.allowedActions.includes('rate'),
    canReopen: t.allowedActions.includes('reopen'),
    canWithdraw: t.allowedActions.includes('withdraw'),
    handler: t.handler,
  };
}
