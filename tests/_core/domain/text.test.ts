// Written text must show something and carry nothing that hides or reorders what others read.
import { charCount, textProblem } from '../../../cloudfunctions/_core/domain/text';

describe('textProblem', () => {
  it.each([
    ['楼下垃圾没人清运', null],
    ['line one\nline two', null],
    ['emoji 👍 counts', null],
    ['  padded  ', null],
    ['', 'invisible'],
    ['   ', 'invisible'],
    ['\u200b', 'invisible'],
    ['\u200b\u200c\u200d\u2060\ufeff', 'invisible'],
    ['\u2800\u2800', 'invisible'],
    ['\u3164', 'invisible'],
    ['\u3000\u00a0\t\n', 'invisible'],
    ['abc\u0000def', 'control'],
    ['abc\u001bdef', 'control'],
    ['abc\u0085', 'control'],
    ['price \u202e01$', 'bidi'],
    ['\u2066isolate\u2069', 'bidi'],
    ['mark\u200f', 'bidi'],
    ['broken \ud83d tail', 'surrogate'],
    ['\udc4d', 'surrogate'],
  ])('%j → %s', (input, problem) => {
    expect(textProblem(input)).toBe(problem);
  });
});

test('charCount counts what people see: an emoji is one character', () => {
  expect(charCount('👍👍')).toBe(2);
  expect(charCount('垃圾')).toBe(2);
});
