// Server answers for the mini program tests, taken from the real server: support/real-answers-build.ts
// runs the test app (tests/support/app.ts: handleApi over the embedded local cloud) through a
// resident's week before the tests start (jest globalSetup, support/global-setup.ts) and this module
// reads what it wrote. So a page test shows what the server really sends — "11月24日 24:00" where
// the server means the end of that day — instead of hand-typed values the server never sends.
import fs from 'node:fs';

/** Monday 2026-11-23 10:00 Shanghai: the moment every answer was taken, and the tests' fixed clock. */
export const ANSWERS_NOW = '2026-11-23T02:00:00.000Z';

export interface RealAnswers {
  now: string;
  /** The resident whose reports these are. */
  resident: string;
  /** report.submit of `tickets.submitted`. */
  submit: Api.ReportSubmitData;
  /** report.submit of a report outside every grid (to the community's triage queue). */
  submitTriage: Api.ReportSubmitData;
  /** ticket.get as the resident, one ticket in each state. */
  tickets: {
    /** Filed 11/23 09:20 with two photos; to be accepted by 11/24 24:00; may be withdrawn. */
    submitted: Api.TicketView;
    /** 抢修抢险 filed 11/23 09:00: its 30 minutes to acceptance are up, the sweep has not run yet. */
    urgentLate: Api.TicketView;
    /** Filed Sunday 11/22 14:05, accepted Monday 08:30: to be resolved by 11/26 24:00. */
    accepted: Api.TicketView;
    /** Accepted 11/16, missed 11/19 24:00, escalated to the community by the sweep on 11/20. */
    overdue: Api.TicketView;
    /** Resolved 11/20 with photos, waiting for the resident's rating. */
    resolved: Api.TicketView;
    /** Rated 满意 with a comment. */
    closed: Api.TicketView;
    /** Rated 不满意: may ask for 重办. */
    unsatisfied: Api.TicketView;
    /** 不予受理 with a reason. */
    rejected: Api.TicketView;
    /** Withdrawn by the resident. */
    withdrawn: Api.TicketView;
  };
  /** report.mine as the resident: the first page. */
  mine: Api.Page<Api.TicketListItem>;
  /** categories.list as the server answers with no admin changes: the built-in nine. */
  categories: Api.Data<'categories.list'>;
  /** report.nearby for another resident standing by `tickets.submitted`. */
  nearby: Api.Data<'report.nearby'>;
  /** What the server answered to the resident's moves, made after all of the above was taken. */
  moves: {
    /** report.rate 满意 "处理得很快，谢谢！" on `tickets.resolved`. */
    rate: Api.TicketView;
    /** report.reopen "晚上还在装修，请再处理" on `tickets.unsatisfied`. */
    reopen: Api.TicketView;
    /** report.withdraw on `tickets.submitted`. */
    withdraw: Api.TicketView;
    /** report.urge on `tickets.urgentLate`. */
    urge: Api.TicketView;
    /** report.follow by the other resident, with the ref `nearby` offered them for `tickets.submitted`. */
    follow: Api.TicketView;
    /** report.claim by the resident of a 代报 worker-1 filed for them (its code as the worker saw it). */
    claim: Api.TicketView;
  };
  /** After an admin retired (停用) 生活服务: the resident's report in it refused, and categories.list without it. */
  retired: { refused: Api.ErrorBody; categories: Api.Data<'categories.list'> };
}

export const REAL_ANSWERS_ENV = 'MINIPROGRAM_REAL_ANSWERS';

let cached: RealAnswers | null = null;

/** The answers global-setup wrote for this run (a deep copy each time: tests may change them). */
export function realAnswers(): RealAnswers {
  if (!cached) {
    const file = process.env[REAL_ANSWERS_ENV];
    if (!file)
      throw new Error(`${REAL_ANSWERS_ENV} 未设置：真实服务器回答由 jest 的 globalSetup（tests/miniprogram/support/global-setup.ts）生成`);
    cached = JSON.parse(fs.readFileSync(file, 'utf8')) as RealAnswers;
  }
  return JSON.parse(JSON.stringify(cached)) as RealAnswers;
}

/** A ticket as a list item (what report.mine answers for it). */
export function asListItem(view: Api.TicketView): Api.TicketListItem {
  const { timeline: _timeline, ...item } = view;
  return item;
}
