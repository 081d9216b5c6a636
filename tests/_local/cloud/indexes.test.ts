// The query planner's rule (equality fields first, then the sort key, else a range field),
// which the local cloud enforces with `enforceIndexes` and the store index test walks.
import { queryShapes, serves, unservedReason, type IndexFields } from '../../../cloudfunctions/_local/cloud';

const idx = (...fields: string[]): IndexFields => fields.map((f) => [f.replace(/^-/, ''), f.startsWith('-') ? -1 : 1] as const);

describe('serves', () => {
  const shape = (query: Record<string, unknown>, order?: Record<string, 1 | -1>) => {
    const [first] = queryShapes(query, order);
    if (!first) throw new Error('no shape');
    return first;
  };

  it.each([
    ['equality in any order, then the sort', idx('a', 'b', 'due'), { b: 1, a: { $in: [1, 2] } }, { due: 1 }, true],
    ['a reversed sort is served', idx('a', '-newest'), { a: 1 }, { newest: 1 }, true],
    ['the sort must follow the equality prefix', idx('a', 'x', 'due'), { a: 1 }, { due: 1 }, false],
    ['every equality field must be in the prefix', idx('a', 'due'), { a: 1, b: 2 }, { due: 1 }, false],
    [
      'without a sort, a range field follows the prefix',
      idx('status', 'sweepKey'),
      { status: { $in: ['s'] }, sweepKey: { $lt: 'z' } },
      undefined,
      true,
    ],
    ['a range field elsewhere is not served', idx('status', 'x', 'sweepKey'), { status: 's', sweepKey: { $lt: 'z' } }, undefined, false],
    ['equality on the sort field does not break the sort', idx('a', 'due'), { a: 1, due: 'x' }, { due: 1 }, true],
    [
      'a $and of ranges on one field is a range',
      idx('day'),
      { day: { $and: [{ $gte: '2026-01-01' }, { $lte: '2026-12-31' }] } },
      undefined,
      true,
    ],
    ['mixed directions in a two-key sort must match the index', idx('a', 'b', '-c'), { a: 1 }, { b: 1, c: 1 }, false],
  ] as Array<[string, IndexFields, Record<string, unknown>, Record<string, 1 | -1> | undefined, boolean]>)(
    '%s',
    (_name, index, query, order, expected) => {
      expect(serves(index, shape(query, order))).toBe(expected);
    },
  );

  it('checks each branch of a top-level $or', () => {
    const query = {
      $or: [
        { state: 'pending', next: { $lte: 1 } },
        { state: 'sending', lease: { $lt: 1 } },
      ],
    };
    expect(unservedReason(query, { createdAt: 1 }, [idx('state', 'createdAt')])).toBeUndefined();
    expect(unservedReason(query, undefined, [idx('state', 'next')])).toMatch(/lease/);
    expect(unservedReason(query, undefined, [idx('state', 'next'), idx('state', 'lease')])).toBeUndefined();
  });

  it('an _id equality, and an empty query without a sort, need no declared index', () => {
    expect(unservedReason({ _id: 'x', other: 1 }, undefined, [])).toBeUndefined();
    expect(unservedReason({}, undefined, [])).toBeUndefined();
    expect(unservedReason({}, { _id: 1 }, [])).toBeUndefined();
    expect(unservedReason({ x: 1 }, undefined, [])).toMatch(/equality \[x\]/);
  });
});
