// Who may make which move in which state, written out by hand from DOMAIN.md ("Ticket
// lifecycle", "Who is responsible") and compared with judge(). The codes follow judge's contract:
//   N  NOT_FOUND  the actor may not see the ticket at all (other residents, other grids, other departments);
//   F  FORBIDDEN  the actor's role can never make this move on this ticket (a resident accepting,
//                 staff rating, anyone but a department returning, anyone but street/district/super supervising,
//                 a department doing anything but resolve/return);
//   C  CONFLICT   the actor could make this move, but not in this state, at this level or while dispatched;
//   ok            allowed now.
import { allowedActions, judge, TICKET_ACTIONS } from '../../../cloudfunctions/_core/domain/lifecycle';
import type { Actor, Level, Ticket, TicketAction, TicketStatus } from '../../../cloudfunctions/_core/domain/types';
import { actors, after, DAY, DEPT, OTHER_DISTRICT, T0, ticketBuilder } from '../../support/builders';

type Outcome = 'ok' | 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND';
const CODE: Record<string, Outcome> = { ok: 'ok', F: 'FORBIDDEN', C: 'CONFLICT', N: 'NOT_FOUND' };

/** The column order of every expectation line below. */
const COLUMNS: readonly TicketAction[] = [
  'withdraw',
  'accept',
  'reject',
  'transfer',
  'dispatch',
  'escalate',
  'resolve',
  'return',
  'rate',
  'reopen',
  'supervise',
];
const STATUSES: readonly TicketStatus[] = ['submitted', 'accepted', 'resolved', 'closed', 'rejected', 'withdrawn'];

function parseLine(line: string): Record<TicketAction, Outcome> {
  const cells = line.trim().split(/\s+/);
  if (cells.length !== COLUMNS.length) throw new Error(`expectation line needs ${COLUMNS.length} cells: "${line}"`);
  return Object.fromEntries(
    cells.map((cell, i) => {
      const outcome = CODE[cell];
      if (!outcome) throw new Error(`unknown cell "${cell}" in "${line}"`);
      return [COLUMNS[i], outcome];
    }),
  ) as Record<TicketAction, Outcome>;
}

const verdictOf = (ticket: Ticket, who: Actor, action: TicketAction, now: Date): Outcome => {
  const v = judge(ticket, who, action, now);
  return v.ok ? 'ok' : v.code;
};

/** Judged one day after submission: a closed ticket's resolution is well inside the 7-day window. */
const NOW = after(T0, DAY);

// ---- the tickets each actor is judged against ----

/**
 * The ticket in grid G101 (和平社区, 东湖街道) at grid level, never dispatched. A closed ticket was
 * rated 不满意 (so its reporter may still ask for 重办); a resolved one is not rated yet.
 */
const atGrid = (status: TicketStatus): Ticket => ticketBuilder({ status, rating: status === 'closed' ? 'unsatisfied' : null });

/** The same ticket after it was escalated (吹哨) from the grid to 和平社区. */
const escalatedToCommunity = (status: TicketStatus): Ticket => ({ ...atGrid(status), level: 'community' });

/**
 * The ticket as a department meets it: dispatched to 环卫 while accepted, and resolved (then rated
 * 不满意) by the department. A submitted, rejected or withdrawn ticket was never dispatched.
 */
const dispatchedIfEver = (status: TicketStatus): Ticket =>
  status === 'accepted' || status === 'resolved' || status === 'closed'
    ? ticketBuilder({ status, departmentCode: DEPT.sanitation, rating: status === 'closed' ? 'unsatisfied' : null })
    : atGrid(status);

interface Subject {
  label: string;
  actor: Actor;
  ticket: (status: TicketStatus) => Ticket;
  /** One line per status, in COLUMNS order. */
  expect: Record<TicketStatus, string>;
}

