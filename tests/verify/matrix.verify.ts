// Suite 1, the authorization matrix: every row of authorization-matrix.md (an action and a
// resource) is called by every caller column against the real stack, and the answer's outcome
// compared with the cell — written from DOMAIN.md, never computed here. A refusal must leave the
// store exactly as it was. An action of the contract without rows fails the suite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS } from '../../cloudfunctions/_core/app/actions';
import { FOLLOW_PURPOSE } from '../../cloudfunctions/_core/app/report/nearby';
import { contractActions } from './support/contract';
import { n, recordFigure } from './support/report';
import {
  AT,
  DEPT,
  FOREIGN_GRID,
  freshResident,
  GRID,
  OTHER_GRID,
  oid,
  PLACE,
  reportParams,
  seedWorld,
  STAFF,
  startWorld,
  SUPER,
  type StaffKey,
  type World,
} from './support/world';

// ---- the table ----

const COLUMNS = ['anon', 'reporter', 'resident', ...(Object.keys(STAFF) as StaffKey[]), 'super'] as const;
type Column = (typeof COLUMNS)[number];
type Outcome = 'OK' | 'UNAUTH' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID';
const CODE_OF: Record<Exclude<Outcome, 'OK'>, Api.ErrorCode> = {
  UNAUTH: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID: 'INVALID_INPUT',
};

interface Row {
  action: string;
  resource: string;
  cells: Record<Column, Outcome>;
}

function readMatrix(): Row[] {
  const text = readFileSync(join(__dirname, 'authorization-matrix.md'), 'utf8');
  const lines = text.split('\n').filter((l) => l.startsWith('| '));
  const headerAt = lines.findIndex((l) => l.startsWith('| action | resource |'));
  const header = (lines[headerAt] ?? '')
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
  expect(header).toEqual(['action', 'resource', ...COLUMNS]);
  return lines.slice(headerAt + 1).flatMap((line) => {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells[0]?.startsWith('---')) return [];
    const [action, resource, ...outcomes] = cells;
    if (!action || !resource || outcomes.length !== COLUMNS.length) throw new Error(`matrix row malformed: ${line}`);
    for (const o of outcomes) if (!['OK', ...Object.keys(CODE_OF)].includes(o)) throw new Error(`matrix cell "${o}" in: ${line}`);
    return [{ action, resource, cells: Object.fromEntries(COLUMNS.map((c, i) => [c, outcomes[i]])) as Record<Column, Outcome> }];
  });
}

// ---- resources ----

const T = '2026-11-24T02:00:00.000Z'; // Tuesday 10:00 Shanghai
const OTHER_RESIDENT = oid('matrixNeighbour');

interface Resource {
  /** The resident who filed it (or a fresh resident for resources that are not a report). */
  reporter: string;
  /** "Another resident", where the call would make them something else (staff.bind). */
  resident?: string;
  params(caller: string | null): unknown;
}

let world: World;

async function submitted(at: { latitude: number; longitude: number } = AT.grid): Promise<{ id: string; reporter: string }> {
  const reporter = freshResident('mx');
  // Every matrix report leaves a phone (ticket.contact reveals it to the staff who hold the ticket).
  const data = await world.ok(reporter, 'report.submit', { ...reportParams({ location: { ...at } }), contactPhone: '13700001234' });
  return { id: data.ticketId, reporter };
}

interface TicketResource {
  id: string;
  reporter: string;
  /** The 督办 of a `supervised` ticket (ticket.reply answers it). */
  supervisionId?: string;
}

