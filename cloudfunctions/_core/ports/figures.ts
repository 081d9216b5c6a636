// Figures: rollups per level × place × Shanghai day, kept by the figures job.
import type { FigureBody, Tally } from '../domain/figures';
import type { Ticket } from '../domain/types';

/**
 * The levels figures are kept at: a cell (a grid, or a triage place) and every place above it,
 * one rollup document per level × place × Shanghai day.
 */
export type FigureLevel = 'cell' | 'community' | 'street' | 'district' | 'all';

export interface DayFigures {
  day: string;
  body: FigureBody;
}

/** A ticket whose figures are not yet in the rollups, and the cells it left since. */
export interface DirtyTicket {
  id: string;
  version: number;
  day: string;
  cell: string;
  place: Ticket['place'];
  stale: Array<{ cell: string; place: Ticket['place'] }>;
}

/** The rollup of one place and Shanghai month (YYYY-MM): the merge of its days, and each day's total. */
export interface MonthFigures {
  month: string;
  body: FigureBody;
  days: Record<string, Tally>;
}

export interface FiguresStore {
  /** The rollups of one place for each Shanghai day within [fromDay, toDay] (YYYY-MM-DD), oldest first. */
  read(level: FigureLevel, place: string, fromDay: string, toDay: string): Promise<DayFigures[]>;
  /** The month rollups of one place (not cells) within [fromMonth, toMonth] (YYYY-MM), oldest first. */
  readMonths(level: Exclude<FigureLevel, 'cell'>, place: string, fromMonth: string, toMonth: string): Promise<MonthFigures[]>;
  /** Replaces a month's rollup (stored in parts that each fit well inside one query's answer). */
  writeMonth(level: Exclude<FigureLevel, 'cell'>, place: string, month: string, figures: MonthFigures, now: Date): Promise<void>;
  /** Takes the single-runner lease of the figures job; false while another run holds it. */
  lease(holder: string, now: Date, ms: number): Promise<boolean>;
  release(holder: string): Promise<void>;
  /** Tickets changed since their figures were last counted, by id. */
  dirty(after: string | null, limit: number): Promise<DirtyTicket[]>;
  /** Every ticket of one cell and day (their current state). */
  cellTickets(cell: string, day: string): Promise<Ticket[]>;
  /** The cell rollups of a day under one place (all cells for level 'all'). */
  cellBodies(level: Exclude<FigureLevel, 'cell'>, place: string, day: string): Promise<FigureBody[]>;
  write(level: FigureLevel, place: string, day: string, body: FigureBody, cellPlace: Ticket['place'] | null, now: Date): Promise<void>;
  /** Marks the ticket counted, unless it changed again (another version): then it stays dirty. */
  markCounted(ticket: DirtyTicket): Promise<boolean>;
}