// Columns:        withdraw accept reject transfer dispatch escalate resolve return rate reopen supervise
const SUBJECTS: Subject[] = [
  {
    label: 'reporter (resident)',
    actor: actors.reporter(),
    ticket: atGrid,
    expect: {
      submitted: 'ok F  F  F  F  F  F  F  C  C  F',
      accepted: ' C  F  F  F  F  F  F  F  C  C  F',
      resolved: ' C  F  F  F  F  F  F  F  ok C  F',
      closed: '   C  F  F  F  F  F  F  F  C  ok F',
      rejected: ' C  F  F  F  F  F  F  F  C  C  F',
      withdrawn: 'C  F  F  F  F  F  F  F  C  C  F',
    },
  },
  {
    label: 'another resident',
    actor: actors.resident('o-neighbour'),
    ticket: atGrid,
    expect: {
      submitted: 'N  N  N  N  N  N  N  N  N  N  N',
      accepted: ' N  N  N  N  N  N  N  N  N  N  N',
      resolved: ' N  N  N  N  N  N  N  N  N  N  N',
      closed: '   N  N  N  N  N  N  N  N  N  N  N',
      rejected: ' N  N  N  N  N  N  N  N  N  N  N',
      withdrawn: 'N  N  N  N  N  N  N  N  N  N  N',
    },
  },
  {
    label: 'gridWorker of the grid (responsible)',
    actor: actors.gridWorker('G101'),
    ticket: atGrid,
    expect: {
      submitted: 'F  ok ok ok C  ok C  F  F  F  F',
      accepted: ' F  C  ok ok ok ok ok F  F  F  F',
      resolved: ' F  C  C  C  C  C  C  F  F  F  F',
      closed: '   F  C  C  C  C  C  C  F  F  F  F',
      rejected: ' F  C  C  C  C  C  C  F  F  F  F',
      withdrawn: 'F  C  C  C  C  C  C  F  F  F  F',
    },
  },
  {
    label: 'gridWorker of another grid',
    actor: actors.gridWorker('G301'),
    ticket: atGrid,
    expect: {
      submitted: 'N  N  N  N  N  N  N  N  N  N  N',
      accepted: ' N  N  N  N  N  N  N  N  N  N  N',
      resolved: ' N  N  N  N  N  N  N  N  N  N  N',
      closed: '   N  N  N  N  N  N  N  N  N  N  N',
      rejected: ' N  N  N  N  N  N  N  N  N  N  N',
      withdrawn: 'N  N  N  N  N  N  N  N  N  N  N',
    },
  },
  {
    // Still sees the ticket (it is in their grid) but the community owns it now.
    label: 'gridWorker of the grid, ticket escalated to the community',
    actor: actors.gridWorker('G101'),
    ticket: escalatedToCommunity,
    expect: {
      submitted: 'F  C  C  C  C  C  C  F  F  F  F',
      accepted: ' F  C  C  C  C  C  C  F  F  F  F',
      resolved: ' F  C  C  C  C  C  C  F  F  F  F',
      closed: '   F  C  C  C  C  C  C  F  F  F  F',
      rejected: ' F  C  C  C  C  C  C  F  F  F  F',
      withdrawn: 'F  C  C  C  C  C  C  F  F  F  F',
    },
  },
  {
    // 网格长: everything a grid worker can do, for every grid of the community.
    label: 'communityAdmin of the community',
    actor: actors.communityAdmin('和平社区'),
    ticket: atGrid,
    expect: {
      submitted: 'F  ok ok ok C  ok C  F  F  F  F',
      accepted: ' F  C  ok ok ok ok ok F  F  F  F',
      resolved: ' F  C  C  C  C  C  C  F  F  F  F',
      closed: '   F  C  C  C  C  C  C  F  F  F  F',
      rejected: ' F  C  C  C  C  C  C  F  F  F  F',
      withdrawn: 'F  C  C  C  C  C  C  F  F  F  F',
    },
  },
  {
    // Owns street-level tickets only; supervises (督办) any open ticket of the street.
    label: 'streetAdmin of the street',
    actor: actors.streetAdmin('东湖街道'),
    ticket: atGrid,
    expect: {
      submitted: 'F  C  C  C  C  C  C  F  F  F  ok',
      accepted: ' F  C  C  C  C  C  C  F  F  F  ok',
      resolved: ' F  C  C  C  C  C  C  F  F  F  C',
      closed: '   F  C  C  C  C  C  C  F  F  F  C',
      rejected: ' F  C  C  C  C  C  C  F  F  F  C',
      withdrawn: 'F  C  C  C  C  C  C  F  F  F  C',
    },
  },
  {
    label: 'districtAdmin of the district',
    actor: actors.districtAdmin(),
    ticket: atGrid,
    expect: {
      submitted: 'F  C  C  C  C  C  C  F  F  F  ok',
      accepted: ' F  C  C  C  C  C  C  F  F  F  ok',
      resolved: ' F  C  C  C  C  C  C  F  F  F  C',
      closed: '   F  C  C  C  C  C  C  F  F  F  C',
      rejected: ' F  C  C  C  C  C  C  F  F  F  C',
      withdrawn: 'F  C  C  C  C  C  C  F  F  F  C',
    },
  },
  {
    // Departments resolve or return what was dispatched to them; nothing else, ever.
    label: 'deptHandler of the dispatched department',
    actor: actors.deptHandler(DEPT.sanitation),
    ticket: dispatchedIfEver,
    expect: {
      submitted: 'N  N  N  N  N  N  N  N  N  N  N',
      accepted: ' F  F  F  F  F  F  ok ok F  F  F',
      resolved: ' F  F  F  F  F  F  C  C  F  F  F',
      closed: '   F  F  F  F  F  F  C  C  F  F  F',
      rejected: ' N  N  N  N  N  N  N  N  N  N  N',
      withdrawn: 'N  N  N  N  N  N  N  N  N  N  N',
    },
  },
  {
    label: 'deptHandler of another department',
    actor: actors.deptHandler(DEPT.water),
    ticket: dispatchedIfEver,
    expect: {
      submitted: 'N  N  N  N  N  N  N  N  N  N  N',
      accepted: ' N  N  N  N  N  N  N  N  N  N  N',
      resolved: ' N  N  N  N  N  N  N  N  N  N  N',
      closed: '   N  N  N  N  N  N  N  N  N  N  N',
      rejected: ' N  N  N  N  N  N  N  N  N  N  N',
      withdrawn: 'N  N  N  N  N  N  N  N  N  N  N',
    },
  },
  {
    // Sees everything, stands in for the district at district level, may supervise.
    label: 'superAdmin',
    actor: actors.superAdmin(),
    ticket: atGrid,
    expect: {
      submitted: 'F  C  C  C  C  C  C  F  F  F  ok',
      accepted: ' F  C  C  C  C  C  C  F  F  F  ok',
      resolved: ' F  C  C  C  C  C  C  F  F  F  C',
      closed: '   F  C  C  C  C  C  C  F  F  F  C',
      rejected: ' F  C  C  C  C  C  C  F  F  F  C',
      withdrawn: 'F  C  C  C  C  C  C  F  F  F  C',
    },
  },
];

