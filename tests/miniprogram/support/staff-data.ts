// What the staff workbench's page tests and previews are answered with: real server answers
// (support/staff-answers.ts, taken at ANSWERS_NOW = 11月23日 10:00 Shanghai by running the test app
// through a grid worker's Monday morning), with small, named adjustments where a test needs a
// state the scenario does not hold (a count of zero, a list item renumbered for paging).
import { withPictures } from './demo-data';
import { staffAnswers, type StaffAnswers } from './staff-answers';

export { staffAnswers, type StaffAnswers };

/** staff.me as each role answers in the scenario (a district admin: the street admin's, moved up). */
export function staffMe(role: Api.StaffRole = 'gridWorker'): Api.StaffMe {
  const { me } = staffAnswers();
  switch (role) {
    case 'gridWorker':
      return me.worker;
    case 'communityAdmin':
      return me.community;
    case 'streetAdmin':
      return me.street;
    case 'deptHandler':
      return me.dept;
    case 'districtAdmin':
      return { ...me.street, openid: 'zhao-lei', role, scope: { district: '张店区' }, scopeLabel: '张店区', displayName: '赵磊' };
    case 'superAdmin':
      return { ...me.street, openid: 'local-admin', role, scope: null, scopeLabel: '系统管理员', displayName: null, servicePhone: null };
  }
}

export function counts(overrides: Partial<Api.QueueCounts> = {}): Api.QueueCounts {
  return { ...staffAnswers().counts, ...overrides };
}

/** 张燕's 待受理 tab: an urgent repair first, then a 代报, the fresh report, an older one nearby. */
export function queuePage(): Api.Page<Api.TicketListItem> {
  return staffAnswers().queue;
}

/** `count` queue items for paging and payload-size tests: real list items, renumbered. */
export function manyQueueItems(count: number, from = 0): Api.TicketListItem[] {
  const [model] = queuePage().items;
  if (!model) throw new Error('queue.list answered no items');
  return Array.from({ length: count }, (_, i) => ({
    ...model,
    id: `q-${from + i}`,
    no: `20261123-${String(100000 + from + i)}`,
    description: '楼道里堆放了很多杂物，影响通行，也有消防隐患。'.repeat(3),
  }));
}

/** The fresh report (two photos, a phone) as 张燕 sees it: accept, reject, transfer, escalate; contact. */
export function staffTicket(overrides: Partial<Api.TicketView> = {}): Api.TicketView {
  return { ...staffAnswers().tickets.submitted, ...overrides };
}

/** Accepted by 张燕, supervised by 陈静 (not answered), as 张燕: resolve, dispatch…; contact? no phone; reply. */
export function acceptedTicket(overrides: Partial<Api.TicketView> = {}): Api.TicketView {
  return { ...staffAnswers().tickets.accepted, ...overrides };
}

/** The same views with drawable pictures, for previews (the test server's links are gone then). */
export const pictured = withPictures;

/** The 督办 desk of 车站街道: the street's open 督办, the sweep's, and one answered. */
export function deskPage(): Api.Page<Api.SupervisionItem> {
  return staffAnswers().desk;
}
