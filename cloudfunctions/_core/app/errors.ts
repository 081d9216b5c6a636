// One error type for every refusal a use case makes; the handler turns it into the
// { ok: false, error } envelope. Messages are short Chinese sentences fit to show a user.
export class AppError extends Error {
  constructor(
    readonly code: Api.ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const MESSAGES = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请在微信小程序中打开',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到这条记录',
  CONFLICT: '该事项状态已变化，请刷新后再试',
  RATE_LIMITED: '提交太频繁了，请稍后再试',
  CONTENT_REJECTED: '内容含有不当信息，请修改后再提交',
  INTERNAL: '系统繁忙，请稍后再试',
} as const satisfies Record<Api.ErrorCode, string>;

export const fail = (code: Api.ErrorCode, message: string = MESSAGES[code], details?: unknown): AppError =>
  new AppError(code, message, details);
