// admin.departments.upsert: a department belongs to a street or a district and declares the
// categories it usually handles. Super admins anywhere; street and district admins in their area.
import { z } from 'zod';
import { fail } from '../errors';
import { categoryCode, placeName } from '../schemas';
import { ensureClean } from '../ticket/move';
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
    /** Whether a department placed at (street, district) lies in the caller's area. */
    const inArea = async (deptStreet: string | null, deptDistrict: string | null): Promise<boolean> => {
      if (actor.role === 'superAdmin') return true;
      if (actor.role === 'streetAdmin' && scope !== null && 'street' in scope) return deptStreet === scope.street;
      if (actor.role === 'districtAdmin' && scope !== null && 'district' in scope) {
        const parent = deptStreet ? (await deps.places.get('street', deptStreet))?.district ?? null : deptDistrict;
        return parent === scope.district;
      }
      return false;
    };
    if (!(await inArea(params.street ?? null, params.district ?? null))) throw fail('FORBIDDEN', '只能维护本辖区的部门');
    // Re-using a code must not take over a department of another area (and its handlers).
    const existing = await deps.departments.get(params.code);
    if (existing && !(await inArea(existing.street, existing.district))) throw fail('FORBIDDEN', '这个部门编号已被其他辖区使用');
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
    });
    return { code: params.code, created };
  },
});
