// admin.invites.qr: the 小程序码 of a pending invite — it opens the bind page with the code as its
// `scene` — made by wxacode.getUnlimited (locally: a QR image of the same page and scene), stored
// privately and handed out as a short-lived link.
import { z } from 'zod';
import { defineUseCase } from '../use-case';
import { inviteCode } from './invite-code';
import { pendingInviteOf } from './pending-invite';

/** The page the code opens (no leading slash, as getUnlimited wants it). */
export const BIND_PAGE = 'staff/pages/bind/bind';
/** How long the link works: as long as the file store's links (10 minutes). */
const LINK_MINUTES = 10;

export const inviteQr = defineUseCase('admin.invites.qr', {
  who: 'staff',
  params: z.strictObject({ code: inviteCode }),
  run: async (params, ctx) => {
    const invite = await pendingInviteOf(params.code, ctx);
    const image = await ctx.deps.codes.image(BIND_PAGE, invite.code);
    const fileId = await ctx.deps.files.saveServerFile(`invites/${invite.code}.png`, image);
    const [url] = await ctx.deps.files.tempUrls([fileId]);
    return {
      code: invite.code,
      page: BIND_PAGE,
      scene: invite.code,
      url: url ?? '',
      linkExpiresAt: new Date(ctx.now.getTime() + LINK_MINUTES * 60_000).toISOString(),
    };
  },
});
