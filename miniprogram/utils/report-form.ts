// The report form's pure parts: what the "same problem?" dialog lists, and what travels to the
// success page. The page (pages/report) wires them to the components and the API.
import { zh } from '../i18n/zh';
import { excerpt, statusLabel } from './ticket-view';
import { formatDateTime } from './time';

export interface NearbyRow {
  id: string;
  excerpt: string;
  statusLabel: string;
  distance: string;
  createdText: string;
}

/** At most five candidates; the server already keeps them within 50 m, so no finer distance is shown. */
export function nearbyRows(items: Api.NearbyItem[], now: Date): NearbyRow[] {
  return items.slice(0, 5).map((it) => ({
    id: it.ref,
    excerpt: excerpt(it.description, 40),
    statusLabel: statusLabel(it.status),
    distance: zh.report.nearbyDistance,
    createdText: formatDateTime(it.reportedHour, now),
  }));
}

/** What the success page needs of report.submit's answer, as its query string. */
export function successQuery(answer: Api.ReportSubmitData): string {
  return [
    `ticketId=${encodeURIComponent(answer.ticketId)}`,
    `no=${encodeURIComponent(answer.no)}`,
    `deadline=${encodeURIComponent(answer.deadline ? answer.deadline.label : '')}`,
    `triage=${answer.gridCode ? '0' : '1'}`,
  ].join('&');
}

/** The promise the success page makes: a lead-in, then the server's words ("11月25日 24:00 前受理"). */
export function successPromise(deadlineLabel: string, triage: boolean): { lead: string; deadline: string } {
  if (!deadlineLabel) return { lead: zh.success.soon, deadline: '' };
  return { lead: triage ? zh.success.triageLead : zh.success.promiseLead, deadline: deadlineLabel };
}
