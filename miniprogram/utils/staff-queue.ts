// The workbench queue as staff see it: four tabs (待受理 / 处理中 / 已超期 / 已办结) with the
// server's counts, a banner of what is overdue or due today, and one small card per ticket. Which
// tickets belong to a tab is the server's answer (queue.list with the tab's filter); this file only
// names the filters and words the cards.
import { categoryName, zh } from '../i18n/zh';
import { formatDateTime } from './time';
import { statusLabel } from './ticket-view';
import { timeLeft, type TimeTone } from './staff-time';

export type QueueTab = 'submitted' | 'accepted' | 'overdue' | 'resolved';

export const QUEUE_TABS: readonly QueueTab[] = ['submitted', 'accepted', 'overdue', 'resolved'];

export function isQueueTab(value: unknown): value is QueueTab {
  return QUEUE_TABS.some((t) => t === value);
}

/** The queue.list filter behind each tab: the caller's own work, except 已办结 (their whole area). */
export function tabParams(tab: QueueTab): Api.Params<'queue.list'> {
  switch (tab) {
    case 'submitted':
      return { status: 'submitted', duty: true };
    case 'accepted':
      return { status: 'accepted', duty: true };
    case 'overdue':
      return { overdue: true };
    case 'resolved':
      return { status: 'resolved' };
  }
}

export interface TabItem {
  key: QueueTab;
  label: string;
  count: number | null;
}

export function tabsOf(counts: Api.QueueCounts | null): TabItem[] {
  return zh.staff.queue.tabs.map((t) => ({ key: t.key, label: t.label, count: counts ? counts[t.key] : null }));
}

export interface Banner {
  text: string;
  tone: 'danger' | 'warning' | 'calm';
}

export function bannerOf(counts: Api.QueueCounts): Banner {
  if (counts.overdue === 0 && counts.dueToday === 0) return { text: zh.staff.queue.bannerCalm, tone: 'calm' };
  return { text: zh.staff.queue.banner(counts.overdue, counts.dueToday), tone: counts.overdue > 0 ? 'danger' : 'warning' };
}

/** A queue row: only what the card shows, so a page of 20 stays a small setData. */
export interface QueueCard {
  id: string;
  no: string;
  status: Api.TicketStatus;
  statusLabel: string;
  categoryName: string;
  place: string;
  excerpt: string;
  levelLabel: string;
  /** Above the grid the level is worth a tag (escalated: 社区 / 街道 / 区). */
  showLevel: boolean;
  sourceLabel: string;
  supervised: boolean;
  overdue: boolean;
  affected: string;
  timeText: string;
  timeTone: TimeTone | '';
  createdText: string;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : flat;
}

/** Where, in a few words: the address the reporter chose, else the grid's name. */
function placeOf(t: Api.TicketListItem): string {
  const address = t.location.address?.trim();
  if (address) return excerpt(address, 24);
  return t.gridName ?? t.communityName ?? '';
}

export function toQueueCard(t: Api.TicketListItem, now: Date): QueueCard {
  const left = t.deadline ? timeLeft(t.deadline.at, now) : null;
  const affected = typeof t.affectedCount === 'number' && t.affectedCount > 1 ? zh.staff.card.affected(t.affectedCount) : '';
  return {
    id: t.id,
    no: t.no,
    status: t.status,
    statusLabel: statusLabel(t.status),
    categoryName: t.categoryName || categoryName(t.category),
    place: placeOf(t),
    excerpt: excerpt(t.description, 40),
    levelLabel: zh.staff.levels[t.level],
    showLevel: t.level !== 'grid',
    sourceLabel: t.source === 'resident' ? '' : zh.staff.sources[t.source],
    supervised: !!t.supervised,
    overdue: t.overdue,
    affected,
    timeText: left ? left.text : '',
    timeTone: left ? left.tone : '',
    createdText: formatDateTime(t.createdAt, now),
  };
}
