// Notes that move nothing (domain/notes.ts): `contact` (reveal the reporter's phone) and `reply`
// (answer a 督办) belong to whoever holds the ticket now — its level's staff, or the department it
// went to — and only while there is something to do; the entry changes status, level and deadlines
// not at all, and carries the staff member's display name.
import { annotate } from '../../../cloudfunctions/_core/domain/lifecycle';
import { allowedNotes, judgeNote } from '../../../cloudfunctions/_core/domain/notes';
import type { Actor, Ticket, TicketNote } from '../../../cloudfunctions/_core/domain/types';
import { actors, after, DAY, DEPT, moveContext, T0, ticketBuilder } from '../../support/builders';

const verdict = (ticket: Ticket, who: Actor, note: TicketNote): string => {
  const v = judgeNote(ticket, who, note);
  return v.ok ? 'ok' : v.code;
};

const worker = actors.gridWorker('G101');
const withPhone = (spec: Parameters<typeof ticketBuilder>[0] = {}) => ticketBuilder({ contactPhone: '13812345678', ...spec });

describe('who may add a note, and when', () => {
  test.each<[string, () => Ticket, Actor, TicketNote, string]>([
    ['the grid worker, submitted', () => withPhone(), worker, 'contact', 'ok'],
    ['the grid worker, accepted', () => withPhone({ status: 'accepted' }), worker, 'reply', 'ok'],
    ['the grid worker, resolved: a call still', () => withPhone({ status: 'resolved' }), worker, 'contact', 'ok'],
    ['the grid worker, resolved: nothing to answer', () => withPhone({ status: 'resolved' }), worker, 'reply', 'CONFLICT'],
    ['the grid worker, closed', () => withPhone({ status: 'closed' }), worker, 'contact', 'CONFLICT'],
    ['the grid worker, rejected', () => withPhone({ status: 'rejected' }), worker, 'contact', 'CONFLICT'],
    ['the community admin over a grid ticket', () => withPhone(), actors.communityAdmin(), 'contact', 'ok'],
    ['the grid worker after escalation', () => withPhone({ level: 'community' }), worker, 'contact', 'CONFLICT'],
    ['the street admin over a grid ticket', () => withPhone(), actors.streetAdmin(), 'contact', 'CONFLICT'],
    ['the street admin over a street ticket', () => withPhone({ level: 'street' }), actors.streetAdmin(), 'reply', 'ok'],
    [
      'the department, dispatched',
      () => withPhone({ status: 'accepted', departmentCode: DEPT.sanitation }),
      actors.deptHandler(),
      'contact',
      'ok',
    ],
    ['the worker, while dispatched', () => withPhone({ status: 'accepted', departmentCode: DEPT.sanitation }), worker, 'reply', 'CONFLICT'],
    [
      'another department',
      () => withPhone({ status: 'accepted', departmentCode: DEPT.sanitation }),
      actors.deptHandler(DEPT.water),
      'contact',
      'NOT_FOUND',
    ],
    ['a worker of another grid', () => withPhone(), actors.gridWorker('G102'), 'contact', 'NOT_FOUND'],
    ['the reporter', () => withPhone(), actors.reporter(), 'contact', 'FORBIDDEN'],
    ['a neighbour', () => withPhone(), actors.resident(), 'reply', 'NOT_FOUND'],
  ])('%s → %s', (_name, make, who, note, expected) => {
    expect(verdict(make(), who, note)).toBe(expected);
  });

  test('allowedNotes: contact needs a phone, reply a 督办 not answered yet', () => {
    expect(allowedNotes(withPhone(), worker, 0)).toEqual(['contact']);
    expect(allowedNotes(withPhone(), worker, 2)).toEqual(['contact', 'reply']);
    expect(allowedNotes(ticketBuilder({ contactPhone: null }), worker, 1)).toEqual(['reply']);
    expect(allowedNotes(withPhone(), actors.streetAdmin(), 1)).toEqual([]);
    expect(allowedNotes(withPhone({ status: 'resolved' }), worker, 1)).toEqual(['contact']);
  });
});

describe('annotate', () => {
  test("one entry, the ticket otherwise unchanged, the actor's display name kept", () => {
    const ticket = withPhone({ status: 'accepted' });
    const now = after(T0, DAY);
    const named: Actor = { ...worker, name: '张燕' };
    const next = annotate(ticket, { ...moveContext(named, now) }, 'contact', null);
    expect(next.version).toBe(ticket.version + 1);
    expect(next.timeline).toHaveLength(ticket.timeline.length + 1);
    expect(next.timeline.at(-1)).toMatchObject({
      kind: 'contact',
      actorRole: 'gridWorker',
      actorName: '张燕',
      fromStatus: 'accepted',
      toStatus: 'accepted',
      level: 'grid',
      note: null,
      at: now,
    });
    for (const key of ['status', 'level', 'acceptBy', 'resolveBy', 'overdue', 'departmentCode', 'place', 'contactPhone'] as const) {
      expect(next[key]).toEqual(ticket[key]);
    }
    const reply = annotate(ticket, moveContext(worker, now), 'reply', '已上门');
    expect(reply.timeline.at(-1)).toMatchObject({ kind: 'reply', note: '已上门', actorName: null });
  });
});
