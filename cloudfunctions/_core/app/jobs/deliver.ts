// The `deliver` job: sends the subscription messages waiting in the durable outbox. Each row is
// claimed with a conditional update (so parallel runs never send the same attempt twice), uses
// one of the recipient's one-time grants, is sent, and is settled:
//   sent                        — WeChat took it;
//   skipped (final, never sent) — no grant left for that template;
//   refused (final)             — 43101: the user refused or has no grant; never retried;
//   failed  (final)             — 47003 bad field data, 41030 page not in the live version,
//                                 40003/40037 bad openid/template id, or 6 attempts used up;
//   pending (retry)             — any other error or a timeout: the grant is given back and the
//                                 row waits 1 min × 2^(attempt-1), at most 1 h.
// A run that dies between send and settle leaves the row 'sending'. Once its lease runs out the
// next run settles it as failed without sending again: WeChat may already have shown it, and no
// resident or staff member gets the same message twice (at most once when the outcome is unknown). The ticket is never touched: a failed
// message cannot block or undo the change that queued it. Logs carry row ids and error codes
// only — never the recipient or the message text.
import type { Deps, OutboxRow, OutboxState, SendResult } from '../../ports';

export const MAX_ATTEMPTS = 6;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** WeChat answers after which trying again cannot help. */
export const FINAL_ERRORS: ReadonlyMap<number, Extract<OutboxState, 'refused' | 'failed'>> = new Map([
  [43101, 'refused'],
  [47003, 'failed'],
  [41030, 'failed'],
  [40003, 'failed'],
  [40037, 'failed'],
]);

/** The code a send that did not answer in time is recorded with (the SDK's "call open API timeout"). */
export const TIMEOUT_ERRCODE = -604102;

/** Wait before the next attempt after attempt `attempt` (1-based) failed. */
export const backoffMs = (attempt: number): number => Math.min(MINUTE * 2 ** Math.max(0, attempt - 1), HOUR);

export interface DeliverOptions {
  /** Stop taking new rows after this long (the timer fires every minute). */
  budgetMs?: number;
  pageSize?: number;
  /** How long a claim holds a row; must outlast a send plus its settle. */
  leaseMs?: number;
  /** A send that has not answered by then counts as a failed attempt. */
  sendTimeoutMs?: number;
  /** Monotonic milliseconds, for the budget (the deps clock may be frozen in tests). */
  elapsed?: () => number;
  log?: (line: string) => void;
}

const DEFAULTS = {
  budgetMs: 40_000,
  pageSize: 50,
  leaseMs: 2 * MINUTE,
  sendTimeoutMs: 15_000,
} as const;

type Resolved = Required<DeliverOptions>;

const MAX_ERROR_TEXT = 200;

function withTimeout(send: Promise<SendResult>, ms: number): Promise<SendResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<SendResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, errCode: TIMEOUT_ERRCODE, errMsg: `no answer within ${ms} ms` }), ms);
  });
  // A send that answers after we gave up must not surface as an unhandled rejection.
  send.catch(() => undefined);
  return Promise.race([send, deadline]).finally(() => clearTimeout(timer));
}

/** How long a new ticket's message waits for its ticket (written at the same moment) before it is dropped. */
export const CONFIRM_WAIT_MS = 10 * MINUTE;

/**
 * A new ticket's message (written beside the ticket, not with it: `confirmNo`) goes out only once
 * that ticket exists with that number: 'wait' while it may still be being written, 'drop' when it
 * never was (the submit failed between) or was written under a number drawn again.
 */
async function confirmed(deps: Deps, row: OutboxRow): Promise<'send' | 'wait' | 'drop'> {
  if (!row.confirmNo) return 'send';
  const ticket = await deps.tickets.get(row.ticketId);
  if (ticket) return ticket.no === row.confirmNo ? 'send' : 'drop';
  return deps.clock.now().getTime() - row.createdAt.getTime() < CONFIRM_WAIT_MS ? 'wait' : 'drop';
}

