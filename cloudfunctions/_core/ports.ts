// The ports the use cases depend on. The CloudBase adapter implements the stores with the real
// wx-server-sdk database API (locally it talks to the embedded local cloud); messages, content
// security and files have a cloud adapter and a local twin.
import type { Rollup, RollupChange } from './domain/figures';
import type { MessageData } from './domain/messages';
import type { GridShape } from './domain/routing';
import type { Level, Scope, StaffRole, Ticket, TicketStatus } from './domain/types';

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

/** Staff visibility filters, built by the use cases from the caller's role and scope only. */
export interface TicketQuery {
  statuses: readonly TicketStatus[];
  overdue?: boolean;
  reporterOpenid?: string;
  gridCodes?: readonly string[];
  community?: string;
  street?: string;
  district?: string;
  departmentCode?: string;
  levels?: readonly Level[];
  /** true: only tickets not dispatched to a department; false: only dispatched ones. */
  undispatched?: boolean;
  /** 'urgent' = soonest deadline first; 'newest' = newest first. */
  order: 'urgent' | 'newest';
}

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
}

/** What is written in the same transaction as a ticket change: all of it, or none of it. */
export interface ChangeEffects {
  rollups: readonly RollupChange[];
  outbox: readonly OutboxMessage[];
  supervision: SupervisionRecord | null;
}

export interface RateLimit {
  key: string;
  max: number;
  windowMs: number;
  now: Date;
}

export type CreateResult =
  | { kind: 'created'; ticket: Ticket }
  | { kind: 'existing'; ticket: Ticket }
  | { kind: 'rate_limited' };

export interface TicketStore {
  get(id: string): Promise<Ticket | null>;
  /**
   * Creates the ticket with the next sequence number of its Shanghai day (`dayKey`, 20261122),
   * in one transaction with its effects and the reporter's rate limit (exact under parallel
   * submits). Idempotent on `id`: an existing ticket is returned untouched, no number used up.
   */
  create(
    id: string,
    dayKey: string,
    build: (sequence: number) => Ticket,
    options: { rateLimit: RateLimit | null; effects: (ticket: Ticket) => ChangeEffects },
  ): Promise<CreateResult>;
  /**
   * Writes `next` with its effects if the stored version is still `next.version - 1`; false
   * when someone else won (nothing written).
   */
  save(next: Ticket, effects: ChangeEffects): Promise<boolean>;
  list(query: TicketQuery, cursor: string | null, limit: number): Promise<Page<Ticket>>;
  /** Open tickets whose current deadline passed before `now` and was not swept yet, soonest first. */
  dueForSweep(now: Date, after: string | null, limit: number): Promise<Page<Ticket>>;
  /** Resolved tickets resolved before `before`, oldest first. */
  resolvedBefore(before: Date, after: string | null, limit: number): Promise<Page<Ticket>>;
  /** Open tickets of the same category near a point, created since `since`. */
  nearby(category: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, since: Date): Promise<Ticket[]>;
  countOpenOverdue(area: Omit<TicketQuery, 'statuses' | 'order'>): Promise<number>;
}

export interface StaffRecord {
  openid: string;
  role: StaffRole;
  scope: Scope | null;
  boundAt: Date;
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
}

export type RedeemResult =
  | { ok: true; staff: StaffRecord }
  | { ok: false; reason: 'not_found' | 'used' | 'expired' };

/** Whose queue a ticket lands in: a level of a place, or a department. */
export type Holder =
  | { kind: 'grid'; gridCode: string }
  | { kind: 'community'; community: string }
  | { kind: 'street'; street: string }
  | { kind: 'district'; district: string | null }
  | { kind: 'department'; departmentCode: string };

export interface StaffStore {
  get(openid: string): Promise<StaffRecord | null>;
  /** The openids of the staff who hold that queue (at most 50). */
  holders(holder: Holder): Promise<string[]>;
  createInvite(invite: InviteRecord): Promise<void>;
  /** Marks the invite used and binds the role in one transaction: a code works exactly once. */
  redeem(code: string, openid: string, now: Date): Promise<RedeemResult>;
}

export interface GridRecord extends GridShape {
  importedAt: Date;
}

export interface GridStore {
  /** Replaces grids by code; creates the community/street/district places that are missing. */
  upsert(grids: readonly GridShape[], now: Date): Promise<{ imported: number; replaced: number }>;
  get(code: string): Promise<GridRecord | null>;
  list(filter: { community?: string }, cursor: string | null, limit: number): Promise<Page<GridRecord>>;
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

/** Where figures are read: one place scope, resolved by the use case from the caller's scope. */
export type RollupArea =
  | { gridCodes: readonly string[] }
  | { community: string }
  | { street: string }
  | { district: string }
  | { all: true };

export interface RollupStore {
  /** Every rollup of the area whose Shanghai day is within [fromDay, toDay] (YYYY-MM-DD), paged internally. */
  list(area: RollupArea, fromDay: string, toDay: string): Promise<Rollup[]>;
}

export interface FileStore {
  /** Short-lived download links; the caller has already checked that the reader may see them. */
  tempUrls(fileIds: readonly string[]): Promise<string[]>;
  /** Accept only fileIDs the caller uploaded under their own folder. */
  isOwnUpload(openid: string, fileId: string): boolean;
}

export interface Config {
  superAdminOpenids: readonly string[];
  /** Real subscription template ids by logical key (locally each id equals its key). */
  templateIds: Readonly<Record<Api.TemplateKey, string>>;
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
}

export type SendResult = { ok: true } | { ok: false; errCode: number; errMsg: string };

export interface MessageSender {
  send(message: { touser: string; templateId: string; page: string; data: OutboxMessage['data'] }): Promise<SendResult>;
}

export interface Deps {
  clock: Clock;
  ids: Ids;
  tickets: TicketStore;
  staff: StaffStore;
  grids: GridStore;
  places: PlaceStore;
  departments: DepartmentStore;
  categories: CategoryStore;
  rollups: RollupStore;
  files: FileStore;
  content: ContentCheck;
  outbox: OutboxStore;
  grants: GrantStore;
  sender: MessageSender;
  config: Config;
}

/** Thrown by stores when a record with the same key already exists. */
export class DuplicateKeyError extends Error {
  constructor(message = 'duplicate key') {
    super(message);
    this.name = 'DuplicateKey';
  }
}

/** Thrown by stores for a cursor they did not issue; the caller sees INVALID_INPUT. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursor';
  }
}
