// The only place that talks to the `api` cloud function (eslint forbids wx.cloud.callFunction
// anywhere else). Every call is typed by the shared contract `Api.Actions`, and every failure
// surfaces as one ApiError with a code and a Chinese message a resident can read.
import { config } from '../config';
import { errorMessage, type ClientErrorCode } from '../i18n/zh';
import { isRecord } from '../utils/guards';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly details?: unknown;

  constructor(code: ClientErrorCode, message?: string, details?: unknown) {
    super(message && message.trim() ? message : errorMessage(code));
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Any thrown value as an ApiError (so pages can always show `.message`). */
export function toApiError(e: unknown): ApiError {
  return isApiError(e) ? e : new ApiError('NETWORK');
}

/** The contract's error codes, each once: tsc fails when the contract gains one not listed here. */
const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const satisfies ReadonlyArray<Api.ErrorCode>;
type Unlisted = Exclude<Api.ErrorCode, (typeof ERROR_CODES)[number]>;
const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCodeListed;

/** Local mode only in the develop build: a forgotten localServer never ships. */
export function localServer(): string | null {
  if (!config.localServer) return null;
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion === 'develop' ? config.localServer : null;
  } catch {
    return null;
  }
}

/** The header the local server reads the caller's openid from (it trusts it only locally). */
export function localHeaders(): Record<string, string> {
  return config.devOpenid ? { 'x-wx-openid': config.devOpenid } : {};
}

let cloudReady = false;

/** wx.cloud.init with the env id always given (without it the first environment is used). */
export function initCloud(): void {
  if (cloudReady || localServer()) return;
  wx.cloud.init({ env: config.env, traceUser: true });
  cloudReady = true;
}

/** Reads an answer as the contract's envelope; anything else is the server misbehaving. */
function unwrap<T>(answer: unknown): T {
  if (isRecord(answer) && answer.ok === true && 'data' in answer) {
    return answer.data as T;
  }
  if (isRecord(answer) && answer.ok === false && isRecord(answer.error)) {
    const { code, message, details } = answer.error;
    const known = ERROR_CODES.find((c) => c === code);
    return failWith(known ?? 'INTERNAL', typeof message === 'string' ? message : undefined, details);
  }
  return failWith('INTERNAL');
}

function failWith(code: ClientErrorCode, message?: string, details?: unknown): never {
  throw new ApiError(code, message, details);
}

function viaCloud(request: Api.Request): Promise<unknown> {
  initCloud();
  return wx.cloud.callFunction({ name: 'api', data: { action: request.action, params: request.params } }).then(
    (res) => res.result,
    () => failWith('NETWORK'),
  );
}

function viaLocalServer(base: string, request: Api.Request): Promise<unknown> {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${base}/functions/api`,
      method: 'POST',
      data: { action: request.action, params: request.params },
      header: { 'content-type': 'application/json', ...localHeaders() },
      success: (res) => resolve(res.data),
      fail: () => reject(new ApiError('NETWORK')),
    });
  });
}

/** Calls one action of the `api` function and answers its data, or throws ApiError. */
export async function call<A extends Api.ActionName>(action: A, params: Api.Params<A>): Promise<Api.Data<A>> {
  const request: Api.Request = { action, params } as Api.Request;
  const base = localServer();
  const answer = base ? await viaLocalServer(base, request) : await viaCloud(request);
  return unwrap<Api.Data<A>>(answer);
}

export interface RetryOptions {
  tries: number;
  /** First wait; doubles after each failed try. */
  baseDelayMs: number;
}

/** Failures worth another try: the request may never have arrived, or the server hiccupped. */
function isTransient(e: unknown): boolean {
  return isApiError(e) && (e.code === 'NETWORK' || e.code === 'INTERNAL');
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `attempt` up to `tries` times while it fails transiently, waiting longer each time. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  let lastError: unknown = null;
  for (let i = 0; i < options.tries; i += 1) {
    if (i > 0) await wait(options.baseDelayMs * 2 ** (i - 1));
    try {
      return await attempt();
    } catch (e) {
      lastError = e;
      if (!isTransient(e)) break;
    }
  }
  throw toApiError(lastError);
}

/**
 * For idempotent calls only (report.submit carries a clientRequestId, so the server makes one
 * ticket however many of the tries arrive): 3 tries, waiting 0.8 s then 1.6 s.
 */
export function callWithRetry<A extends Api.ActionName>(
  action: A,
  params: Api.Params<A>,
  options: RetryOptions = { tries: 3, baseDelayMs: 800 },
): Promise<Api.Data<A>> {
  return withRetry(() => call(action, params), options);
}
