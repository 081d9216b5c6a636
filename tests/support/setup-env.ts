// Every test process is offline: the SDK believes it runs in Tencent Cloud with fake keys
// (so it never probes the metadata service), and any socket to a non-loopback host fails.
import net from 'node:net';

process.env.TENCENTCLOUD = 'true';
process.env.TENCENTCLOUD_SECRETID = 'local-test-secret-id';
process.env.TENCENTCLOUD_SECRETKEY = 'local-test-secret-key';
process.env.TENCENTCLOUD_REGION = 'ap-shanghai';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
const originalConnect = net.Socket.prototype.connect;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- net.Socket.connect has many overloads
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: any[]) {
  const first = args[0];
  const host: unknown =
    typeof first === 'object' && first !== null
      ? ((first as { host?: unknown; path?: unknown }).path ?? (first as { host?: unknown }).host ?? 'localhost')
      : typeof args[1] === 'string'
        ? args[1]
        : 'localhost';
  if (typeof host === 'string' && !host.startsWith('/') && !LOOPBACK.test(host)) {
    throw new Error(`tests never reach the network: refused connection to ${host}`);
  }
  return originalConnect.apply(this, args as Parameters<typeof originalConnect>);
} as typeof originalConnect;
