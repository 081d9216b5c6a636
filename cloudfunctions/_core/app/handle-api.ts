// The `api` function's one entry: { action, params } in, the envelope out. Identity arrives
// from the caller of this function (the cloud context, or the local server's header), never
// from the event. Bad input is refused before any use case runs, so it changes nothing.
import { z } from 'zod';
import type { Deps } from '../ports';
import { ACTIONS } from './actions';
import { resolveActor } from './actor';
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
  const useCase = ACTIONS[action] as unknown as UseCase<Api.ActionName>;
  try {
    const params = useCase.params.safeParse(parsedEvent.data.params ?? {});
    if (!params.success) {
      const issues = toIssues(params.error);
      return { ok: false, error: { code: 'INVALID_INPUT', message: issues[0]?.message ?? MESSAGES.INVALID_INPUT, details: issues } };
    }
    const now = deps.clock.now();
    const actor = await resolveActor(openid, deps);
    if (useCase.who === 'staff' && actor.role === 'resident') {
      return { ok: false, error: { code: 'FORBIDDEN', message: '该功能仅限工作人员使用' } };
    }
    const data = await useCase.run(params.data, { actor, deps, now });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) },
      };
    }
    // Log the failure without params or identity: no personal data in logs.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    log(`[api] ${action} failed: ${detail}`);
    return { ok: false, error: { code: 'INTERNAL', message: MESSAGES.INTERNAL } };
  }
}
