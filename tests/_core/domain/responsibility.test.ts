// Who must act on a ticket and who may see it (DOMAIN.md "Who is responsible", "Privacy"):
// the grid's workers at grid level, the community's admins at grid and community level, the
// street's and district's admins at theirs, a department while dispatched to it; the
// dispatching level keeps seeing it; a resident sees only their own reports.
import { canSee, isResponsible, isStaff, isSupervisor, levelAbove } from '../../../cloudfunctions/_core/domain/responsibility';
import type { Actor, Level, Ticket } from '../../../cloudfunctions/_core/domain/types';
import { actor, actors, DEPT, OTHER_DISTRICT, ticketBuilder } from '../../support/builders';

describe('levelAbove', () => {
  it.each([
    ['grid', 'community'],
    ['community', 'street'],
    ['street', 'district'],
    ['district', null],
  ] as const)('%s → %s', (level, above) => {
    expect(levelAbove(level)).toBe(above);
  });
});

// Tickets in grid G101 (和平社区, 东湖街道, 示例区), accepted.
const TICKETS: Record<string, Ticket> = {
  grid: ticketBuilder({ status: 'accepted', level: 'grid' }),
  community: ticketBuilder({ status: 'accepted', level: 'community' }),
  street: ticketBuilder({ status: 'accepted', level: 'street' }),
  district: ticketBuilder({ status: 'accepted', level: 'district' }),
  dispatched: ticketBuilder({ status: 'accepted', level: 'grid', departmentCode: DEPT.sanitation }),
};
const COLUMNS = ['grid', 'community', 'street', 'district', 'dispatched'] as const;

interface Line {
  label: string;
  actor: Actor;
  /** Over grid, community, street, district, dispatched: 1 = yes, . = no. */
  responsible: string;
  sees: string;
  supervises: boolean;
}

const LINES: Line[] = [
  { label: 'the reporter', actor: actors.reporter(), responsible: '.....', sees: '11111', supervises: false },
  { label: 'another resident', actor: actors.resident('o-neighbour'), responsible: '.....', sees: '.....', supervises: false },
  { label: 'gridWorker of G101', actor: actors.gridWorker('G101'), responsible: '1....', sees: '11111', supervises: false },
  {
    label: 'gridWorker of G102 and G101',
    actor: actors.gridWorker('G102', 'G101'),
    responsible: '1....',
    sees: '11111',
    supervises: false,
  },
  {
    label: 'gridWorker of G102 (same community)',
    actor: actors.gridWorker('G102'),
    responsible: '.....',
    sees: '.....',
    supervises: false,
  },
  { label: 'communityAdmin of 和平社区', actor: actors.communityAdmin('和平社区'), responsible: '11...', sees: '11111', supervises: false },
  { label: 'communityAdmin of 幸福社区', actor: actors.communityAdmin('幸福社区'), responsible: '.....', sees: '.....', supervises: false },
  { label: 'streetAdmin of 东湖街道', actor: actors.streetAdmin('东湖街道'), responsible: '..1..', sees: '11111', supervises: true },
  { label: 'streetAdmin of 西山街道', actor: actors.streetAdmin('西山街道'), responsible: '.....', sees: '.....', supervises: false },
  { label: 'districtAdmin of 示例区', actor: actors.districtAdmin(), responsible: '...1.', sees: '11111', supervises: true },
  {
    label: 'districtAdmin of another district',
    actor: actors.districtAdmin(OTHER_DISTRICT),
    responsible: '.....',
    sees: '.....',
    supervises: false,
  },
  {
    label: 'deptHandler of 环卫 (dispatched)',
    actor: actors.deptHandler(DEPT.sanitation),
    responsible: '....1',
    sees: '....1',
    supervises: false,
  },
  { label: 'deptHandler of 水务', actor: actors.deptHandler(DEPT.water), responsible: '.....', sees: '.....', supervises: false },
  { label: 'superAdmin', actor: actors.superAdmin(), responsible: '...1.', sees: '11111', supervises: true },
  {
    label: 'gridWorker without a scope',
    actor: actor('gridWorker', null, 'o-unbound'),
    responsible: '.....',
    sees: '.....',
    supervises: false,
  },
  {
    label: 'communityAdmin with a street-shaped scope',
    actor: actor('communityAdmin', { street: '东湖街道' }),
    responsible: '.....',
    sees: '.....',
    supervises: false,
  },
];

const rows = LINES.flatMap((line) =>
  COLUMNS.map((col, i) => ({
    name: `${col.padEnd(10)} | ${line.label} → responsible ${line.responsible[i] === '1'}, sees ${line.sees[i] === '1'}, supervises ${line.supervises}`,
    ticket: TICKETS[col] as Ticket,
    actor: line.actor,
    responsible: line.responsible[i] === '1',
    sees: line.sees[i] === '1',
    supervises: line.supervises,
  })),
);

describe('isResponsible / canSee / isSupervisor, by actor and ticket', () => {
  test.each(rows)('$name', ({ ticket, actor: who, responsible, sees, supervises }) => {
    expect(isResponsible(ticket, who)).toBe(responsible);
    expect(canSee(ticket, who)).toBe(sees);
    expect(isSupervisor(ticket, who)).toBe(supervises);
  });
});

describe('edge places', () => {
  it('a triage-queue ticket (no grid) is the community admins’, and no grid worker sees it', () => {
    const triage = ticketBuilder({ level: 'community', place: { gridCode: null, gridName: null } });
    expect(isResponsible(triage, actors.communityAdmin('和平社区'))).toBe(true);
    expect(canSee(triage, actors.gridWorker('G101'))).toBe(false);
  });

  it('a ticket with no district on record (triage far from every grid) belongs to the super admins, not to any district', () => {
    const ticket = ticketBuilder({
      level: 'district',
      place: { gridCode: null, gridName: null, community: null, street: null, district: null },
    });
    for (const admin of [actors.districtAdmin(), actors.districtAdmin(OTHER_DISTRICT)]) {
      expect(canSee(ticket, admin)).toBe(false);
      expect(isResponsible(ticket, admin)).toBe(false);
      expect(isSupervisor(ticket, admin)).toBe(false);
    }
    expect(canSee(ticket, actors.superAdmin())).toBe(true);
    expect(isResponsible(ticket, actors.superAdmin())).toBe(true);
  });

  it.each<Level>(['grid', 'community', 'street', 'district'])('the reporter is never responsible (%s level)', (level) => {
    expect(isResponsible(ticketBuilder({ level }), actors.reporter())).toBe(false);
  });
});

describe('isStaff', () => {
  it.each([
    ['resident', false],
    ['gridWorker', true],
    ['communityAdmin', true],
    ['deptHandler', true],
    ['streetAdmin', true],
    ['districtAdmin', true],
    ['superAdmin', true],
  ] as const)('%s → %s', (role, staff) => {
    expect(isStaff(actor(role))).toBe(staff);
  });
});
