// The local cloud answers queries from its declared indexes (planner.ts, sorted-index.ts). These
// tests run thousands of random queries and writes against two stores with the same content — one
// answering from indexes, one reading every document — and require the very same answers (bytes,
// order, ties), the same `updated`/`deleted` counts and the same stores afterwards; and they check
// that each maintained index equals one built from scratch.
import { LocalDatabase } from '../../../cloudfunctions/_local/cloud/database';
import { encodeEJSON, type Doc } from '../../../cloudfunctions/_local/cloud/ejson';
import { SecondaryIndex } from '../../../cloudfunctions/_local/cloud/sorted-index';
import { Store } from '../../../cloudfunctions/_local/cloud/store';
import { Transactions } from '../../../cloudfunctions/_local/cloud/transactions';
import { seededRandom } from '../../_core/domain/routing/fixtures';

type Fields = ReadonlyArray<readonly [string, 1 | -1]>;

interface Side {
  store: Store;
  db: LocalDatabase;
}

function side(useIndexes: boolean, indexes: Record<string, Fields[]>): Side {
  const store = new Store();
  const db = new LocalDatabase(store, new Transactions(store, { timeoutMs: 30_000 }), {
    requireCollections: true,
    enforceIndexes: false,
    useIndexes,
  });
  for (const [name, list] of Object.entries(indexes)) {
    store.createCollection(name);
    for (const fields of list) store.declareIndex(name, fields);
  }
  return { store, db };
}

const INDEXES: Record<string, Fields[]> = {
  // Homogeneous fields: every index narrows, sorted reads walk.
  clean: [
    [
      ['s', 1],
      ['k', 1],
    ],
    [
      ['tags', 1],
      ['s', 1],
      ['k', -1],
    ],
    [['n', 1]],
    [
      ['b', 1],
      ['d', -1],
    ],
    [
      ['o.x', 1],
      ['n', 1],
    ],
    [
      ['objs.t', 1],
      ['k', 1],
    ],
    [['k', -1]],
    [
      ['s', 1],
      ['b', 1],
      ['n', -1],
      ['k', 1],
    ],
  ],
  // Mixed kinds, missing fields, nested arrays, ties everywhere: the planner must notice and scan.
  messy: [
    [
      ['s', 1],
      ['k', 1],
    ],
    [
      ['tags', 1],
      ['k', 1],
    ],
    [['n', 1]],
    [
      ['m', 1],
      ['k', -1],
    ],
    [['d', 1]],
  ],
};

