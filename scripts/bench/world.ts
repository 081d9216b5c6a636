// The seeded world the cloud rows (B6, B8, B9, B10, contention) measure: the local server (the
// real functions over the embedded local cloud), a city of grids imported and routable, a grid
// worker bound to every grid, and synthetic tickets written straight into the local cloud with
// the ticket store's own toDoc (the bench measures reading and sweeping them, not submitting).
import { toDoc } from '../../cloudfunctions/_core/adapters/cloudbase/ticket-store';
import { COLLECTION } from '../../cloudfunctions/_core/adapters/cloudbase/collections';
import { saveRoutingSnapshot } from '../../cloudfunctions/_core/app/routing';
import { sla } from '../../cloudfunctions/_core/app/sla';
import { BUILT_IN_CATEGORIES } from '../../cloudfunctions/_core/config/categories';
import { accept, openTicket, rate, resolve, type MoveContext } from '../../cloudfunctions/_core/domain/lifecycle';
import type { GridShape } from '../../cloudfunctions/_core/domain/routing';
import { ticketNo } from '../../cloudfunctions/_core/domain/ticket-no';
import type { Actor, Ticket } from '../../cloudfunctions/_core/domain/types';
import type { CloudAdmin, ThreadedCloud } from '../../cloudfunctions/_local/cloud';
import { DEFAULT_INSTANCES, startLocalServer, threadEntries, type LocalServer } from '../../cloudfunctions/_local/server';
import { seededRandom } from '../synthetic/routing-fixtures';

export const BENCH_ADMIN = 'bench-admin';

/** The local server with the cloud in this thread (the rows that measure the functions' CPU: B6, B8, B9). */
export async function startBenchServer(): Promise<LocalServer> {
  return startLocalServer({ port: 0, dataDir: null, seed: false, superAdmins: [BENCH_ADMIN] });
}

/**
 * The local server as `npm start` runs it, the cloud and the function instances in threads of
 * their own (the load rows: B10, contention), `instances` of them (npm start's default unless
 * said). The bench is bundled beside the worker entries, in .build/.
 */
export async function startLoadServer(instances = DEFAULT_INSTANCES): Promise<LocalServer<ThreadedCloud>> {
  return startLocalServer({
    port: 0,
    dataDir: null,
    seed: false,
    superAdmins: [BENCH_ADMIN],
    ...threadEntries(__dirname, instances),
  });
}

/** Any local server, its cloud in this thread or its own. */
type AnyServer = LocalServer<CloudAdmin>;

/** Imports the grids straight into the store (the import action would validate 7,000 features first) and saves the routing snapshot. */
export async function importGrids(server: AnyServer, grids: readonly GridShape[], now: Date): Promise<void> {
  const slices = Array.from({ length: 8 }, (_, k) => grids.filter((_, i) => i % 8 === k));
  await Promise.all(slices.map((slice) => server.deps.grids.upsert(slice, now)));
  await saveRoutingSnapshot(server.deps);
}

export const workerOf = (grid: string): string => `bench-gw-${grid}`;

/** A grid worker per grid and an admin per community, street and district, bound as staff.bind would leave them. */
export async function bindStaff(server: AnyServer, grids: readonly GridShape[], now: Date): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const add = (id: string, role: string, scope: Record<string, unknown>): void => {
    if (seen.has(id)) return;
    seen.add(id);
    rows.push({ _id: id, role, scope, boundAt: now, inviteCode: `B${String(rows.length).padStart(9, '0')}` });
  };
  for (const g of grids) {
    add(workerOf(g.code), 'gridWorker', { grids: [g.code] });
    if (g.community) add(`bench-ca-${g.community}`, 'communityAdmin', { community: g.community });
    if (g.street) add(`bench-sa-${g.street}`, 'streetAdmin', { street: g.street });
    if (g.district) add(`bench-da-${g.district}`, 'districtAdmin', { district: g.district });
  }
  await importRows(server, COLLECTION.staff, rows);
}

/** Straight into the local cloud (its bulk import: each document through the wire format, unique indexes checked). */
export async function importRows(
  server: AnyServer,
  collection: string,
  rows: readonly Record<string, unknown>[],
  batch = 5000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await server.cloud.importDocuments(collection, rows.slice(i, i + batch));
}

/** Writes tickets as the ticket store writes them (its own toDoc), straight into the local cloud. */
export async function seedTickets(server: AnyServer, tickets: Iterable<Ticket>, batch = 5000): Promise<number> {
  let pending: Record<string, unknown>[] = [];
  let written = 0;
  for (const ticket of tickets) {
    pending.push(toDoc(ticket));
    if (pending.length === batch) {
      written += await server.cloud.importDocuments(COLLECTION.tickets, pending);
      pending = [];
    }
  }
  if (pending.length > 0) written += await server.cloud.importDocuments(COLLECTION.tickets, pending);
  return written;
}

