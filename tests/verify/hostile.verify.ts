// Suite 2, hostile input: fast-check mutates a valid call of every action of the contract — wrong
// types, unknown and prototype keys (__proto__, constructor), $-operators, dotted keys, huge and
// invisible strings, lone surrogates, coordinates outside China, foreign and malformed fileIDs,
// whole params and events replaced — and sends it as a random caller. Every answer is an envelope,
// never INTERNAL, with a short Chinese message; every refusal leaves the store byte for byte as it
// was (the local cloud's snapshot). A slice goes over HTTP to the local server as well (raw bodies,
// forged openid headers, file paths).
import fc from 'fast-check';
import { FOLLOW_PURPOSE } from '../../cloudfunctions/_core/app/report/nearby';
import type { LocalFileStore } from '../../cloudfunctions/_local/twins/files';
import { contractActions } from './support/contract';
import { n, recordFigure } from './support/report';
import { LOCAL_RISKY_WORD } from '../../cloudfunctions/_local/twins/content-check';
import { MESSAGES } from '../../cloudfunctions/_core/app/errors';
import {
  AT,
  DEPT,
  freshResident,
  GRID,
  oid,
  OTHER_GRID,
  PLACE,
  reportParams,
  seedWorld,
  STAFF,
  startWorld,
  SUPER,
  type World,
} from './support/world';

const CASES = Number(process.env.VERIFY_HOSTILE_CASES ?? 10_000);
const HTTP_CASES = Number(process.env.VERIFY_HOSTILE_HTTP_CASES ?? 600);
const T = '2026-11-24T02:00:00.000Z';
/** The contract's error codes: the server's messages are a record over all of them (tsc keeps it whole). */
const CODES: readonly string[] = Object.keys(MESSAGES);

let world: World;
const R1 = oid('hostileReporter');
const R2 = oid('hostileNeighbour');
type Json = unknown;
type Sample = { caller: string; params: Record<string, Json> };
let samples: Record<string, Sample>;
let foreignPhoto: string;

