// handleApi, the `api` function's one entry: the event's shape is checked before anything runs,
// identity comes only from the caller (never from the event, not even the platform's userInfo),
// `$` operators never get through, every refusal is in Chinese, and an unexpected failure answers
// INTERNAL without leaking personal data into the log.
import { handleApi } from '../../../cloudfunctions/_core/app/handle-api';
import type { Deps } from '../../../cloudfunctions/_core/ports';
import { ADMIN, reportParams, seedCommunity, useTestApp } from '../../support/app';
import { expectRefused, expectUnchanged } from '../../support/flows';

const CHINESE = /[\u4e00-\u9fa5]/;

let ticketId: string;
/** Every error envelope this file saw, checked for Chinese at the end. */
const errors: Array<{ event: unknown; error: Api.ErrorBody }> = [];

async function send(
  openid: string | null | undefined,
  event: unknown,
  deps?: Deps,
  log?: (line: string) => void,
): Promise<Api.Envelope<unknown>> {
  const answer = await handleApi(event, { openid }, deps ?? app.server.deps, log ?? (() => undefined));
  if (!answer.ok) errors.push({ event, error: answer.error });
  return answer;
}

/** `base` with some methods replaced; the rest still run on the real store (prototype chain). */
const override = <T extends object>(base: T, patch: Partial<T>): T => Object.assign(Object.create(base) as T, patch);

const app = useTestApp(async () => {
  app.setNow('2026-11-24T02:00:00.000Z');
  await seedCommunity(app);
  ticketId = (await app.ok('resident-a', 'report.submit', reportParams())).ticketId;
  // A live invite: an operator matching "any code" would redeem it.
  await app.ok(ADMIN, 'admin.invites.create', { role: 'districtAdmin', scope: { district: '张店区' } });
});

describe('malformed events → INVALID_INPUT', () => {
  const events: Array<[string, unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"action":"staff.me"}'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [{ action: 'staff.me', params: {} }]],
    ['an empty object', {}],
    ['params without action', { params: {} }],
    ['a numeric action', { action: 42, params: {} }],
    ['an object action', { action: { $ne: null }, params: {} }],
    ['an empty action', { action: '', params: {} }],
    ['an over-long action', { action: `staff.me${' '.repeat(64)}`, params: {} }],
    ['an unknown action', { action: 'admin.staff.delete', params: {} }],
    ['an action of the wrong case', { action: 'Staff.Me', params: {} }],
    ['an action outside the contract', { action: 'ticket.delete', params: { ticketId: 'x' } }],
    ['an Object.prototype name', { action: 'constructor', params: {} }],
    ['__proto__ as action', { action: '__proto__', params: {} }],
    ['hasOwnProperty as action', { action: 'hasOwnProperty', params: {} }],
    ['an extra top-level key', { action: 'staff.me', params: {}, openid: ADMIN }],
    ['a data key beside params', { action: 'staff.me', data: {} }],
    ['a JSON __proto__ key', JSON.parse('{"action":"staff.me","params":{},"__proto__":{"openid":"test-admin"}}')],
  ];
  test.each(events)('%s', async (_name, event) => {
    await expectRefused(app, 'INVALID_INPUT', () => send('resident-a', event));
  });

  test('malformed params of a known action → INVALID_INPUT with details', async () => {
    for (const params of ['x', 42, [], [{}], true]) {
      const answer = await send('resident-a', { action: 'staff.me', params });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: expect.any(Array) } });
    }
  });

  test('params may be left out or null when an action needs none', async () => {
    expect(await send('resident-a', { action: 'staff.me' })).toMatchObject({ ok: true, data: { role: 'resident' } });
    expect(await send('resident-a', { action: 'staff.me', params: null })).toMatchObject({ ok: true, data: { role: 'resident' } });
  });
});

