// The deps of a local function instance: the real stores over wx-server-sdk, with the local twins
// for content checks, 小程序码 and subscription messages. The server's own instance and each
// instance thread (instance-worker.ts) build theirs here.
import { createCloudDeps } from '../_core/adapters/cloudbase';
import type { Clock, Deps, FileStore, MessageSender } from '../_core/ports';
import { LocalContentCheck } from './twins/content-check';
import { LocalMiniCodes } from './twins/mini-codes';

export function localDeps(options: { clock: Clock; files: FileStore; sender: MessageSender; superAdmins: readonly string[] }): Deps {
  return createCloudDeps({
    clock: options.clock,
    files: options.files,
    content: new LocalContentCheck(),
    sender: options.sender,
    codes: new LocalMiniCodes(),
    superAdminOpenids: options.superAdmins,
  });
}
