// The real clock, for the deployed functions; the local server swaps in a settable one.
import type { Clock } from '../../ports';

export const systemClock: Clock = { now: () => new Date() };

/** A settable clock's setting: stopped at an instant, or running at an offset from the real time. */
export interface ClockSetting {
  readonly frozenAt: number | null;
  readonly offsetMs: number;
}

export interface SettableClock extends Clock {
  /** Stops time at `at` (the default: what tests and clock-driven scenarios want), or lets it run on from there. */
  set(at: Date, mode?: 'frozen' | 'running'): void;
  /** Back to the real time. */
  reset(): void;
  /** The setting, for another thread's clock to follow (restore). */
  setting(): ClockSetting;
  restore(setting: ClockSetting): void;
}

export function settableClock(): SettableClock {
  let frozenAt: number | null = null;
  let offsetMs = 0;
  return {
    now: () => new Date(frozenAt ?? Date.now() + offsetMs),
    set: (at, mode = 'frozen') => {
      if (mode === 'frozen') {
        frozenAt = at.getTime();
      } else {
        frozenAt = null;
        offsetMs = at.getTime() - Date.now();
      }
    },
    reset: () => {
      frozenAt = null;
      offsetMs = 0;
    },
    setting: () => ({ frozenAt, offsetMs }),
    restore: (setting) => {
      frozenAt = setting.frozenAt;
      offsetMs = setting.offsetMs;
    },
  };
}
