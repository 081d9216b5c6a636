// Staff, invites and the admin screens' directory.
import type { Holder, Scope, StaffRole } from '../domain/types';
import type { Page } from './platform';

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
  /** The bound staff among these openids, read 100 to a query (a list of tickets names the same few people). */
  getMany(openids: readonly string[]): Promise<StaffRecord[]>;
  /**
   * The staff who hold each of these queues (at most 50 each), as records, keyed by holderKey:
   * one query per kind of queue, not one per queue (a page of tickets sits in a handful of grids).
   */
  holdersOfMany(holders: readonly Holder[]): Promise<Map<string, StaffRecord[]>>;
  /**
   * For naming who handles a ticket (the views' 承办人), never for deciding what anyone may do:
   * getMany and holdersOfMany as this function instance read them at most STAFF_SHOWN_MS ago —
   * a binding, removal or change of scope made through this instance shows at once.
   */
  shown(openids: readonly string[]): Promise<StaffRecord[]>;
  shownHolders(holders: readonly Holder[]): Promise<Map<string, StaffRecord[]>>;
  createInvite(invite: InviteRecord): Promise<void>;
  /** Marks the invite used and binds the role in one transaction: a code works exactly once. */
  redeem(code: string, openid: string, now: Date, profile: StaffProfile): Promise<RedeemResult>;
  /** Every bound staff member, paged by the invite code they bound with (no openid in the cursor). */
  directory(cursor: string | null, limit: number): Promise<Page<StaffRecord & { inviteCode: string }>>;
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
