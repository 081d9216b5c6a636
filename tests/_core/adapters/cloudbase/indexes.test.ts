// Every query the stores send is served by an index declared in collections.ts (equality fields
// first, then the sort key, else a range field — MongoDB's rule, as TCB's planner applies it).
// This walks each store method with the shapes the use cases give it, records what the real
// SDK sends to the local cloud, and checks each query against the declared list. (The test app's
// local cloud also refuses unserved queries everywhere, so every other test checks this too.)
import { COLLECTIONS } from '../../../../cloudfunctions/_core/adapters/cloudbase/collections';
import { emptyBody } from '../../../../cloudfunctions/_core/domain/figures';
import { actorAreaKeys, actorDutyKeys } from '../../../../cloudfunctions/_core/domain/responsibility';
import type { Actor } from '../../../../cloudfunctions/_core/domain/types';
import { unservedReason, type RequestRecord } from '../../../../cloudfunctions/_local/cloud';
import type { Holder } from '../../../../cloudfunctions/_core/domain/types';
import type { Deps } from '../../../../cloudfunctions/_core/ports';
import { seedCommunity, useTestApp } from '../../../support/app';
import { fileReport, freshResidents } from '../../../support/flows';

const app = useTestApp(seedCommunity);
const nextResident = freshResidents('index-walk');

const decode = (value: unknown): Record<string, unknown> =>
  typeof value === 'string' && value.length > 0 ? (JSON.parse(value) as Record<string, unknown>) : {};

/** The query shape of a recorded request, or null when it is a by-id document call. */
function queryOf(record: RequestRecord): { collection: string; query: Record<string, unknown>; order?: Record<string, 1 | -1> } | null {
  const body = record.body;
  const collection = String(body.collectionName ?? '');
  switch (record.action) {
    case 'database.getDocument':
    case 'database.calculateDocument':
    case 'database.modifyDocument':
    case 'database.removeDocument': {
      if (body.queryType === 'DOC' || body.transactionId !== undefined) return null;
      const order = decode(body.order) as Record<string, 1 | -1>;
      return { collection, query: decode(body.query), ...(Object.keys(order).length > 0 ? { order } : {}) };
    }
    case 'database.aggregateDocuments': {
      const stages = Array.isArray(body.stages) ? (body.stages as Array<{ stageKey: string; stageValue: string }>) : [];
      const match = stages[0]?.stageKey === '$match' ? decode(stages[0].stageValue) : {};
      return { collection, query: match };
    }
    default:
      return null;
  }
}

async function walk(
  run: (deps: Deps) => Promise<unknown>,
): Promise<Array<{ collection: string; query: Record<string, unknown>; order?: Record<string, 1 | -1> }>> {
  const seen: RequestRecord[] = [];
  const stop = app.server.cloud.onRequest((r) => seen.push(r));
  try {
    await run(app.server.deps);
  } finally {
    stop();
  }
  return seen.map(queryOf).filter((q): q is NonNullable<typeof q> => q !== null);
}

function expectServed(
  queries: ReadonlyArray<{ collection: string; query: Record<string, unknown>; order?: Record<string, 1 | -1> }>,
): void {
  const problems = queries.flatMap((q) => {
    const spec = COLLECTIONS.find((c) => c.name === q.collection);
    if (!spec) return [`${q.collection}: not in collections.ts`];
    const reason = unservedReason(
      q.query,
      q.order,
      spec.indexes.map((i) => i.fields),
    );
    return reason ? [`${q.collection}: ${reason}`] : [];
  });
  expect(problems).toEqual([]);
}

