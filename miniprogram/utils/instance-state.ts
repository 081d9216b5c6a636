// State a page or component keeps outside `data` (it is never rendered, so it must not travel
// through setData): flags, pending callbacks, caches. One object per instance, for as long as the
// instance lives (a WeakMap lets it go with it). There is no early drop: an answer that arrives
// after the page closed must still find the state its `detached` left (`alive: false`), where a
// dropped one would be made again, fresh — and alive.
export function instanceState<T>(create: () => T): { of(owner: object): T } {
  const states = new WeakMap<object, T>();
  return {
    of(owner: object): T {
      let s = states.get(owner);
      if (s === undefined) {
        s = create();
        states.set(owner, s);
      }
      return s;
    },
  };
}
