// handleJobs, the `jobs` function's entry: only its timer may start it. A call carrying a user's
// openid is refused whatever it asks for, and anything that is not a known timer event is
// INVALID_INPUT — in both cases before any job runs, so nothing changes.
import { handleJobs } from '../../../../cloudfunctions/_core/app/jobs/handle-jobs';
import { ADMIN, reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused } from '../../../support/flows';

const CHINESE = /[\u4e00-\u9fa5]/;

const app = useTestApp(async () => {
  // Long after the seeded ticket's deadlines: a sweep or auto-close that ran would change it.
  app.setNow('2026-11-24T02:00:00.000Z');
  await seedCommunity(app);
  await app.ok('resident-a', 'report.submit', reportParams());
  app.setNow('2026-12-24T02:00:00.000Z');
});

const run = (openid: string | null | undefined, event: unknown) => handleJobs(event, { openid }, app.server.deps);

const TIMER_EVENTS: Api.JobEvent[] = [
  { Type: 'Timer', TriggerName: 'sweep' },
  { Type: 'Timer', TriggerName: 'deliver', Time: '2026-12-24T02:00:00Z' },
  { Type: 'Timer', TriggerName: 'autoClose' },
];

describe('a call that carries an openid → FORBIDDEN, whatever the event', () => {
  const events: Array<[string, unknown]> = [
    ...TIMER_EVENTS.map((e): [string, unknown] => [`timer ${e.TriggerName}`, e]),
    ['an api-style event', { action: 'staff.me', params: {} }],
    ['an unknown trigger', { Type: 'Timer', TriggerName: 'dropAll' }],
    ['null', null],
    ['a string', 'sweep'],
    ['an empty object', {}],
  ];
  test.each(events)('%s', async (_name, event) => {
    for (const openid of ['resident-a', 'worker-1', ADMIN, ' ']) {
      const error = await expectRefused(app, 'FORBIDDEN', () => run(openid, event));
      expect(error.message).toMatch(CHINESE);
    }
  });
});

describe('without an openid, anything but a known timer event → INVALID_INPUT', () => {
  const events: Array<[string, unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'sweep'],
    ['a number', 1],
    ['an array', [{ Type: 'Timer', TriggerName: 'sweep' }]],
    ['an empty object', {}],
    ['an api-style event', { action: 'report.submit', params: reportParams() }],
    ['no Type', { TriggerName: 'sweep' }],
    ['another Type', { Type: 'Http', TriggerName: 'sweep' }],
    ['lower-case type', { Type: 'timer', TriggerName: 'sweep' }],
    ['no TriggerName', { Type: 'Timer' }],
    ['an unknown TriggerName', { Type: 'Timer', TriggerName: 'dropAll' }],
    ['a TriggerName of the wrong case', { Type: 'Timer', TriggerName: 'Sweep' }],
    ['an operator object as TriggerName', { Type: 'Timer', TriggerName: { $in: ['sweep'] } }],
    ['an Object.prototype name', { Type: 'Timer', TriggerName: 'constructor' }],
    ['an over-long TriggerName', { Type: 'Timer', TriggerName: 'sweep'.repeat(20) }],
    ['a Time that is not text', { Type: 'Timer', TriggerName: 'sweep', Time: 1 }],
  ];
  test.each(events)('%s', async (_name, event) => {
    for (const openid of [null, undefined, '']) {
      const error = await expectRefused(app, 'INVALID_INPUT', () => run(openid, event));
      expect(error.message).toMatch(CHINESE);
    }
  });
});

describe('a known timer event without an openid', () => {
  test.each(TIMER_EVENTS)('$TriggerName answers in the envelope: done with a count, or refused in Chinese', async (event) => {
    const answer = await run(null, event);
    if (answer.ok) {
      expect(answer.data).toEqual({ job: event.TriggerName, processed: expect.any(Number) });
    } else {
      // A job this build has not enabled yet.
      expect(answer.error.code).toBe('INVALID_INPUT');
      expect(answer.error.message).toMatch(CHINESE);
    }
  });
});
