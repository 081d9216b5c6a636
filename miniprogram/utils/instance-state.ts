// State a page or component keeps outside `data` (it is never rendered, so it must not travel
// through setData): flags, pending callbacks, caches. One object per instance.
export function instanceState<T>(create: () => T): { of(owner: object): T; drop(owner: object): void } {
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
    drop(owner: object): void {
      states.delete(owner);
    },
  };
}
