// The figures job: counts what changed. Every ticket change marks the ticket (figuresDirty);
// this job recounts the cells (a grid, or a triage place) × days those tickets belong to — and
// any cell a transfer moved one out of — straight from the tickets, then sums the cells into
// their community, street, district and the whole deployment, and marks each ticket counted if
// it has not changed since it was read. Recounting instead of adding deltas makes a run
// idempotent and exact: figures equal a recount once it has run. One run at a time (a lease),
// within a time budget; what is left waits for the next trigger.
//
// Beside the days, each place above the cells keeps one rollup per Shanghai month (a year of a
// district is then 12 bodies, not 365, for stats.summary). A month is recomputed from its day
// rollups whenever a run rewrites one of its days, before the run marks those tickets counted —
// not adjusted by the change of that day: a delta applied twice (a run that stops after writing the
// month and before marking its tickets counted, then runs again) or lost would leave the month wrong
// for good, while a recount from the days is idempotent and equals the days, as the days equal the
// tickets.
import { mergeBodies, tallyTickets } from '../../domain/figures';
import type { PlaceRef } from '../../domain/types';
import type { Deps, DirtyTicket, FigureLevel } from '../../ports';

const PAGE = 500;
const LEASE_MS = 60_000;

interface Target {
  level: Exclude<FigureLevel, 'cell'>;
  place: string;
  day: string;
}

function parentsOf(place: PlaceRef, day: string): Target[] {
  const out: Target[] = [{ level: 'all', place: '*', day }];
  if (place.community !== null) out.push({ level: 'community', place: place.community, day });
  if (place.street !== null) out.push({ level: 'street', place: place.street, day });
  if (place.district !== null) out.push({ level: 'district', place: place.district, day });
  return out;
}

async function countPage(deps: Deps, page: readonly DirtyTicket[]): Promise<number> {
  const now = deps.clock.now();
  const cells = new Map<string, { cell: string; day: string; place: PlaceRef }>();
  for (const t of page) {
    cells.set(`${t.cell}\u0000${t.day}`, { cell: t.cell, day: t.day, place: t.place });
    for (const s of t.stale) cells.set(`${s.cell}\u0000${t.day}`, { cell: s.cell, day: t.day, place: s.place });
  }
  const parents = new Map<string, Target>();
  for (const { cell, day, place } of cells.values()) {
    const tickets = await deps.figures.cellTickets(cell, day);
    // A cell whose tickets all moved away is written empty, so its old counts leave the sums.
    const where = tickets[0]?.place ?? place;
    await deps.figures.write('cell', cell, day, tallyTickets(tickets), where, now);
    for (const p of [...parentsOf(place, day), ...parentsOf(where, day)]) parents.set(`${p.level}\u0000${p.place}\u0000${p.day}`, p);
  }
  const months = new Map<string, Omit<Target, 'day'> & { month: string }>();
  for (const p of parents.values()) {
    await deps.figures.write(p.level, p.place, p.day, mergeBodies(await deps.figures.cellBodies(p.level, p.place, p.day)), null, now);
    const month = p.day.slice(0, 7);
    months.set(`${p.level}\u0000${p.place}\u0000${month}`, { level: p.level, place: p.place, month });
  }
  for (const m of months.values()) {
    const days = await deps.figures.read(m.level, m.place, `${m.month}-01`, `${m.month}-31`);
    const body = mergeBodies(days.map((d) => d.body));
    await deps.figures.writeMonth(
      m.level,
      m.place,
      m.month,
      { month: m.month, body, days: Object.fromEntries(days.map((d) => [d.day, d.body.total])) },
      now,
    );
  }
  let counted = 0;
  for (const t of page) if (await deps.figures.markCounted(t)) counted += 1;
  return counted;
}

/** Answers how many tickets it counted (0 when another run holds the lease). */
export async function countFigures(deps: Deps, budgetMs = 50_000): Promise<number> {
  const holder = deps.ids.newId();
  if (!(await deps.figures.lease(holder, deps.clock.now(), LEASE_MS))) return 0;
  const started = Date.now();
  let counted = 0;
  try {
    let after: string | null = null;
    while (Date.now() - started < budgetMs) {
      const page = await deps.figures.dirty(after, PAGE);
      if (page.length === 0) break;
      counted += await countPage(deps, page);
      after = page[page.length - 1]?.id ?? null;
    }
  } finally {
    await deps.figures.release(holder);
  }
  return counted;
}