interface Row {
  name: string;
  ticket: Ticket;
  actor: Actor;
  action: TicketAction;
  expected: Outcome;
}

function rowsOf(subjects: readonly Subject[], statuses: readonly TicketStatus[]): Row[] {
  return subjects.flatMap((s) =>
    statuses.flatMap((status) => {
      const line = parseLine(s.expect[status]);
      return COLUMNS.map((action) => ({
        name: `${status.padEnd(9)} | ${action.padEnd(9)} | ${s.label} → ${line[action]}`,
        ticket: s.ticket(status),
        actor: s.actor,
        action,
        expected: line[action],
      }));
    }),
  );
}

describe('the expectation tables themselves', () => {
  it('cover every action of the lifecycle table, once', () => {
    expect([...COLUMNS].sort()).toEqual([...TICKET_ACTIONS].sort());
  });
});

describe('judge: every status × action × actor', () => {
  const rows = rowsOf(SUBJECTS, STATUSES);

  it('has one row per status × action × actor', () => {
    expect(rows).toHaveLength(STATUSES.length * COLUMNS.length * SUBJECTS.length);
  });

  test.each(rows)('$name', ({ ticket, actor, action, expected }) => {
    expect(verdictOf(ticket, actor, action, NOW)).toBe(expected);
  });
});

