// The TCB behaviours the product relies on, pinned against the real wx-server-sdk talking to the
// local cloud. When one of these fails, either the stand-in drifted from TCB or the SDK changed.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../../cloudfunctions/_local/cloud';
import { failure, startHarness, TRANSPORTS, type Command, type CommandValue, type Data, type Harness } from './sdk';

// Every behaviour holds whichever way the SDK reaches the cloud: its HTTP requester, or a
// function instance's port (port-face.ts).
describe.each(TRANSPORTS)('the local cloud, reached over %s', (transport) => {
  const FIXED_NOW = new Date('2026-03-01T08:00:00.000Z');
  let clock = FIXED_NOW.getTime();
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      transport,
      now: () => new Date(clock),
      collections: ['accounts', 'counters', 'items', 'ledger', 'many', 'n', 'reports', 't', 'tags', 'users', 'x'],
    });
  });

  afterAll(async () => {
    h.release();
    await h.cloud.close();
  });

  beforeEach(() => {
    h.cloud.reset();
    clock = FIXED_NOW.getTime();
  });

  async function post(cloud: LocalCloud, body: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(cloud.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  async function seed(collection: string, count: number, make: (i: number) => Data = (i) => ({ i })): Promise<void> {
    const docs = Array.from({ length: count }, (_, i) => make(i));
    await h.db.collection(collection).add({ data: docs });
  }

  describe('documents and ids', () => {
    it('generates 32-hex ids like TCB and keeps _id as the first field', async () => {
      const { _id } = await h.db.collection('reports').add({ data: { title: '路灯不亮', n: 1 } });
      expect(_id).toMatch(/^[0-9a-f]{32}$/);
      const { data } = await h.db.collection('reports').doc(_id).get();
      expect(data).toEqual({ _id, title: '路灯不亮', n: 1 });
      expect(Object.keys(data)[0]).toBe('_id');
    });

    it('refuses a duplicate _id and leaves the store unchanged', async () => {
      await h.db.collection('reports').add({ data: { _id: 'r1', v: 1 } });
      const before = h.cloud.snapshot();
      const err = await failure(h.db.collection('reports').add({ data: { _id: 'r1', v: 2 } }));
      expect(err.errCode).toBe(-501001);
      expect(err.message).toMatch(/E11000 duplicate key/);
      expect(h.cloud.snapshot()).toEqual(before);
    });

    it('doc.get of a missing document throws (throwOnNotFound) and update/remove count 0', async () => {
      await h.db.collection('reports').add({ data: { _id: 'r1' } });
      expect((await failure(h.db.collection('reports').doc('nope').get())).message).toMatch(/does not exist/);
      expect(
        (
          await h.db
            .collection('reports')
            .doc('nope')
            .update({ data: { a: 1 } })
        ).stats.updated,
      ).toBe(0);
      expect((await h.db.collection('reports').doc('nope').remove()).stats.removed).toBe(0);
    });

    it('set replaces the whole document, creating it when missing', async () => {
      const created = await h.db
        .collection('reports')
        .doc('s1')
        .set({ data: { a: 1, b: 2 } });
      expect(created.stats).toEqual({ updated: 0, created: 1 });
      const replaced = await h.db
        .collection('reports')
        .doc('s1')
        .set({ data: { c: 3 } });
      expect(replaced.stats).toEqual({ updated: 1, created: 0 });
      expect((await h.db.collection('reports').doc('s1').get()).data).toEqual({ _id: 's1', c: 3 });
    });

    it('numeric ids are distinct from their string form', async () => {
      await h.db.collection('n').add({ data: [{ _id: 5, v: 'number' } as Data, { _id: '5', v: 'string' }] });
      expect((await h.db.collection('n').doc(5).get()).data.v).toBe('number');
      expect((await h.db.collection('n').doc('5').get()).data.v).toBe('string');
    });
  });

  describe('conditional updates', () => {
    it('answers updated 1, then 0 for the same conditional update', async () => {
      await h.db.collection('reports').add({ data: { _id: 'r1', status: 'open' } });
      const claim = () =>
        h.db
          .collection('reports')
          .where({ _id: 'r1', status: 'open' })
          .update({ data: { status: 'claimed', by: 'w1' } });
      expect((await claim()).stats.updated).toBe(1);
      expect((await claim()).stats.updated).toBe(0);
      expect((await h.db.collection('reports').doc('r1').get()).data).toEqual({ _id: 'r1', status: 'claimed', by: 'w1' });
    });

    it('counts modified documents only: writing the same values answers 0', async () => {
      await h.db.collection('reports').add({ data: { _id: 'r1', status: 'open' } });
      expect(
        (
          await h.db
            .collection('reports')
            .doc('r1')
            .update({ data: { status: 'open' } })
        ).stats.updated,
      ).toBe(0);
    });

    it('a where update touches every match; a write without a condition is refused', async () => {
      await seed('t', 5, (i) => ({ i, odd: i % 2 === 1 }));
      expect(
        (
          await h.db
            .collection('t')
            .where({ odd: true })
            .update({ data: { seen: true } })
        ).stats.updated,
      ).toBe(2);
      expect(await failure(h.db.collection('t').update({ data: { all: true } }))).toBeTruthy();
      expect(await failure(h.db.collection('t').remove())).toBeTruthy();
      expect((await h.db.collection('t').where({ all: true }).count()).total).toBe(0);
    });
  });

  describe('row caps', () => {
    beforeEach(async () => {
      await seed('many', 1200);
    });

    it('get answers 100 rows without limit and 1000 with limit(5000)', async () => {
      expect((await h.db.collection('many').get()).data).toHaveLength(100);
      expect((await h.db.collection('many').limit(5000).get()).data).toHaveLength(1000);
      expect((await h.db.collection('many').skip(1150).limit(1000).get()).data).toHaveLength(50);
      expect((await h.db.collection('many').count()).total).toBe(1200);
    });

    it('caps server-side too when a client asks for more than 1000', async () => {
      const res = await post(h.cloud, { action: 'database.getDocument', collectionName: 'many', queryType: 'WHERE', limit: 5000 });
      expect((res.data as { list: unknown[] }).list).toHaveLength(1000);
    });

    it('a query whose answer is over 1 MB fails (page instead)', async () => {
      const big = 'x'.repeat(4000);
      await h.db.collection('t').add({ data: Array.from({ length: 300 }, (_, i) => ({ _id: `big-${i}`, big })) });
      const err = await failure(h.db.collection('t').limit(1000).get());
      expect(String(err.errMsg ?? err.message)).toMatch(/over the 1048576-byte limit/);
      expect((await h.db.collection('t').limit(200).get()).data).toHaveLength(200);
    });

    it('aggregate answers 20 rows without $limit', async () => {
      expect((await h.db.collection('many').aggregate().match({}).end()).list).toHaveLength(20);
      expect((await h.db.collection('many').aggregate().match({}).limit(50).end()).list).toHaveLength(50);
    });
  });

  describe('transactions', () => {
    beforeEach(async () => {
      await h.db.collection('accounts').add({
        data: [
          { _id: 'a', balance: 100 },
          { _id: 'b', balance: 0 },
        ],
      });
    });

    it('runTransaction commits every write together', async () => {
      const result = await h.db.runTransaction(async (tx) => {
        const a = (await tx.collection('accounts').doc('a').get()).data;
        await tx
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: Number(a.balance) - 30 } });
        await tx
          .collection('accounts')
          .doc('b')
          .update({ data: { balance: h._.inc(30) } });
        await tx.collection('ledger').add({ data: { _id: 'l1', amount: 30 } });
        return 'done';
      });
      expect(result).toBe('done');
      const snap = h.cloud.snapshot();
      expect(snap.accounts).toEqual([
        { _id: 'a', balance: 70 },
        { _id: 'b', balance: 30 },
      ]);
      expect(snap.ledger).toEqual([{ _id: 'l1', amount: 30 }]);
    });

    it('buffers writes until commit and reads its own writes', async () => {
      const tx = await h.db.startTransaction();
      await tx
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 1 } });
      expect((await tx.collection('accounts').doc('a').get()).data.balance).toBe(1);
      expect((await h.db.collection('accounts').doc('a').get()).data.balance).toBe(100);
      await tx.commit();
      expect((await h.db.collection('accounts').doc('a').get()).data.balance).toBe(1);
    });

    // Source for the rules below: 小程序云开发 › 数据库 › 事务 › 快照隔离 ("读操作返回的是对象的快照";
    // "写操作会…给对象加上事务锁"; "其他事务的写入会直接失败；普通的更新操作会被阻塞"), and
    // @cloudbase/node-sdk's own transaction tests "读快照", "读偏" and "冲突检测".

    it('reads take no lock and see the snapshot of the transaction start (node-sdk test "读偏")', async () => {
      const tx = await h.db.startTransaction();
      expect((await tx.collection('accounts').doc('a').get()).data.balance).toBe(100);
      await h.db
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 1 } });
      await h.db
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: 2 } });
      // Read before and after the outside change: both still the start snapshot, never blocked.
      expect((await tx.collection('accounts').doc('a').get()).data.balance).toBe(100);
      expect((await tx.collection('accounts').doc('b').get()).data.balance).toBe(0);
      await tx.rollback();
    });

    it('a write to a document changed after the transaction started fails at that call (node-sdk test "读偏")', async () => {
      const tx = await h.db.startTransaction();
      await tx.collection('accounts').doc('a').get();
      await h.db
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 1 } });
      const err = await failure(
        tx
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 2 } }),
      );
      expect(err.errCode).toBe(-501001);
      expect(String(err.errMsg)).toContain('[ResourceUnavailable.TransactionConflict]');
      expect(h.cloud.snapshot().accounts).toEqual([
        { _id: 'a', balance: 1 },
        { _id: 'b', balance: 0 },
      ]);
    });

    it('a write to a document another live transaction wrote fails at once, not at commit (node-sdk test "冲突检测")', async () => {
      const first = await h.db.startTransaction();
      const second = await h.db.startTransaction();
      await second.collection('accounts').doc('a').get();
      await first
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 50 } });
      // Uncommitted, yet the second transaction's write to it fails right away: nothing queues.
      const err = await failure(
        second
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 60 } }),
      );
      expect(err.errCode).toBe(-501001);
      expect(err).not.toHaveProperty('code');
      expect(String(err.errMsg)).toContain('[ResourceUnavailable.TransactionConflict]');
      // Its other documents are not locked either: the loser is over (stricter than TCB is vague here).
      expect((await failure(second.collection('accounts').doc('b').get())).errMsg).toMatch(/TransactionNotExist/);
      await first.commit();
      expect(h.cloud.snapshot().accounts).toEqual([
        { _id: 'a', balance: 50 },
        { _id: 'b', balance: 0 },
      ]);
    });

    it("a transaction's add of an _id already stored fails with E11000, and its other writes are rolled back", async () => {
      await h.db.collection('ledger').add({ data: { _id: 'l1', amount: 1 } });
      const before = h.cloud.snapshot();
      const err = await failure(
        h.db.runTransaction(async (tx) => {
          await tx
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: h._.inc(-5) } });
          await tx.collection('ledger').add({ data: { _id: 'l1', amount: 5 } });
        }),
      );
      expect(err.message).toMatch(/E11000 duplicate key/);
      expect(h.cloud.snapshot()).toEqual(before);
    });

    it('two transactions adding the same _id: the second write conflicts', async () => {
      const first = await h.db.startTransaction();
      const second = await h.db.startTransaction();
      await first.collection('ledger').add({ data: { _id: 'l1', amount: 1 } });
      expect((await failure(second.collection('ledger').add({ data: { _id: 'l1', amount: 2 } }))).errMsg).toMatch(/TransactionConflict/);
      await first.commit();
      expect(h.cloud.snapshot().ledger).toEqual([{ _id: 'l1', amount: 1 }]);
    });

    it('a plain update of a document a transaction holds waits for its commit, then lands ("普通的更新操作会被阻塞")', async () => {
      const tx = await h.db.startTransaction();
      await tx
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: h._.inc(-30) } });
      let landed = false;
      const plain = h.db
        .collection('accounts')
        .where({ _id: 'a' })
        .update({ data: { balance: h._.inc(5) } })
        .then((r) => {
          landed = true;
          return r;
        });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(landed).toBe(false);
      // Plain reads are not blocked and see the committed value.
      expect((await h.db.collection('accounts').doc('a').get()).data.balance).toBe(100);
      await tx.commit();
      expect((await plain).stats.updated).toBe(1);
      expect((await h.db.collection('accounts').doc('a').get()).data.balance).toBe(75);
    });

    it("wx-server-sdk's runTransaction does not retry a conflict: the callback runs once and the error reaches the caller", async () => {
      const holder = await h.db.startTransaction();
      await holder
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 1 } });
      let runs = 0;
      const err = await failure(
        h.db.runTransaction(async (tx) => {
          runs++;
          await tx
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: 2 } });
        }),
      );
      expect(runs).toBe(1);
      expect(err.errCode).toBe(-501001);
      expect(String(err.errMsg)).toContain('[ResourceUnavailable.TransactionConflict]');
      await holder.commit();
    });

    it('20 concurrent read-modify-write transactions on one counter: losers fail at their write, no update is lost', async () => {
      await h.db.collection('counters').add({ data: { _id: 'c', n: 0 } });
      const bump = () =>
        h.db.runTransaction(async (tx) => {
          const { data } = await tx.collection('counters').doc('c').get();
          await tx
            .collection('counters')
            .doc('c')
            .update({ data: { n: Number(data.n) + 1 } });
        });
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, bump));
      const won = outcomes.filter((o) => o.status === 'fulfilled').length;
      const lost = outcomes.filter((o) => o.status === 'rejected');
      expect(won).toBeGreaterThanOrEqual(1);
      for (const o of lost) expect(String((o as PromiseRejectedResult).reason.errMsg)).toContain('TransactionConflict');
      expect((await h.db.collection('counters').doc('c').get()).data.n).toBe(won);
    });

    it('db.serverDate() inside a transaction is refused (pass the time as a value)', async () => {
      const err = await failure(
        h.db.runTransaction(async (tx) =>
          tx
            .collection('accounts')
            .doc('a')
            .update({ data: { at: h.db.serverDate() } }),
        ),
      );
      expect(String(err.errMsg ?? err.message)).toMatch(/serverDate/);
      expect(h.cloud.snapshot().accounts).toEqual([
        { _id: 'a', balance: 100 },
        { _id: 'b', balance: 0 },
      ]);
    });

    it('a callback that throws leaves nothing behind', async () => {
      const before = h.cloud.snapshot();
      const boom = new Error('boom');
      const err = await failure(
        h.db.runTransaction(async (tx) => {
          await tx
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: 0 } });
          await tx.collection('ledger').add({ data: { amount: 1 } });
          await tx.collection('accounts').doc('b').remove();
          throw boom;
        }),
      );
      expect(err).toBe(boom);
      expect(h.cloud.snapshot()).toEqual(before);
    });

    it('rollback(reason) rejects with the reason and applies nothing', async () => {
      const before = h.cloud.snapshot();
      const err = await failure(
        h.db.runTransaction(async (tx) => {
          await tx
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: 0 } });
          await tx.rollback('insufficient');
        }),
      );
      expect(err.errMsg).toBe('insufficient');
      expect(h.cloud.snapshot()).toEqual(before);
    });

    it('allows single-document operations only', async () => {
      const err = await failure(h.db.runTransaction(async (tx) => tx.collection('accounts').where({ balance: 0 }).get()));
      expect(err.message).toMatch(/single-document/);
    });

    it('a transaction not finished within its lifetime is gone', async () => {
      const short = await startLocalCloud({ transactionTimeoutMs: 100 });
      short.createCollection('accounts');
      await h.use(short);
      try {
        const tx = await h.db.startTransaction();
        await tx
          .collection('accounts')
          .doc('a')
          .set({ data: { balance: 5 } });
        await new Promise((resolve) => setTimeout(resolve, 200));
        const err = (await failure(tx.commit())) as { code?: unknown };
        expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
        expect(short.snapshot()).toEqual({ accounts: [] });
      } finally {
        await h.use(h.cloud);
        await short.close();
      }
    });
  });

  describe('serverDate', () => {
    it('becomes a Date from the injected clock, offset included, in writes and queries', async () => {
      await h.db.collection('reports').add({ data: { _id: 'r1', at: h.db.serverDate(), due: h.db.serverDate({ offset: 3_600_000 }) } });
      const { data } = await h.db.collection('reports').doc('r1').get();
      expect(data.at).toEqual(FIXED_NOW);
      expect(data.due).toEqual(new Date(FIXED_NOW.getTime() + 3_600_000));
      clock += 60_000;
      await h.db
        .collection('reports')
        .doc('r1')
        .update({ data: { touched: h.db.serverDate() } });
      expect((await h.db.collection('reports').doc('r1').get()).data.touched).toEqual(new Date(FIXED_NOW.getTime() + 60_000));
      expect(
        (
          await h.db
            .collection('reports')
            .where({ due: h._.gt(h.db.serverDate()) })
            .count()
        ).total,
      ).toBe(1);
    });
  });

  describe('query and update operators', () => {
    beforeEach(async () => {
      await h.db.collection('items').add({
        data: [
          { _id: 'i1', n: 1, tag: 'a', loc: { city: '杭州', zone: 1 }, arr: [1, 2], objs: [{ k: 'x', v: 1 }], opt: true },
          { _id: 'i2', n: 2, tag: 'b', loc: { city: '宁波', zone: 2 }, arr: [2, 3], objs: [{ k: 'y', v: 2 }] },
          { _id: 'i3', n: 3, tag: 'a', loc: { city: '杭州', zone: 3 }, arr: [3], objs: [{ k: 'x', v: 3 }] },
          { _id: 'i4', n: 4, tag: 'c', loc: { city: '温州', zone: 1 }, arr: [], objs: [] },
        ],
      });
    });

    const ids = async (where: Data | CommandValue): Promise<string[]> =>
      (await h.db.collection('items').where(where).orderBy('_id', 'asc').get()).data.map((d) => String(d._id));

    it('comparison, set and logic operators', async () => {
      const _ = h._;
      expect(await ids({ n: _.gt(2) })).toEqual(['i3', 'i4']);
      expect(await ids({ n: _.gte(2) })).toEqual(['i2', 'i3', 'i4']);
      expect(await ids({ n: _.lt(2) })).toEqual(['i1']);
      expect(await ids({ n: _.lte(2) })).toEqual(['i1', 'i2']);
      expect(await ids({ tag: _.in(['a', 'c']) })).toEqual(['i1', 'i3', 'i4']);
      expect(await ids({ tag: _.nin(['a', 'c']) })).toEqual(['i2']);
      expect(await ids({ tag: _.neq('a') })).toEqual(['i2', 'i4']);
      expect(await ids({ n: _.gt(1).and(_.lt(4)) })).toEqual(['i2', 'i3']);
      expect(await ids(_.or([{ tag: 'b' }, { n: 4 }]))).toEqual(['i2', 'i4']);
      expect(await ids(_.and([{ tag: 'a' }, { n: _.gt(1) }]))).toEqual(['i3']);
      expect(await ids({ opt: _.exists(true) })).toEqual(['i1']);
      expect(await ids({ opt: _.exists(false) })).toEqual(['i2', 'i3', 'i4']);
      expect(await ids({ objs: _.elemMatch({ k: 'x', v: _.gt(1) }) })).toEqual(['i3']);
      expect(await ids({ arr: 2 })).toEqual(['i1', 'i2']);
      expect(await ids({ tag: h.db.RegExp({ regexp: '^[ab]$', options: 'i' }) })).toEqual(['i1', 'i2', 'i3']);
      expect(await ids({ tag: /^A/i })).toEqual(['i1', 'i3']);
    });

    it('expressions in where ($expr) and operators in a projection, each query asked twice (compiled once, then kept)', async () => {
      const _ = h._;
      // Namespaces of commands (the SDK's db.command.aggregate and db.command.project).
      const $ = _.aggregate as unknown as Command;
      const project = _.project as unknown as Command;
      for (let round = 0; round < 2; round += 1) {
        expect(await ids(_.expr($.gt(['$n', '$loc.zone'])))).toEqual(['i4']);
        const rows = (
          await h.db
            .collection('items')
            .where({ tag: 'a' })
            .orderBy('_id', 'asc')
            .field({ arr: project.slice(1) })
            .get()
        ).data;
        expect(rows).toEqual([
          { _id: 'i1', arr: [1] },
          { _id: 'i3', arr: [3] },
        ]);
        expect(await ids({ objs: _.elemMatch({ k: 'x', v: _.gt(1) }) })).toEqual(['i3']);
      }
    });

    it('dotted paths and nested objects in where', async () => {
      expect(await ids({ 'loc.city': '杭州' })).toEqual(['i1', 'i3']);
      expect(await ids({ loc: { city: '杭州', zone: h._.gt(1) } })).toEqual(['i3']);
    });

    it('orderBy on two fields, skip, limit and field projection', async () => {
      const rows = (
        await h.db
          .collection('items')
          .orderBy('loc.city', 'asc')
          .orderBy('n', 'desc')
          .skip(1)
          .limit(2)
          .field({ n: true, 'loc.city': true })
          .get()
      ).data;
      expect(rows).toEqual([
        { _id: 'i3', n: 3, loc: { city: '杭州' } },
        { _id: 'i1', n: 1, loc: { city: '杭州' } },
      ]);
    });

    it('update operators: inc, mul, min, max, push (each/position/slice), pull, addToSet, remove, rename, dotted set', async () => {
      const _ = h._;
      const doc = h.db.collection('items').doc('i1');
      await doc.update({ data: { n: _.inc(5), 'loc.zone': 9, arr: _.push({ each: [0], position: 0, slice: 3 }) } });
      expect((await doc.get()).data).toMatchObject({ n: 6, loc: { city: '杭州', zone: 9 }, arr: [0, 1, 2] });
      await doc.update({ data: { arr: _.pull(1), objs: _.addToSet({ k: 'z', v: 9 }), opt: _.remove() } });
      await doc.update({ data: { objs: _.addToSet({ k: 'z', v: 9 }), n: _.mul(2) } });
      await doc.update({ data: { arr: _.addToSet(7), tag: _.rename('label') as unknown } as Data });
      const after = (await doc.get()).data;
      expect(after).toEqual({
        _id: 'i1',
        n: 12,
        label: 'a',
        loc: { city: '杭州', zone: 9 },
        arr: [0, 2, 7],
        objs: [
          { k: 'x', v: 1 },
          { k: 'z', v: 9 },
        ],
      });
      await doc.update({ data: { n: _.min(3) } });
      await doc.update({ data: { loc: { zone: _.max(10) } } });
      expect((await doc.get()).data).toMatchObject({ n: 3, loc: { city: '杭州', zone: 10 } });
    });

    it('nested objects in update data merge field by field; set replaces', async () => {
      await h.db
        .collection('items')
        .doc('i2')
        .update({ data: { loc: { zone: 7 } } });
      expect((await h.db.collection('items').doc('i2').get()).data.loc).toEqual({ city: '宁波', zone: 7 });
      await h.db
        .collection('items')
        .doc('i2')
        .update({ data: { loc: h._.set({ zone: 8 }) } });
      expect((await h.db.collection('items').doc('i2').get()).data.loc).toEqual({ zone: 8 });
    });

    it('remove by where and by doc', async () => {
      expect((await h.db.collection('items').where({ tag: 'a' }).remove()).stats.removed).toBe(2);
      expect((await h.db.collection('items').doc('i2').remove()).stats.removed).toBe(1);
      expect(h.cloud.snapshot().items.map((d) => d._id)).toEqual(['i4']);
    });

    it('aggregate runs mingo pipelines, $lookup included', async () => {
      await h.db.collection('tags').add({
        data: [
          { _id: 'a', label: 'A' },
          { _id: 'b', label: 'B' },
        ],
      });
      const { list } = await h.db
        .collection('items')
        .aggregate()
        .group({ _id: '$tag', total: { $sum: '$n' } })
        .sort({ _id: 1 })
        .lookup({ from: 'tags', localField: '_id', foreignField: '_id', as: 'tag' })
        .end();
      expect(list).toEqual([
        { _id: 'a', total: 4, tag: [{ _id: 'a', label: 'A' }] },
        { _id: 'b', total: 2, tag: [{ _id: 'b', label: 'B' }] },
        { _id: 'c', total: 4, tag: [] },
      ]);
    });

    it('aggregate stages that reshape documents never touch the stored ones', async () => {
      const before = h.cloud.snapshot();
      const { list } = await h.db
        .collection('items')
        .aggregate()
        .match({ tag: 'a' })
        .addFields({ 'loc.extra': 1 })
        .project({ 'loc.city': 0 })
        .end();
      expect(list.map((d) => d.loc)).toEqual([
        { zone: 1, extra: 1 },
        { zone: 3, extra: 1 },
      ]);
      expect(h.cloud.snapshot()).toEqual(before);
    });
  });

  describe('unique indexes', () => {
    beforeEach(() => {
      h.cloud.ensureUniqueIndex('users', ['openid']);
    });

    it('refuses a duplicate value, on insert and on update, leaving the store unchanged', async () => {
      await h.db.collection('users').add({
        data: [
          { _id: 'u1', openid: 'o1' },
          { _id: 'u2', openid: 'o2' },
        ],
      });
      const before = h.cloud.snapshot();
      expect((await failure(h.db.collection('users').add({ data: { openid: 'o1' } }))).message).toMatch(/E11000.*openid_1/);
      expect(
        (
          await failure(
            h.db
              .collection('users')
              .doc('u2')
              .update({ data: { openid: 'o1' } }),
          )
        ).message,
      ).toMatch(/E11000/);
      expect(h.cloud.snapshot()).toEqual(before);
      expect(
        (
          await h.db
            .collection('users')
            .doc('u2')
            .update({ data: { openid: 'o3' } })
        ).stats.updated,
      ).toBe(1);
    });

    it('allows only one document that lacks the field', async () => {
      await h.db.collection('users').add({ data: { _id: 'u1' } });
      expect((await failure(h.db.collection('users').add({ data: { _id: 'u2', name: 'x' } }))).message).toMatch(/E11000/);
    });

    it('is kept by reset and checked at transaction commit', async () => {
      await h.db.collection('users').add({ data: { _id: 'u1', openid: 'o1' } });
      h.cloud.reset();
      await h.db.collection('users').add({ data: { _id: 'u1', openid: 'o1' } });
      const err = await failure(h.db.runTransaction(async (tx) => tx.collection('users').add({ data: { openid: 'o1' } })));
      expect(err.message).toMatch(/E11000/);
      expect(h.cloud.snapshot().users).toHaveLength(1);
    });
  });

  describe('errors and robustness', () => {
    it('answers only its own per-process token URL: another process on loopback gets 403 and no data', async () => {
      await h.db.collection('reports').add({ data: { _id: 'secret', v: 1 } });
      const base = new URL(h.cloud.url);
      for (const path of ['/admin', '/00000000000000000000000000000000/admin', `${base.pathname}x`]) {
        const res = await fetch(`${base.origin}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'database.getDocument', collectionName: 'reports', queryType: 'WHERE' }),
        });
        expect(res.status).toBe(403);
        expect(await res.text()).not.toContain('secret');
      }
    });

    it('answers unknown actions and malformed bodies with an error, and keeps serving', async () => {
      expect(await post(h.cloud, { action: 'database.nope' })).toMatchObject({ code: 'INVALID_PARAM' });
      expect(await post(h.cloud, 'not json')).toMatchObject({ code: 'INVALID_PARAM' });
      expect(await post(h.cloud, { action: 'database.getDocument', collectionName: 'x', query: '{"a":{"$bogus":1}}' })).toMatchObject({
        code: 'DATABASE_REQUEST_FAILED',
      });
      expect((await h.db.collection('x').count()).total).toBe(0);
    });

    it('an uncreated collection fails like TCB (-502005), inside a transaction too; createCollection creates it', async () => {
      const strict = await startLocalCloud();
      await h.use(strict);
      try {
        expect((await failure(h.db.collection('nope').get())).errCode).toBe(-502005);
        expect((await failure(h.db.collection('nope').add({ data: { a: 1 } }))).errCode).toBe(-502005);
        expect(
          String(
            (
              await failure(
                h.db.runTransaction(async (tx) =>
                  tx
                    .collection('nope')
                    .doc('d')
                    .set({ data: { a: 1 } }),
                ),
              )
            ).errMsg,
          ),
        ).toContain('[ResourceNotFound] Db or Table not exist');
        await h.db.createCollection('nope');
        await h.db.collection('nope').add({ data: { a: 1 } });
        expect(strict.collectionNames()).toEqual(['nope']);
      } finally {
        await h.use(h.cloud);
        await strict.close();
      }
    });
  });

  describe('persistence', () => {
    it('keeps documents, Dates and unique indexes across close and reopen', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'local-cloud-'));
      try {
        const first = await startLocalCloud({ dataDir: dir, saveDelayMs: 10_000 });
        await h.use(first);
        first.ensureUniqueIndex('users', ['openid']);
        await h.db.collection('users').add({ data: { _id: 'u1', openid: 'o1', at: new Date('2026-01-02T03:04:05.006Z'), tags: ['x'] } });
        await first.close();

        const second = await startLocalCloud({ dataDir: dir });
        await h.use(second);
        const { data } = await h.db.collection('users').doc('u1').get();
        expect(data).toEqual({ _id: 'u1', openid: 'o1', at: new Date('2026-01-02T03:04:05.006Z'), tags: ['x'] });
        expect(data.at).toBeInstanceOf(Date);
        expect((await failure(h.db.collection('users').add({ data: { openid: 'o1' } }))).message).toMatch(/E11000/);
        await second.close();
      } finally {
        await h.use(h.cloud);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('the same conflict through @cloudbase/node-sdk', () => {
    it('keeps its code, so node-sdk runTransaction retries it (the callback runs again)', async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tcb = require('@cloudbase/node-sdk') as { init(config: Record<string, unknown>): { database(): unknown } };
      const made = tcb.init({ env: 'local-test' }).database();
      await h.use(h.cloud); // making a database put node-sdk's HTTP requester back
      const db = made as {
        runTransaction<T>(
          run: (tx: {
            collection(n: string): { doc(id: string): { get(): Promise<{ data: Data | null }>; update(d: Data): Promise<unknown> } };
          }) => Promise<T>,
        ): Promise<T>;
      };
      await h.db.collection('accounts').add({ data: [{ _id: 'a', balance: 100 }] });
      const holder = await h.db.startTransaction();
      await holder
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 1 } });
      let runs = 0;
      const done = db.runTransaction(async (tx) => {
        runs++;
        if (runs === 2) await holder.commit();
        const current = await tx.collection('accounts').doc('a').get();
        await tx
          .collection('accounts')
          .doc('a')
          .update({ balance: Number(current.data?.balance) + 10 });
      });
      await done;
      // Run 2 started before the holder committed, so its snapshot is older than the document:
      // its write conflicts too (changed since it started). Run 3 starts after the commit and lands.
      expect(runs).toBe(3);
      expect((await h.db.collection('accounts').doc('a').get()).data.balance).toBe(11);
    });
  });

  describe('indexes (enforceIndexes)', () => {
    let strict: LocalCloud;
    beforeAll(async () => {
      strict = await startLocalCloud({ enforceIndexes: true });
      strict.createCollection('tickets');
      strict.declareIndex('tickets', [
        ['areas', 1],
        ['status', 1],
        ['dueKey', 1],
      ]);
      await h.use(strict);
      await h.db.collection('tickets').add({ data: [{ _id: 't1', areas: ['g:1', 'c:1'], status: 'submitted', dueKey: 'a', grid: '1' }] });
    });
    afterAll(async () => {
      await h.use(h.cloud);
      await strict.close();
    });

    it('serves equality fields (in any order, $in included) followed by the sort key', async () => {
      const _ = h._;
      const rows = await h.db
        .collection('tickets')
        .where({ status: _.in(['submitted', 'accepted']), areas: 'c:1' })
        .orderBy('dueKey', 'asc')
        .get();
      expect(rows.data.map((d) => d._id)).toEqual(['t1']);
      expect(
        (
          await h.db
            .collection('tickets')
            .where({ areas: 'c:1', status: 'submitted', dueKey: _.gt('0') })
            .count()
        ).total,
      ).toBe(1);
      expect((await h.db.collection('tickets').doc('t1').get()).data._id).toBe('t1');
      expect((await h.db.collection('tickets').where({ _id: 't1', grid: '1' }).get()).data).toHaveLength(1);
    });

    it('refuses what no index serves, naming the shape', async () => {
      const err = await failure(h.db.collection('tickets').where({ grid: '1' }).orderBy('dueKey', 'asc').get());
      expect(err.message).toMatch(/no declared index of tickets serves this query: equality \[grid\]/);
      expect((await failure(h.db.collection('tickets').where({ areas: 'c:1' }).orderBy('_id', 'asc').get())).message).toMatch(
        /sort \[_id asc\]/,
      );
      expect(
        (
          await failure(
            h.db
              .collection('tickets')
              .where({ grid: '1' })
              .update({ data: { x: 1 } }),
          )
        ).message,
      ).toMatch(/no declared index/);
    });
  });
});
