// What each move does to a ticket (DOMAIN.md "Ticket lifecycle"): the new status, level, place
// and department, which deadlines are set or cleared (asked of a recording SlaRules), the timeline
// entry appended, version + 1 — and the ticket it started from left untouched.
import {
  accept,
  autoClose,
  currentDeadline,
  dispatch,
  escalate,
  judge,
  rate,
  reject,
  reopen,
  resolve,
  returnToSender,
  supervise,
  transfer,
  withdraw,
  type MoveContext,
} from '../../../cloudfunctions/_core/domain/lifecycle';
import type { Actor, Ticket, TicketAction } from '../../../cloudfunctions/_core/domain/types';
import {
  actors,
  after,
  DAY,
  DEPT,
  expectedAcceptBy,
  expectedResolveBy,
  GRIDS,
  HOUR,
  moveContext,
  recordingSla,
  T0,
  ticketBuilder,
  type SlaCall,
} from '../../support/builders';

const NOW = after(T0, DAY);

/** Freezes the ticket and everything in it, so a transition that writes to it throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const verdict = (ticket: Ticket, who: Actor, action: TicketAction, now: Date = NOW): string => {
  const v = judge(ticket, who, action, now);
  return v.ok ? 'ok' : v.code;
};

const lastEntry = (t: Ticket) => t.timeline[t.timeline.length - 1];

const worker = actors.gridWorker('G101');
const reporter = actors.reporter();
const dept = actors.deptHandler(DEPT.sanitation);
const toG201 = { ...GRIDS.G201 };
const toG102 = { ...GRIDS.G102 };

describe('every transition: version + 1, one timeline entry appended, the original untouched', () => {
  type Case = [string, () => Ticket, Actor | 'system', TicketAction | 'close' | 'overdue', (t: Ticket, ctx: MoveContext) => Ticket];
  const cases: Case[] = [
    ['withdraw', () => ticketBuilder({ status: 'submitted' }), reporter, 'withdraw', (t, c) => withdraw(t, c, '已自行解决')],
    ['accept', () => ticketBuilder({ status: 'submitted' }), worker, 'accept', (t, c) => accept(t, c, 'normal')],
    ['reject', () => ticketBuilder({ status: 'submitted' }), worker, 'reject', (t, c) => reject(t, c, '不属于受理范围', null)],
    ['transfer', () => ticketBuilder({ status: 'submitted' }), worker, 'transfer', (t, c) => transfer(t, c, toG201, '位置在幸福社区')],
    ['dispatch', () => ticketBuilder({ status: 'accepted' }), worker, 'dispatch', (t, c) => dispatch(t, c, DEPT.sanitation, '请环卫清运')],
    [
      'return',
      () => ticketBuilder({ status: 'accepted', departmentCode: DEPT.sanitation }),
      dept,
      'return',
      (t, c) => returnToSender(t, c, '不归我们管'),
    ],
    ['escalate', () => ticketBuilder({ status: 'accepted' }), worker, 'escalate', (t, c) => escalate(t, c, '需要社区协调')],
    [
      'escalate (overdue, by the system)',
      () => ticketBuilder({ status: 'submitted' }),
      'system',
      'overdue',
      (t, c) => escalate(t, c, '超时未受理', 'overdue'),
    ],
    ['resolve', () => ticketBuilder({ status: 'accepted' }), worker, 'resolve', (t, c) => resolve(t, c, '已清理', ['cloud://r1.jpg'])],
    ['rate', () => ticketBuilder({ status: 'resolved' }), reporter, 'rate', (t, c) => rate(t, c, 'satisfied', null)],
    [
      'reopen',
      () => ticketBuilder({ status: 'closed', rating: 'unsatisfied' }),
      reporter,
      'reopen',
      (t, c) => reopen(t, c, '垃圾又堆起来了'),
    ],
    ['supervise', () => ticketBuilder({ status: 'accepted' }), actors.streetAdmin(), 'supervise', (t, c) => supervise(t, c, '请尽快办理')],
    [
      'supervise (by the system)',
      () => ticketBuilder({ status: 'accepted' }),
      'system',
      'supervise',
      (t, c) => supervise(t, c, '超时督办'),
    ],
    [
      'autoClose (by the system)',
      () => ticketBuilder({ status: 'resolved' }),
      'system',
      'close',
      (t) => autoClose(t, moveContext('system')),
    ],
  ];

  test.each(cases)('%s', (_name, build, by, kind, apply) => {
    const original = build();
    const snapshot = structuredClone(original);
    deepFreeze(original);
    const ctx = moveContext(by, NOW);
    const moved = apply(original, ctx);

    expect(original).toEqual(snapshot);
    expect(moved).not.toBe(original);
    expect(moved.version).toBe(original.version + 1);
    expect(moved.updatedAt).toEqual(NOW);
    expect(moved.timeline).toHaveLength(original.timeline.length + 1);
    original.timeline.forEach((e, i) => expect(moved.timeline[i]).toBe(e));
    expect(lastEntry(moved)).toMatchObject({
      at: NOW,
      kind,
      actorRole: by === 'system' ? 'system' : by.role,
      actorOpenid: by === 'system' ? null : by.openid,
      fromStatus: original.status,
      toStatus: moved.status,
      level: moved.level,
    });
    // Identity, content and reporter never change with a move.
    for (const key of ['id', 'no', 'reporterOpenid', 'description', 'category', 'location', 'createdAt'] as const) {
      expect(moved[key]).toEqual(original[key]);
    }
  });
});

describe('withdraw', () => {
  it('submitted → withdrawn, acceptance deadline cleared, closed now, reason in the note', () => {
    const ctx = moveContext(reporter);
    const t = withdraw(ticketBuilder({ status: 'submitted' }), ctx, '已自行解决');
    expect(t).toMatchObject({ status: 'withdrawn', acceptBy: null, resolveBy: null, overdue: false, closedAt: NOW });
    expect(lastEntry(t)).toMatchObject({
      kind: 'withdraw',
      actorRole: 'resident',
      fromStatus: 'submitted',
      toStatus: 'withdrawn',
      note: '已自行解决',
    });
    expect(ctx.sla.calls).toEqual([]);
  });

  it('without a reason the note is null', () => {
    expect(lastEntry(withdraw(ticketBuilder(), moveContext(reporter), null))?.note).toBeNull();
  });
});

describe('accept', () => {
  it.each([
    ['normal', 'normal', null],
    ['complex', 'normal', '复杂事项'],
    ['normal', 'urgent', null],
  ] as const)('complexity %s, profile %s: resolution deadline from the SLA, acceptance deadline kept', (complexity, profile, note) => {
    const submitted = ticketBuilder({ status: 'submitted', profile, overdue: true });
    const ctx = moveContext(worker);
    const t = accept(submitted, ctx, complexity);
    expect(t).toMatchObject({
      status: 'accepted',
      complexity,
      acceptedAt: NOW,
      acceptBy: submitted.acceptBy,
      resolveBy: expectedResolveBy(NOW, complexity, profile),
      overdue: false,
      level: 'grid',
      departmentCode: null,
    });
    expect(ctx.sla.calls).toEqual<SlaCall[]>([{ rule: 'resolveBy', from: NOW, complexity, profile }]);
    expect(lastEntry(t)).toMatchObject({
      kind: 'accept',
      actorRole: 'gridWorker',
      fromStatus: 'submitted',
      toStatus: 'accepted',
      level: 'grid',
      note,
    });
  });
});

describe('reject', () => {
  it.each(['submitted', 'accepted'] as const)('from %s: rejected, deadlines cleared, closed now', (status) => {
    const ctx = moveContext(worker);
    const t = reject(ticketBuilder({ status }), ctx, '不属于受理范围', null);
    expect(t).toMatchObject({ status: 'rejected', acceptBy: null, resolveBy: null, overdue: false, closedAt: NOW });
    expect(lastEntry(t)).toMatchObject({ kind: 'reject', fromStatus: status, toStatus: 'rejected', note: '不属于受理范围' });
    expect(ctx.sla.calls).toEqual([]);
  });

  it('a duplicate names the kept ticket in the note', () => {
    const t = reject(ticketBuilder(), moveContext(worker), '重复上报', '20261120-0003');
    expect(lastEntry(t)?.note).toBe('重复上报（重复：20261120-0003）');
  });
});

describe('transfer', () => {
  it('first transfer: to the target grid at grid level, back to submitted with a new acceptance deadline', () => {
    const accepted = ticketBuilder({ status: 'accepted', profile: 'urgent' });
    const ctx = moveContext(worker);
    const t = transfer(accepted, ctx, toG201, '位置在幸福社区');
    expect(t).toMatchObject({
      status: 'submitted',
      level: 'grid',
      place: GRIDS.G201,
      transferCount: 1,
      complexity: null,
      acceptedAt: null,
      acceptBy: expectedAcceptBy(NOW, 'urgent'),
      resolveBy: null,
      overdue: false,
    });
    expect(ctx.sla.calls).toEqual<SlaCall[]>([{ rule: 'acceptBy', from: NOW, profile: 'urgent' }]);
    expect(lastEntry(t)).toMatchObject({
      kind: 'transfer',
      fromStatus: 'accepted',
      toStatus: 'submitted',
      level: 'grid',
      note: '位置在幸福社区',
    });
    // the new grid owns it; the old one no longer even sees it
    expect(verdict(t, actors.gridWorker('G201'), 'accept')).toBe('ok');
    expect(verdict(t, worker, 'accept')).toBe('NOT_FOUND');
  });

  it('second transfer: goes to the community of the last grid instead of the requested grid', () => {
    const once = transfer(ticketBuilder({ status: 'submitted' }), moveContext(worker), toG201, '位置在幸福社区');
    const ctx = moveContext(actors.gridWorker('G201'), after(NOW, HOUR));
    const twice = transfer(once, ctx, toG102, '应归和平社区');
    expect(twice).toMatchObject({
      status: 'submitted',
      level: 'community',
      place: GRIDS.G201, // the last grid, not G102
      transferCount: 2,
      acceptBy: expectedAcceptBy(after(NOW, HOUR), 'normal'),
    });
    expect(lastEntry(twice)).toMatchObject({ kind: 'transfer', level: 'community', note: '应归和平社区（多次转派，交由社区处理）' });
    expect(verdict(twice, actors.communityAdmin('幸福社区'), 'accept')).toBe('ok');
    expect(verdict(twice, actors.gridWorker('G201'), 'accept')).toBe('CONFLICT');
    expect(verdict(twice, actors.gridWorker('G102'), 'accept')).toBe('NOT_FOUND');
  });
});

describe('dispatch and return', () => {
  it('dispatch hands an accepted ticket to a department: still accepted, same level, deadlines unchanged', () => {
    const accepted = ticketBuilder({ status: 'accepted' });
    const ctx = moveContext(worker);
    const t = dispatch(accepted, ctx, DEPT.sanitation, '请环卫清运');
    expect(t).toMatchObject({
      status: 'accepted',
      level: 'grid',
      departmentCode: DEPT.sanitation,
      acceptBy: accepted.acceptBy,
      resolveBy: accepted.resolveBy,
    });
    expect(lastEntry(t)).toMatchObject({ kind: 'dispatch', fromStatus: 'accepted', toStatus: 'accepted', note: '请环卫清运' });
    expect(ctx.sla.calls).toEqual([]);
    expect(verdict(t, dept, 'resolve')).toBe('ok');
    expect(verdict(t, dept, 'return')).toBe('ok');
    expect(verdict(t, worker, 'resolve')).toBe('CONFLICT');
  });

  it('dispatch only from accepted, and not while already dispatched', () => {
    expect(verdict(ticketBuilder({ status: 'submitted' }), worker, 'dispatch')).toBe('CONFLICT');
    const dispatched = dispatch(ticketBuilder({ status: 'accepted' }), moveContext(worker), DEPT.sanitation, null);
    expect(verdict(dispatched, worker, 'dispatch')).toBe('CONFLICT');
    expect(verdict(dispatched, actors.communityAdmin(), 'dispatch')).toBe('CONFLICT');
  });

  it('return gives it back to the dispatching level, still accepted, department cleared', () => {
    const dispatched = dispatch(ticketBuilder({ status: 'accepted' }), moveContext(worker), DEPT.sanitation, null);
    const ctx = moveContext(dept, after(NOW, HOUR));
    const t = returnToSender(dispatched, ctx, '不归我们管');
    expect(t).toMatchObject({ status: 'accepted', level: 'grid', departmentCode: null, resolveBy: dispatched.resolveBy });
    expect(lastEntry(t)).toMatchObject({
      kind: 'return',
      actorRole: 'deptHandler',
      fromStatus: 'accepted',
      toStatus: 'accepted',
      level: 'grid',
      note: '不归我们管',
    });
    expect(ctx.sla.calls).toEqual([]);
    expect(verdict(t, worker, 'resolve')).toBe('ok');
    expect(verdict(t, worker, 'dispatch')).toBe('ok');
    expect(verdict(t, dept, 'resolve')).toBe('NOT_FOUND');
  });
});

describe('escalate (吹哨)', () => {
  const owners: Record<string, Actor> = {
    grid: worker,
    community: actors.communityAdmin('和平社区'),
    street: actors.streetAdmin('东湖街道'),
    district: actors.districtAdmin(),
  };

  it.each(['submitted', 'accepted'] as const)('%s: grid → community → street → district, then refused', (status) => {
    let t = ticketBuilder({ status, complexity: status === 'accepted' ? 'complex' : null });
    const path: string[] = [t.level];
    for (const [i, to] of (['community', 'street', 'district'] as const).entries()) {
      const by = owners[t.level] as Actor;
      expect(verdict(t, by, 'escalate')).toBe('ok');
      const now = after(NOW, i * HOUR);
      const ctx = moveContext(by, now);
      const before = t;
      t = escalate(t, ctx, `第 ${i + 1} 次吹哨`);
      path.push(t.level);
      expect(t).toMatchObject({ level: to, status, departmentCode: null, overdue: false, place: before.place });
      if (status === 'submitted') {
        expect(t).toMatchObject({ acceptBy: expectedAcceptBy(now, 'normal'), resolveBy: null });
        expect(ctx.sla.calls).toEqual<SlaCall[]>([{ rule: 'acceptBy', from: now, profile: 'normal' }]);
      } else {
        expect(t).toMatchObject({ acceptBy: before.acceptBy, resolveBy: expectedResolveBy(now, 'complex', 'normal') });
        expect(ctx.sla.calls).toEqual<SlaCall[]>([{ rule: 'resolveBy', from: now, complexity: 'complex', profile: 'normal' }]);
      }
      expect(lastEntry(t)).toMatchObject({
        kind: 'escalate',
        actorRole: by.role,
        fromStatus: status,
        toStatus: status,
        level: to,
        note: `第 ${i + 1} 次吹哨`,
      });
      // the level above now owns the same step; the level below only watches
      const step = status === 'submitted' ? 'accept' : 'resolve';
      expect(verdict(t, owners[to] as Actor, step)).toBe('ok');
      expect(verdict(t, by, step)).toBe('CONFLICT');
    }
    expect(path).toEqual(['grid', 'community', 'street', 'district']);
    expect(verdict(t, owners.district as Actor, 'escalate')).toBe('CONFLICT');
    expect(() => escalate(t, moveContext(owners.district as Actor), '再吹哨')).toThrow();
  });

  it('overdue, by the system: marks the ticket overdue and takes it away from the department', () => {
    const dispatched = ticketBuilder({ status: 'accepted', departmentCode: DEPT.sanitation, overdue: false });
    const ctx = moveContext('system');
    const t = escalate(dispatched, ctx, '超时未办结', 'overdue');
    expect(t).toMatchObject({
      level: 'community',
      status: 'accepted',
      departmentCode: null,
      overdue: true,
      resolveBy: expectedResolveBy(NOW, 'normal', 'normal'),
    });
    expect(lastEntry(t)).toMatchObject({ kind: 'overdue', actorRole: 'system', actorOpenid: null, level: 'community' });
    expect(verdict(t, actors.communityAdmin(), 'resolve')).toBe('ok');
    expect(verdict(t, dept, 'resolve')).toBe('NOT_FOUND');
  });
});

describe('resolve', () => {
  it('by the responsible staff: resolved with result and photos; the missed deadline stays on record for the figures', () => {
    const ctx = moveContext(worker);
    const before = ticketBuilder({ status: 'accepted', overdue: true });
    const t = resolve(before, ctx, '已清理', ['cloud://a.jpg', 'cloud://b.jpg']);
    expect(t).toMatchObject({
      status: 'resolved',
      result: '已清理',
      resultPhotos: ['cloud://a.jpg', 'cloud://b.jpg'],
      resolvedAt: NOW,
      acceptBy: before.acceptBy,
      resolveBy: before.resolveBy,
      overdue: true,
      rating: null,
    });
    expect(currentDeadline(t)).toBeNull();
    expect(lastEntry(t)).toMatchObject({
      kind: 'resolve',
      fromStatus: 'accepted',
      toStatus: 'resolved',
      note: '已清理',
      photos: ['cloud://a.jpg', 'cloud://b.jpg'],
    });
    expect(ctx.sla.calls).toEqual([]);
    expect(verdict(t, reporter, 'rate')).toBe('ok');
  });

  it('by the department it was dispatched to: the department stays on record', () => {
    const t = resolve(ticketBuilder({ status: 'accepted', departmentCode: DEPT.sanitation }), moveContext(dept), '已清运', []);
    expect(t).toMatchObject({ status: 'resolved', departmentCode: DEPT.sanitation });
    expect(lastEntry(t)).toMatchObject({ actorRole: 'deptHandler', photos: [] });
  });
});

describe('rate', () => {
  it.each([
    ['satisfied', null, '满意'],
    ['basic', '还行', '基本满意：还行'],
    ['unsatisfied', '没处理干净', '不满意：没处理干净'],
  ] as const)('%s closes the ticket', (rating, comment, note) => {
    const ctx = moveContext(reporter);
    const t = rate(ticketBuilder({ status: 'resolved' }), ctx, rating, comment);
    expect(t).toMatchObject({ status: 'closed', rating, ratingComment: comment, closedAt: NOW });
    expect(lastEntry(t)).toMatchObject({ kind: 'rate', actorRole: 'resident', fromStatus: 'resolved', toStatus: 'closed', note });
    expect(ctx.sla.calls).toEqual([]);
    expect(verdict(t, reporter, 'rate')).toBe('CONFLICT');
  });
});

describe('reopen (重办)', () => {
  /** submitted at T0 → accepted → resolved by the grid worker → rated at `ratedAt`. */
  function ratedTicket(rating: 'satisfied' | 'basic' | 'unsatisfied', resolvedAt: Date): Ticket {
    const accepted = accept(ticketBuilder(), moveContext(worker, after(T0, HOUR)), 'complex');
    const resolved = resolve(accepted, moveContext(worker, resolvedAt), '已清理', []);
    return rate(resolved, moveContext(reporter, after(resolvedAt, HOUR)), rating, null);
  }
  const resolvedAt = after(T0, 2 * HOUR);

  it('after 不满意: back to accepted with the same handler and a new resolution deadline', () => {
    const closed = ratedTicket('unsatisfied', resolvedAt);
    const now = after(resolvedAt, 3 * DAY);
    expect(verdict(closed, reporter, 'reopen', now)).toBe('ok');
    const ctx = moveContext(reporter, now);
    const t = reopen(closed, ctx, '垃圾又堆起来了');
    expect(t).toMatchObject({
      status: 'accepted',
      level: closed.level,
      place: closed.place,
      departmentCode: closed.departmentCode,
      complexity: 'complex',
      reopenCount: 1,
      resolvedAt: null,
      closedAt: null,
      rating: null,
      ratingComment: null,
      resolveBy: expectedResolveBy(now, 'complex', 'normal'),
      overdue: false,
    });
    expect(ctx.sla.calls).toEqual<SlaCall[]>([{ rule: 'resolveBy', from: now, complexity: 'complex', profile: 'normal' }]);
    expect(lastEntry(t)).toMatchObject({
      kind: 'reopen',
      actorRole: 'resident',
      fromStatus: 'closed',
      toStatus: 'accepted',
      note: '垃圾又堆起来了',
    });
    expect(verdict(t, worker, 'resolve', now)).toBe('ok');
  });

  it('a ticket a department resolved goes back to that department', () => {
    const byDept = resolve(
      ticketBuilder({ status: 'accepted', departmentCode: DEPT.sanitation }),
      moveContext(dept, resolvedAt),
      '已清运',
      [],
    );
    const closed = rate(byDept, moveContext(reporter, after(resolvedAt, HOUR)), 'unsatisfied', null);
    const t = reopen(closed, moveContext(reporter, after(resolvedAt, DAY)), '没清干净');
    expect(t.departmentCode).toBe(DEPT.sanitation);
    expect(verdict(t, dept, 'resolve', after(resolvedAt, DAY))).toBe('ok');
    expect(verdict(t, worker, 'resolve', after(resolvedAt, DAY))).toBe('CONFLICT');
  });

  it.each([
    ['满意', 'satisfied', 1 * DAY, 'CONFLICT'],
    ['基本满意', 'basic', 1 * DAY, 'CONFLICT'],
    ['不满意, 6 days later', 'unsatisfied', 6 * DAY, 'ok'],
    ['不满意, exactly 7 days later', 'unsatisfied', 7 * DAY, 'ok'],
    ['不满意, 7 days and a minute later', 'unsatisfied', 7 * DAY + 60 * 1000, 'CONFLICT'],
    ['不满意, 30 days later', 'unsatisfied', 30 * DAY, 'CONFLICT'],
  ] as const)('only after 不满意 and within 7 days of resolution: %s → %s', (_label, rating, wait, expected) => {
    expect(verdict(ratedTicket(rating, resolvedAt), reporter, 'reopen', after(resolvedAt, wait))).toBe(expected);
  });

  it('not on a ticket the system closed without a rating', () => {
    const resolved = resolve(accept(ticketBuilder(), moveContext(worker), 'normal'), moveContext(worker, resolvedAt), '已清理', []);
    const closed = autoClose(resolved, moveContext('system', after(resolvedAt, 7 * DAY)));
    expect(verdict(closed, reporter, 'reopen', after(resolvedAt, 7 * DAY))).toBe('CONFLICT');
  });

  it('only by the reporter', () => {
    const closed = ratedTicket('unsatisfied', resolvedAt);
    expect(verdict(closed, worker, 'reopen', after(resolvedAt, DAY))).toBe('FORBIDDEN');
    expect(verdict(closed, actors.resident('o-neighbour'), 'reopen', after(resolvedAt, DAY))).toBe('NOT_FOUND');
  });

  it('only once: after the second resolution the reporter rates again, and may not reopen again', () => {
    const closed = ratedTicket('unsatisfied', resolvedAt);
    const reopened = reopen(closed, moveContext(reporter, after(resolvedAt, DAY)), '没处理好');
    const resolvedAgain = resolve(reopened, moveContext(worker, after(resolvedAt, 2 * DAY)), '已再次清理', []);
    const now = after(resolvedAt, 2 * DAY + HOUR);
    // the second resolution is rated on its own (the first 不满意 stays in the timeline)
    expect(resolvedAgain.rating).toBeNull();
    expect(verdict(resolvedAgain, reporter, 'rate', now)).toBe('ok');
    expect(verdict(resolvedAgain, reporter, 'reopen', now)).toBe('CONFLICT');
    const closedAgain = rate(resolvedAgain, moveContext(reporter, now), 'unsatisfied', '还是不行');
    expect(closedAgain).toMatchObject({ status: 'closed', rating: 'unsatisfied', ratingComment: '还是不行', reopenCount: 1 });
    expect(verdict(closedAgain, reporter, 'reopen', now)).toBe('CONFLICT');
    expect(closedAgain.timeline.filter((e) => e.kind === 'rate').map((e) => e.note)).toEqual(['不满意', '不满意：还是不行']);
  });
});

