// A sliding-window limit ("at most 10 reports an hour"): the hits still inside the window, plus
// this one if there is room.

/** The hits to keep with this one added, or null when the window is full (hits in ms). */
export function admitHit(hits: readonly number[], now: number, windowMs: number, max: number): number[] | null {
  const recent = hits.filter((t) => Number.isFinite(t) && t > now - windowMs && t <= now);
  if (recent.length >= max) return null;
  return [...recent, now];
}