describe('allowedActions lists exactly the moves the table allows', () => {
  const cases = SUBJECTS.flatMap((s) =>
    STATUSES.map((status) => {
      const line = parseLine(s.expect[status]);
      return {
        name: `${status.padEnd(9)} | ${s.label} → [${COLUMNS.filter((a) => line[a] === 'ok').join(', ')}]`,
        ticket: s.ticket(status),
        actor: s.actor,
        expected: COLUMNS.filter((a) => line[a] === 'ok'),
      };
    }),
  );

  test.each(cases)('$name', ({ ticket, actor, expected }) => {
    expect([...allowedActions(ticket, actor, NOW)].sort()).toEqual([...expected].sort());
    // and agrees with judge, move by move
    for (const action of COLUMNS) {
      expect(allowedActions(ticket, actor, NOW).includes(action)).toBe(judge(ticket, actor, action, NOW).ok);
    }
  });
});

describe('judge: an accepted ticket while it is dispatched to a department', () => {
  // The dispatching level keeps watching but may not act until the department resolves or returns it.
  const dispatched = (): Ticket => ticketBuilder({ status: 'accepted', departmentCode: DEPT.sanitation });
  const dispatchedAfterEscalation = (): Ticket => ({ ...dispatched(), level: 'community' });
  const table: Array<{ label: string; actor: Actor; ticket: () => Ticket; line: string }> = [
    //                                                                                                withdraw accept reject transfer dispatch escalate resolve return rate reopen supervise
    { label: 'reporter (resident)', actor: actors.reporter(), ticket: dispatched, line: '            C  F  F  F  F  F  F  F  C  C  F' },
    { label: 'another resident', actor: actors.resident('o-neighbour'), ticket: dispatched, line: '  N  N  N  N  N  N  N  N  N  N  N' },
    { label: 'gridWorker of the grid', actor: actors.gridWorker('G101'), ticket: dispatched, line: 'F  C  C  C  C  C  C  F  F  F  F' },
    { label: 'gridWorker of another grid', actor: actors.gridWorker('G301'), ticket: dispatched, line: 'N  N  N  N  N  N  N  N  N  N  N' },
    {
      label: 'gridWorker of the grid, escalated then dispatched by the community',
      actor: actors.gridWorker('G101'),
      ticket: dispatchedAfterEscalation,
      line: 'F  C  C  C  C  C  C  F  F  F  F',
    },
    {
      label: 'communityAdmin of the community',
      actor: actors.communityAdmin(),
      ticket: dispatched,
      line: 'F  C  C  C  C  C  C  F  F  F  F',
    },
    { label: 'streetAdmin of the street', actor: actors.streetAdmin(), ticket: dispatched, line: '     F  C  C  C  C  C  C  F  F  F  ok' },
    { label: 'districtAdmin of the district', actor: actors.districtAdmin(), ticket: dispatched, line: 'F  C  C  C  C  C  C  F  F  F  ok' },
    {
      label: 'deptHandler of the department',
      actor: actors.deptHandler(DEPT.sanitation),
      ticket: dispatched,
      line: 'F  F  F  F  F  F  ok ok F  F  F',
    },
    {
      label: 'deptHandler of another department',
      actor: actors.deptHandler(DEPT.water),
      ticket: dispatched,
      line: 'N  N  N  N  N  N  N  N  N  N  N',
    },
    { label: 'superAdmin', actor: actors.superAdmin(), ticket: dispatched, line: '                 F  C  C  C  C  C  C  F  F  F  ok' },
  ];
  const rows = table.flatMap(({ label, actor, ticket, line }) => {
    const parsed = parseLine(line);
    return COLUMNS.map((action) => ({
      name: `accepted+dispatched | ${action.padEnd(9)} | ${label} → ${parsed[action]}`,
      actor,
      ticket: ticket(),
      action,
      expected: parsed[action],
    }));
  });

  test.each(rows)('$name', ({ ticket, actor, action, expected }) => {
    expect(verdictOf(ticket, actor, action, NOW)).toBe(expected);
  });
});

