// A ticket as its handling page shows it to staff: the head (status, level, 督办, time left),
// the reporter (masked phone, 代报 name), the report with photos, the map (the point and the
// grid's outline), the 督办 records, the timeline with who did what by name, and the moves the
// server allows — nothing here decides what is allowed.
import { categoryName, zh } from '../i18n/zh';
import { statusLabel } from './ticket-view';
import { formatDateTime } from './time';
import { timeLeft, type TimeTone } from './staff-time';

/** The staff moves a handling page can offer, in the order the buttons appear. */
export const STAFF_MOVES = ['accept', 'resolve', 'dispatch', 'transfer', 'escalate', 'return', 'reject', 'supervise'] as const;
export type StaffMove = (typeof STAFF_MOVES)[number];

export function isStaffMove(value: unknown): value is StaffMove {
  return STAFF_MOVES.some((m) => m === value);
}

export interface ActionButton {
  key: StaffMove;
  label: string;
  theme: 'primary' | 'danger' | 'default';
}

const THEME: Record<StaffMove, ActionButton['theme']> = {
  accept: 'primary',
  resolve: 'primary',
  dispatch: 'default',
  transfer: 'default',
  escalate: 'default',
  return: 'default',
  reject: 'danger',
  supervise: 'primary',
};

export function actionButtons(allowed: ReadonlyArray<Api.TicketAction | Api.TicketRequest>): ActionButton[] {
  return STAFF_MOVES.filter((m) => allowed.includes(m)).map((key) => ({ key, label: zh.staff.moves[key], theme: THEME[key] }));
}

export interface StaffTimelineRow {
  key: string;
  title: string;
  timeText: string;
  note: string;
  photoUrls: string[];
}

/** "网格员 张燕 受理了", "居民 提交了上报", "系统 超时，已提醒上一级". */
function timelineTitle(e: Api.TimelineEntry): string {
  const what = zh.timeline[e.kind] ?? '';
  const who = e.actorName ? `${e.actorLabel} ${e.actorName}` : e.actorLabel;
  return `${who} ${what}`;
}

export function toStaffTimeline(entries: Api.TimelineEntry[] | undefined, now: Date): StaffTimelineRow[] {
  return (entries ?? [])
    .map((e, i) => ({
      key: `${i}`,
      title: timelineTitle(e),
      timeText: formatDateTime(e.at, now),
      note: e.note ?? '',
      photoUrls: e.photoUrls.filter((u) => !!u),
    }))
    .reverse();
}

export interface SupervisionRow {
  id: string;
  by: string;
  whenText: string;
  note: string;
  answered: boolean;
  answerText: string;
  answerNote: string;
}

export function toSupervisionRow(s: Api.SupervisionItem, now: Date): SupervisionRow {
  return {
    id: s.id,
    by: s.by === s.byLabel ? s.by : `${s.byLabel} ${s.by}`,
    whenText: formatDateTime(s.at, now),
    note: s.note,
    answered: s.answered,
    answerText: s.answer ? zh.staff.desk.answer(s.answer.by, formatDateTime(s.answer.at, now)) : '',
    answerNote: s.answer ? s.answer.note : '',
  };
}

export interface MapMarker {
  id: number;
  latitude: number;
  longitude: number;
  width: number;
  height: number;
}
export interface MapPolygon {
  points: Array<{ latitude: number; longitude: number }>;
  strokeWidth: number;
  strokeColor: string;
  fillColor: string;
}
export interface TicketMap {
  latitude: number;
  longitude: number;
  markers: MapMarker[];
  polygons: MapPolygon[];
  /** The map zooms to show the point and the whole grid. */
  includePoints: Array<{ latitude: number; longitude: number }>;
}

export function toTicketMap(t: Api.TicketView): TicketMap {
  const { latitude, longitude } = t.location;
  const rings = t.gridOutline ?? [];
  return {
    latitude,
    longitude,
    markers: [{ id: 1, latitude, longitude, width: 30, height: 30 }],
    polygons: rings.map((points) => ({ points, strokeWidth: 2, strokeColor: '#0052d9', fillColor: '#0052d91f' })),
    includePoints: [{ latitude, longitude }, ...rings.flat()],
  };
}

export interface StaffDetail {
  id: string;
  no: string;
  status: Api.TicketStatus;
  statusLabel: string;
  categoryName: string;
  kindLabel: string;
  levelLabel: string;
  sourceLabel: string;
  supervised: boolean;
  overdue: boolean;
  /** The server's words, e.g. "11月24日 24:00 前受理". */
  deadlineText: string;
  timeText: string;
  timeTone: TimeTone | '';
  departmentNote: string;
  reporterName: string;
  phoneMasked: string;
  canContact: boolean;
  canReply: boolean;
  description: string;
  photoUrls: string[];
  address: string;
  gridText: string;
  createdText: string;
  result: string;
  supervisions: SupervisionRow[];
  actions: ActionButton[];
}

function addressOf(loc: Api.Location): string {
  if (loc.address) return loc.address;
  return `纬度 ${loc.latitude.toFixed(5)}，经度 ${loc.longitude.toFixed(5)}`;
}

/** Everything but the timeline (which travels in slices) and the map (set once per ticket). */
export function toStaffDetail(t: Api.TicketView, now: Date): StaffDetail {
  const open = t.status === 'submitted' || t.status === 'accepted';
  const left = t.deadline ? timeLeft(t.deadline.at, now) : null;
  const notes = t.allowedNotes ?? [];
  return {
    id: t.id,
    no: t.no,
    status: t.status,
    statusLabel: statusLabel(t.status),
    categoryName: t.categoryName || categoryName(t.category),
    kindLabel: zh.kinds[t.kind],
    levelLabel: zh.staff.levels[t.level],
    sourceLabel: zh.staff.sources[t.source],
    supervised: !!t.supervised,
    overdue: t.overdue,
    deadlineText: t.deadline ? t.deadline.label : '',
    timeText: left ? left.text : '',
    timeTone: left ? left.tone : '',
    departmentNote: t.departmentCode && open ? zh.staff.ticket.department : '',
    reporterName: t.reporterName ?? '',
    phoneMasked: t.contactPhoneMasked ?? '',
    canContact: notes.includes('contact'),
    canReply: notes.includes('reply'),
    description: t.description,
    photoUrls: t.photoUrls.filter((u) => !!u),
    address: addressOf(t.location),
    gridText: [t.communityName, t.gridName].filter((s) => !!s).join(' · '),
    createdText: formatDateTime(t.createdAt, now),
    result: t.result ?? '',
    supervisions: (t.supervisions ?? []).map((s) => toSupervisionRow(s, now)),
    actions: actionButtons(t.allowedActions),
  };
}
