// The ports the use cases depend on. The CloudBase adapter implements the stores with the real
// wx-server-sdk database API (locally it talks to the embedded local cloud); messages, content
// security and files have a cloud adapter and a local twin.
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

export interface TicketStore {
  get(id: string): Promise<Ticket | null>;
  /**
   * Creates the ticket with the next sequence number of its Shanghai day (`dayKey`, 20261122).
   * Idempotent on `id`: if a ticket with that id exists, it is returned untouched with
   * `created: false` and no number is used up.
   */
  create(id: string, dayKey: string, build: (sequence: number) => Ticket): Promise<{ ticket: Ticket; created: boolean }>;
  /** Writes `next` if the stored version is still `next.version - 1`; false when someone else won. */
  save(next: Ticket): Promise<boolean>;
  list(query: TicketQuery, cursor: string | null, limit: number): Promise<Page<Ticket>>;
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

export interface StaffStore {
  get(openid: string): Promise<StaffRecord | null>;
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
}

export interface FileStore {
  /** Short-lived download links; the caller has already checked that the reader may see them. */
  tempUrls(fileIds: readonly string[]): Promise<string[]>;
  /** Accept only fileIDs the caller uploaded under their own folder. */
  isOwnUpload(openid: string, fileId: string): boolean;
}

export interface Config {
  superAdminOpenids: readonly string[];
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
  files: FileStore;
  config: Config;
}

/** Thrown by stores when a record with the same key already exists. */
export class DuplicateKeyError extends Error {
  constructor(message = 'duplicate key') {
    super(message);
    this.name = 'DuplicateKey';
  }
}