beforeAll(async () => {
  world = await startWorld();
  world.setNow(T);
  await seedWorld(world);
  const grid = STAFF.grid.openid;
  const files = world.server.deps.files as LocalFileStore;
  const photo = files.save(R1, 'scene.jpg', Buffer.from('jpeg'));
  const gridPhoto = files.save(grid, 'done.jpg', Buffer.from('jpeg'));
  foreignPhoto = files.save(R2, 'other.jpg', Buffer.from('jpeg'));
  const submit = async (who: string, extra: Partial<Api.ReportSubmitParams> = {}) =>
    (await world.ok(who, 'report.submit', reportParams(extra))).ticketId;
  const t1 = await submit(R1, { photos: [photo], contactPhone: '13812340001' });
  const t2 = await submit(R1);
  await world.ok(grid, 'ticket.accept', { ticketId: t2, complexity: 'normal' });
  const t3 = await submit(R1);
  await world.ok(grid, 'ticket.accept', { ticketId: t3, complexity: 'normal' });
  await world.ok(grid, 'ticket.dispatch', { ticketId: t3, departmentCode: DEPT });
  const t4 = await submit(R1);
  await world.ok(grid, 'ticket.accept', { ticketId: t4, complexity: 'normal' });
  await world.ok(grid, 'ticket.resolve', { ticketId: t4, result: '已清运' });
  const proxy = await world.ok(grid, 'report.submit', reportParams({ onBehalfOf: { name: '王大爷', phone: '13900003333' } }));
  const code = (await world.ok(grid, 'ticket.get', { ticketId: proxy.ticketId })).claimCode ?? '';
  const ref = world.server.deps.sealer.seal(FOLLOW_PURPOSE, `${t1}|${R2}`, new Date(T), 24 * 3600_000);
  const invite = (await world.ok(SUPER, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-06'] } })).code;
  const memberInvite = (await world.ok(SUPER, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-05'] } })).code;
  await world.ok(freshResident('hsm'), 'staff.bind', { inviteCode: memberInvite, displayName: '网格员乙' });
  const pending = (await world.ok(SUPER, 'admin.invites.create', { role: 'gridWorker', scope: { grids: [GRID] } })).code;
  const supervised = await world.ok(STAFF.street.openid, 'ticket.supervise', { ticketId: t1, note: '请尽快处理' });
  const supervisionId = supervised.supervisions?.[0]?.id ?? '';
  const range = { from: '2026-11-01', to: '2026-11-30' };
  const geojson = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: 'VF-HOSTILE-01', name: '测试网格', community: '测试社区', street: '测试街道', district: '测试区' },
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
  };
  samples = {
    'report.submit': {
      caller: freshResident('hs'),
      params: { ...reportParams({ photos: [photo] }), contactPhone: '13812340000' } as Record<string, Json>,
    },
    'report.nearby': { caller: R2, params: { category: 'sanitation', location: { ...AT.grid } } },
    'report.mine': { caller: R1, params: { status: 'submitted' } },
    'report.withdraw': { caller: R1, params: { ticketId: t1, reason: '已经自己解决了' } },
    'report.rate': { caller: R1, params: { ticketId: t4, rating: 'satisfied', comment: '处理得很及时' } },
    'report.reopen': { caller: R1, params: { ticketId: t4, reason: '问题又出现了' } },
    'report.follow': { caller: R2, params: { ref } },
    'report.claim': { caller: R2, params: { code } },
    'report.urge': { caller: R1, params: { ticketId: t1 } },
    'ticket.get': { caller: R1, params: { ticketId: t1 } },
    'categories.list': { caller: R2, params: {} },
    'admin.catalog.list': { caller: STAFF.street.openid, params: {} },
    'subscription.record': { caller: R2, params: { grants: { ticketAccepted: 'accept', ticketResolved: 'reject' } } },
    'staff.bind': { caller: R2, params: { inviteCode: invite, displayName: '新网格员', servicePhone: '0533-1234567' } },
    'staff.me': { caller: R1, params: {} },
    'staff.list': { caller: SUPER, params: {} },
    'queue.list': { caller: grid, params: { status: 'submitted', overdue: false } },
    'queue.counts': { caller: grid, params: {} },
    'departments.list': { caller: grid, params: { ticketId: t2 } },
    'grids.pick': { caller: grid, params: { ticketId: t1, community: PLACE.community } },
    'ticket.duplicates': { caller: grid, params: { ticketId: t1 } },
    'ticket.contact': { caller: grid, params: { ticketId: t1 } },
    'ticket.reply': { caller: grid, params: { ticketId: t1, supervisionId, note: '已安排人员处理' } },
    'supervisions.list': { caller: STAFF.street.openid, params: {} },
    'ticket.accept': { caller: grid, params: { ticketId: t1, complexity: 'complex' } },
    'ticket.reject': { caller: grid, params: { ticketId: t1, reason: '重复上报', duplicateOf: t2 } },
    'ticket.transfer': { caller: grid, params: { ticketId: t1, toGridCode: OTHER_GRID, reason: '位置属于其他网格' } },
    'ticket.dispatch': { caller: grid, params: { ticketId: t2, departmentCode: DEPT, note: '请环卫所处理' } },
    'ticket.escalate': { caller: grid, params: { ticketId: t1, reason: '需要社区协调' } },
    'ticket.resolve': { caller: grid, params: { ticketId: t2, result: '已清运完毕', photos: [gridPhoto] } },
    'ticket.supervise': { caller: STAFF.street.openid, params: { ticketId: t1, note: '请尽快处理' } },
    'ticket.return': { caller: STAFF.dept.openid, params: { ticketId: t3, reason: '不属于本部门' } },
    'stats.summary': { caller: STAFF.district.openid, params: { scope: { district: PLACE.district }, ...range } },
    'admin.export': { caller: STAFF.district.openid, params: { scope: { district: PLACE.district }, ...range } },
    'admin.grids.import': { caller: SUPER, params: { geojson, crs: 'gcj02' } },
    'staff.remove': { caller: STAFF.community.openid, params: { inviteCode: memberInvite } },
    'staff.update': { caller: STAFF.community.openid, params: { inviteCode: memberInvite, scope: { grids: ['ZD-CZ-HG-06'] } } },
    'admin.grids.preview': { caller: SUPER, params: { geojson, crs: 'wgs84' } },
    'admin.invites.list': { caller: STAFF.community.openid, params: {} },
    'admin.invites.revoke': { caller: STAFF.community.openid, params: { code: pending } },
    'admin.invites.qr': { caller: SUPER, params: { code: pending } },
    'admin.grids.list': { caller: STAFF.community.openid, params: { community: PLACE.community } },
    'admin.invites.create': { caller: STAFF.community.openid, params: { role: 'gridWorker', scope: { grids: [GRID] } } },
    'admin.categories.upsert': {
      caller: SUPER,
      params: { code: 'vf-hostile', name: '测试类别', profile: 'urgent', defaultDepartmentCode: DEPT },
    },
    'admin.departments.upsert': {
      caller: STAFF.street.openid,
      params: { code: 'vf-hostile', name: '测试部门', street: PLACE.street, categories: ['sanitation'] },
    },
  };
});
afterAll(() => world?.close());

// ---- what a hostile client sends ----

const OPERATORS: Json[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '.*' },
  { $where: 'sleep(1000)' },
  { $exists: true },
  { $in: ['a', 'b'] },
  { $set: { role: 'superAdmin' } },
  { $or: [{}] },
];
const INVISIBLE = [
  '',
  ' ',
  '\u200b',
  '\u200b\u200b\u200b',
  '\u2800\u2800',
  '\u3164',
  '\u115f\u1160',
  '\ufeff',
  '\u200e\u200f',
  '\u202e反向文字',
  '\u2066x\u2069',
  '\u3000\u3000',
  '\t\n\r',
  'a\u0000b',
  '\u0007',
  '\u00ad',
];
const SURROGATES = ['\ud800', '\udfff', 'x\ud83dy', '\udc00\ud800', '正常\ud800文字'];
const TRICKY = [
  '$where',
  '{"$gt":""}',
  '../../etc/passwd',
  '..',
  'constructor',
  '__proto__',
  'toString',
  'a.b',
  '$',
  '中'.repeat(501),
  'null',
  'undefined',
  '0',
  '-1',
  '1e309',
  SUPER,
  R1,
  `含有${LOCAL_RISKY_WORD}的内容`,
  '待审核测试',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INVISIBLE, ...SURROGATES, ...TRICKY),
  fc.integer({ min: 201, max: 300_000 }).map((k) => 'x'.repeat(k)),
  fc.integer({ min: 30, max: 5_000 }).map((k) => '\u200b'.repeat(k)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const deep = (levels: number): Json => (levels === 0 ? 'x' : { a: deep(levels - 1) });
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  hostileString,
  fc.constantFrom<Json>(
    ...OPERATORS,
    null,
    true,
    false,
    0,
    -1,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    [],
    {},
    [null],
    deep(200),
    Array.from({ length: 2_000 }, () => 'x'),
  ),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 3 }),
);