function generator(seed: number) {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const S = ['a', 'b', 'c', 'd', 'é', 'B'];
  const TAGS = ['red', 'green', 'blue', 'grid:1', 'grid:2', 'x'];
  const day = (i: number): Date => new Date(Date.UTC(2026, 0, 1 + i));
  let nextId = 0;

  const cleanDoc = (): Doc => ({
    _id: `c${String((nextId += 1)).padStart(5, '0')}`,
    s: pick(S),
    k: `k${String(int(40)).padStart(2, '0')}`,
    n: int(10),
    b: random() < 0.5,
    d: day(int(20)),
    tags: Array.from({ length: int(4) }, () => pick(TAGS)),
    o: { x: pick(['p', 'q', 'r']) },
    objs: Array.from({ length: int(3) }, () => ({ t: pick(['t1', 't2', 't3']) })),
  });

  const messyDoc = (): Doc => {
    const doc: Doc = { _id: random() < 0.1 ? (nextId += 1) : `m${String((nextId += 1)).padStart(5, '0')}` };
    if (random() < 0.85) doc.s = random() < 0.8 ? pick(S) : random() < 0.5 ? null : int(3);
    if (random() < 0.9) doc.k = random() < 0.85 ? `k${int(10)}` : int(10);
    if (random() < 0.9) doc.n = random() < 0.8 ? int(6) : String(int(6));
    const tagRoll = random();
    doc.tags = tagRoll < 0.1 ? [[pick(TAGS)], pick(TAGS)] : tagRoll < 0.2 ? pick(TAGS) : Array.from({ length: int(3) }, () => pick(TAGS));
    if (random() < 0.7) doc.m = random() < 0.5 ? [int(3), int(3)] : int(3);
    if (random() < 0.8) doc.d = random() < 0.8 ? day(int(10)) : `2026-01-0${1 + int(9)}`;
    return doc;
  };

  const valueFor = (collection: string, field: string): unknown => {
    switch (field) {
      case 's':
        return collection === 'messy' && random() < 0.2 ? int(3) : pick(S);
      case 'k':
        return collection === 'messy' && random() < 0.3
          ? int(10)
          : `k${String(int(collection === 'clean' ? 40 : 10)).padStart(collection === 'clean' ? 2 : 1, '0')}`;
      case 'n':
      case 'm':
        return int(10);
      case 'b':
        return random() < 0.5;
      case 'd':
        return day(int(20));
      case 'tags':
        return pick(TAGS);
      case 'o.x':
        return pick(['p', 'q', 'r', 's']);
      case 'objs.t':
        return pick(['t1', 't2', 't3', 't4']);
      default:
        return pick(S);
    }
  };

  const fieldsOf = (collection: string): string[] =>
    collection === 'clean' ? ['s', 'k', 'n', 'b', 'd', 'tags', 'o.x', 'objs.t'] : ['s', 'k', 'n', 'm', 'd', 'tags'];

  const condition = (collection: string, field: string): unknown => {
    const v = () => valueFor(collection, field);
    const roll = random();
    if (roll < 0.3) return v();
    if (roll < 0.4) return { $eq: v() };
    if (roll < 0.6) return { $in: Array.from({ length: 1 + int(4) }, v) };
    if (roll < 0.75) return { [pick(['$gt', '$gte', '$lt', '$lte'])]: v() };
    if (roll < 0.85) return { [pick(['$gt', '$gte'])]: v(), [pick(['$lt', '$lte'])]: v() };
    if (roll < 0.9) return { $ne: v() };
    if (roll < 0.95) return { $exists: random() < 0.5 };
    return { $nin: [v()] };
  };

  const query = (collection: string): Doc => {
    const fields = fieldsOf(collection);
    if (random() < 0.1) {
      const [a, b] = [pick(fields), pick(fields)];
      return { $or: [{ [a]: condition(collection, a) }, { [b]: condition(collection, b) }] };
    }
    const q: Doc = {};
    const n = 1 + int(3);
    for (let i = 0; i < n; i++) {
      const field = pick(fields);
      q[field] = condition(collection, field);
    }
    const roll = random();
    if (roll < 0.1) {
      // What the SDK sends for field: _.and([_.gt(a), _.lt(b)]).
      const field = pick(fields);
      const [a, b] = [valueFor(collection, field), valueFor(collection, field)];
      return { ...q, $and: [{ [field]: { [pick(['$gt', '$gte'])]: a } }, { [field]: { [pick(['$lt', '$lte'])]: b } }] };
    }
    if (roll < 0.15) {
      const field = pick(fields);
      return { $and: [q, { [field]: condition(collection, field) }] };
    }
    return q;
  };

  const order = (collection: string): Record<string, 1 | -1> | undefined => {
    const roll = random();
    if (roll < 0.25) return undefined;
    const fields = fieldsOf(collection).filter((f) => f !== 'tags' && f !== 'objs.t');
    const spec: Record<string, 1 | -1> = {};
    const count = roll < 0.8 ? 1 : 2;
    for (let i = 0; i < count; i++) spec[pick(fields)] = random() < 0.5 ? 1 : -1;
    return spec;
  };

  const update = (collection: string): Doc => {
    const fields = fieldsOf(collection).filter((f) => !f.includes('.'));
    const $set: Doc = {};
    const field = pick(fields);
    $set[field] = field === 'tags' ? Array.from({ length: int(4) }, () => pick(TAGS)) : valueFor(collection, field);
    if (random() < 0.2) return { $unset: { [field]: '' } };
    return { $set };
  };

  return { random, int, pick, cleanDoc, messyDoc, query, order, update };
}

const dump = (value: unknown): string => encodeEJSON(value);

function checkIndexesMatchRebuild(store: Store): number {
  let checked = 0;
  for (const name of store.names()) {
    const coll = store.get(name);
    if (!coll) continue;
    for (const kept of coll.secondary.values()) {
      const fresh = new SecondaryIndex(kept.fields);
      fresh.build(
        (function* () {
          for (const [key, doc] of coll.docs) yield [key, doc, coll.order.get(key) ?? 0] as [string, Doc, number];
        })(),
      );
      const strip = (index: SecondaryIndex) => [...index.entries.all()].map((e) => dump({ v: e.v, seq: e.seq, key: e.key }));
      expect(strip(kept)).toEqual(strip(fresh));
      expect(kept.stats).toEqual(fresh.stats);
      checked += 1;
    }
  }
  return checked;
}

