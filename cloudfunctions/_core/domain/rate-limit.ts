// A sliding-window limit ("at most 10 reports an hour"). A window is kept as its last `max` hits,
// newest first, each with the token that made it (a report's ticket id: the same report sent
// twice is one hit), padded to exactly `max` entries with hits at 0 (long outside any window) —
// so "is there room?" is one comparison on the last entry, which a database can test in the same
// conditional update that records the hit (adapters/cloudbase/rate-limit-store.ts).

export interface HitWindow {
  /** Hit times in ms, newest first, exactly `max` long. */
  readonly hits: readonly number[];
  /** The token of each hit ('' for padding). */
  readonly tokens: readonly string[];
}

/** What a hit comes to: recorded, already recorded under its token, or refused. */
export type Admission = 'admitted' | 'again' | 'full';

export type WindowVerdict = { kind: 'admitted'; next: HitWindow } | { kind: Exclude<Admission, 'admitted'> };

/** The window as stored, whatever shape a document left it in (missing, older form, another max). */
export function normalWindow(hits: readonly unknown[], tokens: readonly unknown[], max: number): HitWindow {
  const pairs = hits
    .map((h, i) => ({ at: h instanceof Date ? h.getTime() : Number(h), token: typeof tokens[i] === 'string' ? (tokens[i] as string) : '' }))
    .filter((p) => Number.isFinite(p.at) && p.at > 0)
    .sort((a, b) => b.at - a.at)
    .slice(0, max);
  while (pairs.length < max) pairs.push({ at: 0, token: '' });
  return { hits: pairs.map((p) => p.at), tokens: pairs.map((p) => p.token) };
}

/**
 * Records `token`'s hit at `now` if the window has room: 'again' when that token already made a
 * hit still kept, 'full' when `max` hits fall inside the window (nothing recorded either way).
 */
export function admit(window: HitWindow, token: string, now: number, windowMs: number, max: number): WindowVerdict {
  if (token !== '' && window.tokens.includes(token)) return { kind: 'again' };
  const inside = window.hits.filter((t) => t > now - windowMs && t <= now).length;
  if (inside >= max) return { kind: 'full' };
  const pairs = window.hits.map((at, i) => ({ at, token: window.tokens[i] ?? '' }));
  pairs.push({ at: now, token });
  return {
    kind: 'admitted',
    next: normalWindow(
      pairs.map((p) => p.at),
      pairs.map((p) => p.token),
      max,
    ),
  };
}
