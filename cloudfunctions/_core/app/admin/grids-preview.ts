// admin.grids.preview: what admin.grids.import would do with this file, without doing it — the
// same checks and refusals (super admins only; the file's format, CRS and place names; content
// security), then the grids it adds, changes (and how), leaves as they are, the grids of its
// communities it does not name (an import keeps them), and overlaps as warnings. The counts it
// expects are exactly what the import answers.
import { z } from 'zod';
import { planGridImport, type GridField } from '../../domain/grid-changes';
import { crsSchema, type GridShape } from '../../domain/routing';
import type { Deps } from '../../ports';
import { defineUseCase } from '../use-case';
import { checkedGridFile } from './grids-import';

/** Each list is cut at this many (the counts stay whole), to keep the answer small. */
const LIST_MAX = 100;
const NEIGHBOUR_PAGES = 20;

const FIELD_WORDS: Readonly<Record<GridField, string>> = {
  name: '名称',
  community: '社区',
  street: '街道',
  district: '区',
  households: '户数',
  outline: '边界',
};

async function neighboursOf(grids: readonly GridShape[], deps: Deps): Promise<GridShape[]> {
  const communities = [...new Set(grids.map((g) => g.community).filter((c): c is string => c !== null))];
  const found: GridShape[] = [];
  for (const community of communities) {
    let cursor: string | null = null;
    for (let page = 0; page < NEIGHBOUR_PAGES; page += 1) {
      const result = await deps.grids.list({ community }, cursor, 200);
      found.push(...result.items);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
  }
  return found;
}

const item = (g: GridShape, fields?: GridField[]): Api.GridChangeItem => ({
  code: g.code,
  name: g.name,
  community: g.community,
  ...(fields ? { fields: fields.map((f) => FIELD_WORDS[f]) } : {}),
});

export const previewGrids = defineUseCase('admin.grids.preview', {
  who: 'staff',
  params: z.strictObject({ geojson: z.unknown(), crs: crsSchema }),
  run: async (params, ctx) => {
    const grids = await checkedGridFile(params, ctx);
    const before = await Promise.all(grids.map((g) => ctx.deps.grids.get(g.code)));
    const existing = new Map<string, GridShape>();
    for (const g of before) if (g) existing.set(g.code, g);
    const plan = planGridImport(grids, existing, await neighboursOf(grids, ctx.deps));
    const lists = [plan.added, plan.changed, plan.notInFile];
    return {
      total: grids.length,
      added: plan.added.slice(0, LIST_MAX).map((g) => item(g)),
      changed: plan.changed.slice(0, LIST_MAX).map((c) => item(c.grid, c.fields)),
      unchanged: plan.unchanged.length,
      notInFile: plan.notInFile.slice(0, LIST_MAX).map((g) => item(g)),
      warnings: [
        ...plan.overlaps.slice(0, LIST_MAX).map(([a, b]) => `网格 ${a} 与 ${b} 有重叠`),
        ...(plan.notInFile.length > 0 ? [`文件没有包含同社区已导入的 ${plan.notInFile.length} 个网格，导入后它们保持不变`] : []),
      ],
      truncated: lists.some((l) => l.length > LIST_MAX) || plan.overlaps.length > LIST_MAX,
      expected: { imported: plan.added.length, replaced: plan.changed.length + plan.unchanged.length },
    };
  },
});