/** Coordinates outside China's bounds, or not coordinates at all. */
const badLocation: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    { latitude: 0, longitude: 0 },
    { latitude: 51.5, longitude: -0.12 },
    { latitude: -33.9, longitude: 151.2 },
    { latitude: 36.8, longitude: 200 },
    { latitude: 91, longitude: 118 },
    { latitude: Number.NaN, longitude: 118 },
    { latitude: '36.8', longitude: '118.04' },
    { latitude: 36.8 },
    { latitude: 36.8, longitude: 118.04, address: '\u202e' },
    { latitude: 36.8, longitude: 118.04, altitude: 10 },
  ),
  fc.record({ latitude: fc.double({ min: -90, max: 3.8 }), longitude: fc.double({ min: -180, max: 180 }) }),
  fc.record({
    latitude: fc.double({ min: 3.9, max: 53.6 }),
    longitude: fc.oneof(fc.double({ min: -180, max: 73.4 }), fc.double({ min: 135.1, max: 180 })),
  }),
);

/** fileIDs that are not the caller's own uploads. */
const badPhotos: fc.Arbitrary<Json> = fc
  .oneof(
    fc.constantFrom<Json>(
      [() => foreignPhoto],
      ['cloud://prod-env.bucket/uploads/0123456789abcdef01234567/x.jpg'],
      ['local://uploads/../../etc/passwd'],
      ['local://'],
      ['cloud://'],
      ['http://evil.example/x.jpg'],
      ['local://uploads/%2e%2e/x.jpg'],
      ['local://uploads/abc/\u0000.jpg'],
      Array.from({ length: 7 }, (_, i) => `local://uploads/x/${i}.jpg`),
      'local://uploads/x/1.jpg',
      [{ $ne: null }],
    ),
    fc.array(hostileString, { minLength: 1, maxLength: 3 }),
  )
  .map((v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'function' ? (x as () => string)() : x)) : v));

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '$set',
  '$ne',
  'a.b',
  'location.latitude',
  'timeline.0.note',
  '_id',
  'openid',
  'role',
  'reporterOpenid',
  'toString',
  'hasOwnProperty',
  'status',
  'version',
];

