// Golden payloads: the exact requests the pinned SDK sends for each database call the product
// uses. An SDK upgrade that changes a payload fails here before it can mislead the local cloud.
// After checking a deliberate change, regenerate with: UPDATE_GOLDEN=1 npx jest tests/_local/cloud/golden

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestRecord } from '../../../cloudfunctions/_local/cloud';
import { failure, startHarness, type Harness } from './sdk';

const GOLDEN_DIR = path.join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const FIXED = new Date('2026-03-01T08:00:00.000Z');
const ROOT = path.join(__dirname, '..', '..', '..');

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: () => FIXED, collections: ['reports', 'audit'] });
});

afterAll(async () => {
  await h.cloud.close();
});

beforeEach(async () => {
  h.cloud.reset();
  await h.db.collection('reports').add({
    data: [
      { _id: 'g1', title: '井盖缺失', n: 1, tag: 'a', status: 'open', nested: { x: null }, tags: [], arr: [3] },
      { _id: 'g2', title: '路灯不亮', n: 2, tag: 'b', status: 'open', nested: { x: 1 }, tags: ['y'], arr: [] },
    ],
  });
});

interface GoldenRequest {
  readonly action: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

/** Headers that identify the SDK; signatures and timestamps change on every call. */
const STABLE_HEADERS = ['content-type', 'user-agent', 'x-sdk-version'];

function normalise(records: RequestRecord[]): GoldenRequest[] {
  const transactionIds = new Set<string>();
  for (const r of records) if (typeof r.response.transactionId === 'string') transactionIds.add(r.response.transactionId);
  return records.map((r) => {
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(r.body))
      body[key] = typeof value === 'string' && transactionIds.has(value) ? '<transactionId>' : value;
    const headers: Record<string, string> = {};
    for (const name of STABLE_HEADERS) {
      const value = r.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    return {
      action: r.action,
      url: r.url.replace(/^\/[0-9a-f]{32}\/admin/, '/admin').replace(/seqId=[^&]+/, 'seqId=<seqId>'),
      headers,
      body,
    };
  });
}

async function capture(name: string, run: () => Promise<unknown>): Promise<void> {
  const records: RequestRecord[] = [];
  const stop = h.cloud.onRequest((r) => records.push(r));
  try {
    await run();
  } finally {
    stop();
  }
  const actual = normalise(records);
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${file} is missing: run UPDATE_GOLDEN=1 npx jest tests/_local/cloud/golden`);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

const versionOf = (pkg: string): unknown =>
  (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version?: unknown }).version;

describe('pinned SDK versions', () => {
  it('are exactly the versions the golden payloads were recorded with', () => {
    expect(versionOf('wx-server-sdk')).toBe('4.0.2');
    expect(versionOf('@cloudbase/node-sdk')).toBe('3.17.2');
    expect(versionOf('@cloudbase/database')).toBe('1.4.3');
    const rootPackage = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    expect(rootPackage.devDependencies).toMatchObject({
      'wx-server-sdk': '4.0.2',
      '@cloudbase/node-sdk': '3.17.2',
      '@cloudbase/database': '1.4.3',
    });
  });
});

describe('golden request payloads', () => {
  it('add', async () => {
    await capture('add', async () => {
      await h.db.collection('reports').add({
        data: {
          _id: 'g3',
          title: '垃圾未清运',
          n: 1,
          ratio: 1.5,
          big: 2 ** 40,
          at: FIXED,
          due: h.db.serverDate({ offset: 3_600_000 }),
          tags: ['a', 'b'],
          nested: { x: null, y: true },
          re: h.db.RegExp({ regexp: '^井', options: 'i' }),
        },
      });
      await h.db.collection('reports').add({ data: { title: 'no id' } });
      await h.db.collection('reports').add({ data: [{ title: 'batch 1' }, { title: 'batch 2' }] });
    });
  });

  it('doc get', async () => {
    await capture('doc-get', async () => {
      await h.db.collection('reports').doc('g1').get();
      await h.db.collection('reports').doc('g1').field({ title: true, n: 1 }).get();
      await failure(h.db.collection('reports').doc('missing').get());
    });
  });

  it('where + orderBy + skip + limit + field get', async () => {
    const _ = h._;
    await capture('query-get', async () => {
      await h.db.collection('reports').get();
      await h.db
        .collection('reports')
        .where({ n: _.gt(0).and(_.lt(10)), tag: _.in(['a', 'b']), 'nested.x': null, title: /井/i, status: _.neq('closed') })
        .orderBy('n', 'desc')
        .orderBy('title', 'asc')
        .skip(5)
        .limit(20)
        .field({ title: true, n: true })
        .get();
      await h.db
        .collection('reports')
        .where(_.or([{ tag: 'a' }, { tags: _.elemMatch(_.eq('y')) }]))
        .limit(5000)
        .get();
      await h.db
        .collection('reports')
        .where({ at: _.lte(h.db.serverDate()), opt: _.exists(false), n: _.nin([7, 8]) })
        .get();
    });
  });

  it('count', async () => {
    await capture('count', async () => {
      await h.db.collection('reports').count();
      await h.db
        .collection('reports')
        .where({ n: h._.gte(1) })
        .count();
    });
  });

  it('where update with operators', async () => {
    const _ = h._;
    await capture('where-update', async () => {
      await h.db
        .collection('reports')
        .where({ status: 'open', n: _.lte(5) })
        .update({
          data: {
            status: 'claimed',
            n: _.inc(1),
            tags: _.push(['x']),
            arr: _.pull(3),
            labels: _.addToSet('y'),
            title: _.remove(),
            nested: { x: 1 },
            'meta.by': 'w1',
            at: h.db.serverDate(),
          },
        });
    });
  });

  it('doc update, set and remove; where remove', async () => {
    const _ = h._;
    await capture('doc-writes', async () => {
      await h.db
        .collection('reports')
        .doc('g1')
        .update({
          data: { status: 'done', n: _.mul(2), tags: _.push({ each: ['z'], position: 0, slice: 5 }), ratio: _.max(2), low: _.min(0) },
        });
      await h.db
        .collection('reports')
        .doc('g1')
        .set({ data: { title: 'replaced', at: FIXED } });
      await h.db.collection('reports').doc('g2').remove();
      await h.db.collection('reports').where({ status: 'done' }).remove();
    });
  });

  it('aggregate', async () => {
    const $ = (h._ as unknown as { aggregate: Record<string, (v: unknown) => unknown> }).aggregate;
    await capture('aggregate', async () => {
      await h.db
        .collection('reports')
        .aggregate()
        .match({ n: h._.gt(0) })
        .group({ _id: '$tag', total: $.sum('$n') })
        .sort({ total: -1 })
        .skip(0)
        .limit(5)
        .project({ _id: 0, tag: '$_id', total: 1 })
        .end();
      await h.db.collection('reports').aggregate().lookup({ from: 'users', localField: 'by', foreignField: '_id', as: 'user' }).end();
    });
  });

  it('transactions: start, get, update, set, remove, add, commit; and rollback', async () => {
    await capture('transaction', async () => {
      await h.db.runTransaction(async (tx) => {
        const { data } = await tx.collection('reports').doc('g1').get();
        await tx
          .collection('reports')
          .doc('g1')
          .update({ data: { n: Number(data.n) + 1, status: 'claimed' } });
        await tx
          .collection('reports')
          .doc('g3')
          .set({ data: { title: 'created in tx' } });
        await tx.collection('reports').doc('g2').remove();
        await tx.collection('audit').add({ data: { _id: 'a1', report: 'g1' } });
      });
      await failure(
        h.db.runTransaction(async (tx) => {
          await tx
            .collection('reports')
            .doc('g1')
            .update({ data: { n: 0 } });
          await tx.rollback('no');
        }),
      );
    });
  });

  it('a transaction write conflict: the request, the answer, and the error our code receives', async () => {
    let received: unknown;
    await capture('transaction-conflict', async () => {
      const holder = await h.db.startTransaction();
      await holder
        .collection('reports')
        .doc('g1')
        .update({ data: { status: 'held' } });
      try {
        await h.db.runTransaction(async (tx) => {
          await tx
            .collection('reports')
            .doc('g1')
            .update({ data: { status: 'mine' } });
        });
      } catch (error) {
        received = error;
      }
      await holder.commit();
    });
    // What wx-server-sdk hands to the store code: errCode -501001, the TCB message in errMsg,
    // and no `code` (so the SDK's own runTransaction retry never sees it).
    const e = received as Error & Record<string, unknown>;
    const shape = { isError: e instanceof Error, keys: Object.keys(e).sort(), errCode: e.errCode, errMsg: e.errMsg, message: e.message };
    const file = path.join(GOLDEN_DIR, 'transaction-conflict-error.json');
    if (UPDATE) writeFileSync(file, `${JSON.stringify(shape, null, 2)}\n`);
    else expect(shape).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
