// admin.departments.upsert: a department belongs to a street or a district and declares the
// categories it usually handles. Super admins anywhere; street and district admins in their area.
// A department merged or abolished is retired (停用: no longer offered for dispatch or invites; the
// tickets it holds stay with it) and may be brought back. `create: true` says the admin means a
// new code: an existing one is CONFLICT.
import { z } from 'zod';
import type { Scope } from '../../domain/types';
import { scopeContains } from '../../domain/scope';
import { fail } from '../errors';
import { locateScope } from '../scope';
import { categoryCode, departmentCode, placeName, text } from '../schemas';
import { ensureClean } from '../content';
import { defineUseCase } from '../use-case';

export const upsertDepartment = defineUseCase('admin.departments.upsert', {
  who: 'staff',
  params: z
    .strictObject({
      code: departmentCode,
      name: text(30),
      street: placeName.optional(),
      district: placeName.optional(),
      categories: z.array(categoryCode).max(30),
      retired: z.boolean().optional(),
      create: z.literal(true).optional(),
    })
    .refine((p) => (p.street === undefined) !== (p.district === undefined), { message: '部门须属于一个街道或一个区（二选一）' }),
  run: async (params, ctx) => {
    const { actor, deps } = ctx;
    const placeOf = (street: string | null, district: string | null): Scope => (street ? { street } : { district: district ?? '' });
    /** Whether a department placed there lies in the caller's area (locating it is NOT_FOUND when the place is unknown). */
    const inArea = async (where: Scope): Promise<boolean> => {
      const located = await locateScope(where, deps);
      if (actor.role === 'superAdmin') return true;
      return (
        (actor.role === 'streetAdmin' || actor.role === 'districtAdmin') && actor.scope !== null && scopeContains(actor.scope, located)
      );
    };
    if (!(await inArea(placeOf(params.street ?? null, params.district ?? null)))) throw fail('FORBIDDEN', '只能维护本辖区的部门');
    // Re-using a code must not take over a department of another area (and its handlers).
    const existing = await deps.departments.get(params.code);
    if (params.create && existing) throw fail('CONFLICT', `部门编号 ${params.code} 已被使用，请换一个`);
    if (existing && actor.role !== 'superAdmin' && !(await inArea(placeOf(existing.street, existing.district)))) {
      throw fail('FORBIDDEN', '这个部门编号已被其他辖区使用');
    }
    await ensureClean(ctx, [params.name]);
    for (const code of params.categories) {
      if (!(await deps.categories.get(code))) throw fail('INVALID_INPUT', `没有这个问题类别：${code}`);
    }
    const { created } = await deps.departments.upsert({
      code: params.code,
      name: params.name,
      street: params.street ?? null,
      // A street's department serves that street only; a district's serves the whole district.
      district: params.district ?? null,
      categories: params.categories,
      retired: params.retired ?? existing?.retired ?? false,
    });
    return { code: params.code, created };
  },
});
