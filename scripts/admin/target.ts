// Where the admin CLI acts, and as whom. Both targets run the functions' own code in-process:
// handleApi over createCloudDeps — the wx-server-sdk stores — so the CLI has no second
// implementation of any query and writes with the same `{ data }` calls the functions make.
//  - cloud: wx-server-sdk is a layer over @cloudbase/node-sdk, which signs its requests with an
//    API key pair when it runs outside a cloud function; the CLI hands it TCB_SECRET_ID/KEY and
//    the environment id through the variables node-sdk reads (TENCENTCLOUD_SECRETID/SECRETKEY,
//    TCB_ENV), so the unmodified adapter code talks to the real database.
//  - local: the embedded local cloud on the data folder `npm start` uses (.data by default).
// The caller is ADMIN_OPERATOR, which must be listed in SUPER_ADMIN_OPENIDS: resolveActor makes
// it a super admin exactly as it does for a configured openid in the function.
import { handleApi } from '../../cloudfunctions/_core/app/handle-api';
import { createCloudDeps } from '../../cloudfunctions/_core/adapters/cloudbase';
import type { Deps } from '../../cloudfunctions/_core/ports';
import { startLocalServer } from '../../cloudfunctions/_local/server';
import type { DeployConfig } from '../deploy/config';
import type { Call } from './commands';

export interface Target {
  readonly where: string;
  readonly call: Call;
  close(): Promise<void>;
}

const callAs =
  (operator: string, deps: Deps): Call =>
  (action, params) =>
    handleApi({ action, params }, { openid: operator }, deps, (line) => console.error(line));

export function cloudTarget(config: DeployConfig, env: NodeJS.ProcessEnv = process.env): Target {
  if (!config.credentials) throw new Error('TCB_SECRET_ID / TCB_SECRET_KEY 未填写');
  env.TCB_ENV = config.envId;
  env.TENCENTCLOUD_SECRETID = config.credentials.secretId;
  env.TENCENTCLOUD_SECRETKEY = config.credentials.secretKey;
  const deps = createCloudDeps({ superAdminOpenids: config.superAdmins });
  return { where: `CloudBase 环境 ${config.envId}`, call: callAs(config.operator, deps), close: async () => undefined };
}

export interface LocalOptions {
  readonly dataDir: string | null;
  readonly operator: string;
  readonly superAdmins: readonly string[];
}

export async function localTarget(options: LocalOptions): Promise<Target> {
  const server = await startLocalServer({ port: 0, dataDir: options.dataDir, seed: false, superAdmins: options.superAdmins });
  return {
    where: `本地云（${options.dataDir ?? '内存'}）`,
    call: callAs(options.operator, server.deps),
    close: () => server.close(),
  };
}

/** Whether `npm start` answers on this port: then it owns the data folder and the CLI must not write it. */
export async function localServerRunning(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/__clock`, { signal: AbortSignal.timeout(500) });
    return res.ok;
  } catch {
    return false;
  }
}
