// Server answers for the staff workbench's page tests and previews, taken from the real server
// like the resident's (support/real-answers.ts): support/staff-answers-build.ts runs the test app
// through a Monday morning of a grid worker, 张燕, before the tests start (jest globalSetup) and
// this module reads what it wrote. Times are those of ANSWERS_NOW (11月23日 10:00 Shanghai).
import fs from 'node:fs';

export interface StaffAnswers {
  now: string;
  /** staff.me of each kind of staff in the scenario. */
  me: { worker: Api.StaffMe; community: Api.StaffMe; street: Api.StaffMe; dept: Api.StaffMe };
  /** The worker's numbers and 待受理 tab (queue.list { status: 'submitted', duty: true }). */
  counts: Api.QueueCounts;
  queue: Api.Page<Api.TicketListItem>;
  /** The community admin's 已超期 tab: what the sweep escalated to them. */
  communityOverdue: Api.Page<Api.TicketListItem>;
  /** ticket.get as the one who sees it. */
  tickets: {
    /** A resident's fresh report with photos and a phone, as 张燕 (accept, reject, transfer, escalate; contact). */
    submitted: Api.TicketView;
    /** Accepted by 张燕, then supervised by 陈静 of the street (not answered), as 张燕. */
    accepted: Api.TicketView;
    /** Dispatched by 张燕 to 车站街道环卫所, as its handler 孙涛 (resolve, return). */
    dispatched: Api.TicketView;
    /** A grid ticket as 陈静, the street admin (supervise only). */
    forStreet: Api.TicketView;
    /** A 代报 张燕 filed for 王大爷, as 张燕. */
    proxy: Api.TicketView;
  };
  /** Pickers for `tickets.submitted` / `tickets.accepted`. */
  duplicates: Api.Data<'ticket.duplicates'>;
  gridsCommunity: Api.Page<Api.GridOption>;
  gridsDistrict: Api.Page<Api.GridOption>;
  departments: Api.Data<'departments.list'>;
  /** The street's 督办 desk. */
  desk: Api.Page<Api.SupervisionItem>;
  /** What the server answered to each move, made after all of the above was taken. */
  moves: {
    accept: Api.TicketView;
    reject: Api.TicketView;
    transfer: Api.TicketView;
    escalate: Api.TicketView;
    dispatch: Api.TicketView;
    resolve: Api.TicketView;
    reply: Api.TicketView;
    return: Api.TicketView;
    supervise: Api.TicketView;
    contact: Api.Data<'ticket.contact'>;
    /** ticket.get as 张燕 after the contact: the reveal in the timeline. */
    afterContact: Api.TicketView;
    /** report.submit of the 代报. */
    proxySubmit: Api.ReportSubmitData;
  };
  /** After 张店区水务局 was retired (停用): a 派发 to it refused, and departments.list then (without it). */
  retiredDepartment: { refused: Api.ErrorBody; departments: Api.Data<'departments.list'> };
}

export const STAFF_ANSWERS_ENV = 'MINIPROGRAM_STAFF_ANSWERS';

let cached: StaffAnswers | null = null;

/** The answers global-setup wrote for this run (a deep copy each time: tests may change them). */
export function staffAnswers(): StaffAnswers {
  if (!cached) {
    const file = process.env[STAFF_ANSWERS_ENV];
    if (!file)
      throw new Error(
        `${STAFF_ANSWERS_ENV} 未设置：工作台的真实服务器回答由 jest 的 globalSetup（tests/miniprogram/support/global-setup.ts）生成`,
      );
    cached = JSON.parse(fs.readFileSync(file, 'utf8')) as StaffAnswers;
  }
  return JSON.parse(JSON.stringify(cached)) as StaffAnswers;
}
