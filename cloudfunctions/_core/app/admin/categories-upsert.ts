// admin.categories.upsert: categories are data — a super admin adds one (or changes a name or
// SLA profile) with its default department; the built-in codes always exist.
import { z } from 'zod';
import { contractEnum } from '../../domain/contract-enum';
import { fail } from '../errors';
import { categoryCode, departmentCode, text } from '../schemas';
import { ensureClean } from '../content';
import { defineUseCase } from '../use-case';

export const upsertCategory = defineUseCase('admin.categories.upsert', {
  who: 'staff',
  params: z.strictObject({
    code: categoryCode,
    name: text(10),
    profile: contractEnum<Api.SlaProfile>()(['normal', 'urgent']),
    defaultDepartmentCode: departmentCode.optional(),
  }),
  run: async (params, ctx) => {
    if (ctx.actor.role !== 'superAdmin') throw fail('FORBIDDEN', '只有系统管理员可以维护问题类别');
    await ensureClean(ctx, [params.name]);
    if (params.defaultDepartmentCode && !(await ctx.deps.departments.get(params.defaultDepartmentCode))) {
      throw fail('NOT_FOUND', '没有找到默认部门');
    }
    const { created } = await ctx.deps.categories.upsert({
      code: params.code,
      name: params.name,
      profile: params.profile,
      defaultDepartmentCode: params.defaultDepartmentCode ?? null,
    });
    return { code: params.code, created };
  },
});
