// ticket.dispatch (派发): an accepted ticket goes to a department of the ticket's street or
// district; the department may resolve it or return it with a reason.
import { z } from 'zod';
import { dispatch } from '../../domain/lifecycle';
import { fail } from '../errors';
import { departmentCode, id, optionalText } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from './move';
import { ensureClean } from '../content';

export const dispatchTicket = defineUseCase('ticket.dispatch', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, departmentCode, note: optionalText(200) }),
  run: async (params, ctx) => {
    await ensureClean(ctx, [params.note]);
    const department = await ctx.deps.departments.get(params.departmentCode);
    if (!department) throw fail('NOT_FOUND', '没有找到这个部门');
    // A sheet opened before an admin retired it: the sheet reads the departments again.
    if (department.retired) {
      throw fail('INVALID_INPUT', '这个部门已停用，请选择其他部门', [{ path: 'departmentCode', message: '已停用' }]);
    }
    return moveTicket(params.ticketId, 'dispatch', ctx, (t, move) => {
      // A street's department serves its street; a district's serves every street of it.
      const serves =
        department.street !== null
          ? department.street === t.place.street
          : department.district !== null && (department.district === t.place.district || t.place.district === null);
      if (!serves) throw fail('INVALID_INPUT', '该部门不负责这个地区');
      return dispatch(t, move, department.code, params.note ? params.note : null);
    });
  },
});