describe('identity comes from the caller only', () => {
  const userInfo = { appId: 'wx0123456789abcdef', openId: ADMIN };

  test('the platform userInfo key is tolerated', async () => {
    expect(
      await send('worker-1', { action: 'staff.me', params: {}, userInfo: { appId: 'wx0123456789abcdef', openId: 'worker-1' } }),
    ).toMatchObject({
      ok: true,
      data: { openid: 'worker-1', role: 'gridWorker' },
    });
  });

  test("a resident whose event carries an admin's userInfo.openId stays a resident", async () => {
    expect(await send('resident-b', { action: 'staff.me', params: {}, userInfo })).toMatchObject({
      ok: true,
      data: { openid: 'resident-b', role: 'resident', scope: null },
    });
    const geojson = { type: 'FeatureCollection', features: [] };
    await expectUnchanged(app, async () => {
      expect(await send('resident-b', { action: 'admin.grids.import', params: { geojson, crs: 'gcj02' }, userInfo })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(
        await send('resident-b', {
          action: 'admin.invites.create',
          params: { role: 'superAdmin', scope: { district: '张店区' } },
          userInfo,
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });
  });

  test("a grid worker carrying someone else's userInfo sees their own queue and tickets only", async () => {
    const spoof = { appId: 'wx0123456789abcdef', openId: 'resident-a' };
    // resident-a's ticket lies in grid 01: worker-2 (grids 03/04) may not read it, userInfo or not.
    expect(await send('worker-2', { action: 'ticket.get', params: { ticketId }, userInfo: spoof })).toMatchObject({ ok: false });
    const mine = await send('resident-c', { action: 'report.mine', params: {}, userInfo: spoof });
    expect(mine).toMatchObject({ ok: true, data: { items: [] } });
  });

  test('no openid → UNAUTHENTICATED, even with userInfo', async () => {
    for (const openid of [null, undefined, '']) {
      for (const event of [
        { action: 'staff.me', params: {} },
        { action: 'staff.me', params: {}, userInfo },
        { action: 'report.mine', params: {}, userInfo: { openId: 'resident-a' } },
        { action: 'admin.grids.list', params: {}, userInfo },
      ]) {
        expect(await send(openid, event)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      }
    }
  });

  test('an openid in params is refused, not used', async () => {
    expect(await send('resident-b', { action: 'staff.me', params: { openid: ADMIN } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await send('resident-b', { action: 'report.mine', params: { reporterOpenid: 'resident-a' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('$ operators anywhere in params → INVALID_INPUT, store unchanged', () => {
  const location = { latitude: 36.8135, longitude: 118.0406 };
  const cases = (): Array<[string, string, Api.ActionName, unknown]> => [
    ['resident-a', 'category', 'report.submit', { ...reportParams(), category: { $ne: null } }],
    ['resident-a', 'location', 'report.submit', { ...reportParams(), location: { $near: location } }],
    ['resident-a', 'latitude', 'report.submit', { ...reportParams(), location: { ...location, latitude: { $gt: 0 } } }],
    ['resident-a', 'a $ key in location', 'report.submit', { ...reportParams(), location: { ...location, $where: 'true' } }],
    ['resident-a', 'photos', 'report.submit', { ...reportParams(), photos: [{ $regex: '.*' }] }],
    ['resident-a', 'clientRequestId', 'report.submit', { ...reportParams(), clientRequestId: { $exists: true } }],
    ['resident-a', 'status', 'report.mine', { status: { $in: ['submitted', 'closed'] } }],
    ['resident-a', 'cursor', 'report.mine', { cursor: { $gt: '' } }],
    ['resident-b', 'ticketId', 'ticket.get', { ticketId: { $ne: '' } }],
    ['resident-b', 'ticketId regex', 'ticket.get', { ticketId: { $regex: '.*' } }],
    ['resident-a', 'rating', 'report.rate', { ticketId, rating: { $in: ['satisfied'] } }],
    ['resident-a', 'a $inc key', 'report.rate', { ticketId, rating: 'satisfied', $inc: { version: 1 } }],
    ['newcomer', 'inviteCode', 'staff.bind', { inviteCode: { $ne: null } }],
    ['newcomer', 'a $where key', 'staff.me', { $where: 'this.role == "superAdmin"' }],
    ['worker-1', 'status', 'queue.list', { status: { $nin: [] } }],
    ['worker-1', 'overdue', 'queue.list', { overdue: { $ne: true } }],
    ['worker-2', 'ticketId', 'ticket.accept', { ticketId: { $ne: '' }, complexity: 'normal' }],
    ['worker-1', 'complexity', 'ticket.accept', { ticketId, complexity: { $in: ['normal'] } }],
    ['worker-1', 'result', 'ticket.resolve', { ticketId, result: { $set: { status: 'closed' } } }],
    ['worker-1', 'photos', 'ticket.resolve', { ticketId, result: '已处理', photos: { $push: 'cloud://x' } }],
    [ADMIN, 'geojson', 'admin.grids.import', { geojson: { $set: { type: 'FeatureCollection' } }, crs: 'gcj02' }],
    [ADMIN, 'crs', 'admin.grids.import', { geojson: { type: 'FeatureCollection', features: [] }, crs: { $in: ['wgs84'] } }],
    ['community-1', 'community', 'admin.grids.list', { community: { $ne: null } }],
    ['community-1', 'cursor', 'admin.grids.list', { cursor: { $gt: '' } }],
    ['community-1', 'role', 'admin.invites.create', { role: { $in: ['gridWorker'] }, scope: { community: '华光社区' } }],
    ['community-1', 'scope', 'admin.invites.create', { role: 'communityAdmin', scope: { $or: [{ community: '华光社区' }] } }],
    ['community-1', 'grid code', 'admin.invites.create', { role: 'gridWorker', scope: { grids: [{ $gt: '' }] } }],
  ];

  test.each(cases().map(([who, where, action, params]) => [action, where, who, params] as const))(
    '%s: %s (as %s)',
    async (action, _where, who, params) => {
      await expectRefused(app, 'INVALID_INPUT', () => send(who, { action, params }));
    },
  );
});

describe('an unexpected failure inside a use case', () => {
  const boom = (message: string) => async (): Promise<never> => {
    throw new TypeError(message);
  };

  test('answers INTERNAL with a generic message; the log line names the action but nothing personal', async () => {
    const lines: string[] = [];
    const deps: Deps = {
      ...app.server.deps,
      categories: override(app.server.deps.categories, { get: boom("Cannot read properties of undefined (reading 'profile')") }),
    };
    const params = reportParams({
      description: '我家住在华光路3号楼2单元501，楼道灯坏了',
      contactPhone: '13812345678',
      location: { latitude: 36.8135, longitude: 118.0406, address: '华光路3号楼2单元501' },
    });
    await expectUnchanged(app, async () => {
      const answer = await send('resident-private', { action: 'report.submit', params }, deps, (line) => lines.push(line));
      expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    });

    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line).toContain('report.submit');
    expect(line).toContain('TypeError');
    for (const secret of ['resident-private', '13812345678', '501', '华光路', params.clientRequestId, '36.8135', '118.0406']) {
      expect(line).not.toContain(secret);
    }
  });

  test('a failure while resolving the caller is INTERNAL too, and does not name the caller', async () => {
    const lines: string[] = [];
    const staff = override(app.server.deps.staff, { get: boom('socket hang up') });
    const answer = await send('worker-private', { action: 'staff.me', params: {} }, { ...app.server.deps, staff }, (line) =>
      lines.push(line),
    );
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('worker-private');
  });

  test('a thrown non-Error is logged as unknown, never echoed', async () => {
    const lines: string[] = [];
    const tickets = override(app.server.deps.tickets, {
      get: async (): Promise<never> => {
        throw { openid: 'resident-secret', phone: '13900001111' };
      },
    });
    const answer = await send('resident-a', { action: 'ticket.get', params: { ticketId } }, { ...app.server.deps, tickets }, (line) =>
      lines.push(line),
    );
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    expect(lines).toEqual(['[api] ticket.get failed: unknown error']);
  });

  test('refusals the use case makes on purpose are not logged', async () => {
    const lines: string[] = [];
    await send('worker-1', { action: 'ticket.get', params: { ticketId: 'does-not-exist' } }, undefined, (line) => lines.push(line));
    await send('resident-b', { action: 'admin.grids.list', params: {} }, undefined, (line) => lines.push(line));
    await send('resident-b', { action: 'staff.bind', params: { inviteCode: 'ABCDEFGH', displayName: '张燕' } }, undefined, (line) =>
      lines.push(line),
    );
    expect(lines).toEqual([]);
  });
});

describe("a use case's early part", () => {
  /** Deps whose staff lookup and ticket read note when they start and end. */
  function traced(): { deps: Deps; events: string[] } {
    const events: string[] = [];
    const base = app.server.deps;
    const note =
      <A extends unknown[], R>(name: string, f: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        events.push(`${name} start`);
        try {
          return await f(...args);
        } finally {
          events.push(`${name} end`);
        }
      };
    const staff = override(base.staff, { get: note('identity', (openid: string) => base.staff.get(openid)) });
    const tickets = override(base.tickets, {
      get: note('ticket', (id: string) => base.tickets.get(id)),
      list: note('list', (...args: Parameters<Deps['tickets']['list']>) => base.tickets.list(...args)),
    });
    return { deps: { ...base, staff, tickets }, events };
  }

  test('ticket.get and report.mine read beside the lookup of who asks, not after it', async () => {
    for (const [event, read] of [
      [{ action: 'ticket.get', params: { ticketId } }, 'ticket'],
      [{ action: 'report.mine', params: {} }, 'list'],
    ] as const) {
      const { deps, events } = traced();
      expect((await send('resident-a', event, deps)).ok).toBe(true);
      // Both started before either ended.
      expect(events.indexOf(`${read} start`)).toBeLessThan(events.indexOf('identity end'));
      expect(events.indexOf('identity start')).toBeLessThan(events.indexOf(`${read} end`));
    }
  });

  test('a caller refused before the early part is awaited gets the refusal; its failure is dropped, not logged', async () => {
    const base = app.server.deps;
    const staff = override(base.staff, { holders: () => Promise.reject(new Error('read failed')) });
    const logged: string[] = [];
    const event = { action: 'report.submit', params: reportParams({ onBehalfOf: { name: '张阿姨', phone: '13912345678' } }) };
    const answer = await send('resident-a', event, { ...base, staff }, (l) => logged.push(l));
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(logged).toEqual([]);
  });
});

describe('every error message is Chinese', () => {
  test('one of each code a user can meet', async () => {
    const { code } = await app.ok(ADMIN, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-01'] } });
    await app.ok('once-1', 'staff.bind', { inviteCode: code, displayName: '张燕' });
    const seen = new Map<string, string>();
    const note = (answer: Api.Envelope<unknown>) => {
      if (!answer.ok) seen.set(answer.error.code, answer.error.message);
    };
    note(await send('resident-a', { action: 'nope', params: {} }));
    note(await send(null, { action: 'staff.me', params: {} }));
    note(await send('resident-a', { action: 'admin.grids.list', params: {} }));
    note(await send('resident-a', { action: 'ticket.get', params: { ticketId: 'missing-ticket' } }));
    note(await send('once-2', { action: 'staff.bind', params: { inviteCode: code, displayName: '李强' } }));
    note(
      await send(
        'resident-a',
        { action: 'ticket.get', params: { ticketId } },
        { ...app.server.deps, tickets: override(app.server.deps.tickets, { get: () => Promise.reject(new Error('x')) }) },
      ),
    );
    expect([...seen.keys()].sort()).toEqual(['CONFLICT', 'FORBIDDEN', 'INTERNAL', 'INVALID_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED']);
    for (const message of seen.values()) expect(message).toMatch(CHINESE);
  });

  test('every refusal seen in this file (message and detail messages)', () => {
    expect(errors.length).toBeGreaterThan(50);
    const notChinese = errors.filter(({ error }) => {
      const details = Array.isArray(error.details) ? (error.details as Array<{ message?: unknown }>) : [];
      return !CHINESE.test(error.message) || details.some((d) => typeof d.message === 'string' && !CHINESE.test(d.message));
    });
    expect(notChinese).toEqual([]);
  });
});
