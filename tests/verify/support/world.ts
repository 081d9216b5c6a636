// The world the verify suites act in: the real stack (embedded local cloud, wx-server-sdk stores,
// handleApi with its own logger, the local twins), the demo community 华光社区 of 车站街道, 张店区,
// a grid of 和平社区 (和平街道, 张店区) and one of 城北社区 (城北街道, 周村区), a department in
// 车站街道 and one in 和平街道, and a staff member on each side of every line: own and other grid,
// community, street, district and department, and the super admin. Openids look like WeChat's
// (28 characters) and are all registered as personal data: no log line may contain one, and no
// answer may carry one to anyone else (support/privacy.ts scans every answer).
import { handleApi } from '../../../cloudfunctions/_core/app/handle-api';
import { handleJobs } from '../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { demoGeoJson } from '../../../cloudfunctions/_local/demo/grids';
import { startLocalServer, type LocalServer } from '../../../cloudfunctions/_local/server';
import { PrivacyScan } from './privacy';
import { secret } from './report';

/** Every openid the suites made up. */
export const KNOWN_OPENIDS = new Set<string>();

/** A WeChat-like openid for a name: 28 characters, distinct names never contain one another. */
export function oid(name: string): string {
  const openid = secret('openid', `oVf${name.replace(/[^A-Za-z0-9]/g, '')}`.padEnd(28, '_').slice(0, 28));
  KNOWN_OPENIDS.add(openid);
  return openid;
}

export const GRID = 'ZD-CZ-HG-01';
export const OTHER_GRID = 'ZD-CZ-HG-03';
export const FOREIGN_GRID = 'ZC-CB-01';
export const HEPING_GRID = 'ZD-HP-01';
export const PLACE = { community: '华光社区', street: '车站街道', district: '张店区' } as const;
export const OTHER_PLACE = { community: '和平社区', street: '和平街道', district: '周村区' } as const;
export const DEPT = 'cz-sanitation';
export const OTHER_DEPT = 'hp-sanitation';

/** Points: inside grid 01 of 华光社区, inside 城北社区's grid (周村区), and far from every grid (triage, no district). */
export const AT = {
  grid: { latitude: 36.8135, longitude: 118.0406 },
  foreign: { latitude: 36.8, longitude: 117.87 },
  heping: { latitude: 36.7, longitude: 118.2 },
  triage: { latitude: 30.2, longitude: 110.3 },
} as const;

/** The callers of the matrix: every relation to a resource in 华光社区 grid 01. */
export const STAFF = {
  grid: { openid: oid('gridWorkerOwn'), role: 'gridWorker', scope: { grids: [GRID, 'ZD-CZ-HG-02'] } },
  'grid:other': { openid: oid('gridWorkerOther'), role: 'gridWorker', scope: { grids: [OTHER_GRID, 'ZD-CZ-HG-04'] } },
  community: { openid: oid('communityOwn'), role: 'communityAdmin', scope: { community: PLACE.community } },
  'community:other': { openid: oid('communityOther'), role: 'communityAdmin', scope: { community: '和平社区' } },
  street: { openid: oid('streetOwn'), role: 'streetAdmin', scope: { street: PLACE.street } },
  'street:other': { openid: oid('streetOther'), role: 'streetAdmin', scope: { street: '和平街道' } },
  district: { openid: oid('districtOwn'), role: 'districtAdmin', scope: { district: PLACE.district } },
  'district:other': { openid: oid('districtOther'), role: 'districtAdmin', scope: { district: '周村区' } },
  dept: { openid: oid('deptOwn'), role: 'deptHandler', scope: { department: DEPT } },
  'dept:other': { openid: oid('deptOther'), role: 'deptHandler', scope: { department: OTHER_DEPT } },
} as const satisfies Record<string, { openid: string; role: Api.StaffRole; scope: Api.Scope }>;
export type StaffKey = keyof typeof STAFF;

export const SUPER = oid('superAdmin');

export interface World {
  server: LocalServer;
  scan: PrivacyScan;
  /** Calls an action as `openid` (null: no user); every answer is scanned for privacy. */
  call(openid: string | null, action: string, params: unknown): Promise<Api.Envelope<unknown>>;
  raw(openid: string | null, event: unknown): Promise<Api.Envelope<unknown>>;
  ok<A extends Api.ActionName>(openid: string, action: A, params: Api.Params<A>): Promise<Api.Data<A>>;
  job(name: Api.JobName): Promise<number>;
  setNow(at: string | Date): void;
  snapshot(): string;
  isResident(openid: string | null): boolean;
  close(): Promise<void>;
}

const staffOpenids = new Set<string>([SUPER, ...Object.values(STAFF).map((s) => s.openid)]);