/** The ticket states a row's resource may name (its first comma-separated word). */
const TICKET_STATES: Record<string, () => Promise<TicketResource>> = {
  submitted: () => submitted(),
  foreign: () => submitted(AT.foreign),
  triage: () => submitted(AT.triage),
  overdue: async () => {
    world.setNow(new Date(Date.parse(T) - 3 * 24 * 3600_000));
    const t = await submitted();
    world.setNow(T);
    return t;
  },
  'at-street': async () => {
    const t = await submitted();
    await world.ok(STAFF.grid.openid, 'ticket.escalate', { ticketId: t.id, reason: '需要社区协调' });
    await world.ok(STAFF.community.openid, 'ticket.escalate', { ticketId: t.id, reason: '需要街道协调' });
    return t;
  },
  supervised: async () => {
    const t = await submitted();
    const view = await world.ok(STAFF.street.openid, 'ticket.supervise', { ticketId: t.id, note: '请加快办理' });
    const record = view.supervisions?.find((r) => !r.answered);
    if (!record) throw new Error('a supervised ticket shows no open 督办');
    return { ...t, supervisionId: record.id };
  },
  accepted: async () => {
    const t = await submitted();
    await world.ok(STAFF.grid.openid, 'ticket.accept', { ticketId: t.id, complexity: 'normal' });
    return t;
  },
  dispatched: async () => {
    const t = await TICKET_STATES.accepted!();
    await world.ok(STAFF.grid.openid, 'ticket.dispatch', { ticketId: t.id, departmentCode: DEPT });
    return t;
  },
  resolved: async () => {
    const t = await TICKET_STATES.accepted!();
    await world.ok(STAFF.grid.openid, 'ticket.resolve', { ticketId: t.id, result: '已清运' });
    return t;
  },
  'rated-unsatisfied': async () => {
    const t = await TICKET_STATES.resolved!();
    await world.ok(t.reporter, 'report.rate', { ticketId: t.id, rating: 'unsatisfied' });
    return t;
  },
};

/**
 * Actions on one ticket: the params of the call, given the ticket made in the state the row's
 * resource names (`submitted`, `dispatched, to cz-sanitation` …). A new ticket action needs one line.
 */
const TICKET_PARAMS: Record<string, (t: TicketResource, resource: string) => Record<string, unknown>> = {
  'report.withdraw': (t) => ({ ticketId: t.id }),
  'report.rate': (t) => ({ ticketId: t.id, rating: 'satisfied' }),
  'report.reopen': (t) => ({ ticketId: t.id, reason: '问题没有解决' }),
  'report.urge': (t) => ({ ticketId: t.id }),
  'ticket.get': (t) => ({ ticketId: t.id }),
  'ticket.accept': (t) => ({ ticketId: t.id, complexity: 'normal' }),
  'ticket.reject': (t) => ({ ticketId: t.id, reason: '不属于受理范围' }),
  'ticket.transfer': (t, resource) => ({
    ticketId: t.id,
    toGridCode: resource.includes('周村区') ? FOREIGN_GRID : OTHER_GRID,
    reason: '位置属于其他网格',
  }),
  'ticket.dispatch': (t) => ({ ticketId: t.id, departmentCode: DEPT }),
  'ticket.escalate': (t) => ({ ticketId: t.id, reason: '需要上级协调' }),
  'ticket.resolve': (t) => ({ ticketId: t.id, result: '已处理完毕' }),
  'ticket.return': (t) => ({ ticketId: t.id, reason: '不属于本部门职责' }),
  'ticket.supervise': (t) => ({ ticketId: t.id, note: '请加快办理' }),
  'ticket.contact': (t) => ({ ticketId: t.id }),
  'ticket.duplicates': (t) => ({ ticketId: t.id }),
  'ticket.reply': (t) => ({ ticketId: t.id, supervisionId: t.supervisionId, note: '已安排人员处理' }),
  'grids.pick': (t) => ({ ticketId: t.id }),
  'departments.list': (t) => ({ ticketId: t.id }),
};

const range = { from: '2026-11-01', to: '2026-11-30' };
let uniq = 0;

type Setup = (resource: string, fresh: string) => Promise<Resource> | Resource;

/**
 * Actions whose resource is not a ticket: what to make before the row's calls, and the params.
 * An action missing from both tables is called with `{}` (actions on the caller's own things:
 * report.mine, categories.list, staff.me, staff.list, queue.list, queue.counts, supervisions.list);
 * a ticket action's row whose resource is `-` is called that way too (departments.list).
 */
