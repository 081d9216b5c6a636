// The SLA rules the lifecycle applies, built once from the holiday data in config.
import { acceptDeadline, createWorkCalendar, resolveDeadline } from '../domain/calendar';
import type { SlaRules } from '../domain/lifecycle';
import { workCalendarData } from '../config/holidays';

export const workCalendar = createWorkCalendar(workCalendarData);

export const sla: SlaRules = {
  acceptBy: (from, profile) => acceptDeadline(from, profile, workCalendar),
  resolveBy: (from, complexity, profile) => resolveDeadline(from, complexity, profile, workCalendar),
};
