// Figures: rollups per level × place × Shanghai day, kept by the figures job.
import type { FigureBody } from '../domain/figures';
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

export interface FiguresStore {
  /** The rollups of one place for each Shanghai day within [fromDay, toDay] (YYYY-MM-DD), oldest first. */
  read(level: FigureLevel, place: string, fromDay: string, toDay: string): Promise<DayFigures[]>;
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
