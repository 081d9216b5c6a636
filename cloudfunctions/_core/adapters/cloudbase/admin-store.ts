// What the admin screens read and change of invites and staff: pending invites of an area (newest
// first), their revocation, the area's staff directory, a member's removal or new scope, and the
// hourly "last active" mark. Area keys (`street:车站街道`, `all` …) are written on the invite when
// it is made and copied to the staff record at binding, so each list is one indexed query.
import { COLLECTION } from './collections';
import type { AdminStore, DirectoryMember, Page, PendingInvite } from '../../ports';
import type { Scope, StaffRole } from '../../domain/types';
import { decodeCursor, doc, docs, encodeCursor, removed, toDate, toStr, updated, type Doc } from './results';
import { newestFirstPage } from './newest-page';
import { database, type Database } from './sdk';

const MAX_ROWS = 1000;
const INVITE_CODE = /^[A-Z0-9]{6,12}$/;
/** The pending list's cursor: "<createdAt ISO>|<code>". */
const INVITE_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[A-Z0-9]{6,12}$/;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const toInvite = (d: Doc): PendingInvite => ({
  code: d._id,
  role: d.role as StaffRole,
  scope: d.scope as Scope,
  createdBy: String(d.createdBy ?? ''),
  createdAt: toDate(d.createdAt) ?? new Date(0),
  expiresAt: toDate(d.expiresAt) ?? new Date(0),
  usedBy: toStr(d.usedBy),
  usedAt: toDate(d.usedAt),
  areas: strings(d.areas),
});

const toMember = (d: Doc): DirectoryMember => ({
  openid: d._id,
  role: d.role as StaffRole,
  scope: (d.scope ?? null) as Scope | null,
  boundAt: toDate(d.boundAt) ?? new Date(0),
  displayName: toStr(d.displayName),
  servicePhone: toStr(d.servicePhone),
  inviteCode: String(d.inviteCode ?? ''),
  areas: strings(d.areas),
  lastActiveAt: toDate(d.lastActiveAt),
});

export class CloudAdminStore implements AdminStore {
  constructor(
    private readonly db: Database = database(),
    /** Told when a removal or rescoping changes who holds what (the staff store then names handlers afresh). */
    private readonly staffChanged: () => void = () => undefined,
  ) {}

  async pendingInvites(areaKey: string, now: Date, cursor: string | null, limit: number): Promise<Page<PendingInvite>> {
    const _ = this.db.command;
    return newestFirstPage(
      this.db,
      {
        collection: COLLECTION.invites,
        timeField: 'createdAt',
        conditions: [{ areas: areaKey, usedBy: null, expiresAt: _.gt(now) }],
        cursorShape: INVITE_KEY,
        map: toInvite,
        keyOf: (invite) => ({ at: invite.createdAt, id: invite.code }),
      },
      cursor,
      limit,
    );
  }

  async invite(code: string): Promise<PendingInvite | null> {
    const found = await doc(this.db.collection(COLLECTION.invites).doc(code).get());
    return found ? toInvite(found) : null;
  }

  async revokeInvite(code: string): Promise<boolean> {
    // Only while unused: a code redeemed meanwhile stays (its member is removed with staff.remove).
    return (await removed(this.db.collection(COLLECTION.invites).where({ _id: code, usedBy: null }).remove())) === 1;
  }

  async members(areaKey: string, cursor: string | null, limit: number): Promise<Page<DirectoryMember>> {
    const _ = this.db.command;
    const after = decodeCursor(cursor, INVITE_CODE);
    const where = after === null ? { areas: areaKey } : { areas: areaKey, inviteCode: _.gt(after) };
    const rows = await docs(
      this.db
        .collection(COLLECTION.staff)
        .where(where)
        .orderBy('inviteCode', 'asc')
        .limit(Math.min(limit + 1, MAX_ROWS))
        .get(),
    );
    const items = rows.slice(0, limit).map(toMember);
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor(last.inviteCode) : null };
  }

  async member(inviteCode: string): Promise<DirectoryMember | null> {
    const rows = await docs(this.db.collection(COLLECTION.staff).where({ inviteCode }).limit(1).get());
    return rows[0] ? toMember(rows[0]) : null;
  }

  async removeMember(member: DirectoryMember): Promise<boolean> {
    const where = { _id: member.openid, inviteCode: member.inviteCode, role: member.role };
    const gone = (await removed(this.db.collection(COLLECTION.staff).where(where).remove())) === 1;
    this.staffChanged();
    return gone;
  }

  async rescopeMember(member: DirectoryMember, scope: Scope, areas: string[]): Promise<boolean> {
    const _ = this.db.command;
    const where = { _id: member.openid, inviteCode: member.inviteCode, role: member.role };
    // _.set: a plain object would be merged into the old scope field by field.
    const count = await updated(
      this.db
        .collection(COLLECTION.staff)
        .where(where)
        .update({ data: { scope: _.set(scope), areas: _.set(areas) } }),
    );
    this.staffChanged();
    return count === 1;
  }

  async touch(openid: string, now: Date, since: Date): Promise<void> {
    const _ = this.db.command;
    const stale = _.or([
      { _id: openid, lastActiveAt: _.lte(since) },
      { _id: openid, lastActiveAt: null },
    ]);
    await this.db
      .collection(COLLECTION.staff)
      .where(stale)
      .update({ data: { lastActiveAt: now } });
  }
}
