// Entry of `npm start` (bundled to .build/local-server.js).
import { DEMO_RESIDENTS, DEMO_STAFF } from './demo/seed';
import { DEFAULT_INSTANCES, startLocalServer, threadEntries } from './server';

/** LOCAL_INSTANCES: how many function instances serve requests (1–16; default DEFAULT_INSTANCES). */
function instanceCount(value: string | undefined): number {
  const n = Number(value ?? DEFAULT_INSTANCES);
  return Number.isInteger(n) && n >= 1 && n <= 16 ? n : DEFAULT_INSTANCES;
}

async function main(): Promise<void> {
  process.env.TENCENTCLOUD ??= 'true';
  const port = Number(process.env.PORT ?? 8787);
  // As on CloudBase, the database is a service of its own and each function instance serves one
  // request at a time: the local cloud and LOCAL_INSTANCES instances (default one per core, at least 2) run in threads.
  const server = await startLocalServer({
    port,
    dataDir: process.env.DATA_DIR ?? '.data',
    seed: true,
    ...threadEntries(__dirname, instanceCount(process.env.LOCAL_INSTANCES)),
  });
  const lines = [
    `一键上报 local cloud is running on ${server.url}`,
    '',
    `  POST ${server.url}/functions/api     body {"action","params"}, caller openid in header x-wx-openid`,
    `  POST ${server.url}/functions/jobs    body {"Type":"Timer","TriggerName":"sweep"}`,
    `  POST ${server.url}/__clock           {"now":"2026-10-01T08:00:00+08:00"} stops time there ("running":true lets it run on; {"reset":true} = real time)`,
    `  GET  ${server.url}/__outbox          subscription messages "sent"`,
    `  POST ${server.url}/__reset           {"seed":false} leaves the store empty`,
    `  POST ${server.url}/__files           photo upload (multipart, field "file", header x-wx-openid)`,
    '',
    `  super admin: local-admin   residents: ${DEMO_RESIDENTS.join(', ')}`,
    ...DEMO_STAFF.map((s) => `  ${s.openid.padEnd(16)} ${s.label}`),
    '',
    'Try it:',
    `  curl -s ${server.url}/functions/api -H 'content-type: application/json' -H 'x-wx-openid: demo-grid-1' -d '{"action":"queue.list","params":{}}'`,
    '',
    'Data is kept in .data/ (delete it, or POST /__reset, to start over). Ctrl+C stops.',
  ];
  console.log(lines.join('\n'));
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