const ACTORS: Actor[] = [
  { openid: 'w', role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-01', 'ZD-CZ-HG-02'] } },
  { openid: 'c', role: 'communityAdmin', scope: { community: '华光社区' } },
  { openid: 's', role: 'streetAdmin', scope: { street: '车站街道' } },
  { openid: 'd', role: 'districtAdmin', scope: { district: '张店区' } },
  { openid: 'h', role: 'deptHandler', scope: { department: 'cz-sanitation' } },
  { openid: 'a', role: 'superAdmin', scope: null },
];

describe('every store query is served by a declared index', () => {
  beforeAll(async () => {
    app.setNow('2026-11-24T10:00:00+08:00');
    const { id } = await fileReport(app, nextResident());
    await app.ok('worker-1', 'ticket.accept', { ticketId: id, complexity: 'normal' });
    await app.ok('worker-1', 'ticket.resolve', { ticketId: id, result: '已处理' });
    // Two 督办 records, so the desk's second page is read with a cursor.
    const other = await fileReport(app, nextResident());
    await app.ok('street-1', 'ticket.supervise', { ticketId: other.id, note: '请尽快' });
    await app.ok('street-1', 'ticket.supervise', { ticketId: other.id, note: '再次督办' });
  });

  test('tickets: lists and counts for every role, with and without status and overdue, both orders; mine; nearby; jobs', async () => {
    const now = new Date('2026-11-24T02:00:00Z');
    const queries = await walk(async (deps) => {
      for (const actor of ACTORS) {
        for (const who of [{ duty: actorDutyKeys(actor) }, { areas: actorAreaKeys(actor) }]) {
          for (const statuses of [['submitted', 'accepted'], ['resolved']] as const) {
            for (const overdue of [undefined, true, false]) {
              const filter = { ...who, statuses, ...(overdue === undefined ? {} : { overdue }) };
              await deps.tickets.count(filter);
              // queue.counts' 今天到期: the same filter with a deadline range.
              await deps.tickets.count({ ...filter, dueBetween: { from: now, before: new Date('2026-11-24T16:00:00Z') } });
              await deps.tickets.list({ ...filter, order: 'urgent' }, null, 20);
              if (overdue === undefined && 'areas' in who) await deps.tickets.list({ ...filter, order: 'newest' }, null, 20);
            }
          }
        }
      }
      await deps.tickets.list({ person: 'r', statuses: [], order: 'newest' }, null, 20);
      await deps.tickets.findByClaimCode('ABCD2345');
      await deps.tickets.follow('x', 'r', 100);
      await deps.tickets.list({ person: 'r', statuses: ['resolved'], order: 'newest' }, null, 20);
      await deps.tickets.nearby('sanitation', { minLat: 36, maxLat: 37, minLng: 118, maxLng: 119 }, now);
      await deps.tickets.dueForSweep(now, null, 200);
      await deps.tickets.dueForSweep(now, '2026-11-20T00:00:00.000Z|0', 200);
      await deps.tickets.resolvedBefore(now, null, 200);
      await deps.tickets.resolvedBefore(now, '2026-11-20T00:00:00.000Z|0', 200);
      await deps.tickets.get('x');
    });
    expect(queries.filter((q) => q.collection === 'tickets').length).toBeGreaterThan(100);
    expectServed(queries);
  });

  test('figures: the job and stats.summary at every level', async () => {
    const queries = await walk(async (deps) => {
      await app.job('figures');
      for (const [level, place] of [
        ['cell', 'ZD-CZ-HG-01'],
        ['community', '华光社区'],
        ['street', '车站街道'],
        ['district', '张店区'],
        ['all', '*'],
      ] as const) {
        await deps.figures.read(level, place, '2026-01-01', '2026-12-31');
        if (level !== 'cell') await deps.figures.readMonths(level, place, '2026-01', '2026-12');
      }
      // The job rewrites a month's parts and removes those it no longer has.
      await deps.figures.writeMonth('district', '张店区', '2026-11', { month: '2026-11', body: emptyBody(), days: {} }, new Date());
      for (const level of ['community', 'street', 'district', 'all'] as const) await deps.figures.cellBodies(level, 'x', '2026-11-24');
      await deps.figures.dirty('0', 10);
      await deps.figures.cellTickets('ZD-CZ-HG-01', '2026-11-24');
    });
    expectServed(queries);
  });

  test('staff, grids, places, catalog, departments, supervisions, outbox and grants', async () => {
    const holders: Holder[] = [
      { kind: 'grid', gridCode: 'ZD-CZ-HG-01' },
      { kind: 'community', community: '华光社区' },
      { kind: 'street', street: '车站街道' },
      { kind: 'district', district: '张店区' },
      { kind: 'district', district: null },
      { kind: 'department', departmentCode: 'cz-sanitation' },
    ];
    const queries = await walk(async (deps) => {
      for (const holder of holders) await deps.staff.holders(holder);
      await deps.staff.holdersOfMany(holders);
      await deps.staff.getMany(['a', 'b']);
      await deps.grids.list({}, null, 20);
      await deps.grids.list({ community: '华光社区' }, null, 2);
      await deps.grids.list({ street: '车站街道' }, null, 2);
      await deps.grids.list({ district: '张店区' }, null, 2);
      await deps.limits.hit('walk', 5, 60_000, new Date('2026-11-24T02:00:00Z'));
      await deps.departments.serving({ street: '车站街道', district: '张店区' });
      await deps.departments.serving({ street: null, district: '张店区' });
      for (const area of [{ street: '车站街道' }, { district: '张店区' }, { all: true as const }]) {
        const first = await deps.supervisions.list(area, null, 1);
        await deps.supervisions.list(area, first.nextCursor, 1);
      }
      await deps.supervisions.forTicket('x', 20);
      await deps.supervisions.get('x');
      await deps.grids.all();
      // The routing snapshot: saving drops the parts of other versions with one where-remove.
      const version = await deps.grids.version();
      await deps.grids.saveSnapshot(version, (await deps.grids.loadSnapshot(version)) ?? new Uint8Array(8));
      await deps.categories.list();
      const now = new Date('2026-11-24T02:00:00Z');
      const due = await deps.outbox.due(now, 100);
      for (const row of due.slice(0, 2)) {
        if (await deps.outbox.claim(row, now, 60_000))
          await deps.outbox.settle(row.id, row.attempts + 1, { state: 'sent', nextAttemptAt: now, lastError: null, finishedAt: now });
      }
      await deps.outbox.list(1000);
      await deps.grants.add('o', 'ticketAccepted', 1, now);
      await deps.grants.take('o', 'ticketAccepted', now);
    });
    expectServed(queries);
  });
});
