// ticket.transfer (转派): to another grid with a reason; the second transfer of one ticket goes
// to its community instead, so no ticket ping-pongs between grids.
import { z } from 'zod';
import { transfer } from '../../domain/lifecycle';
import { fail } from '../errors';
import { gridCode, id, text } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from './move';
import { ensureClean } from '../content';

export const transferTicket = defineUseCase('ticket.transfer', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, toGridCode: gridCode, reason: text(200) }),
  run: async (params, ctx) => {
    await ensureClean(ctx, [params.reason]);
    const grid = await ctx.deps.grids.get(params.toGridCode);
    if (!grid) throw fail('NOT_FOUND', '没有找到要转派的网格');
    return moveTicket(params.ticketId, 'transfer', ctx, (t, move) => {
      if (t.place.gridCode === grid.code && t.level === 'grid') throw fail('INVALID_INPUT', '已经在这个网格了');
      // Within the ticket's own district; only the super admins move tickets across districts
      // (and out of triage that lies in no district).
      if (ctx.actor.role !== 'superAdmin' && (t.place.district === null || grid.district !== t.place.district)) {
        throw fail('FORBIDDEN', '只能转派到本区的网格');
      }
      return transfer(
        t,
        move,
        { gridCode: grid.code, gridName: grid.name, community: grid.community, street: grid.street, district: grid.district },
        params.reason,
      );
    });
  },
});
