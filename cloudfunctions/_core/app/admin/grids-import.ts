// admin.grids.import: a super admin loads grid boundaries from a GeoJSON FeatureCollection in
// its declared coordinate system (converted to GCJ-02); re-importing a code replaces that grid.
import { z } from 'zod';
import { crsSchema, parseGridImport, type GridShape } from '../../domain/routing';
import type { Deps } from '../../ports';
import { ensureAllClean } from '../content';
import { fail } from '../errors';
import { saveRoutingSnapshot } from '../routing';
import { defineUseCase, type CallContext } from '../use-case';

/**
 * Places are named by their names (scopes say { community: '华光社区' }), so a name must mean
 * one place: a community belongs to one street and district, a street to one district — within
 * the file and against what is already imported. Otherwise two 和平社区 would merge and each
 * one's staff would see the other's tickets.
 */
export async function ensurePlacesUnambiguous(grids: readonly GridShape[], deps: Deps): Promise<void> {
  const parents = new Map<string, string>();
  const claim = (kind: 'community' | 'street', name: string, parent: string): void => {
    const key = `${kind}:${name}`;
    const seen = parents.get(key);
    if (seen !== undefined && seen !== parent) {
      throw fail(
        'INVALID_INPUT',
        `${kind === 'community' ? '社区' : '街道'}名称“${name}”对应了不同的上级（${seen} / ${parent}），请用不同的名称区分`,
      );
    }
    parents.set(key, parent);
  };
  for (const g of grids) {
    if (g.community) claim('community', g.community, `${g.district ?? ''}/${g.street ?? ''}`);
    if (g.street) claim('street', g.street, g.district ?? '');
  }
  for (const [key, parent] of parents) {
    const [kind, name] = key.split(/:(.*)/s) as ['community' | 'street', string];
    const existing = await deps.places.get(kind, name);
    if (!existing) continue;
    const stored = kind === 'community' ? `${existing.district ?? ''}/${existing.street ?? ''}` : (existing.district ?? '');
    if (stored !== parent) {
      throw fail(
        'INVALID_INPUT',
        `${kind === 'community' ? '社区' : '街道'}名称“${name}”已属于 ${stored.replace(/^\//, '') || '其他上级'}，请用不同的名称区分`,
      );
    }
  }
}

/**
 * What an import and its preview both check first: a super admin, a well-formed file in the
 * declared CRS, place names that stay unambiguous, names that pass content security (residents
 * and staff read grid and place names). Answers the file's grids.
 */
export async function checkedGridFile(
  params: { geojson: unknown; crs: Api.Params<'admin.grids.import'>['crs'] },
  ctx: CallContext,
): Promise<GridShape[]> {
  if (ctx.actor.role !== 'superAdmin') throw fail('FORBIDDEN', '只有系统管理员可以导入网格');
  const parsed = parseGridImport(params.geojson, params.crs);
  if (!parsed.ok) throw fail('INVALID_INPUT', parsed.issues[0]?.message ?? '网格文件格式不正确', parsed.issues.slice(0, 20));
  await ensurePlacesUnambiguous(parsed.grids, ctx.deps);
  await ensureAllClean(
    ctx,
    parsed.grids.flatMap((g) =>
      [g.name, g.community, g.street, g.district].filter((n): n is string => typeof n === 'string' && n.length > 0),
    ),
  );
  return parsed.grids;
}

export const importGrids = defineUseCase('admin.grids.import', {
  who: 'staff',
  params: z.strictObject({ geojson: z.unknown(), crs: crsSchema }),
  run: async (params, ctx) => {
    const grids = await checkedGridFile(params, ctx);
    const counts = await ctx.deps.grids.upsert(grids, ctx.now);
    // Cold instances then load the packed routing index instead of building it (issue 12, B4).
    await saveRoutingSnapshot(ctx.deps);
    return counts;
  },
});
