// The machine's own share of a load row's latency, measured in the same minute: a probe process of
// its own that only sleeps 5 ms at a time and notes how late each wake-up comes. Nothing in it
// waits on the server, so its lateness is what the machine's scheduler adds to any thread that
// wakes up then (on a shared two-core VM, the server's threads wake some ten times a request).
import { runNode } from './child';
import { percentile } from './measure';

export interface ProbeResult {
  readonly wakeups: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

export const SLEEP_MS = 5;

/** Runs in the probe process: sleeps `SLEEP_MS` at a time for `seconds` after `afterSeconds`, then prints how late each wake-up came (ms). */
const PROBE = `
const [after, seconds, sleep] = process.argv.slice(1).map(Number);
const late = [];
setTimeout(() => {
  const end = performance.now() + seconds * 1000;
  const step = () => {
    const asked = performance.now();
    setTimeout(() => {
      const now = performance.now();
      late.push(now - asked - sleep);
      if (now < end) step();
      else console.log(JSON.stringify(late));
    }, sleep);
  };
  step();
}, after * 1000);
`;

/** Starts the probe now; it measures from `afterSeconds` on, for `seconds`. */
export async function probeMachine(afterSeconds: number, seconds: number): Promise<ProbeResult> {
  const { code, out, err } = await runNode(['-e', PROBE, String(afterSeconds), String(seconds), String(SLEEP_MS)]);
  let late: number[];
  try {
    late = (JSON.parse(out) as number[]).sort((a, b) => a - b);
  } catch {
    throw new Error(`the probe exited ${code}: ${err.slice(-500)}`);
  }
  return {
    wakeups: late.length,
    p50: percentile(late, 0.5),
    p99: percentile(late, 0.99),
    p999: percentile(late, 0.999),
    max: late.at(-1) ?? NaN,
  };
}