/** Starts the stack (nothing seeded); answers the world's handle. */
export async function startWorld(): Promise<World> {
  const server = await startLocalServer({ port: 0, dataDir: null, seed: false, superAdmins: [SUPER] });
  const scan = new PrivacyScan(KNOWN_OPENIDS);
  const extraStaff = new Set<string>();
  const isResident = (openid: string | null): boolean => openid !== null && !staffOpenids.has(openid) && !extraStaff.has(openid);
  const raw = async (openid: string | null, event: unknown): Promise<Api.Envelope<unknown>> => {
    // The product's own logger (console.error), which the capture records.
    const answer = await handleApi(event, { openid }, server.deps);
    scan.check(
      openid,
      isResident(openid),
      typeof event === 'object' && event !== null ? String((event as { action?: unknown }).action) : '?',
      answer,
    );
    if (answer.ok && (event as { action?: unknown }).action === 'staff.bind' && openid !== null) extraStaff.add(openid);
    return answer;
  };
  const world: World = {
    server,
    scan,
    raw,
    call: (openid, action, params) => raw(openid, { action, params }),
    ok: async (openid, action, params) => {
      const answer = await raw(openid, { action, params });
      if (!answer.ok)
        throw new Error(`${action} failed: ${answer.error.code} ${answer.error.message} ${JSON.stringify(answer.error.details ?? '')}`);
      return answer.data as Api.Data<typeof action>;
    },
    job: async (name) => {
      const answer = await handleJobs({ Type: 'Timer', TriggerName: name }, { openid: null }, server.deps);
      if (!answer.ok) throw new Error(`job ${name} failed: ${answer.error.code}`);
      return answer.data.processed;
    },
    setNow: (at) => server.clock.set(new Date(at)),
    snapshot: () => JSON.stringify(server.cloud.snapshot()),
    isResident,
    close: () => server.close(),
  };
  return world;
}

const square = (
  code: string,
  name: string,
  at: { latitude: number; longitude: number },
  place: { community: string; street: string; district: string },
) => ({
  type: 'Feature',
  properties: { code, name, ...place, households: 300 },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [at.longitude - 0.001, at.latitude - 0.001],
        [at.longitude + 0.001, at.latitude - 0.001],
        [at.longitude + 0.001, at.latitude + 0.001],
        [at.longitude - 0.001, at.latitude + 0.001],
        [at.longitude - 0.001, at.latitude - 0.001],
      ],
    ],
  },
});

/** Display names given at binding (shown to residents; never an openid). */
export const DISPLAY_NAME: Record<Api.StaffRole, string> = {
  gridWorker: '张燕',
  communityAdmin: '李社区',
  streetAdmin: '王街道',
  districtAdmin: '赵区里',
  deptHandler: '孙环卫',
  superAdmin: '管理员',
};

/** Grids, places, departments and every staff member of STAFF, bound through invites as in production. */
export async function seedWorld(world: World): Promise<void> {
  await world.ok(SUPER, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
  await world.ok(SUPER, 'admin.grids.import', {
    crs: 'gcj02',
    geojson: {
      type: 'FeatureCollection',
      features: [
        square(HEPING_GRID, '和平一网格', AT.heping, { community: '和平社区', street: '和平街道', district: '张店区' }),
        square(FOREIGN_GRID, '城北一网格', AT.foreign, { community: '城北社区', street: '城北街道', district: '周村区' }),
      ],
    },
  });
  await world.ok(SUPER, 'admin.departments.upsert', {
    code: DEPT,
    name: '车站街道环卫所',
    street: PLACE.street,
    categories: ['sanitation'],
  });
  await world.ok(SUPER, 'admin.departments.upsert', {
    code: OTHER_DEPT,
    name: '和平街道环卫所',
    street: '和平街道',
    categories: ['sanitation'],
  });
  for (const s of Object.values(STAFF)) {
    const invite = await world.ok(SUPER, 'admin.invites.create', { role: s.role, scope: s.scope as Api.Scope });
    await world.ok(s.openid, 'staff.bind', { inviteCode: invite.code, displayName: DISPLAY_NAME[s.role] });
  }
}

let counter = 0;
/** A fresh resident (one may file only 10 reports an hour): registered as personal data. */
export function freshResident(tag = 'resident'): string {
  counter += 1;
  return oid(`${tag}${counter}`);
}

let requests = 0;
export function reportParams(overrides: Partial<Api.ReportSubmitParams> = {}): Api.ReportSubmitParams {
  requests += 1;
  return {
    category: 'sanitation',
    kind: 'complaint',
    description: '楼下垃圾桶已经满了两天，没人清运。',
    photos: [],
    location: { ...AT.grid, address: '华光路 1 号' },
    clientRequestId: `verify-${process.pid}-${requests}`,
    ...overrides,
  };
}
