// Staff bindings (`staff`, keyed by openid) and one-time invites (`invites`, keyed by code).
// Redeeming marks the invite and binds the role in one transaction, so a code works once.
import { COLLECTION } from './collections';
import {
  DuplicateKeyError,
  type InviteRecord,
  type Page,
  type RedeemResult,
  type StaffProfile,
  type StaffRecord,
  type StaffStore,
} from '../../ports';
import { HOLDER_ROLE, holderKey, holderValue, holdsQueue } from '../../domain/holder';
import type { Holder, Scope, StaffRole } from '../../domain/types';
import { decodeCursor, doc, docs, encodeCursor, isDuplicateKey, type Doc, toDate, toStr } from './results';
import { database, type Database } from './sdk';
import { TimedReads } from './timed-read';
import { txGet, withTransaction } from './transaction';

const INVITE_CODE = /^[A-Z0-9]{6,12}$/;
/** Rows one read may answer here (the server SDK allows 1,000; 100 keeps an answer small). */
const READ_MAX = 100;
/** Staff read for one queue, as `holders` does. */
const PER_QUEUE = 50;
/** Queues of one kind named in one $in (a grid has a worker or two: their rows stay under READ_MAX). */
const VALUES_PER_READ = 20;

/** The scope field a queue of each kind is found by (with the role: its index). */
const QUEUE_FIELD: Record<Holder['kind'], string> = {
  grid: 'scope.grids',
  community: 'scope.community',
  street: 'scope.street',
  district: 'scope.district',
  department: 'scope.department',
};

const toStaff = (d: Doc): StaffRecord => ({
  openid: d._id,
  role: d.role as StaffRole,
  scope: (d.scope ?? null) as Scope | null,
  boundAt: toDate(d.boundAt) ?? new Date(0),
  displayName: toStr(d.displayName),
  servicePhone: toStr(d.servicePhone),
  lastActiveAt: toDate(d.lastActiveAt),
});

/**
 * How long a function instance names handlers from what it read (views name the staff who
 * handle a ticket on every list and ticket page: read each time, that is a query or two more on
 * every page). Another instance's binding, removal or change of scope shows within this time.
 */
export const STAFF_SHOWN_MS = 30_000;

export class CloudStaffStore implements StaffStore {
  private readonly shownRecords: TimedReads<StaffRecord | null>;
  private readonly shownQueues: TimedReads<StaffRecord[]>;

  constructor(
    private readonly db: Database = database(),
    clock: () => number = () => Date.now(),
  ) {
    this.shownRecords = new TimedReads(STAFF_SHOWN_MS, clock);
    this.shownQueues = new TimedReads(STAFF_SHOWN_MS, clock);
  }

  /** Who holds what changed through this instance (a binding here, a removal or rescoping in the admin store): shown at once. */
  forgetShown(): void {
    this.shownRecords.drop();
    this.shownQueues.drop();
  }

  async shown(openids: readonly string[]): Promise<StaffRecord[]> {
    const read = async (missing: string[]) => new Map((await this.getMany(missing)).map((r) => [r.openid, r]));
    return [...(await this.shownRecords.get(openids, read, null)).values()].filter((r): r is StaffRecord => r !== null);
  }

  shownHolders(holders: readonly Holder[]): Promise<Map<string, StaffRecord[]>> {
    const byKey = new Map(holders.map((h) => [holderKey(h), h]));
    const read = async (missing: string[]): Promise<Map<string, StaffRecord[]>> => {
      const found = await this.holdersOfMany(missing.map((key) => byKey.get(key) as Holder));
      // A queue's people are named too (a grid's only worker): shown() answers them without a read.
      this.shownRecords.hold(new Map([...found.values()].flat().map((r) => [r.openid, r])));
      return found;
    };
    return this.shownQueues.get([...byKey.keys()], read, []);
  }

  async get(openid: string): Promise<StaffRecord | null> {
    const found = await doc(this.db.collection(COLLECTION.staff).doc(openid).get());
    return found ? toStaff(found) : null;
  }

  async holders(holder: Holder): Promise<string[]> {
    return ((await this.holdersOfMany([holder])).get(holderKey(holder)) ?? []).map((r) => r.openid);
  }

  async getMany(openids: readonly string[]): Promise<StaffRecord[]> {
    const _ = this.db.command;
    const distinct = [...new Set(openids)];
    const chunks: string[][] = [];
    for (let i = 0; i < distinct.length; i += READ_MAX) chunks.push(distinct.slice(i, i + READ_MAX));
    const pages = await Promise.all(
      chunks.map((ids) =>
        docs(
          this.db
            .collection(COLLECTION.staff)
            .where({ _id: _.in(ids) })
            .limit(READ_MAX)
            .get(),
        ),
      ),
    );
    return pages.flat().map(toStaff);
  }

