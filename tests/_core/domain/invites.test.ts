// Who may invite whom (DOMAIN.md "Who uses it"): an admin invites roles at or below their own
// level within their own scope; a super admin may invite any role for any scope; grid workers,
// department handlers and residents invite nobody. Each role takes exactly one shape of scope.
import { mayInvite, scopeFitsRole, type InviteVerdict } from '../../../cloudfunctions/_core/domain/invites';
import type { ScopeLocation } from '../../../cloudfunctions/_core/domain/scope';
import type { Actor, Scope, StaffRole } from '../../../cloudfunctions/_core/domain/types';
import { actor, actors, DISTRICT, OTHER_DISTRICT } from '../../support/builders';

/** Where each target scope lies, as the use case resolves it from the stored places. */
const AT: Record<string, ScopeLocation> = {
  'grid G101': { grids: ['G101'], communities: ['和平社区'], streets: ['东湖街道'], districts: [DISTRICT] },
  'grids G101+G201 (two communities)': {
    grids: ['G101', 'G201'],
    communities: ['和平社区', '幸福社区'],
    streets: ['东湖街道'],
    districts: [DISTRICT],
  },
  'grid G301 (西山街道)': { grids: ['G301'], communities: ['光明社区'], streets: ['西山街道'], districts: [DISTRICT] },
  'community 和平社区': { grids: [], communities: ['和平社区'], streets: ['东湖街道'], districts: [DISTRICT] },
  'community 光明社区 (西山街道)': { grids: [], communities: ['光明社区'], streets: ['西山街道'], districts: [DISTRICT] },
  'street 东湖街道': { grids: [], communities: [], streets: ['东湖街道'], districts: [DISTRICT] },
  'street 西山街道': { grids: [], communities: [], streets: ['西山街道'], districts: [DISTRICT] },
  'district 示例区': { grids: [], communities: [], streets: [], districts: [DISTRICT] },
  'district 邻区': { grids: [], communities: [], streets: [], districts: [OTHER_DISTRICT] },
  'department of 东湖街道': { grids: [], communities: [], streets: ['东湖街道'], districts: [DISTRICT] },
  'department of the district': { grids: [], communities: [], streets: [], districts: [DISTRICT] },
  'a place with nothing on record': { grids: [], communities: [], streets: [], districts: [] },
};
type Target = keyof typeof AT;

const OK = 'ok';
type Expect = typeof OK | 'role' | 'scope';

const INVITERS: Record<string, Actor> = {
  superAdmin: actors.superAdmin(),
  'districtAdmin 示例区': actors.districtAdmin(),
  'streetAdmin 东湖街道': actors.streetAdmin('东湖街道'),
  'communityAdmin 和平社区': actors.communityAdmin('和平社区'),
  'communityAdmin without a scope': actor('communityAdmin', null, 'o-unscoped'),
  'gridWorker G101': actors.gridWorker('G101'),
  'deptHandler 环卫': actors.deptHandler(),
  resident: actors.resident(),
};

