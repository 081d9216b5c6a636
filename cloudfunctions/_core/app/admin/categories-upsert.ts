// admin.categories.upsert: categories are data — a super admin adds one (or changes a name or
// SLA profile, or the kind the report form starts with) with its default department, or retires
// one (停用: no longer offered; its tickets keep it) and brings it back; the built-in codes always
// exist. `create: true` says the admin means a new code: an existing one is CONFLICT.
import { z } from 'zod';
import { contractEnum } from '../../domain/contract-enum';
import { fail } from '../errors';
import { isRetirable } from '../../config/categories';
import { CATEGORY_CODE_PATTERN, departmentCode, text } from '../schemas';
import { ensureClean } from '../content';
import { defineUseCase } from '../use-case';

export const upsertCategory = defineUseCase('admin.categories.upsert', {
  who: 'staff',
  params: z.strictObject({
    code: z.string().regex(CATEGORY_CODE_PATTERN, '类别编号用小写字母开头，只能有小写字母、数字和 -'),
    name: text(10),
    profile: contractEnum<Api.SlaProfile>()(['normal', 'urgent']),
    defaultDepartmentCode: departmentCode.optional(),
    defaultKind: contractEnum<Api.Kind>()(['complaint', 'suggestion', 'question']).optional(),
    retired: z.boolean().optional(),
    create: z.literal(true).optional(),
  }),
  run: async (params, ctx) => {
    if (ctx.actor.role !== 'superAdmin') throw fail('FORBIDDEN', '只有系统管理员可以维护问题类别');
    const existing = await ctx.deps.categories.get(params.code);
    if (params.create && existing) throw fail('CONFLICT', `类别编号 ${params.code} 已经存在（${existing.name}）`);
    if (params.retired && !isRetirable(params.code)) {
      throw fail('INVALID_INPUT', '“其他”是居民找不到合适类别时的选项，不能停用', [{ path: 'retired', message: '不能停用' }]);
    }
    await ensureClean(ctx, [params.name]);
    if (params.defaultDepartmentCode) {
      const department = await ctx.deps.departments.get(params.defaultDepartmentCode);
      if (!department) throw fail('NOT_FOUND', '没有找到默认部门');
      // Newly set, that is: one retired after it was set does not block a rename.
      if (department.retired && department.code !== existing?.defaultDepartmentCode) {
        throw fail('INVALID_INPUT', '这个部门已停用，不能作为默认部门', [{ path: 'defaultDepartmentCode', message: '已停用' }]);
      }
    }
    const { created } = await ctx.deps.categories.upsert({
      code: params.code,
      name: params.name,
      profile: params.profile,
      defaultDepartmentCode: params.defaultDepartmentCode ?? null,
      defaultKind: params.defaultKind ?? existing?.defaultKind ?? 'complaint',
      retired: params.retired ?? existing?.retired ?? false,
    });
    return { code: params.code, created };
  },
});