/** One attempt at one row; true when this run claimed it. */
async function deliverOne(deps: Deps, row: OutboxRow, o: Resolved): Promise<boolean> {
  const check = row.state === 'pending' ? await confirmed(deps, row) : 'send';
  if (check === 'wait') return false;
  const claimedAt = deps.clock.now();
  if (!(await deps.outbox.claim(row, claimedAt, o.leaseMs))) return false;
  const attempt = row.attempts + 1;
  const where = `[deliver] row ${row.id} (${row.template}) attempt ${attempt}`;
  const settle = async (patch: Pick<OutboxRow, 'state' | 'nextAttemptAt' | 'lastError' | 'finishedAt'>): Promise<void> => {
    if (!(await deps.outbox.settle(row.id, attempt, patch))) o.log(`${where}: lease lost before settling as ${patch.state}`);
  };
  const finish = (state: OutboxState, lastError: string | null): Promise<void> =>
    settle({ state, nextAttemptAt: row.nextAttemptAt, lastError, finishedAt: deps.clock.now() });

  if (check === 'drop') {
    o.log(`${where}: its ticket was never written under this number; not sent`);
    await finish('failed', 'no such ticket: not sent');
    return true;
  }
  if (attempt > MAX_ATTEMPTS) {
    // Only reachable through runs that died mid-send: give up rather than retry forever.
    o.log(`${where}: giving up after ${MAX_ATTEMPTS} attempts`);
    await finish('failed', row.lastError ?? 'gave up: no outcome recorded');
    return true;
  }
  // A row taken back from a run that died ('sending', lease over): that run most likely sent it
  // (the send is the slow part), so it is not sent a second time, and its grant stays used.
  if (row.state === 'sending') {
    o.log(`${where}: the run before died while sending; not sent twice`);
    await finish('failed', 'outcome unknown: the sending run died; not sent twice');
    return true;
  }
  // A long-term subscription is not used up by a send: it only has to exist.
  const longTerm = deps.config.templateKinds?.[row.template] === 'longTerm';
  const granted = longTerm ? await deps.grants.has(row.touser, row.template) : await deps.grants.take(row.touser, row.template, claimedAt);
  if (!granted) {
    await finish('skipped', 'no subscription grant');
    return true;
  }

  const result = await withTimeout(
    deps.sender.send({ touser: row.touser, templateId: row.templateId, page: row.page, data: row.data }),
    o.sendTimeoutMs,
  );
  if (result.ok) {
    await finish('sent', null);
    return true;
  }
  const lastError = `${result.errCode} ${result.errMsg}`.slice(0, MAX_ERROR_TEXT);
  // 43101: WeChat holds no grant for this user and template, so there is nothing to give back.
  // Any other failure did not deliver, so WeChat did not use the grant either.
  if (result.errCode !== 43101 && !longTerm) await deps.grants.giveBack(row.touser, row.template, deps.clock.now());
  const final = FINAL_ERRORS.get(result.errCode);
  if (final) {
    o.log(`${where}: ${final} (errCode ${result.errCode})`);
    await finish(final, lastError);
  } else if (attempt >= MAX_ATTEMPTS) {
    o.log(`${where}: failed after ${attempt} attempts (errCode ${result.errCode})`);
    await finish('failed', lastError);
  } else {
    o.log(`${where}: will retry (errCode ${result.errCode})`);
    await settle({
      state: 'pending',
      nextAttemptAt: new Date(deps.clock.now().getTime() + backoffMs(attempt)),
      lastError,
      finishedAt: null,
    });
  }
  return true;
}

export function deliverWith(options: DeliverOptions = {}): (deps: Deps) => Promise<number> {
  const o: Resolved = {
    budgetMs: options.budgetMs ?? DEFAULTS.budgetMs,
    pageSize: Math.max(1, Math.min(options.pageSize ?? DEFAULTS.pageSize, 100)),
    leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
    sendTimeoutMs: options.sendTimeoutMs ?? DEFAULTS.sendTimeoutMs,
    elapsed: options.elapsed ?? (() => performance.now()),
    log: options.log ?? ((line) => console.warn(line)),
  };
  return async (deps) => {
    const started = o.elapsed();
    const inBudget = (): boolean => o.elapsed() - started < o.budgetMs;
    // A row this run already handled is not tried twice in one run, whatever due() answers.
    const seen = new Set<string>();
    let processed = 0;
    while (inBudget()) {
      const page = (await deps.outbox.due(deps.clock.now(), o.pageSize)).filter((row) => !seen.has(row.id));
      if (page.length === 0) break;
      for (const row of page) {
        if (!inBudget()) break;
        seen.add(row.id);
        try {
          if (await deliverOne(deps, row, o)) processed += 1;
        } catch (error) {
          // The outcome is unknown (the send may have gone out): the row stays as it is, and if
          // it was claimed, its lease runs out and a later run tries again.
          o.log(
            `[deliver] row ${row.id} (${row.template}): ${error instanceof Error ? error.name : 'unknown error'}; left for a later run`,
          );
        }
      }
    }
    return processed;
  };
}

/** The job registered in JOBS: defaults fit a 1-minute timer. */
export const deliver = deliverWith();
