// The `jobs` cloud function, started by its timer triggers (config.json); a call carrying a
// user's openid is refused.
import { createCloudDeps, openidFromContext } from '../_core/adapters/cloudbase';
import { handleJobs } from '../_core/app/jobs/handle-jobs';
import type { Deps } from '../_core/ports';

let deps: Deps | undefined;

export async function main(event: unknown): Promise<Api.JobResponse> {
  deps ??= createCloudDeps();
  return handleJobs(event, { openid: openidFromContext() }, deps);
}
