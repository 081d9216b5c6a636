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

/**
 * Many keyed reads an instance trusts for a while, as TimedRead trusts one: the keys not held
 * (or held too long) are read in one batch, concurrent callers share a read in flight, a failed
 * read is not kept, and the store drops everything when it changes the data itself.
 */
export class TimedReads<V> {
  private readonly held = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number,
    /** Past this many keys held, all are dropped (a city has a few thousand staff). */
    private readonly maxKeys = 10_000,
  ) {}

  /** The value of each key; `read` gets the keys not held and answers what it found (`absent` for the rest). */
  get(keys: readonly string[], read: (missing: string[]) => Promise<Map<string, V>>, absent: V): Promise<Map<string, V>> {
    const now = this.clock();
    const distinct = [...new Set(keys)];
    let missing = distinct.filter((key) => {
      const entry = this.held.get(key);
      return !entry || now - entry.at >= this.ttlMs;
    });
    if (missing.length > 0 && this.held.size + missing.length > this.maxKeys) {
      this.held.clear();
      missing = distinct;
    }
    if (missing.length > 0) {
      const batch = read(missing);
      for (const key of missing) {
        const entry = { at: now, value: batch.then((found) => (found.has(key) ? (found.get(key) as V) : absent)) };
        this.held.set(key, entry);
        entry.value.catch(() => {
          if (this.held.get(key) === entry) this.held.delete(key);
        });
      }
    }
    // Every key is held now: take the values before anything can drop them.
    const values = distinct.map(async (key) => [key, await (this.held.get(key) as { value: Promise<V> }).value] as const);
    return Promise.all(values).then((pairs) => new Map(pairs));
  }

  /** Values read another way (records a query of another key brought along), held as if get() had read them. */
  hold(values: ReadonlyMap<string, V>): void {
    if (this.held.size + values.size > this.maxKeys) this.held.clear();
    const at = this.clock();
    for (const [key, value] of values) this.held.set(key, { at, value: Promise.resolve(value) });
  }

  /** Every next get() reads again. */
  drop(): void {
    this.held.clear();
  }
}
