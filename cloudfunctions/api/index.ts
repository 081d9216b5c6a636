// The `api` cloud function: identity from the cloud context, everything else in _core.
import { createCloudDeps, openidFromContext } from '../_core/adapters/cloudbase';
import { handleApi } from '../_core/app/handle-api';
import type { Deps } from '../_core/ports';

let deps: Deps | undefined;

export async function main(event: unknown): Promise<Api.Envelope<unknown>> {
  deps ??= createCloudDeps();
  return handleApi(event, { openid: openidFromContext() }, deps);
}