type Mutation =
  | { kind: 'set'; path: number; value: Json }
  | { kind: 'add'; path: number; key: string; value: Json }
  | { kind: 'drop'; path: number }
  | { kind: 'location'; value: Json }
  | { kind: 'photos'; value: Json }
  | { kind: 'params'; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.nat(), value: hostileValue }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      path: fc.nat(),
      key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), path: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('location' as const), value: badLocation }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('photos' as const), value: badPhotos }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('params' as const), value: hostileValue }) },
);

/** A copy of a value (structuredClone keeps NaN, -0 and own __proto__ keys of plain objects). */
const copy = (v: Json): Json => {
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
};

/** Every object and leaf position of a value: [parent, key] pairs (the root has no parent). */
function positions(value: Json): Array<[Record<string, Json> | Json[], string]> {
  const out: Array<[Record<string, Json> | Json[], string]> = [];
  const seen = new Set<unknown>();
  const walk = (v: Json, depth: number): void => {
    if (typeof v !== 'object' || v === null || seen.has(v) || depth > 8 || out.length > 500) return;
    seen.add(v);
    if (Array.isArray(v)) {
      v.slice(0, 50).forEach((_, i) => {
        out.push([v, String(i)]);
        walk(v[i], depth + 1);
      });
    } else {
      for (const k of Object.keys(v)) {
        out.push([v as Record<string, Json>, k]);
        walk((v as Record<string, Json>)[k], depth + 1);
      }
    }
  };
  walk(value, 0);
  return out;
}
const objectsIn = (value: Json): Array<Record<string, Json>> => [
  ...(typeof value === 'object' && value !== null && !Array.isArray(value) ? [value as Record<string, Json>] : []),
  ...positions(value)
    .map(([p, k]) => (p as Record<string, Json>)[k])
    .filter((v): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)),
];

function apply(params: Json, raw: Mutation): Json {
  // Values from constantFrom are shared between cases: each case works on its own copy.
  const m = 'value' in raw ? ({ ...raw, value: copy(raw.value) } as Mutation) : raw;
  if (m.kind === 'params') return m.value;
  if (typeof params !== 'object' || params === null) return params;
  if (m.kind === 'location' || m.kind === 'photos') {
    const target = objectsIn(params)[0];
    if (target) target[m.kind] = m.value;
    return params;
  }
  if (m.kind === 'add') {
    const objects = objectsIn(params);
    const target = objects[m.path % Math.max(1, objects.length)];
    // An own property even for __proto__, as JSON.parse makes it.
    if (target) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    return params;
  }
  const all = positions(params);
  const at = all[m.path % Math.max(1, all.length)];
  if (!at) return params;
  const [parent, key] = at;
  if (m.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<string, Json>)[key];
  } else (parent as Record<string, Json>)[key] = m.value;
  return params;
}

const CALLERS = [
  'natural',
  R1,
  R2,
  STAFF.grid.openid,
  STAFF['grid:other'].openid,
  STAFF.community.openid,
  STAFF.district.openid,
  STAFF.dept.openid,
  SUPER,
  null,
] as const;

const hostileCase = (actions: string[]) =>
  fc.record({
    action: fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...actions) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('constructor', '__proto__', 'toString', 'report', 'report.submit.x', 'jobs.sweep', '', 'x'.repeat(65)),
      },
    ),
    caller: fc.constantFrom(...CALLERS),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    event: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.record({ userInfo: fc.constant({ openId: SUPER, appId: 'wx0000' }) }) },
      {
        weight: 1,
        arbitrary: fc.dictionary(fc.constantFrom('extra', '$where', 'openid', 'caller'), hostileValue, { minKeys: 1, maxKeys: 2 }),
      },
    ),
  });

// ---- the property ----

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);
/** The store as bytes, without the caller's own claim-guess counter (report.claim counts every guess, a wrong one too). */
const storeBytes = (caller: string | null): string => {
  const snapshot = world.server.cloud.snapshot();
  if (caller !== null && snapshot.rateLimits) snapshot.rateLimits = snapshot.rateLimits.filter((d) => d._id !== `claim|${caller}`);
  return JSON.stringify(snapshot);
};

test('every action of the contract has a valid call to start from', () => {
  const missing = contractActions().filter((a) => !(a in samples));
  recordFigure({
    section: 'hostile',
    figure: 'actions with hostile inputs',
    value: `${contractActions().length - missing.length} of ${contractActions().length}`,
    target: 'all',
    met: missing.length === 0,
  });
  expect(missing).toEqual([]);
});

