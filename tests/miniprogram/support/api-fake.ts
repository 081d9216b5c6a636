// A typed fake of miniprogram/services/api.ts. Test files mock the module with
//   jest.mock('<path>/services/api', () => require('./support/api-fake').mockApiModule());
// and script answers per action with `apiFake`. Handlers are typed by the contract (Api.Actions),
// so a fake answer with a wrong shape fails tsc like real server code would. Retries go through
// the real retry loop (withRetry) without waits, so no test depends on how fast the machine is.
// Two read-only actions that pages ask on their own answer by default, as the demo server would:
// `categories.list` (the built-in nine) and `staff.me` (demo-resident-1). Script them with `on`
// or `fail` like any other action; every other action fails until a test scripts it.
import type * as RealApi from '../../../miniprogram/services/api';
import { demoCategories, demoResident } from './demo-data';

type ApiModule = typeof RealApi;
type Handler<A extends Api.ActionName> = (params: Api.Params<A>) => Api.Data<A> | Promise<Api.Data<A>>;
type HandlerMap = { [A in Api.ActionName]?: Handler<A> };

export interface RecordedCall {
  action: Api.ActionName;
  params: unknown;
}

function actual(): ApiModule {
  return jest.requireActual<ApiModule>('../../../miniprogram/services/api');
}

function defaultHandlers(): HandlerMap {
  return {
    'categories.list': () => ({ items: demoCategories() }),
    'staff.me': () => demoResident(),
  };
}

class ApiFake {
  private handlers: HandlerMap = defaultHandlers();
  readonly calls: RecordedCall[] = [];

  /** Answers `action` with `handler` (data, or throw to fail). */
  on<A extends Api.ActionName>(action: A, handler: Handler<A>): this {
    (this.handlers as Record<string, unknown>)[action] = handler;
    return this;
  }

  /** `action` fails with an error code (and the server's Chinese message, when given). */
  fail(action: Api.ActionName, code: Api.ErrorCode | 'NETWORK', message?: string): this {
    (this.handlers as Record<string, unknown>)[action] = () => {
      throw new (actual().ApiError)(code, message);
    };
    return this;
  }

  /** Params of every call of `action`, in order. */
  callsOf<A extends Api.ActionName>(action: A): Array<Api.Params<A>> {
    return this.calls.filter((c) => c.action === action).map((c) => c.params as Api.Params<A>);
  }

  /** The actions called so far, in order. */
  actions(): Api.ActionName[] {
    return this.calls.map((c) => c.action);
  }

  reset(): void {
    this.handlers = defaultHandlers();
    this.calls.length = 0;
  }

  readonly call = async <A extends Api.ActionName>(action: A, params: Api.Params<A>): Promise<Api.Data<A>> => {
    this.calls.push({ action, params: JSON.parse(JSON.stringify(params)) as unknown });
    const handler = this.handlers[action] as Handler<A> | undefined;
    if (!handler) throw new (actual().ApiError)('INTERNAL', `测试未设置 ${action} 的回答`);
    await Promise.resolve();
    return handler(params);
  };
}

export const apiFake = new ApiFake();

/** The fake's scripting face, for helpers that script many actions at once (support/admin-data.ts). */
export type ApiFakeLike = Pick<ApiFake, 'on' | 'fail'>;

/** The module jest.mock puts in place of services/api. */
export function mockApiModule(): ApiModule {
  const real = actual();
  return {
    ...real,
    call: apiFake.call,
    callWithRetry: <A extends Api.ActionName>(action: A, params: Api.Params<A>, options?: RealApi.RetryOptions) =>
      real.withRetry(() => apiFake.call(action, params), { tries: options?.tries ?? 3, baseDelayMs: 0 }),
  };
}
