// One read an instance trusts for a while (the categories, the grids version): concurrent callers
// share it, a failed read is not kept (the next caller reads again), and the store drops it when
// it changes the data itself, so its own changes show at once.
export class TimedRead<T> {
  private cached: { at: number; value: Promise<T> } | null = null;

  constructor(
    private readonly ttlMs: number,
    private readonly read: () => Promise<T>,
    private readonly clock: () => number,
  ) {}

  get(): Promise<T> {
    const now = this.clock();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.value;
    const entry = { at: now, value: this.read() };
    this.cached = entry;
    entry.value.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return entry.value;
  }

  /** The next get() reads again. */
  drop(): void {
    this.cached = null;
  }
}
