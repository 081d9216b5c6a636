// Abuse limits on report.submit: at most 10 reports per resident per hour, exact under parallel
// submits; text that content security calls risky is refused and nothing is stored.
import { LOCAL_RISKY_WORD, LOCAL_REVIEW_WORD } from '../../../../cloudfunctions/_local/twins/content-check';
import { reportParams, seedCommunity, useTestApp } from '../../../support/app';
import { expectRefused } from '../../../support/flows';

const app = useTestApp(seedCommunity);

test('25 parallel submits by one resident make exactly 10 tickets', async () => {
  app.setNow('2026-11-24T10:00:00+08:00');
  const answers = await Promise.all(Array.from({ length: 25 }, () => app.call('flooder', 'report.submit', reportParams())));
  expect(answers.filter((a) => a.ok)).toHaveLength(10);
  const refused = answers.filter((a) => !a.ok);
  expect(refused).toHaveLength(15);
  for (const r of refused) expect(r).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  expect((await app.ok('flooder', 'report.mine', {})).items).toHaveLength(10);
  // an hour later the window has moved on
  app.setNow('2026-11-24T11:00:01+08:00');
  expect((await app.call('flooder', 'report.submit', reportParams())).ok).toBe(true);
});

test('a retried submit (same clientRequestId) does not count against the limit', async () => {
  app.setNow('2026-11-25T10:00:00+08:00');
  const params = reportParams();
  for (let i = 0; i < 15; i += 1) expect((await app.call('retrier', 'report.submit', params)).ok).toBe(true);
  expect((await app.ok('retrier', 'report.mine', {})).items).toHaveLength(1);
});

test('the limit reached, a retry of the last report is still answered with its ticket', async () => {
  app.setNow('2026-11-25T14:00:00+08:00');
  const all = Array.from({ length: 10 }, () => reportParams());
  const made: Api.Data<'report.submit'>[] = [];
  for (const params of all) made.push(await app.ok('at-limit', 'report.submit', params));
  await expectRefused(app, 'RATE_LIMITED', () => app.call('at-limit', 'report.submit', reportParams()));
  // The answer of the tenth was lost on a bad connection: the phone sends it again.
  expect(await app.ok('at-limit', 'report.submit', all[9])).toEqual(made[9]);
  expect((await app.ok('at-limit', 'report.mine', {})).items).toHaveLength(10);
});

test('a report refused for its input (unknown category, risky text) counts no hit against the hour', async () => {
  app.setNow('2026-11-27T10:00:00+08:00');
  await expectRefused(app, 'INVALID_INPUT', () => app.call('careful', 'report.submit', reportParams({ category: 'no-such-category' })));
  await expectRefused(app, 'CONTENT_REJECTED', () =>
    app.call('careful', 'report.submit', reportParams({ description: `楼道里有人${LOCAL_RISKY_WORD}` })),
  );
  for (let i = 0; i < 10; i += 1) await app.ok('careful', 'report.submit', reportParams());
  await expectRefused(app, 'RATE_LIMITED', () => app.call('careful', 'report.submit', reportParams()));
});

test('staff filing patrol finds are not limited', async () => {
  app.setNow('2026-11-26T10:00:00+08:00');
  for (let i = 0; i < 12; i += 1) await app.ok('worker-1', 'report.submit', reportParams({ patrol: true }));
});

test('risky text is refused and nothing is stored', async () => {
  await expectRefused(app, 'CONTENT_REJECTED', () =>
    app.call('resident-x', 'report.submit', reportParams({ description: `楼道里有人${LOCAL_RISKY_WORD}` })),
  );
});

test('text content security wants reviewed is kept', async () => {
  const answer = await app.call('resident-y', 'report.submit', reportParams({ description: `门口${LOCAL_REVIEW_WORD}` }));
  expect(answer.ok).toBe(true);
});