  async holdersOfMany(holders: readonly Holder[]): Promise<Map<string, StaffRecord[]>> {
    const _ = this.db.command;
    const wanted = new Map<string, Holder>();
    for (const holder of holders) wanted.set(holderKey(holder), holder);
    // One query per kind: the queues' values in one $in on the field the kind's index holds (the
    // queue of every district is the role alone).
    const byKind = new Map<Holder['kind'], Holder[]>();
    const reads: Array<Promise<Doc[]>> = [];
    for (const holder of wanted.values()) {
      if (holder.kind === 'district' && holder.district === null) {
        reads.push(docs(this.db.collection(COLLECTION.staff).where({ role: HOLDER_ROLE.district }).limit(PER_QUEUE).get()));
      } else byKind.set(holder.kind, [...(byKind.get(holder.kind) ?? []), holder]);
    }
    for (const [kind, group] of byKind) {
      const field = QUEUE_FIELD[kind];
      for (let i = 0; i < group.length; i += VALUES_PER_READ) {
        const values = group.slice(i, i + VALUES_PER_READ).map(holderValue);
        reads.push(
          docs(
            this.db
              .collection(COLLECTION.staff)
              .where({ role: HOLDER_ROLE[kind], [field]: _.in(values) })
              .limit(READ_MAX)
              .get(),
          ),
        );
      }
    }
    const records = (await Promise.all(reads)).flat().map(toStaff);
    const out = new Map<string, StaffRecord[]>();
    for (const [key, holder] of wanted) {
      out.set(key, records.filter((r) => holdsQueue(r.role, r.scope, holder)).slice(0, PER_QUEUE));
    }
    return out;
  }

  async directory(cursor: string | null, limit: number): Promise<Page<StaffRecord & { inviteCode: string }>> {
    const _ = this.db.command;
    const after = decodeCursor(cursor, INVITE_CODE);
    const where = after === null ? { inviteCode: _.exists(true) } : { inviteCode: _.gt(after) };
    const rows = await docs(
      this.db
        .collection(COLLECTION.staff)
        .where(where)
        .orderBy('inviteCode', 'asc')
        .limit(limit + 1)
        .get(),
    );
    const items = rows.slice(0, limit).map((d) => ({ ...toStaff(d), inviteCode: String(d.inviteCode) }));
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor(last.inviteCode) : null };
  }

  async createInvite(invite: InviteRecord): Promise<void> {
    const { code, ...rest } = invite;
    try {
      await this.db.collection(COLLECTION.invites).add({ data: { _id: code, ...rest } });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateKeyError();
      throw error;
    }
  }

  async redeem(code: string, openid: string, now: Date, profile: StaffProfile): Promise<RedeemResult> {
    return withTransaction(this.db, async (tx): Promise<RedeemResult> => {
      const invite = await txGet(tx, COLLECTION.invites, code);
      if (!invite) return { ok: false, reason: 'not_found' };
      // One transaction on the staff record too: of two codes redeemed at once by one person,
      // the second writer conflicts, retries, and finds the role already bound.
      if (await txGet(tx, COLLECTION.staff, openid)) return { ok: false, reason: 'bound' };
      if (invite.usedBy) return { ok: false, reason: 'used' };
      const expiresAt = toDate(invite.expiresAt) ?? new Date(0);
      if (expiresAt.getTime() < now.getTime()) return { ok: false, reason: 'expired' };
      const staff: StaffRecord = {
        openid,
        role: invite.role as StaffRole,
        scope: (invite.scope ?? null) as Scope | null,
        boundAt: now,
        displayName: profile.displayName,
        servicePhone: profile.servicePhone,
      };
      await tx
        .collection(COLLECTION.invites)
        .doc(code)
        .update({ data: { usedBy: openid, usedAt: now } });
      await tx
        .collection(COLLECTION.staff)
        .doc(openid)
        .set({
          data: {
            role: staff.role,
            scope: staff.scope,
            boundAt: now,
            inviteCode: code,
            displayName: profile.displayName,
            servicePhone: profile.servicePhone,
            // The admin screens' directory lists by these (adapters/cloudbase/admin-store.ts).
            areas: Array.isArray(invite.areas) ? invite.areas : [],
            lastActiveAt: now,
          },
        });
      return { ok: true, staff };
    }).then((result) => {
      if (result.ok) this.forgetShown();
      return result;
    });
  }
}
