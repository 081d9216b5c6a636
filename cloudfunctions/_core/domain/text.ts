// What counts as text a person wrote: it must show something (not only spaces, zero-width or
// blank-looking characters such as U+200B, U+2800 braille blank or U+3164 hangul filler), and it
// may not carry control characters, bidi overrides that reorder what staff read, or lone
// surrogates that break storage and display. Lengths count characters as people see them
// (code points), so one emoji is one character.

/** Characters that render as nothing (or as blank space) in WeChat's fonts. */
const INVISIBLE =
  /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\u2800\u3000\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;
/** C0/C1 controls except tab and line breaks, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Explicit direction marks, embeddings, overrides and isolates. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'invisible' | 'control' | 'bidi' | 'surrogate';

/** Why a text is not acceptable as written text, or null when it is. */
export function textProblem(text: string): TextProblem | null {
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  if (CONTROL.test(text)) return 'control';
  if (BIDI.test(text)) return 'bidi';
  if (text.replace(INVISIBLE, '').length === 0) return 'invisible';
  return null;
}

/** Characters as people count them (code points). */
export const charCount = (text: string): number => Array.from(text).length;

export const TEXT_PROBLEM_MESSAGE: Readonly<Record<TextProblem, string>> = {
  invisible: '请填写内容',
  control: '内容含有不能显示的字符',
  bidi: '内容含有不能显示的字符',
  surrogate: '内容含有不能显示的字符',
};
