// ticket.resolve: the responsible staff (or the department it was dispatched to) report the
// result, with up to 6 photos they uploaded themselves.
import { z } from 'zod';
import { resolve } from '../../domain/lifecycle';
import { fail } from '../errors';
import { id, photos, text } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from './move';
import { ensureClean } from '../content';

export const resolveTicket = defineUseCase('ticket.resolve', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, result: text(200), photos: photos.optional() }),
  run: async (params, ctx) => {
    const resultPhotos = params.photos ?? [];
    if (resultPhotos.some((p) => !ctx.deps.files.isOwnUpload(ctx.actor.openid, p))) {
      throw fail('INVALID_INPUT', '只能使用本人上传的照片');
    }
    // The resident reads the result: content security first.
    await ensureClean(ctx, [params.result]);
    return moveTicket(params.ticketId, 'resolve', ctx, (t, move) => resolve(t, move, params.result, resultPhotos));
  },
});
