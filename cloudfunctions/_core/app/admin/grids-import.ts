// admin.grids.import: a super admin loads grid boundaries from a GeoJSON FeatureCollection in
// its declared coordinate system (converted to GCJ-02); re-importing a code replaces that grid.
import { z } from 'zod';
import { parseGridImport } from '../../domain/routing';
import { fail } from '../errors';
import { defineUseCase } from '../use-case';

export const importGrids = defineUseCase('admin.grids.import', {
  who: 'staff',
  params: z.strictObject({ geojson: z.unknown(), crs: z.enum(['wgs84', 'gcj02']) }),
  run: async (params, ctx) => {
    if (ctx.actor.role !== 'superAdmin') throw fail('FORBIDDEN', '只有系统管理员可以导入网格');
    const parsed = parseGridImport(params.geojson, params.crs);
    if (!parsed.ok) throw fail('INVALID_INPUT', parsed.issues[0]?.message ?? '网格文件格式不正确', parsed.issues.slice(0, 20));
    return ctx.deps.grids.upsert(parsed.grids, ctx.now);
  },
});
