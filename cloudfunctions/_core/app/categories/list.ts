// categories.list: what a resident can report, for the home page tiles and the form. Categories
// are data, so a category an admin adds appears without a new mini program release, and one an
// admin retires (停用) is no longer offered.
import { z } from 'zod';
import { defineUseCase } from '../use-case';

export const listCategories = defineUseCase('categories.list', {
  who: 'anyone',
  params: z.strictObject({}),
  run: async (_params, ctx) => ({
    items: (await ctx.deps.categories.list())
      .filter((c) => !c.retired)
      .map((c) => ({ code: c.code, name: c.name, profile: c.profile, defaultKind: c.defaultKind })),
  }),
});
