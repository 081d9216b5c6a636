// Steps and readings the use-case tests share: reports filed by fresh residents, tickets brought
// to a status, the stored rows (outbox messages above all) a move wrote, and "refused, and the
// store is exactly as it was". Everything takes the test app first.
import { ADMIN, bindStaff, reportParams, type TestApp } from './app';
import { unpackTally } from '../../cloudfunctions/_core/adapters/cloudbase/figures-codec';

export type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

// ---- reading the store ----

/** The documents of one collection, copied by app.snapshot(). */
export async function rows(app: TestApp, collection: string): Promise<Row[]> {
  return ((await app.snapshot()) as Snapshot)[collection] ?? [];
}

/** One document of a collection by its _id. */
export async function rowById(app: TestApp, collection: string, id: string): Promise<Row | undefined> {
  return (await rows(app, collection)).find((r) => r._id === id);
}

/**
 * A cell's tally for a Shanghai day after the figures job has run: what stats.summary sums.
 * Counts are numbers (0 before any ticket), so a comparison can never pass on NaN.
 */
export async function cellTally(app: TestApp, cell: string, day: string): Promise<Record<string, number>> {
  await app.job('figures');
  const row = await rowById(app, 'rollups', `cell|${cell}|${day}`);
  // The stored form (one packed string per tally), read as the figures store reads it.
  const total = unpackTally((row?.body as { total?: unknown } | undefined)?.total) as unknown as Record<string, unknown>;
  const counters = ['received', 'accepted', 'resolved', 'closed', 'rejected', 'withdrawn', 'rated', 'satisfied'];
  return Object.fromEntries(counters.map((c) => [c, typeof total[c] === 'number' ? total[c] : 0]));
}

/** The outbox rows (subscription messages) written for one ticket. */
export async function messagesOf(app: TestApp, ticketId: string): Promise<Row[]> {
  return (await rows(app, 'outbox')).filter((r) => r.ticketId === ticketId);
}

/** Outbox rows as "template→touser". */
export const told = (written: Row[]): string[] => written.map((r) => `${String(r.template)}→${String(r.touser)}`);

/** Runs `move`; answers what it answered and the outbox rows it wrote for the ticket. */
export async function withMessages<T>(app: TestApp, ticketId: string, move: () => Promise<T>): Promise<{ result: T; written: Row[] }> {
  const seen = new Set((await messagesOf(app, ticketId)).map((r) => r._id));
  const result = await move();
  const written = (await messagesOf(app, ticketId)).filter((r) => !seen.has(r._id));
  return { result, written };
}

/** `openid` makes a move on a ticket; answers the ticket as it then stands and the outbox rows the move wrote. */
export async function makeMove<A extends Api.ActionName>(
  app: TestApp,
  openid: string,
  action: A,
  params: Api.Params<A> & { ticketId: string },
): Promise<{ view: Api.Data<A>; written: Row[]; told: string[] }> {
  const { result: view, written } = await withMessages(app, params.ticketId, () => app.ok(openid, action, params));
  return { view, written, told: told(written) };
}

