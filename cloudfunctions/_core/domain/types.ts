// The ticket as the domain sees it: plain data, Dates in UTC, no storage concerns.
// Places are identified by their imported names (a deployment covers one district, where
// community and street names are unique); grids by their imported code.

export type Role = Api.Role;
export type StaffRole = Api.StaffRole;
export type TicketStatus = Api.TicketStatus;
export type Level = Api.Level;
export type Kind = Api.Kind;
export type Complexity = Api.Complexity;
export type Rating = Api.Rating;
export type SlaProfile = Api.SlaProfile;
export type Scope = Api.Scope;
export type TicketAction = Api.TicketAction;
export type TicketNote = Api.TicketNote;
export type TimelineKind = Api.TimelineKind;

export const LEVELS: readonly Level[] = ['grid', 'community', 'street', 'district'];
export const OPEN_STATUSES: readonly TicketStatus[] = ['submitted', 'accepted'];

export interface Actor {
  openid: string;
  role: Role;
  scope: Scope | null;
  /** A staff member's public display name, given at binding; absent for residents. */
  name?: string | null;
}

export interface PlaceRef {
  gridCode: string | null;
  gridName: string | null;
  community: string | null;
  street: string | null;
  district: string | null;
}

export interface TimelineRecord {
  at: Date;
  kind: TimelineKind;
  actorRole: Role | 'system';
  actorOpenid: string | null;
  /** The staff member's display name when they acted (public; never a resident's name). */
  actorName?: string | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  level: Level;
  note: string | null;
  photos: string[];
}

export interface Ticket {
  id: string;
  no: string;
  version: number;
  /** Who filed it: the resident, or the grid worker for a 代报 or patrol find. */
  reporterOpenid: string;
  source: 'resident' | 'proxy' | 'patrol';
  /** The resident a 代报 was filed for, once they claimed it with its code. */
  claimantOpenid: string | null;
  /** The code the filing worker shows the resident of a 代报, until it is claimed. */
  claimCode: string | null;
  /** Residents who said "我也遇到了": they follow it (status, timeline, messages), nothing more. */
  followers: string[];
  reporterName: string | null;
  contactPhone: string | null;
  category: string;
  profile: SlaProfile;
  kind: Kind;
  description: string;
  photos: string[];
  location: { latitude: number; longitude: number; address: string | null };
  place: PlaceRef;
  level: Level;
  departmentCode: string | null;
  /** The department it was last dispatched to, kept after a return (figures by department). */
  dispatchedTo: string | null;
  status: TicketStatus;
  complexity: Complexity | null;
  createdAt: Date;
  updatedAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  acceptBy: Date | null;
  resolveBy: Date | null;
  overdue: boolean;
  /** The deadline the SLA sweep last handled, so a sweep run twice does nothing twice. */
  overdueHandledFor: Date | null;
  result: string | null;
  resultPhotos: string[];
  rating: Rating | null;
  ratingComment: string | null;
  transferCount: number;
  reopenCount: number;
  timeline: TimelineRecord[];
}

/** Whose queue a ticket lands in: a level of a place, or a department. */
export type Holder =
  | { kind: 'grid'; gridCode: string }
  | { kind: 'community'; community: string }
  | { kind: 'street'; street: string }
  | { kind: 'district'; district: string | null }
  | { kind: 'department'; departmentCode: string };
