// The sliding window kept as its last `max` hits, newest first and padded: room is one comparison
// on the last entry, the same report counts once, and any stored shape reads as a window.
import { admit, normalWindow } from '../../../cloudfunctions/_core/domain/rate-limit';

const HOUR = 3_600_000;
const T = Date.parse('2026-11-24T02:00:00Z');

test('an empty window is max entries of padding; hits go in newest first', () => {
  const empty = normalWindow([], [], 3);
  expect(empty).toEqual({ hits: [0, 0, 0], tokens: ['', '', ''] });
  const one = admit(empty, 'a', T, HOUR, 3);
  expect(one).toEqual({ kind: 'admitted', next: { hits: [T, 0, 0], tokens: ['a', '', ''] } });
  if (one.kind !== 'admitted') throw new Error('not admitted');
  const two = admit(one.next, 'b', T + 1, HOUR, 3);
  expect(two).toEqual({ kind: 'admitted', next: { hits: [T + 1, T, 0], tokens: ['b', 'a', ''] } });
});

test('max hits inside the window: full; once the oldest leaves it, room again', () => {
  const window = normalWindow([T + 2, T + 1, T], ['c', 'b', 'a'], 3);
  expect(admit(window, 'd', T + 3, HOUR, 3)).toEqual({ kind: 'full' });
  // The window is (now − 1 h, now]: a hit exactly an hour old is outside it.
  expect(admit(window, 'd', T + HOUR, HOUR, 3)).toEqual({
    kind: 'admitted',
    next: { hits: [T + HOUR, T + 2, T + 1], tokens: ['d', 'c', 'b'] },
  });
});

test('a token already kept is "again", even with the window full', () => {
  const window = normalWindow([T + 2, T + 1, T], ['c', 'b', 'a'], 3);
  expect(admit(window, 'b', T + 3, HOUR, 3)).toEqual({ kind: 'again' });
  expect(admit(window, 'b', T + 2 * HOUR, HOUR, 3)).toEqual({ kind: 'again' });
});

test('hits in the future do not count as inside the window', () => {
  const window = normalWindow([T + HOUR, T + HOUR, T + HOUR], ['x', 'y', 'z'], 3);
  expect(admit(window, 'a', T, HOUR, 3).kind).toBe('admitted');
});

test('older shapes read as a window: dates, unordered, too long or too short, missing tokens', () => {
  expect(normalWindow([new Date(T), new Date(T + 5), 'junk', T + 1], [], 3)).toEqual({ hits: [T + 5, T + 1, T], tokens: ['', '', ''] });
  expect(normalWindow([T], ['a', 'b'], 2)).toEqual({ hits: [T, 0], tokens: ['a', ''] });
});