const SETUP: Record<string, Setup> = {
  'report.submit': (resource, fresh) => ({
    reporter: fresh,
    params: () =>
      reportParams(
        resource === 'patrol' ? { patrol: true } : resource === 'proxy' ? { onBehalfOf: { name: '王大爷', phone: '13900001111' } } : {},
      ),
  }),
  'report.nearby': async (_resource, fresh) => {
    await submitted();
    return { reporter: fresh, params: () => ({ category: 'sanitation', location: { ...AT.grid } }) };
  },
  'report.follow': async (resource) => {
    const t = await submitted();
    const stranger = oid('matrixStranger');
    return {
      reporter: t.reporter,
      params: (caller) => ({
        ref: world.server.deps.sealer.seal(
          FOLLOW_PURPOSE,
          `${t.id}|${resource === 'own-ref' ? caller : stranger}`,
          new Date(T),
          30 * 60_000,
        ),
      }),
    };
  },
  'report.claim': async (_resource, fresh) => {
    const filed = await world.ok(
      STAFF.grid.openid,
      'report.submit',
      reportParams({ onBehalfOf: { name: '李阿姨', phone: '13900002222' } }),
    );
    const view = await world.ok(STAFF.grid.openid, 'ticket.get', { ticketId: filed.ticketId });
    return { reporter: fresh, params: () => ({ code: view.claimCode }) };
  },
  'staff.bind': async (_resource, fresh) => {
    const invite = await world.ok(SUPER, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-06'] } });
    return { reporter: fresh, resident: freshResident('mxb'), params: () => ({ inviteCode: invite.code, displayName: '新网格员' }) };
  },
  'subscription.record': (_resource, fresh) => ({ reporter: fresh, params: () => ({ grants: { ticketAccepted: 'accept' } }) }),
  'stats.summary': (resource, fresh) => ({
    reporter: fresh,
    params: () => (resource === 'own scope' ? range : { ...range, scope: { district: PLACE.district } }),
  }),
  'admin.export': (resource, fresh) => ({
    reporter: fresh,
    params: () => (resource === 'own scope' ? range : { ...range, scope: { district: PLACE.district } }),
  }),
  'admin.grids.import': (_resource, fresh) => {
    uniq += 1;
    const code = `VF-NEW-${String(uniq).padStart(2, '0')}`;
    return {
      reporter: fresh,
      params: () => ({
        crs: 'gcj02',
        geojson: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { code, name: '新建网格', community: '新建社区', street: '新建街道', district: '新建区' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [100, 30],
                    [100.001, 30],
                    [100.001, 30.001],
                    [100, 30.001],
                    [100, 30],
                  ],
                ],
              },
            },
          ],
        },
      }),
    };
  },
  'admin.grids.preview': (resource, fresh) => (SETUP['admin.grids.import'] as Setup)(resource, fresh),
  'admin.invites.revoke': async (_resource, fresh) => {
    const invite = await world.ok(SUPER, 'admin.invites.create', { role: 'gridWorker', scope: { grids: [GRID] } });
    return { reporter: fresh, params: () => ({ code: invite.code }) };
  },
  'admin.invites.qr': (resource, fresh) => (SETUP['admin.invites.revoke'] as Setup)(resource, fresh),
  'staff.remove': async (_resource, fresh) => {
    const invite = await world.ok(SUPER, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-05'] } });
    await world.ok(freshResident('mxm'), 'staff.bind', { inviteCode: invite.code, displayName: '待调整' });
    return { reporter: fresh, params: () => ({ inviteCode: invite.code }) };
  },
  'staff.update': async (_resource, fresh) => {
    const member = await (SETUP['staff.remove'] as Setup)('', fresh);
    return { reporter: fresh, params: (caller) => ({ ...(member.params(caller) as object), scope: { grids: ['ZD-CZ-HG-06'] } }) };
  },
  'admin.grids.list': (resource, fresh) => ({ reporter: fresh, params: () => (resource === 'own area' ? {} : { community: '城北社区' }) }),
  'admin.invites.create': (resource, fresh) => ({
    reporter: fresh,
    params: () =>
      resource.startsWith('gridWorker')
        ? { role: 'gridWorker', scope: { grids: [GRID] } }
        : { role: 'districtAdmin', scope: { district: PLACE.district } },
  }),
  'admin.categories.upsert': (_resource, fresh) => ({
    reporter: fresh,
    params: () => ({ code: 'vf-new', name: '测试类别', profile: 'normal' }),
  }),
  'admin.departments.upsert': (_resource, fresh) => ({
    reporter: fresh,
    params: () => ({ code: 'vf-dept', name: '测试部门', street: PLACE.street, categories: ['sanitation'] }),
  }),
};