const TABLE: Array<[inviter: string, role: StaffRole, target: Target, expected: Expect]> = [
  // super admin: anything, anywhere
  ['superAdmin', 'superAdmin', 'district 邻区', OK],
  ['superAdmin', 'districtAdmin', 'district 邻区', OK],
  ['superAdmin', 'streetAdmin', 'street 西山街道', OK],
  ['superAdmin', 'communityAdmin', 'community 光明社区 (西山街道)', OK],
  ['superAdmin', 'gridWorker', 'grids G101+G201 (two communities)', OK],
  ['superAdmin', 'deptHandler', 'department of the district', OK],
  // district admin: its own level and below, within the district
  ['districtAdmin 示例区', 'districtAdmin', 'district 示例区', OK],
  ['districtAdmin 示例区', 'districtAdmin', 'district 邻区', 'scope'],
  ['districtAdmin 示例区', 'streetAdmin', 'street 西山街道', OK],
  ['districtAdmin 示例区', 'communityAdmin', 'community 光明社区 (西山街道)', OK],
  ['districtAdmin 示例区', 'gridWorker', 'grid G301 (西山街道)', OK],
  ['districtAdmin 示例区', 'deptHandler', 'department of the district', OK],
  ['districtAdmin 示例区', 'deptHandler', 'department of 东湖街道', OK],
  ['districtAdmin 示例区', 'superAdmin', 'district 示例区', 'role'],
  ['districtAdmin 示例区', 'gridWorker', 'a place with nothing on record', 'scope'],
  // street admin
  ['streetAdmin 东湖街道', 'streetAdmin', 'street 东湖街道', OK],
  ['streetAdmin 东湖街道', 'streetAdmin', 'street 西山街道', 'scope'],
  ['streetAdmin 东湖街道', 'communityAdmin', 'community 和平社区', OK],
  ['streetAdmin 东湖街道', 'communityAdmin', 'community 光明社区 (西山街道)', 'scope'],
  ['streetAdmin 东湖街道', 'gridWorker', 'grid G101', OK],
  ['streetAdmin 东湖街道', 'gridWorker', 'grids G101+G201 (two communities)', OK],
  ['streetAdmin 东湖街道', 'gridWorker', 'grid G301 (西山街道)', 'scope'],
  ['streetAdmin 东湖街道', 'deptHandler', 'department of 东湖街道', OK],
  ['streetAdmin 东湖街道', 'deptHandler', 'department of the district', 'scope'],
  ['streetAdmin 东湖街道', 'districtAdmin', 'district 示例区', 'role'],
  ['streetAdmin 东湖街道', 'superAdmin', 'district 示例区', 'role'],
  // community admin (网格长)
  ['communityAdmin 和平社区', 'communityAdmin', 'community 和平社区', OK],
  ['communityAdmin 和平社区', 'communityAdmin', 'community 光明社区 (西山街道)', 'scope'],
  ['communityAdmin 和平社区', 'gridWorker', 'grid G101', OK],
  ['communityAdmin 和平社区', 'gridWorker', 'grids G101+G201 (two communities)', 'scope'],
  ['communityAdmin 和平社区', 'gridWorker', 'grid G301 (西山街道)', 'scope'],
  ['communityAdmin 和平社区', 'deptHandler', 'department of 东湖街道', 'scope'],
  ['communityAdmin 和平社区', 'streetAdmin', 'street 东湖街道', 'role'],
  ['communityAdmin 和平社区', 'districtAdmin', 'district 示例区', 'role'],
  ['communityAdmin 和平社区', 'superAdmin', 'district 示例区', 'role'],
  ['communityAdmin without a scope', 'gridWorker', 'grid G101', 'scope'],
  // nobody else invites anyone
  ['gridWorker G101', 'gridWorker', 'grid G101', 'role'],
  ['deptHandler 环卫', 'deptHandler', 'department of 东湖街道', 'role'],
  ['resident', 'gridWorker', 'grid G101', 'role'],
];

describe('mayInvite', () => {
  test.each(TABLE)('%s invites %s for %s → %s', (inviter, role, target, expected) => {
    const want: InviteVerdict = expected === OK ? { ok: true } : { ok: false, reason: expected };
    expect(mayInvite(INVITERS[inviter] as Actor, role, AT[target] as ScopeLocation)).toEqual(want);
  });
});

describe('scopeFitsRole', () => {
  const scopes: Record<string, Scope> = {
    grids: { grids: ['G101'] },
    community: { community: '和平社区' },
    street: { street: '东湖街道' },
    district: { district: DISTRICT },
    department: { department: 'DEPT-SAN' },
  };
  const fits: Record<StaffRole, string | 'any'> = {
    gridWorker: 'grids',
    communityAdmin: 'community',
    streetAdmin: 'street',
    districtAdmin: 'district',
    deptHandler: 'department',
    superAdmin: 'any',
  };
  const rows = (Object.keys(fits) as StaffRole[]).flatMap((role) =>
    Object.keys(scopes).map((shape) => ({ role, shape, expected: fits[role] === 'any' || fits[role] === shape })),
  );
  test.each(rows)('$role with a $shape scope → $expected', ({ role, shape, expected }) => {
    expect(scopeFitsRole(role, scopes[shape] as Scope)).toBe(expected);
  });
});
