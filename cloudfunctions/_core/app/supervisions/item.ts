// A 督办 record as the desk and the handling page show it: who supervised by display name (or
// 系统 for the SLA sweep), never by openid; the category by its name.
import type { SupervisionRecord } from '../../ports';
import { ROLE_LABEL } from '../labels';

export function supervisionItem(record: SupervisionRecord, categoryName: (code: string) => string): Api.SupervisionItem {
  const byLabel = ROLE_LABEL[record.byRole];
  const answer = record.answer ?? null;
  return {
    id: record.id,
    ticketId: record.ticketId,
    ticketNo: record.ticketNo ?? '',
    category: record.category ?? '',
    categoryName: record.category ? categoryName(record.category) : '',
    note: record.note,
    at: record.at.toISOString(),
    by: record.byRole === 'system' ? byLabel : (record.byName ?? byLabel),
    byLabel,
    level: record.level,
    answered: answer !== null,
    answer: answer ? { note: answer.note, at: answer.at.toISOString(), by: answer.byName ?? ROLE_LABEL[answer.byRole] } : null,
  };
}
