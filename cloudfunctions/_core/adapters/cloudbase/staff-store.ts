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
import type { Holder, Scope, StaffRole } from '../../domain/types';
import { decodeCursor, doc, docs, encodeCursor, isDuplicateKey, type Doc, toDate, toStr } from './results';
import { database, type Database } from './sdk';
import { txGet, withTransaction } from './transaction';

const INVITE_CODE = /^[A-Z0-9]{6,12}$/;

const toStaff = (d: Doc): StaffRecord => ({
  openid: d._id,
  role: d.role as StaffRole,
  scope: (d.scope ?? null) as Scope | null,
  boundAt: toDate(d.boundAt) ?? new Date(0),
  displayName: toStr(d.displayName),
  servicePhone: toStr(d.servicePhone),
  lastActiveAt: toDate(d.lastActiveAt),
});

export class CloudStaffStore implements StaffStore {
  constructor(private readonly db: Database = database()) {}

  async get(openid: string): Promise<StaffRecord | null> {
    const found = await doc(this.db.collection(COLLECTION.staff).doc(openid).get());
    return found ? toStaff(found) : null;
  }

  async holders(holder: Holder): Promise<string[]> {
    const where: Record<string, unknown> =
      holder.kind === 'grid'
        ? { role: 'gridWorker', 'scope.grids': holder.gridCode }
        : holder.kind === 'community'
          ? { role: 'communityAdmin', 'scope.community': holder.community }
          : holder.kind === 'street'
            ? { role: 'streetAdmin', 'scope.street': holder.street }
            : holder.kind === 'district'
              ? holder.district === null
                ? { role: 'districtAdmin' }
                : { role: 'districtAdmin', 'scope.district': holder.district }
              : { role: 'deptHandler', 'scope.department': holder.departmentCode };
    const rows = await docs(this.db.collection(COLLECTION.staff).where(where).field({ _id: true }).limit(50).get());
    return rows.map((r) => r._id);
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
    });
  }
}