describe('judge: who owns the step at each level (submitted and accepted tickets)', () => {
  // ok = may accept (submitted) / resolve (accepted) and escalate; C = sees it but another level owns it.
  const LEVELS: readonly Level[] = ['grid', 'community', 'street', 'district'];
  const owners: Array<{ label: string; actor: Actor; owns: Record<Level, 'ok' | 'C' | 'N'> }> = [
    { label: 'gridWorker of the grid', actor: actors.gridWorker('G101'), owns: { grid: 'ok', community: 'C', street: 'C', district: 'C' } },
    {
      label: 'gridWorker of two grids incl. this one',
      actor: actors.gridWorker('G102', 'G101'),
      owns: { grid: 'ok', community: 'C', street: 'C', district: 'C' },
    },
    {
      label: 'communityAdmin of the community',
      actor: actors.communityAdmin('和平社区'),
      owns: { grid: 'ok', community: 'ok', street: 'C', district: 'C' },
    },
    {
      label: 'communityAdmin of another community',
      actor: actors.communityAdmin('幸福社区'),
      owns: { grid: 'N', community: 'N', street: 'N', district: 'N' },
    },
    {
      label: 'streetAdmin of the street',
      actor: actors.streetAdmin('东湖街道'),
      owns: { grid: 'C', community: 'C', street: 'ok', district: 'C' },
    },
    {
      label: 'streetAdmin of another street',
      actor: actors.streetAdmin('西山街道'),
      owns: { grid: 'N', community: 'N', street: 'N', district: 'N' },
    },
    {
      label: 'districtAdmin of the district',
      actor: actors.districtAdmin(),
      owns: { grid: 'C', community: 'C', street: 'C', district: 'ok' },
    },
    {
      label: 'districtAdmin of another district',
      actor: actors.districtAdmin(OTHER_DISTRICT),
      owns: { grid: 'N', community: 'N', street: 'N', district: 'N' },
    },
    { label: 'superAdmin', actor: actors.superAdmin(), owns: { grid: 'C', community: 'C', street: 'C', district: 'ok' } },
  ];
  const rows = owners.flatMap(({ label, actor, owns }) =>
    LEVELS.flatMap((level) =>
      (['submitted', 'accepted'] as const).map((status) => {
        const step: TicketAction = status === 'submitted' ? 'accept' : 'resolve';
        const own = owns[level];
        // The top level cannot escalate further: a CONFLICT even for its owner.
        const escalate = own === 'ok' && level === 'district' ? 'C' : own;
        return {
          name: `${status.padEnd(9)} at ${level.padEnd(9)} | ${label} → ${step} ${own}, escalate ${escalate}`,
          actor,
          level,
          status,
          step,
          own,
          escalate,
        };
      }),
    ),
  );

  test.each(rows)('$name', ({ actor, level, status, step, own, escalate }) => {
    const ticket = ticketBuilder({ status, level });
    expect(verdictOf(ticket, actor, step, NOW)).toBe(CODE[own]);
    expect(verdictOf(ticket, actor, 'escalate', NOW)).toBe(CODE[escalate]);
    expect(verdictOf(ticket, actor, 'reject', NOW)).toBe(CODE[own]);
    expect(verdictOf(ticket, actor, 'transfer', NOW)).toBe(CODE[own]);
  });
});

