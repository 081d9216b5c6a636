// The pending invite an admin may show again or revoke: unused, unexpired, in their area, for a
// role at or below their own. Anything else is NOT_FOUND, so nobody learns of other areas' codes.
import { rankAllows } from '../../domain/invites';
import type { PendingInvite } from '../../ports';
import { fail } from '../errors';
import type { CallContext } from '../use-case';
import { adminAreaKey } from './areas';

export async function pendingInviteOf(code: string, ctx: CallContext): Promise<PendingInvite> {
  const key = adminAreaKey(ctx.actor, '只有管理员可以管理邀请');
  const invite = await ctx.deps.admin.invite(code);
  const visible =
    invite !== null &&
    invite.usedBy === null &&
    invite.expiresAt.getTime() > ctx.now.getTime() &&
    (key === 'all' || invite.areas.includes(key)) &&
    rankAllows(ctx.actor.role, invite.role);
  if (!visible) throw fail('NOT_FOUND', '没有找到这个邀请，可能已被使用、撤销或过期');
  return invite;
}