async function prepare(row: Row): Promise<Resource> {
  const { action, resource } = row;
  const ticketParams = TICKET_PARAMS[action];
  if (ticketParams && resource !== '-') {
    const state = resource.split(',')[0]?.trim() ?? '';
    const make = TICKET_STATES[state];
    if (!make) throw new Error(`matrix row ${action} [${resource}]: no ticket state "${state}" (TICKET_STATES)`);
    const t = await make();
    return { reporter: t.reporter, params: () => ticketParams(t, resource) };
  }
  const fresh = freshResident('mx');
  const setup = SETUP[action];
  return setup ? setup(resource, fresh) : { reporter: fresh, params: () => ({}) };
}

const callerOf = (column: Column, resource: Resource): string | null => {
  if (column === 'anon') return null;
  if (column === 'reporter') return resource.reporter;
  if (column === 'resident') return resource.resident ?? OTHER_RESIDENT;
  if (column === 'super') return SUPER;
  return STAFF[column].openid;
};

const outcomeOf = (answer: Api.Envelope<unknown>): string =>
  answer.ok ? 'OK' : (Object.entries(CODE_OF).find(([, c]) => c === answer.error.code)?.[0] ?? answer.error.code);

// ---- the run ----

const rows = readMatrix();

beforeAll(async () => {
  world = await startWorld();
  world.setNow(T);
  await seedWorld(world);
});
afterAll(() => world?.close());

test('every action of the contract has rows in the matrix, and every row names an action', () => {
  const contract = contractActions();
  expect([...contract].sort()).toEqual(Object.keys(ACTIONS).sort());
  const covered = new Set(rows.map((r) => r.action));
  const missing = contract.filter((a) => !covered.has(a));
  recordFigure({
    section: 'matrix',
    figure: 'actions of the contract with rows',
    value: `${contract.length - missing.length} of ${contract.length}`,
    target: 'all',
    met: missing.length === 0,
  });
  expect(missing).toEqual([]);
  expect(rows.filter((r) => !contract.includes(r.action)).map((r) => r.action)).toEqual([]);
});

test('every cell answers what DOMAIN.md says, and refusals change nothing', async () => {
  const mismatches: string[] = [];
  const changed: string[] = [];
  let cells = 0;
  for (const row of rows) {
    let resource = await prepare(row);
    for (const column of COLUMNS) {
      const caller = callerOf(column, resource);
      const before = world.snapshot();
      const answer = await world.call(caller, row.action, resource.params(caller));
      cells += 1;
      const got = outcomeOf(answer);
      if (got !== row.cells[column]) {
        mismatches.push(
          `${row.action} [${row.resource}] × ${column}: expected ${row.cells[column]}, got ${got}${answer.ok ? '' : ` (${answer.error.message})`}`,
        );
      }
      if (!answer.ok && world.snapshot() !== before) changed.push(`${row.action} [${row.resource}] × ${column}`);
      // A move that went through used the resource up: the next caller gets a fresh one.
      if (answer.ok) resource = await prepare(row);
    }
  }
  recordFigure({
    section: 'matrix',
    figure: 'cells (action × resource × caller) matching DOMAIN.md',
    value: `${n(cells - mismatches.length)} of ${n(cells)}`,
    target: 'all',
    met: mismatches.length === 0,
  });
  recordFigure({
    section: 'matrix',
    figure: 'refusals that changed the store',
    value: changed.length,
    target: '0',
    met: changed.length === 0,
  });
  expect(mismatches).toEqual([]);
  expect(changed).toEqual([]);
});

test('no answer of the matrix leaked personal data', () => {
  recordFigure({
    section: 'privacy',
    figure: 'leaks in the matrix answers',
    value: `${world.scan.leaks.length} in ${n(world.scan.answers)} answers`,
    target: '0',
    met: world.scan.leaks.length === 0,
  });
  expect(world.scan.leaks).toEqual([]);
});
