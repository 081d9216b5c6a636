// Deadlines in the words the server sends: the end of a Shanghai day is its 24:00, on that day.
import {
  acceptDeadline,
  createWorkCalendar,
  endOfShanghaiDay,
  resolveDeadline,
  shanghaiInstant,
} from '../../../cloudfunctions/_core/domain/calendar';
import { deadlineLabel, deadlineText, ticketDeadline } from '../../../cloudfunctions/_core/domain/deadline-words';
import { workCalendarData } from '../../../cloudfunctions/_core/config/holidays';
import type { Ticket } from '../../../cloudfunctions/_core/domain/types';

const cal = createWorkCalendar(workCalendarData);
const NOW = shanghaiInstant('2026-11-23', 10, 0);

describe('deadlineText', () => {
  test.each<[string, Date, string]>([
    ['the end of a day is 24:00 of that day', endOfShanghaiDay('2026-11-25'), '11月25日 24:00'],
    ['an urgent deadline keeps its clock time', shanghaiInstant('2026-11-23', 9, 30), '11月23日 09:30'],
    ['midnight as an event is 00:00 of the new day', shanghaiInstant('2026-11-26', 0, 0), '11月26日 00:00'],
    ['one millisecond before the end of a day is still 23:59', new Date(endOfShanghaiDay('2026-11-25').getTime() - 1), '11月25日 23:59'],
    ['another year is written out', endOfShanghaiDay('2027-01-04'), '2027年1月4日 24:00'],
  ])('%s', (_, deadline, text) => {
    expect(deadlineText(deadline, NOW)).toBe(text);
  });

  test('without `now` the year is left out', () => {
    expect(deadlineText(endOfShanghaiDay('2027-01-04'))).toBe('1月4日 24:00');
  });

  test('the calendar deadlines read as 24:00 of the right day, from any hour of the day before', () => {
    // Any hour of 9/30 (National Day eve): due 10月8日 24:00.
    for (const hour of [0, 8, 23]) {
      expect(deadlineText(acceptDeadline(shanghaiInstant('2026-09-30', hour, 5), 'normal', cal), NOW)).toBe('10月8日 24:00');
    }
    // Accepted on a Monday: three working days later is Thursday.
    expect(deadlineText(resolveDeadline(shanghaiInstant('2026-11-23', 8, 30), 'normal', 'normal', cal), NOW)).toBe('11月26日 24:00');
  });
});

test('deadlineLabel says what is due', () => {
  expect(deadlineLabel('accept', endOfShanghaiDay('2026-11-24'), NOW)).toBe('11月24日 24:00 前受理');
  expect(deadlineLabel('resolve', endOfShanghaiDay('2026-11-26'), NOW)).toBe('11月26日 24:00 前办结');
});

describe('ticketDeadline', () => {
  const base = { status: 'submitted', acceptBy: endOfShanghaiDay('2026-11-24'), resolveBy: null } as unknown as Ticket;

  test('accepting while submitted, resolving while accepted, nothing afterwards', () => {
    expect(ticketDeadline(base, NOW)).toEqual({
      kind: 'accept',
      at: endOfShanghaiDay('2026-11-24'),
      label: '11月24日 24:00 前受理',
      overdue: false,
    });
    const accepted = { ...base, status: 'accepted', resolveBy: endOfShanghaiDay('2026-11-26') } as Ticket;
    expect(ticketDeadline(accepted, NOW)).toMatchObject({ kind: 'resolve', label: '11月26日 24:00 前办结' });
    for (const status of ['resolved', 'closed', 'rejected', 'withdrawn'] as const) {
      expect(ticketDeadline({ ...accepted, status }, NOW)).toBeNull();
    }
  });

  test('overdue only once the deadline has passed: at its last instant it is still on time', () => {
    const due = endOfShanghaiDay('2026-11-24');
    expect(ticketDeadline(base, due)?.overdue).toBe(false);
    expect(ticketDeadline(base, new Date(due.getTime() + 1))?.overdue).toBe(true);
  });
});
