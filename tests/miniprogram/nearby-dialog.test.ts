// nearby-dialog: the open tickets nearby, listed (never opened); the filled button keeps the
// resident's work, the outlined one gives it up for the existing ticket and says so.
import { nearbyRows } from '../../miniprogram/utils/report-form';
import { fixClock, realClock } from './support/clock';
import { realAnswers } from './support/real-answers';
import { exists, find, flush, load, render, tap, textOf, type Root } from './support/render';

let id: string;
beforeAll(() => {
  id = load('components/nearby-dialog/nearby-dialog');
});
beforeEach(() => fixClock());
afterEach(() => realClock());

async function dialog(follow = false): Promise<{ c: Root; decisions: string[] }> {
  const c = render(id, { visible: true, follow, items: nearbyRows(realAnswers().nearby.items, new Date()) });
  const decisions: string[] = [];
  (c.instance as unknown as { triggerEvent: (name: string, detail: { decision: string; ref?: string }) => void }).triggerEvent = (
    name,
    detail,
  ) => {
    if (name === 'decide') decisions.push(detail.ref ? `${detail.decision}:${detail.ref}` : detail.decision);
  };
  await flush();
  return { c, decisions };
}

test('lists each candidate with status, "50 米内" and when it was reported', async () => {
  const { c } = await dialog();
  expect(textOf(find(c, '.nearby__item'))).toBe('*号楼东门口的垃圾又堆起来了，已经两天没人清运。待受理 · 50 米内 · 11月23日 09:00 上报');
});

test('each button raises its decision', async () => {
  const { c, decisions } = await dialog();
  await tap(c, '.nearby-continue');
  await tap(c, '.nearby-same');
  await tap(c, '.nearby-cancel');
  expect(decisions).toEqual(['continue', 'same', 'cancel']);
});

test('with following on, each ticket has its own 我也遇到了 instead of giving the draft up', async () => {
  const { c, decisions } = await dialog(true);
  expect(exists(c, '.nearby-same')).toBe(false);
  await tap(c, '.nearby-follow', 0);
  expect(decisions).toEqual([`follow:${realAnswers().nearby.items[0]?.ref}`]);
});

test('at most five candidates, each cut to a short excerpt', () => {
  const [one] = realAnswers().nearby.items;
  if (!one) throw new Error('no nearby item');
  const rows = nearbyRows(
    Array.from({ length: 8 }, (_, i) => ({ ...one, ref: `n${i}`, description: '很长的描述'.repeat(20) })),
    new Date(),
  );
  expect(rows).toHaveLength(5);
  expect(rows[0]?.excerpt).toHaveLength(41);
});