test(`${n(CASES)} hostile calls: never INTERNAL, a short Chinese message, and a refusal changes nothing`, async () => {
  const actions = Object.keys(samples);
  const tally = { tried: 0, refused: 0, answered: 0, stored: 0, internal: 0, changedOnRefusal: 0, badEnvelope: 0, badMessage: 0 };
  const byCode: Record<string, number> = {};
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(hostileCase(actions), async ({ action, caller, mutations, event }) => {
      const sample = Object.hasOwn(samples, action) ? samples[action] : undefined;
      let params: Json = sample ? structuredClone(sample.params) : {};
      for (const m of mutations) params = apply(params, m);
      const who = caller === 'natural' ? (sample?.caller ?? R1) : caller;
      const body: Record<string, Json> = { action, params };
      if (event)
        for (const [k, v] of Object.entries(event))
          Object.defineProperty(body, k, { value: v, enumerable: true, configurable: true, writable: true });
      const before = storeBytes(who);
      const answer = await world.raw(who, body);
      tally.tried += 1;
      const describe = (): string => `${action} as ${who === null ? 'nobody' : 'a user'} with ${JSON.stringify(params)?.slice(0, 300)}`;
      if (typeof answer !== 'object' || answer === null || (answer.ok !== true && answer.ok !== false)) {
        tally.badEnvelope += 1;
        problems.push(`not an envelope: ${describe()}`);
        return;
      }
      if (answer.ok) {
        if (storeBytes(who) !== before) tally.stored += 1;
        else tally.answered += 1;
        return;
      }
      tally.refused += 1;
      byCode[answer.error.code] = (byCode[answer.error.code] ?? 0) + 1;
      if (!CODES.includes(answer.error.code)) {
        tally.badEnvelope += 1;
        problems.push(`unknown code ${answer.error.code}: ${describe()}`);
      }
      if (answer.error.code === 'INTERNAL') {
        tally.internal += 1;
        problems.push(`INTERNAL: ${describe()}`);
      }
      if (!hasChinese(answer.error.message) || Array.from(answer.error.message).length > 100) {
        tally.badMessage += 1;
        problems.push(`message "${answer.error.message}": ${describe()}`);
      }
      if (storeBytes(who) !== before) {
        tally.changedOnRefusal += 1;
        problems.push(`refused (${answer.error.code}) but the store changed: ${describe()}`);
      }
    }),
    { numRuns: CASES, seed: Number(process.env.VERIFY_SEED ?? 20261201), endOnFailure: true },
  );
  recordFigure({
    section: 'hostile',
    figure: 'cases tried / refused / answered / stored',
    value: `${n(tally.tried)} / ${n(tally.refused)} / ${n(tally.answered)} / ${n(tally.stored)}`,
    target: '≥ 10,000 tried',
    met: tally.tried >= 10_000,
  });
  recordFigure({
    section: 'hostile',
    figure: 'refusals by code',
    value: Object.entries(byCode)
      .sort()
      .map(([c, k]) => `${c} ${n(k)}`)
      .join(', '),
    target: '—',
    met: true,
  });
  recordFigure({ section: 'hostile', figure: 'INTERNAL answers', value: tally.internal, target: '0', met: tally.internal === 0 });
  recordFigure({
    section: 'hostile',
    figure: 'refusals that changed the store',
    value: tally.changedOnRefusal,
    target: '0',
    met: tally.changedOnRefusal === 0,
  });
  recordFigure({
    section: 'hostile',
    figure: 'answers not an envelope, or a message not short Chinese',
    value: tally.badEnvelope + tally.badMessage,
    target: '0',
    met: tally.badEnvelope + tally.badMessage === 0,
  });
  expect(problems.slice(0, 20)).toEqual([]);
});

// ---- over HTTP: raw bodies, openid headers, file paths ----

