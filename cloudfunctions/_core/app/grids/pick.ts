// grids.pick: where a ticket may be transferred (转派) — the grids of its district, by code, or of
// one community of that district (the picker opens on the ticket's own community). Never beyond
// the district: a transfer is a hand-over between neighbours, not across the city.
import { z } from 'zod';
import { fail } from '../errors';
import { cursor, id, placeName } from '../schemas';
import { loadVisibleTicket } from '../ticket/load';
import { defineUseCase } from '../use-case';

const PAGE_SIZE = 50;

export const pickGrids = defineUseCase('grids.pick', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, community: placeName.optional(), cursor }),
  run: async (params, ctx) => {
    const ticket = await loadVisibleTicket(params.ticketId, ctx);
    const district = ticket.place.district;
    if (district === null) throw fail('CONFLICT', '这件事项还没有所属的区，请先交由管理员分派');
    if (params.community !== undefined) {
      const community = await ctx.deps.places.get('community', params.community);
      if (!community || community.district !== district) throw fail('NOT_FOUND', '本区没有这个社区');
    }
    const filter = params.community !== undefined ? { community: params.community } : { district };
    const page = await ctx.deps.grids.list(filter, params.cursor ?? null, PAGE_SIZE);
    return {
      items: page.items.map((g) => ({ code: g.code, name: g.name, community: g.community, street: g.street })),
      nextCursor: page.nextCursor,
    };
  },
});
