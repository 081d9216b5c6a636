// Rule: holidays and make-up workdays are policy held as data, one file per year, each copied from
// the State Council's 部分节假日安排 notice. Add a year only once its notice is published (2027: not
// yet); until then the work calendar falls back to Monday–Friday for that year and says so.
import type { WorkCalendarData } from '../../domain/calendar/work-calendar';
import { calendarData2025 } from './2025';
import { calendarData2026 } from './2026';

export { calendarData2025, calendarData2026 };

export const workCalendarData: readonly WorkCalendarData[] = [calendarData2025, calendarData2026];
