// admin.grids.list: the imported grids (without their polygons), paged by code; staff use it
// to pick a transfer target, admins to check an import.
import { z } from 'zod';
import { cursor, placeName } from '../schemas';
import { defineUseCase } from '../use-case';

export const listGrids = defineUseCase('admin.grids.list', {
  who: 'staff',
  params: z.strictObject({ community: placeName.optional(), cursor }),
  run: async (params, ctx) => {
    const page = await ctx.deps.grids.list(params.community ? { community: params.community } : {}, params.cursor ?? null, 50);
    return {
      items: page.items.map((g) => ({
        code: g.code,
        name: g.name,
        community: g.community,
        street: g.street,
        district: g.district,
        households: g.households,
        bbox: g.bbox,
      })),
      nextCursor: page.nextCursor,
    };
  },
});