describe('supervise (督办)', () => {
  it.each(['submitted', 'accepted'] as const)('%s: a record in the timeline, nothing else changes', (status) => {
    const before = ticketBuilder({ status });
    const ctx = moveContext(actors.districtAdmin());
    const t = supervise(before, ctx, '请尽快办理');
    expect({ ...t, version: before.version, updatedAt: before.updatedAt, timeline: before.timeline }).toEqual(before);
    expect(lastEntry(t)).toMatchObject({
      kind: 'supervise',
      actorRole: 'districtAdmin',
      fromStatus: status,
      toStatus: status,
      note: '请尽快办理',
    });
    expect(ctx.sla.calls).toEqual([]);
  });
});

describe('autoClose', () => {
  it('resolved → closed by the system, unrated', () => {
    const resolved = ticketBuilder({ status: 'resolved' });
    const now = after(resolved.resolvedAt as Date, 7 * DAY);
    const t = autoClose(resolved, { actor: 'system', now, sla: recordingSla() });
    expect(t).toMatchObject({ status: 'closed', closedAt: now, rating: null });
    expect(lastEntry(t)).toMatchObject({
      kind: 'close',
      actorRole: 'system',
      actorOpenid: null,
      fromStatus: 'resolved',
      toStatus: 'closed',
      note: '超过 7 天未评价，自动归档',
    });
  });
});

describe('currentDeadline', () => {
  it.each([
    ['submitted', 'acceptBy'],
    ['accepted', 'resolveBy'],
    ['resolved', null],
    ['closed', null],
    ['rejected', null],
    ['withdrawn', null],
  ] as const)('%s → %s', (status, field) => {
    const t = ticketBuilder({ status, acceptBy: after(T0, DAY), resolveBy: after(T0, 3 * DAY) });
    expect(currentDeadline(t)).toEqual(field === null ? null : t[field]);
  });
});
