// Every collection the functions use, with the indexes its queries need and its security rule:
// the one list that deploy, `npm start` and the tests create the database from. On TCB a
// collection is not created by its first write (-502005 until someone creates it), and a query
// no index serves scans the whole collection, so both are declared here and checked by tests
// (tests/_core/adapters/cloudbase/indexes.test.ts walks every query the stores send).

export type IndexDirection = 1 | -1;

export interface IndexSpec {
  /** Stable name, so a second deploy recognises an index it already created. */
  readonly name: string;
  /** Fields in index order; a field holding an array is indexed per element (multikey). */
  readonly fields: ReadonlyArray<readonly [field: string, direction: IndexDirection]>;
  readonly unique?: boolean;
}

/**
 * CloudBase database security rule (安全规则) of a collection. Clients never touch the
 * database: every read and write goes through the cloud functions, which run with admin rights.
 */
export interface SecurityRule {
  readonly read: boolean;
  readonly write: boolean;
}

export interface CollectionSpec {
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
  readonly rule: SecurityRule;
}

const CLOSED: SecurityRule = { read: false, write: false };

const index = (name: string, fields: IndexSpec['fields'], unique = false): IndexSpec => ({ name, fields, ...(unique ? { unique } : {}) });

export const COLLECTION = {
  tickets: 'tickets',
  outbox: 'outbox',
  rollups: 'rollups',
  supervisions: 'supervisions',
  rateLimits: 'rateLimits',
  staff: 'staff',
  invites: 'invites',
  grants: 'grants',
  grids: 'grids',
  places: 'places',
  meta: 'meta',
  gridSnapshots: 'gridSnapshots',
  departments: 'departments',
  categories: 'categories',
} as const;

export type CollectionName = (typeof COLLECTION)[keyof typeof COLLECTION];