/** `count` tickets that arrived over the 30 days before `now` (the read rows' backlog: B9, B10). */
export function seedMonthBefore(
  server: AnyServer,
  grids: readonly GridShape[],
  now: Date,
  plan: { count: number; seed: number; reporter: (i: number) => string },
): Promise<number> {
  return seedTickets(server, syntheticTickets({ ...plan, grids, from: new Date(now.getTime() - 30 * 86_400_000), days: 30 }));
}

export interface TicketPlan {
  readonly count: number;
  readonly grids: readonly GridShape[];
  /** Tickets arrive evenly from `from` over `days` days (Shanghai time does not matter here). */
  readonly from: Date;
  readonly days: number;
  readonly seed: number;
  /** Ticket ids and reporters count from here (several plans in one store). */
  readonly firstIndex?: number;
  /** Reporter of ticket i (a resident openid). */
  readonly reporter: (i: number) => string;
  /**
   * Where ticket i stands: 'open' (submitted), 'accepted', 'resolved', 'closed' (rated), or a
   * mix drawn per ticket (the default: 40 % open, 20 % accepted, 15 % resolved, 25 % rated and closed).
   */
  readonly state?: (i: number, random: () => number) => 'open' | 'accepted' | 'resolved' | 'closed';
  /** Ticket numbers already used (several plans into one store share it: their days may meet). */
  readonly taken?: Set<string>;
}

const HEX = (n: number): string => n.toString(16).padStart(32, '0');
export const benchTicketId = (i: number): string => HEX(0x100000 + i);

const mixedState = (_i: number, random: () => number): 'open' | 'accepted' | 'resolved' | 'closed' => {
  const r = random();
  return r < 0.4 ? 'open' : r < 0.6 ? 'accepted' : r < 0.75 ? 'resolved' : 'closed';
};

/** Synthetic tickets through the domain's own moves (submit, accept, resolve, rate): real timelines, deadlines and keys. */
export function* syntheticTickets(plan: TicketPlan): Generator<Ticket> {
  const random = seededRandom(plan.seed);
  const categories = BUILT_IN_CATEGORIES.filter((c) => c.profile === 'normal');
  const spanMs = plan.days * 86_400_000;
  const numbers = plan.taken ?? new Set<string>();
  const stateOf = plan.state ?? mixedState;
  const first = plan.firstIndex ?? 0;
  for (let i = first; i < first + plan.count; i++) {
    const grid = plan.grids[Math.floor(random() * plan.grids.length)] as GridShape;
    const category = categories[Math.floor(random() * categories.length)] ?? categories[0];
    if (!category) throw new Error('no categories');
    const at = new Date(plan.from.getTime() + Math.floor(((i - first) / plan.count) * spanMs) + Math.floor(random() * 60_000));
    const id = benchTicketId(i);
    let no = ticketNo(at, id);
    for (let attempt = 1; numbers.has(no); attempt++) no = ticketNo(at, id, attempt);
    numbers.add(no);
    const reporter: Actor = { openid: plan.reporter(i), role: 'resident', scope: null };
    const [lng, lat] = grid.polygons[0]?.[0]?.[0] ?? [0, 0];
    let ticket = openTicket(
      {
        id,
        no,
        reporter,
        source: 'resident',
        reporterName: null,
        contactPhone: null,
        claimCode: null,
        category: { code: category.code, profile: category.profile },
        kind: 'complaint',
        description: '楼道里堆放杂物，影响通行，请尽快处理。',
        photos: [],
        location: { latitude: lat, longitude: lng, address: null },
        place: { gridCode: grid.code, gridName: grid.name, community: grid.community, street: grid.street, district: grid.district },
        level: 'grid',
        note: null,
      },
      { now: at, sla },
    );
    const state = stateOf(i, random);
    if (state !== 'open') {
      const worker: Actor = { openid: workerOf(grid.code), role: 'gridWorker', scope: { grids: [grid.code] } };
      const later = (minutes: number): Date => new Date(at.getTime() + minutes * 60_000);
      const ctx = (when: Date, actor: Actor = worker): MoveContext => ({ actor, now: when, sla });
      const acceptedAt = later(10 + Math.floor(random() * 600));
      ticket = accept(ticket, ctx(acceptedAt), 'normal');
      if (state === 'resolved' || state === 'closed') {
        const resolvedAt = new Date(acceptedAt.getTime() + (30 + Math.floor(random() * 4000)) * 60_000);
        ticket = resolve(ticket, ctx(resolvedAt), '已清理完毕', []);
        if (state === 'closed') {
          const rating = random() < 0.85 ? 'satisfied' : random() < 0.5 ? 'basic' : 'unsatisfied';
          ticket = rate(ticket, ctx(new Date(resolvedAt.getTime() + 3_600_000), reporter), rating, null);
        }
      }
    }
    yield ticket;
  }
}
