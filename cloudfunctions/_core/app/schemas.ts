// Shared zod pieces for action params. Every object is strict (unknown keys are refused), so
// no client object, and no `$` operator hidden in one, ever reaches a where() or update().
import { z } from 'zod';
// China's bounds are the routing domain's: the same box for a report's point and a grid's corners.
import { contractEnum } from '../domain/contract-enum';
import { CHINA_BOUNDS, GRID_CODE_PATTERN } from '../domain/routing';
import { charCount, TEXT_PROBLEM_MESSAGE, textProblem } from '../domain/text';

// Validation messages reach users. Where a schema gives no message of its own, say plainly what
// is wrong in words a resident understands; the exact field is in the error's details.
z.config(z.locales.zhCN());
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? '有必填的内容没有填写' : '填写的内容格式不正确';
      case 'too_big':
        return issue.origin === 'array' ? '数量超过上限' : issue.origin === 'string' ? '内容太长了' : '数值太大了';
      case 'too_small':
        return issue.origin === 'array' ? '数量不足' : issue.origin === 'string' ? '有必填的内容没有填写' : '数值太小了';
      case 'unrecognized_keys':
        return '包含不支持的内容';
      case 'invalid_value':
        return '选择的选项不在可选范围内';
      case 'invalid_union':
        return '填写的内容格式不正确';
      case 'invalid_format':
        return '填写的内容格式不正确';
      default:
        return undefined;
    }
  },
});

export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确');
/**
 * Text a person wrote: trimmed, 1–max characters (code points), something visible in it, and
 * no control, bidi or lone-surrogate characters (domain/text.ts).
 */
export const text = (max: number) =>
  z
    .string()
    .max(max * 4, `不能超过 ${max} 个字`)
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      const problem = textProblem(s);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGE[problem] });
      else if (charCount(s) > max) ctx.addIssue({ code: 'custom', message: `不能超过 ${max} 个字` });
    });
/** The same rules for an optional text; an empty one counts as not given. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max * 4, `不能超过 ${max} 个字`)
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      if (s.length === 0) return;
      const problem = textProblem(s);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGE[problem] });
      else if (charCount(s) > max) ctx.addIssue({ code: 'custom', message: `不能超过 ${max} 个字` });
    })
    .optional();

export const fileId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^(cloud|local):\/\/[A-Za-z0-9._~\/-]+$/, '图片编号不正确');
export const photos = z.array(fileId).max(6, '最多 6 张照片');

export const location = z.strictObject({
  latitude: z.number().finite().min(CHINA_BOUNDS.minLat, '位置不在服务范围内').max(CHINA_BOUNDS.maxLat, '位置不在服务范围内'),
  longitude: z.number().finite().min(CHINA_BOUNDS.minLng, '位置不在服务范围内').max(CHINA_BOUNDS.maxLng, '位置不在服务范围内'),
  address: optionalText(100),
});

/** Mobile or landline with area code; the mini program's copy (utils/validate.ts) is tested against it. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;
export const phone = z.string().regex(PHONE_PATTERN, '请填写正确的电话号码');
export const cursor = z
  .string()
  .regex(/^[A-Za-z0-9_=-]{1,200}$/, '翻页参数不正确')
  .optional();
export const categoryCode = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, '请选择问题类型');
export const placeName = text(50);
export const gridCode = z.string().regex(GRID_CODE_PATTERN, '网格编号不正确');
/** A department's code, as imported or created by an admin. */
export const departmentCode = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '部门编号只能用字母、数字、-、_');

export const scope = z.union([
  z.strictObject({ grids: z.array(gridCode).min(1).max(50) }),
  z.strictObject({ community: placeName }),
  z.strictObject({ street: placeName }),
  z.strictObject({ district: placeName }),
  z.strictObject({ department: departmentCode }),
]);

export const staffRole = contractEnum<Api.StaffRole>()([
  'gridWorker',
  'communityAdmin',
  'deptHandler',
  'streetAdmin',
  'districtAdmin',
  'superAdmin',
]);
export const ticketStatus = contractEnum<Api.TicketStatus>()(['submitted', 'accepted', 'resolved', 'closed', 'rejected', 'withdrawn']);
