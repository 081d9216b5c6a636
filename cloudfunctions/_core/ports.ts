// The ports the use cases depend on. The CloudBase adapter implements the stores with the real
// wx-server-sdk database API (locally it talks to the embedded local cloud); messages, content
// security and files have a cloud adapter and a local twin.
import type { FigureBody, Tally } from './domain/figures';
import type { MessageData } from './domain/messages';
import type { GridShape } from './domain/routing';
import type { Holder, Level, Scope, StaffRole, Ticket, TicketStatus } from './domain/types';

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A fresh random id (32 hex characters, like TCB's). */
  newId(): string;
  /** A stable id for an idempotency key, so the same request twice lands on the same record. */
  idFromKey(key: string): string;
  /** A one-time invite code people can type: 8 characters without 0/O/1/I. */
  inviteCode(): string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Which tickets a list or count reads, built by the use cases from the caller's role and scope
 * only: exactly one of `duty` (the queues responsible now, domain/responsibility dutyKeys),
 * `areas` (the places it lies in, areaKeys) or `person` (who filed, claimed or follows it). An
 * empty key list matches nothing.
 */
export type TicketFilter = ({ duty: readonly string[] } | { areas: readonly string[] } | { person: string }) & {
  /** Empty = any status. */
  statuses: readonly TicketStatus[];
  overdue?: boolean;
  /** Only tickets whose current deadline is at or after `from` and before `before` (the banner's 今天到期). */
  dueBetween?: { from: Date; before: Date };
};
export type TicketQuery = TicketFilter & {
  /** 'urgent' = soonest deadline first; 'newest' = newest first. */
  order: 'urgent' | 'newest';
};

/** A subscription message waiting in the durable outbox (written with the ticket change). */
export interface OutboxMessage {
  id: string;
  touser: string;
  template: Api.TemplateKey;
  templateId: string;
  data: MessageData;
  page: string;
  ticketId: string;
  createdAt: Date;
}

export interface SupervisionRecord {
  id: string;
  ticketId: string;
  by: 'system' | string;
  byRole: Api.Role | 'system';
  level: Level;
  note: string;
  at: Date;
  /** Kept with the record so the 督办 desk lists and filters by area without reading tickets. */
  byName?: string | null;
  ticketNo?: string;
  category?: string;
  gridCode?: string | null;
  community?: string | null;
  street?: string | null;
  district?: string | null;
  /** The responsible staff's answer (ticket.reply); null while open. */
  answer?: SupervisionAnswer | null;
}

export interface SupervisionAnswer {
  note: string;
  at: Date;
  by: string;
  byRole: Api.Role;
  byName: string | null;
}

/** Where the 督办 desk looks: a street, a district, or everywhere (super admins). */
export type SupervisionArea = { street: string } | { district: string } | { all: true };

export interface SupervisionStore {
  get(id: string): Promise<SupervisionRecord | null>;
  /** The area's supervisions, newest first, paged by cursor. */
  list(area: SupervisionArea, cursor: string | null, limit: number): Promise<Page<SupervisionRecord>>;
  /** One ticket's supervisions, newest first (at most `limit`). */
  forTicket(ticketId: string, limit: number): Promise<SupervisionRecord[]>;
}

/**
 * What is written in the same transaction as a ticket change: all of it, or none of it. Only
 * documents of this ticket's own (new outbox rows, a new 督办 record): nothing every change in a
 * city writes, which under TCB's transaction rules would make every change contend. Figures
 * follow from the ticket itself (the `figures` job).
 */
export interface ChangeEffects {
  outbox: readonly OutboxMessage[];
  supervision: SupervisionRecord | null;
  /** A 督办 answered by this change (ticket.reply): written with the ticket, or not at all. */
  answered?: { supervisionId: string; answer: SupervisionAnswer } | null;
}

export interface RateLimit {
  key: string;
  max: number;
  windowMs: number;
  now: Date;
}

export type CreateResult = { kind: 'created'; ticket: Ticket } | { kind: 'existing'; ticket: Ticket } | { kind: 'rate_limited' };

export interface TicketStore {
  get(id: string): Promise<Ticket | null>;
  /**
   * Creates the ticket `build(attempt)` makes (attempt 0 first; a later attempt when its number
   * clashed with another ticket's), in one transaction with its effects and the reporter's rate
   * limit (exact under parallel submits). Idempotent on `id`: an existing ticket is returned
   * untouched.
   */
  create(
    id: string,
    build: (attempt: number) => Ticket,
    options: { rateLimit: RateLimit | null; effects: (ticket: Ticket) => ChangeEffects },
  ): Promise<CreateResult>;
  /**
   * Writes `next` with its effects if the stored version is still `next.version - 1`; false
   * when someone else won (nothing written).
   */
  save(next: Ticket, effects: ChangeEffects): Promise<boolean>;
  list(query: TicketQuery, cursor: string | null, limit: number): Promise<Page<Ticket>>;
  count(filter: TicketFilter): Promise<number>;
  /** Adds a follower to an open ticket (idempotent); 'full' past maxFollowers, 'closed' when not open. */
  follow(id: string, openid: string, maxFollowers: number): Promise<'followed' | 'full' | 'closed'>;
  /** The 代报 that a claim code belongs to, if it is still unclaimed. */
  findByClaimCode(code: string): Promise<Ticket | null>;
  /** Open tickets whose current deadline passed before `now` and was not swept yet, soonest first. */
  dueForSweep(now: Date, after: string | null, limit: number): Promise<Page<Ticket>>;
  /** Resolved tickets resolved before `before`, oldest first. */
  resolvedBefore(before: Date, after: string | null, limit: number): Promise<Page<Ticket>>;
  /** Open tickets of the same category near a point, created since `since`. */
  nearby(category: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, since: Date): Promise<Ticket[]>;
}

export interface StaffRecord {
  openid: string;
  role: StaffRole;
  scope: Scope | null;
  boundAt: Date;
  /** Public: shown to residents as who handles their ticket (null for records bound before names). */
  displayName: string | null;
  servicePhone: string | null;
  /** When they last used the system, to the hour (app/activity.ts); null or absent before the first mark. */
  lastActiveAt?: Date | null;
}

/** What a staff member says about themselves at binding. */
export interface StaffProfile {
  displayName: string;
  servicePhone: string | null;
}

export interface InviteRecord {
  code: string;
  role: StaffRole;
  scope: Scope;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
  /** The area keys the scope lies in (areaKeys' format, 'all' included): the admin screens list by them. */
  areas?: string[];
}

export type RedeemResult = { ok: true; staff: StaffRecord } | { ok: false; reason: 'not_found' | 'used' | 'expired' | 'bound' };

export interface StaffStore {
  get(openid: string): Promise<StaffRecord | null>;
  /** The openids of the staff who hold that queue (at most 50). */
  holders(holder: Holder): Promise<string[]>;
  createInvite(invite: InviteRecord): Promise<void>;
  /** Marks the invite used and binds the role in one transaction: a code works exactly once. */
  redeem(code: string, openid: string, now: Date, profile: StaffProfile): Promise<RedeemResult>;
  /** Every bound staff member, paged by the invite code they bound with (no openid in the cursor). */
  directory(cursor: string | null, limit: number): Promise<Page<StaffRecord & { inviteCode: string }>>;
}

export interface GridRecord extends GridShape {
  importedAt: Date;
}

export interface GridStore {
  /** Replaces grids by code; creates the community/street/district places that are missing. */
  upsert(grids: readonly GridShape[], now: Date): Promise<{ imported: number; replaced: number }>;
  get(code: string): Promise<GridRecord | null>;
  /** Grids in code order, of one community, street or district (or all), paged by cursor. */
  list(filter: { community?: string; street?: string; district?: string }, cursor: string | null, limit: number): Promise<Page<GridRecord>>;
  /** Every grid, paged internally; used to build the routing index. */
  all(): Promise<GridRecord[]>;
  /** Changes whenever grids change, so a cached routing index knows to rebuild. */
  version(): Promise<string>;
  /** The packed routing snapshot (domain/routing/snapshot.ts) saved for this grids version, or null. */
  loadSnapshot(version: string): Promise<Uint8Array | null>;
  /** Stores the snapshot of `version`, dropping those of other versions. */
  saveSnapshot(version: string, bytes: Uint8Array): Promise<void>;
}

export type PlaceKind = 'community' | 'street' | 'district';
export interface PlaceRecord {
  kind: PlaceKind;
  name: string;
  street: string | null;
  district: string | null;
}

export interface PlaceStore {
  get(kind: PlaceKind, name: string): Promise<PlaceRecord | null>;
}

export interface DepartmentRecord {
  code: string;
  name: string;
  street: string | null;
  district: string | null;
  categories: string[];
}

export interface DepartmentStore {
  get(code: string): Promise<DepartmentRecord | null>;
  /** The departments of a street and those of its district (which serve every street of it), by code. */
  serving(place: { street: string | null; district: string | null }): Promise<DepartmentRecord[]>;
  upsert(record: DepartmentRecord): Promise<{ created: boolean }>;
}

export interface CategoryRecord {
  code: string;
  name: string;
  profile: Api.SlaProfile;
  defaultDepartmentCode: string | null;
}

export interface CategoryStore {
  /** Built-in categories merged with the ones admins added or changed. */
  get(code: string): Promise<CategoryRecord | null>;
  /** All categories: the built-in ones first in their fixed order, then those admins added. */
  list(): Promise<CategoryRecord[]>;
  upsert(record: CategoryRecord): Promise<{ created: boolean }>;
}

/**
 * The levels figures are kept at: a cell (a grid, or a triage place) and every place above it,
 * one rollup document per level × place × Shanghai day.
 */
export type FigureLevel = 'cell' | 'community' | 'street' | 'district' | 'all';

export interface DayFigures {
  day: string;
  body: FigureBody;
}

/** The rollup of one place and Shanghai month (YYYY-MM): the merge of its days, and each day's total. */
export interface MonthFigures {
  month: string;
  body: FigureBody;
  days: Record<string, Tally>;
}

/** A ticket whose figures are not yet in the rollups, and the cells it left since. */
export interface DirtyTicket {
  id: string;
  version: number;
  day: string;
  cell: string;
  place: Ticket['place'];
  stale: Array<{ cell: string; place: Ticket['place'] }>;
}

export interface FiguresStore {
  /** The rollups of one place for each Shanghai day within [fromDay, toDay] (YYYY-MM-DD), oldest first. */
  read(level: FigureLevel, place: string, fromDay: string, toDay: string): Promise<DayFigures[]>;
  /** Takes the single-runner lease of the figures job; false while another run holds it. */
  lease(holder: string, now: Date, ms: number): Promise<boolean>;
  release(holder: string): Promise<void>;
  /** Tickets changed since their figures were last counted, by id. */
  dirty(after: string | null, limit: number): Promise<DirtyTicket[]>;
  /** Every ticket of one cell and day (their current state). */
  cellTickets(cell: string, day: string): Promise<Ticket[]>;
  /** The cell rollups of a day under one place (all cells for level 'all'). */
  cellBodies(level: Exclude<FigureLevel, 'cell'>, place: string, day: string): Promise<FigureBody[]>;
  write(level: FigureLevel, place: string, day: string, body: FigureBody, cellPlace: Ticket['place'] | null, now: Date): Promise<void>;
  /** The month rollups of one place (not cells) within [fromMonth, toMonth] (YYYY-MM), oldest first. */
  readMonths(level: Exclude<FigureLevel, 'cell'>, place: string, fromMonth: string, toMonth: string): Promise<MonthFigures[]>;
  /** Replaces a month's rollup (stored in parts that each fit well inside one query's answer). */
  writeMonth(level: Exclude<FigureLevel, 'cell'>, place: string, month: string, figures: MonthFigures, now: Date): Promise<void>;
  /** Marks the ticket counted, unless it changed again (another version): then it stays dirty. */
  markCounted(ticket: DirtyTicket): Promise<boolean>;
}

export interface FileStore {
  /** Short-lived download links; the caller has already checked that the reader may see them. */
  tempUrls(fileIds: readonly string[]): Promise<string[]>;
  /**
   * Stores a file the server made (an invite's 小程序码) privately under `server/{path}` and answers
   * its fileID; readers get it only through tempUrls. Writing the same path again replaces it.
   */
  saveServerFile(path: string, content: Uint8Array): Promise<string>;
  /** The caller's upload folder (uploads/{opaque key}): no openid in any fileID. */
  folderOf(openid: string): string;
  /** Accept only fileIDs the caller uploaded under their own folder. */
  isOwnUpload(openid: string, fileId: string): boolean;
}

/** Opaque, expiring tokens a client may bring back (follow a nearby ticket, claim a 代报). */
export interface Sealer {
  seal(purpose: string, data: string, now: Date, ttlMs: number): string;
  /** The data, or null when the token is not this deployment's, not for this purpose, altered or expired. */
  open(purpose: string, token: string, now: Date): string | null;
}

/** Sliding-window limits per key ("at most 20 same-problem checks an hour per resident"). */
export interface RateLimiter {
  /** Records a hit and answers true, or answers false (nothing recorded) when the window is full. */
  hit(key: string, max: number, windowMs: number, now: Date): Promise<boolean>;
}

export interface Config {
  superAdminOpenids: readonly string[];
  /** Real subscription template ids by logical key (locally each id equals its key). */
  templateIds: Readonly<Record<Api.TemplateKey, string>>;
  /** Long-term templates (one grant, many messages); every other template is one-time. */
  templateKinds?: Readonly<Partial<Record<Api.TemplateKey, Api.TemplateKind>>>;
}

export type ContentVerdict = 'pass' | 'review' | 'risky';

/** WeChat content security (msgSecCheck v2) for text users and staff write. */
export interface ContentCheck {
  check(openid: string, text: string): Promise<ContentVerdict>;
}

// ---- notifications: the outbox, grants and the sender ----

export type OutboxState = 'pending' | 'sending' | 'sent' | 'refused' | 'failed' | 'skipped';

export interface OutboxRow extends OutboxMessage {
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  /** While 'sending': until when the delivering job holds the row; after it, another run may retry. */
  leaseUntil: Date | null;
  lastError: string | null;
  finishedAt: Date | null;
}

export interface OutboxStore {
  /** Rows due now (pending and due, or sending with an expired lease), oldest first. */
  due(now: Date, limit: number): Promise<OutboxRow[]>;
  /** Takes a row for one delivery attempt; false when another run took it first. */
  claim(row: OutboxRow, now: Date, leaseMs: number): Promise<boolean>;
  /** Records the attempt's outcome; only the holder of the claim (same attempts count) may. */
  settle(id: string, attempts: number, patch: Pick<OutboxRow, 'state' | 'nextAttemptAt' | 'lastError' | 'finishedAt'>): Promise<boolean>;
  list(limit: number): Promise<OutboxRow[]>;
}

/** One-time subscription grants: one 'accept' allows one message of that template. */
export interface GrantStore {
  add(openid: string, template: Api.TemplateKey, count: number, now: Date): Promise<void>;
  /** Uses one grant; false when there is none left. */
  take(openid: string, template: Api.TemplateKey, now: Date): Promise<boolean>;
  /** Gives back a grant taken for a send that did not reach WeChat. */
  giveBack(openid: string, template: Api.TemplateKey, now: Date): Promise<void>;
  /** Whether any grant was ever recorded (a long-term subscription is not used up by a send). */
  has(openid: string, template: Api.TemplateKey): Promise<boolean>;
}

export type SendResult = { ok: true } | { ok: false; errCode: number; errMsg: string };

export interface MessageSender {
  send(message: { touser: string; templateId: string; page: string; data: OutboxMessage['data'] }): Promise<SendResult>;
}

/** An invite as the admin screens list it: with the area keys (areaKeys' format) its scope lies in. */
export interface PendingInvite extends InviteRecord {
  areas: string[];
}

/** A bound staff member as the directory reads them (never answered with the openid). */
export interface DirectoryMember extends StaffRecord {
  inviteCode: string;
  /** The area keys the member's scope lies in (copied from the invite at binding; empty for older records). */
  areas: string[];
}

/** What the admin screens read and change of invites and staff, beyond StaffStore's binding. */
export interface AdminStore {
  /** Unused, unexpired invites whose scope lies in the area (`all` = every one), newest first. */
  pendingInvites(areaKey: string, now: Date, cursor: string | null, limit: number): Promise<Page<PendingInvite>>;
  invite(code: string): Promise<PendingInvite | null>;
  /** Deletes an unused invite; false when it was used (or gone) meanwhile. */
  revokeInvite(code: string): Promise<boolean>;
  /** The staff whose scope lies in the area, by invite code. */
  members(areaKey: string, cursor: string | null, limit: number): Promise<Page<DirectoryMember>>;
  /** The member who bound with that invite. */
  member(inviteCode: string): Promise<DirectoryMember | null>;
  /** Unbinds the member; false when the record changed meanwhile. */
  removeMember(member: DirectoryMember): Promise<boolean>;
  /** Gives the member another scope of the same role; false when the record changed meanwhile. */
  rescopeMember(member: DirectoryMember, scope: Scope, areas: string[]): Promise<boolean>;
  /** Records that the member was active at `now`, unless already recorded since `since`. */
  touch(openid: string, now: Date, since: Date): Promise<void>;
}

/** The image of a mini program code (小程序码) that opens `page` with `scene`. */
export interface MiniCodes {
  image(page: string, scene: string): Promise<Uint8Array>;
}

export interface Deps {
  clock: Clock;
  ids: Ids;
  tickets: TicketStore;
  staff: StaffStore;
  admin: AdminStore;
  codes: MiniCodes;
  grids: GridStore;
  places: PlaceStore;
  departments: DepartmentStore;
  categories: CategoryStore;
  figures: FiguresStore;
  supervisions: SupervisionStore;
  files: FileStore;
  content: ContentCheck;
  outbox: OutboxStore;
  grants: GrantStore;
  sender: MessageSender;
  sealer: Sealer;
  limits: RateLimiter;
  config: Config;
}

/** Thrown by stores when a record with the same key already exists. */
export class DuplicateKeyError extends Error {
  constructor(message = 'duplicate key') {
    super(message);
    this.name = 'DuplicateKey';
  }
}

/**
 * Thrown by stores when a transaction kept losing to others past its retry budget; the caller
 * sees CONFLICT with "try again", never INTERNAL.
 */
export class ContentionError extends Error {
  constructor() {
    super('transaction kept conflicting');
    this.name = 'Contention';
  }
}

/** Thrown by stores for a cursor they did not issue; the caller sees INVALID_INPUT. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursor';
  }
}
