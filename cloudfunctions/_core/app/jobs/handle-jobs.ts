// The `jobs` function's entry: only its timer may start it. A call that carries a user's
// openid (a mini program calling it) is refused, whatever it asks for.
import { z } from 'zod';
import type { Deps } from '../../ports';
import { describeError, type Caller } from '../handle-api';
import { autoCloseResolved } from './auto-close';
import { deliver } from './deliver';
import { countFigures } from './figures';
import { sweep } from './sweep';

const jobEvent = z.object({
  Type: z.literal('Timer'),
  TriggerName: z.string().max(64),
  Time: z.string().max(64).optional(),
});

type Job = (deps: Deps) => Promise<number>;

/** The jobs, by the timer trigger's name (cloudfunctions/jobs/config.json). */
export const JOBS: Partial<Record<Api.JobName, Job>> = {
  sweep: (deps) => sweep(deps),
  autoClose: (deps) => autoCloseResolved(deps),
  deliver: (deps) => deliver(deps),
  figures: (deps) => countFigures(deps),
};

const KNOWN_JOBS: readonly string[] = ['sweep', 'deliver', 'autoClose', 'figures'] satisfies readonly Api.JobName[];

export async function handleJobs(event: unknown, caller: Caller, deps: Deps): Promise<Api.JobResponse> {
  if (typeof caller.openid === 'string' && caller.openid.length > 0) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由系统触发' } };
  }
  const parsed = jobEvent.safeParse(event);
  if (!parsed.success || !KNOWN_JOBS.includes(parsed.data.TriggerName)) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: '未知的定时任务' } };
  }
  const name = parsed.data.TriggerName as Api.JobName;
  const job = JOBS[name];
  if (!job) return { ok: false, error: { code: 'INVALID_INPUT', message: '该定时任务尚未启用' } };
  try {
    const processed = await job(deps);
    return { ok: true, data: { job: name, processed } };
  } catch (error) {
    console.error(`[jobs] ${name} failed: ${describeError(error)}`);
    return { ok: false, error: { code: 'INTERNAL', message: '任务执行失败，将在下次触发时重试' } };
  }
}