/** None of `secrets` (a resident's words, phone or openid; a staff note) appears anywhere in `written`. */
export function expectNoneOf(written: unknown, secrets: string[]): void {
  const text = JSON.stringify(written);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** The ids of a page's items, in order. */
export const ids = (page: { items: Array<{ id: string }> }): string[] => page.items.map((t) => t.id);

// ---- refusals ----

/** Runs `body` and expects the store to be exactly as it was before. */
export async function expectUnchanged(app: TestApp, body: () => Promise<unknown>): Promise<void> {
  const before = await app.snapshot();
  await body();
  expect(await app.snapshot()).toEqual(before);
}

/** Expects `attempt` to be refused with `code` and to leave the store exactly as it was; answers the error. */
export async function expectRefused(
  app: TestApp,
  code: Api.ErrorCode,
  attempt: () => Promise<Api.Envelope<unknown>>,
): Promise<Api.ErrorBody> {
  const before = await app.snapshot();
  const answer = await attempt();
  expect(answer).toMatchObject({ ok: false, error: { code } });
  expect(await app.snapshot()).toEqual(before);
  if (answer.ok) throw new Error(`expected ${code}, the call succeeded`);
  return answer.error;
}

/** Each caller's `action` with `params` is refused with the code beside it; together they leave the store exactly as it was. */
export async function expectRefusedFor<A extends Api.ActionName>(
  app: TestApp,
  action: A,
  params: Api.Params<A>,
  refusals: Array<[openid: string | null, code: Api.ErrorCode]>,
): Promise<void> {
  await expectUnchanged(app, async () => {
    for (const [openid, code] of refusals) expect(await app.call(openid, action, params)).toMatchObject({ ok: false, error: { code } });
  });
}

/** `openid` tries each move in turn; each is refused with `code`, and together they leave the store exactly as it was. */
export async function expectMovesRefused(
  app: TestApp,
  openid: string,
  code: Api.ErrorCode,
  moves: ReadonlyArray<readonly [action: Api.ActionName, params: Record<string, unknown>]>,
): Promise<void> {
  await expectUnchanged(app, async () => {
    for (const [action, params] of moves) expect(await app.raw(openid, { action, params })).toMatchObject({ ok: false, error: { code } });
  });
}

// ---- the test week ----

/** Tuesday 2026-11-24 10:00 Shanghai. */
export const TUESDAY = '2026-11-24T02:00:00.000Z';
/** Wednesday 2026-11-25 10:00 Shanghai. */
export const WEDNESDAY = '2026-11-25T02:00:00.000Z';
/** Friday 2026-11-27 24:00 Shanghai: three working days after Tuesday, when a normal ticket accepted then is due. */
export const FRIDAY_END = '2026-11-27T15:59:59.999Z';

// ---- residents and tickets ----

/** Openids `${prefix}-1`, `${prefix}-2`, …: a fresh resident each time, as one resident may file only 10 an hour. */
export function freshResidents(prefix: string): () => string {
  let count = 0;
  return () => {
    count += 1;
    return `${prefix}-${count}`;
  };
}

export interface FiledReport {
  id: string;
  no: string;
  resident: string;
}

/** `resident` files a report (reportParams with `params`); answers its ticket and who filed it. */
export async function fileReport(app: TestApp, resident: string, params: Partial<Api.ReportSubmitParams> = {}): Promise<FiledReport> {
  const { ticketId, no } = await app.ok(resident, 'report.submit', reportParams(params));
  return { id: ticketId, no, resident };
}

export type TicketState = 'submitted' | 'accepted' | 'resolved' | 'closed' | 'rejected' | 'withdrawn';

export interface StateOptions {
  /** The staff member who accepts, resolves or rejects; the grid worker unless said. */
  by?: string;
  complexity?: Api.Complexity;
  /** The resolution's result text. */
  result?: string;
  /** The rejection's reason. */
  reason?: string;
}

/**
 * Brings a just-submitted ticket to `state`: accepted; resolved (accepted first); closed (resolved,
 * then rated 满意 by the reporter); rejected; or withdrawn by the reporter.
 */
export async function bringTo(
  app: TestApp,
  ticket: { id: string; resident: string },
  state: TicketState,
  options: StateOptions = {},
): Promise<void> {
  const { by = 'worker-1', complexity = 'normal', result = '已清运', reason = '不属于受理范围' } = options;
  const ticketId = ticket.id;
  if (state === 'submitted') return;
  if (state === 'withdrawn') {
    await app.ok(ticket.resident, 'report.withdraw', { ticketId });
    return;
  }
  if (state === 'rejected') {
    await app.ok(by, 'ticket.reject', { ticketId, reason });
    return;
  }
  await app.ok(by, 'ticket.accept', { ticketId, complexity });
  if (state === 'accepted') return;
  await app.ok(by, 'ticket.resolve', { ticketId, result });
  if (state === 'closed') await app.ok(ticket.resident, 'report.rate', { ticketId, rating: 'satisfied' });
}

// ---- places and departments ----

type Place = { community: string; street: string; district: string };

/** A square grid, 0.002° a side, around a centre. */
const squareGrid = (code: string, lng: number, lat: number, place: Place) => ({
  type: 'Feature',
  properties: { code, name: `${place.community}一网格`, ...place, households: 300 },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lng - 0.001, lat - 0.001],
        [lng + 0.001, lat - 0.001],
        [lng + 0.001, lat + 0.001],
        [lng - 0.001, lat + 0.001],
        [lng - 0.001, lat - 0.001],
      ],
    ],
  },
});

/** 和平街道, another street of 张店区, far from the demo community. */
export const HEPING = { longitude: 118.2, latitude: 36.7 };
/** 城北街道 of 周村区, another district. */
export const ZHOUCUN = { longitude: 117.87, latitude: 36.8 };

/** Imports one grid in each of 和平街道 (ZD-HP-01, 张店区) and 城北街道 (ZC-CB-01, 周村区) beside the demo community. */
export async function importNeighbourAreas(app: TestApp): Promise<void> {
  await app.ok(ADMIN, 'admin.grids.import', {
    crs: 'gcj02',
    geojson: {
      type: 'FeatureCollection',
      features: [
        squareGrid('ZD-HP-01', HEPING.longitude, HEPING.latitude, { community: '和平社区', street: '和平街道', district: '张店区' }),
        squareGrid('ZC-CB-01', ZHOUCUN.longitude, ZHOUCUN.latitude, { community: '城北社区', street: '城北街道', district: '周村区' }),
      ],
    },
  });
}

/** importNeighbourAreas, with a street admin of 和平街道 (street-hp) and a district admin of 周村区 (district-zc). */
export async function neighbourAreasWithAdmins(app: TestApp): Promise<void> {
  await importNeighbourAreas(app);
  await bindStaff(app, 'street-hp', 'streetAdmin', { street: '和平街道' });
  await bindStaff(app, 'district-zc', 'districtAdmin', { district: '周村区' });
}

/** The street's sanitation station, for sanitation tickets of 车站街道. */
export const CZ_SANITATION = { code: 'cz-sanitation', name: '车站街道环卫所', street: '车站街道', categories: ['sanitation'] };
/** The district's water bureau, for facilities tickets anywhere in 张店区. */
export const ZD_WATER = { code: 'zd-water', name: '张店区水务局', district: '张店区', categories: ['facilities'] };

/** The super admin creates (or replaces) a department. */
export async function createDepartment(app: TestApp, department: Api.Params<'admin.departments.upsert'>): Promise<void> {
  await app.ok(ADMIN, 'admin.departments.upsert', department);
}

/** Creates a department and makes `handler` its deptHandler. */
export async function departmentWithHandler(
  app: TestApp,
  department: Api.Params<'admin.departments.upsert'>,
  handler: string,
): Promise<void> {
  await createDepartment(app, department);
  await bindStaff(app, handler, 'deptHandler', { department: department.code });
}
