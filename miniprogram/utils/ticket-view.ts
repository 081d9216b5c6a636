// Turns the server's ticket views into what a page shows. Only presentation lives here: which
// moves are possible comes from the server's allowedActions and every deadline comes with the
// server's words (TicketView.deadline) — never from the status or a clock on the phone.
import { categoryName, zh } from '../i18n/zh';
import { formatDateTime } from './time';

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

export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The deadline the ticket waits on now, as the server worded it. */
export interface DeadlineLine {
  text: string;
  /** Passed when the server answered: shown in red with 已超时. */
  overdue: boolean;
}

export function deadlineLine(t: Api.TicketListItem): DeadlineLine | null {
  return t.deadline ? { text: t.deadline.label, overdue: t.deadline.overdue } : null;
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
  deadlineText: string;
  deadlineOverdue: boolean;
  /** The ticket missed a deadline at some point (escalated and supervised for it). */
  overdue: boolean;
  /** Waiting for this resident's rating. */
  awaitingRating: boolean;
  /** "我关注的" / "代报认领"; empty for the resident's own reports. */
  relationLabel: string;
  /** "3 位居民反映" when more than the reporter are affected. */
  affectedText: string;
}

function relationOf(t: Api.TicketListItem): Api.TicketRelation {
  return t.relation ?? 'reporter';
}

function affectedText(t: Api.TicketListItem): string {
  return t.affectedCount && t.affectedCount > 1 ? zh.mine.affected(t.affectedCount) : '';
}

export function toCard(t: Api.TicketListItem, now: Date): TicketCard {
  const deadline = deadlineLine(t);
  return {
    id: t.id,
    no: t.no,
    status: t.status,
    categoryName: t.categoryName || categoryName(t.category),
    kindLabel: zh.kinds[t.kind],
    excerpt: excerpt(t.description, 60),
    createdText: formatDateTime(t.createdAt, now),
    deadlineText: deadline ? deadline.text : '',
    deadlineOverdue: deadline ? deadline.overdue : false,
    overdue: t.overdue || (deadline ? deadline.overdue : false),
    awaitingRating: t.allowedActions.includes('rate'),
    relationLabel: zh.mine.relations[relationOf(t)],
    affectedText: affectedText(t),
  };
}

/** How a timeline step is coloured: late and supervised steps stand out from the normal flow. */
export type StepTone = 'normal' | 'good' | 'warn' | 'bad';

const STEP_TONE: Partial<Record<Api.TimelineKind, StepTone>> = {
  resolve: 'good',
  rate: 'good',
  close: 'good',
  overdue: 'warn',
  supervise: 'warn',
  urge: 'warn',
  escalate: 'warn',
  reject: 'bad',
  withdraw: 'bad',
};

export interface TimelineRow {
  key: string;
  title: string;
  timeText: string;
  note: string;
  photoUrls: string[];
  tone: StepTone;
}

/** A follower did not file the ticket: its residents' steps are someone else's, not "您". */
function timelineTitle(e: Api.TimelineEntry, relation: Api.TicketRelation): string {
  const what = zh.timeline[e.kind];
  if (e.actorRole === 'system') return what;
  if (e.actorRole === 'resident') return relation === 'follower' ? `${zh.ticket.someoneElse}${what}` : `您${what}`;
  return `${e.actorLabel}${what}`;
}

export function toTimeline(entries: Api.TimelineEntry[] | undefined, now: Date, relation: Api.TicketRelation = 'reporter'): TimelineRow[] {
  // Newest first: the latest step is what a resident looks for.
  return (entries ?? [])
    .map((e, i) => ({
      key: `${i}`,
      title: timelineTitle(e, relation),
      timeText: formatDateTime(e.at, now),
      note: e.note ?? '',
      photoUrls: e.photoUrls.filter((u) => !!u),
      tone: STEP_TONE[e.kind] ?? 'normal',
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
  deadline: DeadlineLine | null;
  /** Said under the deadline when the ticket was escalated for missing one. */
  escalatedNote: string;
  overdue: boolean;
  result: string;
  rating: Api.Rating | '';
  ratingLabel: string;
  ratingComment: string;
  timeline: TimelineRow[];
  canRate: boolean;
  canReopen: boolean;
  canWithdraw: boolean;
  canUrge: boolean;
  /** Said under the head for a followed or claimed ticket. */
  relationNote: string;
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
  const open = t.status === 'submitted' || t.status === 'accepted';
  const deadline = deadlineLine(t);
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
    deadline,
    escalatedNote: open && t.overdue && t.level !== 'grid' ? zh.ticket.escalated(responsible(t)) : '',
    overdue: t.overdue || (deadline ? deadline.overdue : false),
    result: t.result ?? '',
    rating: t.rating ?? '',
    ratingLabel: t.rating ? zh.ratings[t.rating] : '',
    ratingComment: t.ratingComment ?? '',
    timeline: toTimeline(t.timeline, now, relationOf(t)),
    canRate: t.allowedActions.includes('rate'),
    canReopen: t.allowedActions.includes('reopen'),
    canWithdraw: t.allowedActions.includes('withdraw'),
    canUrge: t.allowedActions.includes('urge'),
    relationNote: relationNote(t),
    handler: t.handler,
  };
}

function relationNote(t: Api.TicketView): string {
  const relation = relationOf(t);
  if (relation === 'follower') return zh.ticket.followedNote(Math.max(t.affectedCount ?? 2, 2));
  if (relation === 'claimant') return zh.ticket.claimedNote;
  return '';
}