const badOpenids = ['a/../b', '../../x', '..', 'a b', 'x'.repeat(65), '中文', 'a%2f..%2fb', '\u200b', 'a\\b', 'a:b', 'a;b', '$where'];
const httpCase = fc.oneof(
  fc.record({
    kind: fc.constant('body' as const),
    body: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom(
        '{',
        '[]',
        'null',
        '"x"',
        '{"action":',
        '{"action":"report.submit","params":{"__proto__":{"x":1}}}',
        '{"action":"ticket.get","params":{"ticketId":{"$ne":null}}}',
        '\u0000',
      ),
    ),
    openid: fc.constantFrom<string | null>(R1, null),
  }),
  fc.record({
    kind: fc.constant('header' as const),
    openid: fc.constantFrom(...badOpenids),
    action: fc.constantFrom('staff.me', 'report.mine', 'report.submit'),
  }),
  fc.record({
    kind: fc.constant('upload' as const),
    openid: fc.constantFrom<string | null>(R1, null, ...badOpenids),
    cloudPath: fc.oneof(
      fc.constantFrom('', '../x.jpg', '../../.data/x', 'a/../../b.jpg', '/etc/passwd', 'uploads/x.jpg', '.', 'a\u0000.jpg', '%2e%2e/x.jpg'),
      fc.string({ maxLength: 30 }),
    ),
  }),
  fc.record({
    kind: fc.constant('download' as const),
    path: fc.oneof(
      fc.constantFrom(
        'uploads',
        'uploads/',
        '..%2f..%2fpackage.json',
        '%E0%A4%A',
        'uploads/../package.json',
        '%00',
        'uploads/x/y.jpg?expires=1&sign=00',
      ),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
    ),
  }),
  fc.record({
    kind: fc.constant('jobs' as const),
    openid: fc.constantFrom(R1, SUPER, STAFF.grid.openid),
    trigger: fc.constantFrom('sweep', 'deliver', 'autoClose', 'figures', 'x'),
  }),
);

test(`${n(HTTP_CASES)} hostile requests to the local server: 4xx or an envelope, never a 5xx or INTERNAL, nothing stored`, async () => {
  const base = world.server.url;
  const tally = { tried: 0, server: 0, internal: 0, changed: 0 };
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(httpCase, async (c) => {
      const before = storeBytes(null);
      let res: Response;
      if (c.kind === 'body') {
        res = await fetch(`${base}/functions/api`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(c.openid ? { 'x-wx-openid': c.openid } : {}) },
          body: c.body,
        });
      } else if (c.kind === 'header') {
        res = await fetch(`${base}/functions/api`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-wx-openid': encodeURI(c.openid) },
          body: JSON.stringify({ action: c.action, params: c.action === 'report.submit' ? reportParams() : {} }),
        });
      } else if (c.kind === 'upload') {
        const form = new FormData();
        form.set('cloudPath', c.cloudPath);
        form.set('file', new Blob([Buffer.from('jpeg')]), 'x.jpg');
        res = await fetch(`${base}/__files`, {
          method: 'POST',
          headers: c.openid ? { 'x-wx-openid': encodeURI(c.openid) } : {},
          body: form,
        });
      } else if (c.kind === 'download') {
        res = await fetch(`${base}/__files/${c.path}`);
      } else {
        res = await fetch(`${base}/functions/jobs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-wx-openid': c.openid },
          body: JSON.stringify({ Type: 'Timer', TriggerName: c.trigger }),
        });
      }
      tally.tried += 1;
      const text = await res.text();
      if (res.status >= 500) {
        tally.server += 1;
        problems.push(`${res.status} for ${JSON.stringify(c).slice(0, 200)}`);
      }
      if (text.includes('"INTERNAL"')) {
        tally.internal += 1;
        problems.push(`INTERNAL for ${JSON.stringify(c).slice(0, 200)}`);
      }
      // A good upload by a real user stores a file (not in the database); nothing else writes.
      if (storeBytes(null) !== before) {
        tally.changed += 1;
        problems.push(`store changed by ${JSON.stringify(c).slice(0, 200)}`);
      }
      if (c.kind === 'jobs') expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }),
    { numRuns: HTTP_CASES, seed: Number(process.env.VERIFY_SEED ?? 20261201), endOnFailure: true },
  );
  recordFigure({
    section: 'hostile',
    figure: 'HTTP requests (bodies, openid headers, uploads, downloads, jobs with a user)',
    value: n(tally.tried),
    target: '—',
    met: true,
  });
  recordFigure({
    section: 'hostile',
    figure: 'HTTP 5xx or INTERNAL, or the store changed',
    value: tally.server + tally.internal + tally.changed,
    target: '0',
    met: tally.server + tally.internal + tally.changed === 0,
  });
  expect(problems.slice(0, 20)).toEqual([]);
});

test('no answer of the hostile suite leaked personal data', () => {
  recordFigure({
    section: 'privacy',
    figure: 'leaks in the hostile answers',
    value: `${world.scan.leaks.length} in ${n(world.scan.answers)} answers`,
    target: '0',
    met: world.scan.leaks.length === 0,
  });
  expect(world.scan.leaks.slice(0, 10)).toEqual([]);
});