export const COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: COLLECTION.tickets,
    indexes: [
      index('no_unique', [['no', 1]], true),
      // report.mine: what the caller filed, claimed or follows (`people`), newest first.
      index('people_newest', [
        ['people', 1],
        ['newestKey', -1],
      ]),
      index('people_status_newest', [
        ['people', 1],
        ['status', 1],
        ['newestKey', -1],
      ]),
      // report.claim: the 代报 a code belongs to.
      index('claim_code', [['claimCode', 1]]),
      // queue.list, what the caller must act on now: `duty` holds the queues responsible.
      index('duty_status_due', [
        ['duty', 1],
        ['status', 1],
        ['dueKey', 1],
      ]),
      index('duty_status_overdue_due', [
        ['duty', 1],
        ['status', 1],
        ['overdue', 1],
        ['dueKey', 1],
      ]),
      // queue.list with a status, and the open-overdue count: `areas` holds every place above the ticket.
      index('areas_status_due', [
        ['areas', 1],
        ['status', 1],
        ['dueKey', 1],
      ]),
      index('areas_status_newest', [
        ['areas', 1],
        ['status', 1],
        ['newestKey', -1],
      ]),
      index('areas_status_overdue_due', [
        ['areas', 1],
        ['status', 1],
        ['overdue', 1],
        ['dueKey', 1],
      ]),
      // admin.export: an area's tickets that arrived in a period, oldest first.
      index('areas_newest', [
        ['areas', 1],
        ['newestKey', 1],
      ]),
      // report.nearby: same category, still open, recent.
      index('category_status_created', [
        ['category', 1],
        ['status', 1],
        ['createdAt', -1],
      ]),
      // jobs: the SLA sweep, auto-close, and the figures job's dirty tickets and cohorts.
      index('status_sweep', [
        ['status', 1],
        ['sweepKey', 1],
      ]),
      index('status_resolved', [
        ['status', 1],
        ['resolvedKey', 1],
      ]),
      index('figures_dirty', [
        ['figuresDirty', 1],
        ['_id', 1],
      ]),
      index('figures_cell_day', [
        ['figuresCell', 1],
        ['figuresDay', 1],
        ['_id', 1],
      ]),
    ],
    rule: CLOSED,
  },
  {
    name: COLLECTION.outbox,
    indexes: [
      // deliver: the due rows of each state, oldest first (few rows are pending or sending at a time).
      index('state_created', [
        ['state', 1],
        ['createdAt', 1],
        ['_id', 1],
      ]),
      // GET /__outbox and admin views: every row, oldest first.
      index('created', [
        ['createdAt', 1],
        ['_id', 1],
      ]),
    ],
    rule: CLOSED,
  },
  {
    name: COLLECTION.rollups,
    indexes: [
      // stats.summary: one place's days.
      index('level_place_day', [
        ['level', 1],
        ['place', 1],
        ['day', 1],
      ]),
      // stats.summary and the figures job: one place's month rollups (their parts sort by _id: month, then part).
      index('level_place_id', [
        ['level', 1],
        ['place', 1],
        ['_id', 1],
      ]),
      // the figures job: a day's cells under a community, street, district, or all of them.
      index('level_community_day', [
        ['level', 1],
        ['community', 1],
        ['day', 1],
        ['_id', 1],
      ]),
      index('level_street_day', [
        ['level', 1],
        ['street', 1],
        ['day', 1],
        ['_id', 1],
      ]),
      index('level_district_day', [
        ['level', 1],
        ['district', 1],
        ['day', 1],
        ['_id', 1],
      ]),
      index('level_day', [
        ['level', 1],
        ['day', 1],
        ['_id', 1],
      ]),
    ],
    rule: CLOSED,
  },
  {
    name: COLLECTION.supervisions,
    indexes: [
      index('ticket_at', [
        ['ticketId', 1],
        ['at', -1],
      ]),
      // supervisions.list, the 督办 desk: a street's or a district's records (or all), newest first.
      index('street_at', [
        ['street', 1],
        ['at', -1],
        ['_id', -1],
      ]),
      index('district_at', [
        ['district', 1],
        ['at', -1],
        ['_id', -1],
      ]),
      index('at', [
        ['at', -1],
        ['_id', -1],
      ]),
    ],
    rule: CLOSED,
  },
  { name: COLLECTION.rateLimits, indexes: [], rule: CLOSED },
  {
    name: COLLECTION.staff,
    indexes: [
      index('role_grids', [
        ['role', 1],
        ['scope.grids', 1],
      ]),
      index('role_community', [
        ['role', 1],
        ['scope.community', 1],
      ]),
      index('role_street', [
        ['role', 1],
        ['scope.street', 1],
      ]),
      index('role_district', [
        ['role', 1],
        ['scope.district', 1],
      ]),
      index('role_department', [
        ['role', 1],
        ['scope.department', 1],
      ]),
      // staff.list: the directory, paged by the invite each member bound with.
      index('invite_code', [['inviteCode', 1]]),
      // staff.list for area admins: the members whose scope lies in the area, by invite code.
      index('areas_invite_code', [
        ['areas', 1],
        ['inviteCode', 1],
      ]),
    ],
    rule: CLOSED,
  },
  {
    name: COLLECTION.invites,
    // admin.invites.list: an area's unused invites, newest first (the unexpired ones kept by a range on expiresAt).
    indexes: [
      index('areas_pending_created', [
        ['areas', 1],
        ['usedBy', 1],
        ['createdAt', -1],
        ['_id', -1],
      ]),
    ],
    rule: CLOSED,
  },
  { name: COLLECTION.grants, indexes: [], rule: CLOSED },
  {
    name: COLLECTION.grids,
    indexes: [
      index('community_code', [
        ['community', 1],
        ['_id', 1],
      ]),
      index('street_code', [
        ['street', 1],
        ['_id', 1],
      ]),
      // grids.pick: the grids of a district, by code.
      index('district_code', [
        ['district', 1],
        ['_id', 1],
      ]),
    ],
    rule: CLOSED,
  },
  { name: COLLECTION.places, indexes: [], rule: CLOSED },
  { name: COLLECTION.meta, indexes: [], rule: CLOSED },
  // The packed routing index, in parts (grid-snapshots.ts); saving a new one drops the other versions.
  { name: COLLECTION.gridSnapshots, indexes: [index('version', [['version', 1]])], rule: CLOSED },
  {
    name: COLLECTION.departments,
    // departments.list: a street's departments and its district's.
    indexes: [
      index('street_code', [
        ['street', 1],
        ['_id', 1],
      ]),
      index('district_code', [
        ['district', 1],
        ['_id', 1],
      ]),
    ],
    rule: CLOSED,
  },
  { name: COLLECTION.categories, indexes: [], rule: CLOSED },
];