describe('answers from indexes equal the full scan', () => {
  it.each([[1], [2], [3]])(
    'random queries, writes and reads (seed %i)',
    async (seed) => {
      const gen = generator(seed);
      const indexed = side(true, INDEXES);
      const scanned = side(false, INDEXES);
      const both = async <T>(run: (s: Side) => Promise<T> | T, what: unknown = null): Promise<T> => {
        const a = await run(indexed);
        const b = await run(scanned);
        // On a difference, the request is printed with both answers (ids only, when documents).
        const ids = (x: unknown) => (Array.isArray(x) ? x.map((d: Doc) => d._id ?? d) : x);
        if (dump(a) !== dump(b)) expect({ what, answer: ids(a) }).toEqual({ what, answer: ids(b) });
        return a;
      };
      for (const [collection, make, count] of [
        ['clean', gen.cleanDoc, 400],
        ['messy', gen.messyDoc, 300],
      ] as const) {
        const docs = Array.from({ length: count }, make);
        for (let i = 0; i < docs.length; i += 50) await both((s) => s.db.insert(collection, docs.slice(i, i + 50)));
      }

      for (let round = 0; round < 8; round++) {
        for (const collection of ['clean', 'messy']) {
          for (let q = 0; q < 40; q++) {
            const query =
              q % 7 === 0
                ? { _id: gen.random() < 0.5 ? `c${String(1 + gen.int(500)).padStart(5, '0')}` : 1 + gen.int(300) }
                : gen.query(collection);
            const order = gen.order(collection);
            const offset = gen.random() < 0.3 ? gen.int(40) : 0;
            const limit = 1 + gen.int(gen.random() < 0.2 ? 300 : 25);
            await both((s) => s.db.find(collection, { query, order, offset, limit, byId: false }), {
              collection,
              query,
              order,
              offset,
              limit,
            });
            if (q % 5 === 0) await both((s) => s.db.count(collection, query), { collection, query });
          }
          // Writes: where-updates (first match, or all), removes, inserts; answers and stores must agree.
          for (let w = 0; w < 8; w++) {
            const query = gen.query(collection);
            const data = gen.update(collection);
            const multi = gen.random() < 0.5;
            await both(
              (s) => s.db.modify(collection, { query, data, multi, merge: true, upsert: false, byId: false }).then((r) => r.updated),
              { collection, query, data, multi },
            );
          }
          const removal = gen.query(collection);
          const multi = gen.random() < 0.3;
          await both((s) => s.db.remove(collection, { query: removal, multi, byId: false }), { collection, removal, multi });
          const fresh = Array.from({ length: 15 }, collection === 'clean' ? gen.cleanDoc : gen.messyDoc);
          await both((s) => s.db.insert(collection, fresh));
          const pipeline = [{ $match: gen.query(collection) }, { $limit: 50 }];
          await both((s) => s.db.aggregate(collection, pipeline), { collection, pipeline });
        }
        expect(dump(indexed.store.snapshot())).toBe(dump(scanned.store.snapshot()));
      }
      // The indexes were really used, and the messy collection really fell back to the scan.
      expect(indexed.db.planner.stats.indexed).toBeGreaterThan(250);
      expect(indexed.db.planner.stats.scanned).toBeGreaterThan(25);
      expect(scanned.db.planner.stats.indexed).toBe(0);
      expect(checkIndexesMatchRebuild(indexed.store)).toBeGreaterThan(8);
    },
    120_000,
  );
});

describe('sorted reads stop early', () => {
  it('a page deep into a sorted index reads about a page of documents, not the collection', async () => {
    const { store, db } = side(true, {
      t: [
        [
          ['g', 1],
          ['key', -1],
        ],
      ],
    });
    // `g` is multikey, as the tickets' duty and areas keys are.
    const docs = Array.from({ length: 5000 }, (_, i) => ({
      _id: `t${String(i).padStart(5, '0')}`,
      g: [i % 2 === 0 ? 'even' : 'odd', 'all'],
      key: String(i).padStart(5, '0'),
    }));
    await db.insert('t', docs);
    const tested = new Set<string>();
    const coll = store.get('t');
    if (!coll) throw new Error('no collection');
    const original = coll.docs.get.bind(coll.docs);
    coll.docs.get = (key: string) => {
      tested.add(key);
      return original(key);
    };
    const page = await db.find('t', { query: { g: { $in: ['even'] }, key: { $lt: '03000' } }, order: { key: -1 }, limit: 20, byId: false });
    expect(page.map((d) => d.key)).toEqual(Array.from({ length: 20 }, (_, i) => String(2998 - 2 * i).padStart(5, '0')));
    expect(tested.size).toBeLessThanOrEqual(21);
  });

  it('ties at the page boundary all reach mingo, which orders them by natural order', async () => {
    const { db } = side(true, {
      t: [
        [
          ['g', 1],
          ['key', 1],
        ],
      ],
    });
    // Inserted out of key order; many rows share a key, spread over two stretches of the index.
    const docs = Array.from({ length: 300 }, (_, i) => ({
      _id: `t${String(299 - i).padStart(3, '0')}`,
      g: i % 3 === 0 ? 'a' : 'b',
      key: `k${(i * 7) % 10}`,
    }));
    await db.insert('t', docs);
    const scan = side(false, {
      t: [
        [
          ['g', 1],
          ['key', 1],
        ],
      ],
    });
    await scan.db.insert('t', docs);
    for (const [offset, limit] of [
      [0, 5],
      [25, 10],
      [29, 2],
      [0, 31],
      [100, 100],
    ] as const) {
      const query = { g: { $in: ['b', 'a'] } };
      const a = await db.find('t', { query, order: { key: 1 }, offset, limit, byId: false });
      const b = await scan.db.find('t', { query, order: { key: 1 }, offset, limit, byId: false });
      expect(a.map((d) => d._id)).toEqual(b.map((d) => d._id));
    }
  });
});
