// Fixes `new Date()` at a known moment while timers keep running for real (simulate and the fake
// wx answer through setTimeout), so date texts are the same on any day and in any TZ.
import { DEMO_NOW } from './demo-data';

export function fixClock(iso: string = DEMO_NOW): void {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
      'queueMicrotask',
      'hrtime',
      'performance',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
    ],
  });
}

export function realClock(): void {
  jest.useRealTimers();
}