describe('judge: guards beyond status and role', () => {
  const reporter = actors.reporter();
  const closedAfter = (rating: 'satisfied' | 'basic' | 'unsatisfied' | null, extra: Partial<Ticket> = {}): Ticket =>
    ticketBuilder({ status: 'closed', rating, ...extra });
  const resolvedAt = after(T0, 2 * 3600 * 1000); // the builder resolves two hours after submission

  it.each([
    ['closed after 不满意, 1 day after resolution', closedAfter('unsatisfied'), after(resolvedAt, DAY), 'ok'],
    ['closed after 不满意, exactly 7 days after resolution', closedAfter('unsatisfied'), after(resolvedAt, 7 * DAY), 'ok'],
    ['closed after 不满意, 7 days + 1 ms after resolution', closedAfter('unsatisfied'), after(resolvedAt, 7 * DAY + 1), 'CONFLICT'],
    ['closed after 满意', closedAfter('satisfied'), NOW, 'CONFLICT'],
    ['closed after 基本满意', closedAfter('basic'), NOW, 'CONFLICT'],
    ['closed unrated by the system after 7 days', closedAfter(null), NOW, 'CONFLICT'],
    ['closed after 不满意 but already reopened once', closedAfter('unsatisfied', { reopenCount: 1 }), NOW, 'CONFLICT'],
    ['resolved, not rated yet', ticketBuilder({ status: 'resolved' }), NOW, 'CONFLICT'],
  ] as const)('reopen: %s → %s', (_label, ticket, now, expected) => {
    expect(verdictOf(ticket, reporter, 'reopen', now)).toBe(expected);
  });

  it('rate: a resolved ticket may be rated even after the 7 days, until the system closes it', () => {
    expect(verdictOf(ticketBuilder({ status: 'resolved' }), reporter, 'rate', after(T0, 30 * DAY))).toBe('ok');
  });

  it('escalate: refused at district level, even for its owner', () => {
    for (const status of ['submitted', 'accepted'] as const) {
      const ticket = ticketBuilder({ status, level: 'district' });
      expect(verdictOf(ticket, actors.districtAdmin(), 'escalate', NOW)).toBe('CONFLICT');
      expect(verdictOf(ticket, actors.superAdmin(), 'escalate', NOW)).toBe('CONFLICT');
    }
  });

  it('a department that got the ticket back (returned) no longer sees it', () => {
    const returned = ticketBuilder({ status: 'accepted' });
    expect(verdictOf(returned, actors.deptHandler(DEPT.sanitation), 'resolve', NOW)).toBe('NOT_FOUND');
    expect(verdictOf(returned, actors.gridWorker('G101'), 'resolve', NOW)).toBe('ok');
  });

  it('a patrol find: the grid worker who reported it may withdraw it and also handle it', () => {
    const worker = actors.gridWorker('G101');
    const ticket = ticketBuilder({ status: 'submitted', reporterOpenid: worker.openid, source: 'patrol' });
    expect(verdictOf(ticket, worker, 'withdraw', NOW)).toBe('ok');
    expect(verdictOf(ticket, worker, 'accept', NOW)).toBe('ok');
  });

  it('a triage-queue ticket (no grid) at community level belongs to the community admins', () => {
    const ticket = ticketBuilder({ status: 'submitted', level: 'community', place: { gridCode: null, gridName: null } });
    expect(verdictOf(ticket, actors.communityAdmin('和平社区'), 'accept', NOW)).toBe('ok');
    expect(verdictOf(ticket, actors.gridWorker('G101'), 'accept', NOW)).toBe('NOT_FOUND');
  });
});
