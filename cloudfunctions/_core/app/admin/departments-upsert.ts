// admin.departments.upsert: a department belongs to a street or a district and declares the
// categories it usually handles. Super admins anywhere; street and district admins in their area.
import { z } from 'zod';
import { fail } from '../errors';
import { categoryCode, placeName } from '../schemas';
import { defineUseCase } from '../use-case';

export const upsertDepartment = defineUseCase('admin.departments.upsert', {
  who: 'staff',
  params: z
    .strictObject({
      code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '部门编号只能用字母、数字、-、_'),
      name: z.string().trim().min(1).max(30),
      street: placeName.optional(),
      district: placeName.optional(),
      categories: z.array(categoryCode).max(30),
    })
    .refine((p) => (p.street === undefined) !== (p.district === undefined), { message: '部门须属于一个街道或一个区（二选一）' }),
  run: async (params, ctx) => {
    const { actor, deps } = ctx;
    const street = params.street ? await deps.places.get('street', params.street) : null;
    const district = params.district ? await deps.places.get('district', params.district) : null;
    if (params.street && !street) throw fail('NOT_FOUND', `没有找到街道：${params.street}`);
    if (params.district && !district) throw fail('NOT_FOUND', `没有找到区：${params.district}`);
    const scope = actor.scope;
    const allowed =
      actor.role === 'superAdmin' ||
      (actor.role === 'districtAdmin' && scope !== null && 'district' in scope &&
        (params.district === scope.district || street?.district === scope.district)) ||
      (actor.role === 'streetAdmin' && scope !== null && 'street' in scope && params.street === scope.street);
    if (!allowed) throw fail('FORBIDDEN', '只能维护本辖区的部门');
    for (const code of params.categories) {
      if (!(await deps.categories.get(code))) throw fail('INVALID_INPUT', `没有这个问题类别：${code}`);
    }
    const { created } = await deps.departments.upsert({
      code: params.code,
      name: params.name,
      street: params.street ?? null,
      district: params.district ?? street?.district ?? null,
      categories: params.categories,
    });
    return { code: params.code, created };
  },
});
