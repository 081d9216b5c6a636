// A real stack for use-case tests: the embedded local cloud, the real wx-server-sdk stores,
// and handleApi — the same code `npm start` and the deployed function run. Only the clock is
// pinned, so deadlines are predictable.
import { handleApi } from '../../cloudfunctions/_core/app/handle-api';
import { handleJobs } from '../../cloudfunctions/_core/app/jobs/handle-jobs';
import { startLocalServer, type LocalServer } from '../../cloudfunctions/_local/server';
import { demoGeoJson } from '../../cloudfunctions/_local/demo/grids';

export const ADMIN = 'test-admin';

export interface TestApp {
  server: LocalServer;
  /** Calls an action as `openid`; answers the envelope. */
  call<A extends Api.ActionName>(
    openid: string | null,
    action: A,
    params: Api.Params<A> | Record<string, unknown>,
  ): Promise<Api.Response<A>>;
  /** Calls an action and returns its data, failing the test on an error envelope. */
  ok<A extends Api.ActionName>(openid: string, action: A, params: Api.Params<A>): Promise<Api.Data<A>>;
  raw(openid: string | null, event: unknown): Promise<Api.Envelope<unknown>>;
  /** Runs a timer job as its trigger would; fails the test on an error envelope. */
  job(name: Api.JobName): Promise<number>;
  setNow(at: string | Date): void;
  /** Plain JSON copy of every collection, to assert that bad input changed nothing. */
  snapshot(): Promise<unknown>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  const server = await startLocalServer({ port: 0, dataDir: null, seed: false, superAdmins: [ADMIN] });
  const raw = (openid: string | null, event: unknown) => handleApi(event, { openid }, server.deps, () => undefined);
  const app: TestApp = {
    server,
    call: async (openid, action, params) => (await raw(openid, { action, params })) as Api.Response<typeof action>,
    ok: async (openid, action, params) => {
      const answer = await raw(openid, { action, params });
      if (!answer.ok)
        throw new Error(
          `${action} as ${openid} failed: ${answer.error.code} ${answer.error.message} ${JSON.stringify(answer.error.details ?? '')}`,
        );
      return answer.data as Api.Data<typeof action>;
    },
    raw,
    job: async (name) => {
      const answer = await handleJobs({ Type: 'Timer', TriggerName: name }, { openid: null }, server.deps);
      if (!answer.ok) throw new Error(`job ${name} failed: ${answer.error.code} ${answer.error.message}`);
      return answer.data.processed;
    },
    setNow: (at) => server.clock.set(new Date(at)),
    snapshot: async () => server.cloud.snapshot(),
    reset: async () => {
      await server.cloud.reset();
    },
    close: () => server.close(),
  };
  return app;
}

/**
 * One app for the whole test file: started (then `setup`, e.g. seedCommunity) in beforeAll and
 * closed in afterAll. Answers a handle that forwards to it, so the file can name it up front;
 * use it inside hooks and tests.
 */
export function useTestApp(setup: (app: TestApp) => Promise<void> | void = () => undefined): TestApp {
  let started: TestApp | undefined;
  const current = (): TestApp => {
    if (!started) throw new Error('the test app starts in beforeAll: use it inside hooks and tests');
    return started;
  };
  beforeAll(async () => {
    started = await startTestApp();
    await setup(started);
  });
  afterAll(() => started?.close());
  return {
    get server() {
      return current().server;
    },
    call: (openid, action, params) => current().call(openid, action, params),
    ok: (openid, action, params) => current().ok(openid, action, params),
    raw: (openid, event) => current().raw(openid, event),
    job: (name) => current().job(name),
    setNow: (at) => current().setNow(at),
    snapshot: () => current().snapshot(),
    reset: () => current().reset(),
    close: () => current().close(),
  };
}

/** Imports the demo community's six grids and binds a worker per pair of grids plus a community admin. */
export async function seedCommunity(app: TestApp): Promise<void> {
  await app.ok(ADMIN, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
  const staff: Array<[string, Api.StaffRole, Api.Scope]> = [
    ['worker-1', 'gridWorker', { grids: ['ZD-CZ-HG-01', 'ZD-CZ-HG-02'] }],
    ['worker-2', 'gridWorker', { grids: ['ZD-CZ-HG-03', 'ZD-CZ-HG-04'] }],
    ['worker-3', 'gridWorker', { grids: ['ZD-CZ-HG-05', 'ZD-CZ-HG-06'] }],
    ['community-1', 'communityAdmin', { community: '华光社区' }],
    ['street-1', 'streetAdmin', { street: '车站街道' }],
    ['district-1', 'districtAdmin', { district: '张店区' }],
  ];
  for (const [openid, role, scope] of staff) await bindStaff(app, openid, role, scope);
}

/**
 * The display name bindStaff gives when the test names none: distinct per openid ("职员" and a
 * short hash), never containing the openid, so "no openid in the answer" checks stay meaningful.
 */
export function displayNameOf(openid: string): string {
  let hash = 2166136261;
  for (const ch of openid) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return `职员${hash.toString(36).slice(0, 5).toUpperCase()}`;
}

/**
 * Makes `openid` staff: the super admin invites `role` over `scope`, and `openid` redeems the code
 * under a display name (`profile`, else displayNameOf(openid)) and maybe a service phone.
 */
export async function bindStaff(
  app: TestApp,
  openid: string,
  role: Api.StaffRole,
  scope: Api.Scope,
  profile: { displayName?: string; servicePhone?: string } = {},
): Promise<void> {
  const invite = await app.ok(ADMIN, 'admin.invites.create', { role, scope });
  await app.ok(openid, 'staff.bind', {
    inviteCode: invite.code,
    displayName: profile.displayName ?? displayNameOf(openid),
    ...(profile.servicePhone ? { servicePhone: profile.servicePhone } : {}),
  });
}

let requestCounter = 0;
export function reportParams(overrides: Partial<Api.ReportSubmitParams> = {}): Api.ReportSubmitParams {
  requestCounter += 1;
  return {
    category: 'sanitation',
    kind: 'complaint',
    description: '楼下垃圾桶已经满了两天，没人清运。',
    photos: [],
    location: { latitude: 36.8135, longitude: 118.0406, address: '华光路 1 号' },
    clientRequestId: `test-request-${requestCounter}-${Date.now()}`,
    ...overrides,
  };
}
