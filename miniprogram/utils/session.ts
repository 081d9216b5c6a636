// Memory that lasts as long as the mini program runs (one "session"): answers worth asking the
// server for once, such as who the user is or which categories exist. Each cache is a slot made
// here, so all of them can be dropped at once (tests start every case from an empty session).
// This module imports nothing, on purpose: clearing it never loads a service.

export interface SessionSlot<T> {
  get(): T | null;
  set(value: T): void;
  clear(): void;
}

const clearers = new Set<() => void>();

export function sessionSlot<T>(): SessionSlot<T> {
  let value: T | null = null;
  const slot: SessionSlot<T> = {
    get: () => value,
    set: (v) => {
      value = v;
    },
    clear: () => {
      value = null;
    },
  };
  clearers.add(slot.clear);
  return slot;
}

/** Forgets everything every slot holds. */
export function clearSession(): void {
  clearers.forEach((clear) => clear());
}
