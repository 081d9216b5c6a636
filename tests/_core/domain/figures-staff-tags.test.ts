// Figures name the staff who handled tickets as the timeline recorded them: one tag per handler,
// the later handling's tag winning whatever order days, months or parts are merged in, so a merge
// of rollups names them as a recount of the tickets does.
import { emptyBody, emptyTally, mergeBodies, type FigureBody, type StaffTag } from '../../../cloudfunctions/_core/domain/figures';

function handled(openid: string, tag: StaffTag): FigureBody {
  const body = emptyBody();
  const tally = emptyTally();
  tally.received = 1;
  tally.accepted = 1;
  body.total = { ...tally, acceptMinutes: {}, resolveMinutes: {} };
  body.byStaff[openid] = tally;
  body.staffTags[openid] = tag;
  return body;
}

test('the later handling names the handler, in any merge order', () => {
  const march = handled('w-1', { role: 'gridWorker', name: '张网格', at: '2026-03-02T01:00:00.000Z' });
  const may = handled('w-1', { role: 'communityAdmin', name: '张社区', at: '2026-05-09T03:00:00.000Z' });
  const other = handled('w-2', { role: 'gridWorker', name: null, at: '2026-04-01T00:00:00.000Z' });
  const orders = [
    [march, may, other],
    [may, other, march],
    [other, may, march],
  ];
  for (const bodies of orders) {
    const merged = mergeBodies(bodies);
    expect(merged.staffTags).toEqual({
      'w-1': { role: 'communityAdmin', name: '张社区', at: '2026-05-09T03:00:00.000Z' },
      'w-2': { role: 'gridWorker', name: null, at: '2026-04-01T00:00:00.000Z' },
    });
    expect(merged.byStaff['w-1']?.received).toBe(2);
  }
  // Merging copies: the inputs keep their own tags.
  expect(march.staffTags['w-1']?.name).toBe('张网格');
});

test('merges of merges equal one merge (days into months into a year)', () => {
  const bodies = [0, 1, 2, 3, 4, 5].map((i) =>
    handled(`w-${i % 2}`, { role: 'gridWorker', name: `网格员${i}`, at: `2026-0${i + 1}-01T00:00:00.000Z` }),
  );
  expect(mergeBodies([mergeBodies(bodies.slice(0, 2)), mergeBodies(bodies.slice(2))])).toEqual(mergeBodies(bodies));
});
