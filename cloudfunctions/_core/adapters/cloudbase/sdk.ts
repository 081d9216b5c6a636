// The one place wx-server-sdk is initialised. In a deployed function the SDK finds its
// environment by itself; locally and in tests TCB_CONTEXT_CNFG points the same, unmodified
// SDK at the embedded local cloud, so every query below runs the real client code.
import cloud from 'wx-server-sdk';

let initialised = false;

export function sdk(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string, throwOnNotFound: false } as Parameters<typeof cloud.init>[0]);
    initialised = true;
  }
  return cloud;
}

export type Database = ReturnType<typeof cloud.database>;
export type Command = Database['command'];

export function database(): Database {
  return sdk().database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]);
}

export function openidFromContext(): string | null {
  const context = sdk().getWXContext();
  const openid: unknown = context.OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
}
