// The `api` function's one entry: { action, params } in, the envelope out. Identity arrives
// from the caller of this function (the cloud context, or the local server's header), never
// from the event. Bad input is refused before any use case runs, so it changes nothing.
import { z } from 'zod';
import type { Deps } from '../ports';
import { ACTIONS } from './actions';
import { resolveCaller } from './actor';
import { noteActivity } from './activity';
import { ContentionError, InvalidCursorError } from '../ports';
import { AppError, MESSAGES } from './errors';
import type { UseCase } from './use-case';

export interface Caller {
  /** The WeChat OPENID from the cloud runtime; empty when not called by a mini program user. */
  openid: string | null | undefined;
}

// The platform adds `userInfo` (appId, openId) to events from the mini program: tolerated, never trusted.
const eventSchema = z.strictObject({
  action: z.string().max(64),
  params: z.unknown().optional(),
  userInfo: z.unknown().optional(),
});

const hasAction = (name: string): name is keyof typeof ACTIONS => Object.prototype.hasOwnProperty.call(ACTIONS, name);

type Logger = (line: string) => void;

/** An error for a log line: its name and the shape of its message, never its data. */
export const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${redact(error.message)}` : 'unknown error';

/** Keeps the shape of an error message for debugging, never its data. */
export function redact(message: string): string {
  return message
    .slice(0, 200)
    .replace(/\{[^}]*\}/g, '{…}')
    .replace(/(["'`])(?:(?!\1).)*\1/g, '$1…$1')
    .replace(/[A-Za-z0-9_-]{16,}/g, '…')
    .replace(/\d{5,}/g, '…');
}

const toIssues = (error: z.ZodError): Array<{ path: string; message: string }> =>
  error.issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

export async function handleApi(
  event: unknown,
  caller: Caller,
  deps: Deps,
  log: Logger = (line) => console.error(line),
): Promise<Api.Envelope<unknown>> {
  const parsedEvent = eventSchema.safeParse(event);
  if (!parsedEvent.success) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } };
  }
  const { action } = parsedEvent.data;
  if (!hasAction(action)) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } };
  }
  const openid = caller.openid;
  if (typeof openid !== 'string' || openid.length === 0) {
    return { ok: false, error: { code: 'UNAUTHENTICATED', message: MESSAGES.UNAUTHENTICATED } };
  }
  // The table is keyed by action, so each use case's params type matches its own schema.
  const useCase = ACTIONS[action] as unknown as UseCase<Api.ActionName, unknown>;
  try {
    const params = useCase.params.safeParse(parsedEvent.data.params ?? {});
    if (!params.success) {
      const issues = toIssues(params.error);
      return { ok: false, error: { code: 'INVALID_INPUT', message: issues[0]?.message ?? MESSAGES.INVALID_INPUT, details: issues } };
    }
    const now = deps.clock.now();
    // Beside the identity lookup: what the action reads whoever the caller turns out to be.
    const early = useCase.early ? useCase.early(params.data, openid, deps, now) : Promise.resolve(undefined);
    early.catch(() => undefined); // a caller refused below never awaits it
    const { actor, lastActiveAt, self } = await resolveCaller(openid, deps);
    if (useCase.who === 'staff' && actor.role === 'resident') {
      return { ok: false, error: { code: 'FORBIDDEN', message: '该功能仅限工作人员使用' } };
    }
    const data = await useCase.run(params.data, { actor, deps, now, self }, early);
    await noteActivity(actor, lastActiveAt, deps, now);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ContentionError) {
      // Many people acting on the same thing at once, for longer than the retries could wait.
      return { ok: false, error: { code: 'CONFLICT', message: '同时办理的人较多，请稍后再试' } };
    }
    if (error instanceof InvalidCursorError) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: '翻页参数已失效，请刷新列表' } };
    }
    if (error instanceof AppError) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) },
      };
    }
    // Log the failure without params or identity: no personal data in logs. Driver messages may
    // echo document values (E11000 … dup key: { _id: … }), so anything id-like or quoted is masked.
    log(`[api] ${action} failed: ${describeError(error)}`);
    return { ok: false, error: { code: 'INTERNAL', message: MESSAGES.INTERNAL } };
  }
}
