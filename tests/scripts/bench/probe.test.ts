import { probeMachine, SLEEP_MS } from '../../../scripts/bench/probe';

describe('the bench machine probe', () => {
  it('sleeps in a process of its own and reports how late its wake-ups came, in order', async () => {
    const probe = await probeMachine(0, 0.5);
    // Half a second of 5 ms sleeps: at most 100 wake-ups, and far more than a few on any machine.
    expect(probe.wakeups).toBeGreaterThan(10);
    expect(probe.wakeups).toBeLessThanOrEqual(Math.ceil(500 / SLEEP_MS) + 1);
    expect(probe.p50).toBeLessThanOrEqual(probe.p99);
    expect(probe.p99).toBeLessThanOrEqual(probe.p999);
    expect(probe.p999).toBeLessThanOrEqual(probe.max);
    // A timer never fires much before it is due (the loop's cached clock allows a little).
    expect(probe.p50).toBeGreaterThan(-2);
  });

  it('waits before measuring when asked to', async () => {
    const started = Date.now();
    await probeMachine(0.4, 0.1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });
});
