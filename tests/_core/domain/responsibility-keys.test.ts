// The index keys say exactly what isResponsible and canSee say: over every level, place shape
// (grid, community triage, district triage, missing district), dispatch state and every actor
// kind (own and foreign scopes, misconfigured scopes), the key lists meet iff the rule holds.
import {
  actorAreaKeys,
  actorDutyKeys,
  areaKeys,
  canSee,
  dutyKeys,
  isResponsible,
} from '../../../cloudfunctions/_core/domain/responsibility';
import type { Actor, Level, PlaceRef, Ticket } from '../../../cloudfunctions/_core/domain/types';
import { actor, actors, DEPT, GRIDS, OTHER_DISTRICT, ticketBuilder } from '../../support/builders';

const PLACES: PlaceRef[] = [
  { ...GRIDS.G101 },
  { ...GRIDS.G201 },
  { ...GRIDS.G301 },
  { gridCode: null, gridName: null, community: '和平社区', street: '东湖街道', district: GRIDS.G101.district },
  { gridCode: null, gridName: null, community: null, street: '东湖街道', district: GRIDS.G101.district },
  { gridCode: null, gridName: null, community: null, street: null, district: null },
  { ...GRIDS.G101, district: OTHER_DISTRICT },
];
const LEVELS: Level[] = ['grid', 'community', 'street', 'district'];

const tickets: Ticket[] = PLACES.flatMap((place) =>
  LEVELS.flatMap((level) =>
    [null, DEPT.sanitation, DEPT.water].map((departmentCode) =>
      ticketBuilder({ status: 'accepted', level, place, departmentCode, reporterOpenid: 'someone-else' }),
    ),
  ),
);

const ACTORS: Actor[] = [
  actors.gridWorker('G101'),
  actors.gridWorker('G102', 'G201'),
  actors.gridWorker(),
  actor('gridWorker', { grids: [] }, 'no-grids'),
  actors.communityAdmin('和平社区'),
  actors.communityAdmin('幸福社区'),
  actors.streetAdmin('东湖街道'),
  actors.streetAdmin('西山街道'),
  actors.districtAdmin(),
  actors.districtAdmin(OTHER_DISTRICT),
  actors.deptHandler(DEPT.sanitation),
  actors.deptHandler(DEPT.water),
  actors.superAdmin(),
  actors.resident(),
  // Scopes of the wrong kind for the role see nothing.
  actor('communityAdmin', { street: '东湖街道' }, 'misconfigured'),
  actor('deptHandler', { grids: ['G101'] }, 'misconfigured-dept'),
];

const meets = (a: readonly string[], b: readonly string[]): boolean => a.some((k) => b.includes(k));

describe('dutyKeys / actorDutyKeys agree with isResponsible', () => {
  it.each(ACTORS.map((a) => [a.openid, a] as const))('%s', (_name, who) => {
    for (const ticket of tickets) {
      expect([ticket.level, ticket.place, ticket.departmentCode, meets(dutyKeys(ticket), actorDutyKeys(who))]).toEqual([
        ticket.level,
        ticket.place,
        ticket.departmentCode,
        isResponsible(ticket, who),
      ]);
    }
  });
});

describe('areaKeys / actorAreaKeys agree with canSee for everyone but the reporter', () => {
  it.each(ACTORS.map((a) => [a.openid, a] as const))('%s', (_name, who) => {
    for (const ticket of tickets) {
      expect([ticket.level, ticket.place, ticket.departmentCode, meets(areaKeys(ticket), actorAreaKeys(who))]).toEqual([
        ticket.level,
        ticket.place,
        ticket.departmentCode,
        canSee(ticket, who),
      ]);
    }
  });
});
