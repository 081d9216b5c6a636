// What staff may see of a reporter: a phone number masked to its first three and last four
// digits (138****1234), never the whole number; residents never see other people's data.
// A +86 / 0086 prefix is dropped first; a number too short to hide four digits in the middle
// shows at most its last four (a bare landline) or nothing at all.
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  let digits = phone.replace(/\D/g, '');
  const mobileAfterCountryCode = /^(?:0086|86)(1\d{10})$/.exec(digits);
  if (mobileAfterCountryCode?.[1]) digits = mobileAfterCountryCode[1];
  if (digits.length === 0) return null;
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 8) return `****${digits.slice(-4)}`;
  return '*'.repeat(digits.length);
}

// ---- other residents' free text ----
// A neighbour who asks "同一个问题?" may see a few words of someone else's report, but nothing
// that leads to the person: phone and ID numbers in any spelling (plain, spaced, dashed,
// full-width ０-９, Chinese numerals 一三八…), house and room numbers (3号楼2单元501), the name
// that follows them or follows 我是/我叫/姓/叫/联系人, WeChat/QQ ids and e-mail addresses, and any
// token of letters mixed with digits. Masked characters become '*'; the text keeps its shape.

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/;
const CHINESE_NUMERAL = /[〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖两幺]/;
const isDigitLike = (ch: string): boolean => /[0-9]/.test(ch) || FULL_WIDTH_DIGIT.test(ch) || CHINESE_NUMERAL.test(ch);
const isAsciiOrWideDigit = (ch: string): boolean => /[0-9]/.test(ch) || FULL_WIDTH_DIGIT.test(ch);
const SEPARATOR = /[\s\-－—_.·,，、]/;
/** Words that make the number before or after them an address. */
const ADDRESS_WORD = /^(号楼|号院|栋|幢|单元|号|层|楼|室|户|门牌|座|区|排|组)/;
const ADDRESS_BEFORE = /(号楼|栋|幢|单元|层|楼|室|门牌|门牌号|房号|房间|住|住在|#)$/;
/** After these, the next few Chinese characters are someone's name. */
const NAME_CUE = /(我是|我叫|本人|姓|叫|联系人|找|的)$/;
const CJK = /[\u4e00-\u9fff]/;
/** After these, the next token is an account id. */
const ACCOUNT_CUE = /(微信号?|威信|v信|V信|vx|VX|Vx|wx|WX|Wx|QQ|qq|扣扣|邮箱|手机号?|电话|tel|TEL)[:：\s]*$/;

function maskRange(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (!SEPARATOR.test(chars[i] ?? '')) chars[i] = '*';
}

export function maskFreeText(text: string): string {
  const chars = Array.from(text);
  const masked = new Set<number>();
  const mark = (from: number, to: number): void => {
    maskRange(chars, from, to);
    for (let i = from; i < to; i++) masked.add(i);
  };
  // 1. Runs of digits (any spelling) joined by separators: five or more digits is a number to hide;
  //    a run next to an address word (3号楼, 单元501, 住1001) is part of an address.
  for (let i = 0; i < chars.length;) {
    if (!isDigitLike(chars[i] ?? '')) {
      i++;
      continue;
    }
    let end = i;
    let digits = 0;
    let asciiDigits = 0;
    let j = i;
    while (j < chars.length && (isDigitLike(chars[j] ?? '') || (SEPARATOR.test(chars[j] ?? '') && isDigitLike(chars[j + 1] ?? '')))) {
      if (isDigitLike(chars[j] ?? '')) {
        digits++;
        if (isAsciiOrWideDigit(chars[j] ?? '')) asciiDigits++;
        end = j + 1;
      }
      j++;
    }
    // An ID number's trailing X belongs to it.
    if (digits >= 17 && /[xX]/.test(chars[end] ?? '')) end++;
    const before = chars.slice(Math.max(0, i - 4), i).join('');
    const after = chars.slice(end, end + 3).join('');
    const address = ADDRESS_WORD.test(after) || ADDRESS_BEFORE.test(before);
    if (digits >= 5 || (address && (asciiDigits > 0 || digits >= 1))) mark(i, end);
    i = Math.max(j, i + 1);
  }
  // 2. Account ids and e-mail addresses, and any token mixing letters with digits.
  const joined = chars.join('');
  const tokenPattern = /[A-Za-z0-9_][A-Za-z0-9_.\-@]{3,}/g;
  for (const match of joined.matchAll(tokenPattern)) {
    const token = match[0];
    const start = Array.from(joined.slice(0, match.index)).length;
    const length = Array.from(token).length;
    const before = joined.slice(Math.max(0, (match.index ?? 0) - 6), match.index);
    const mixed = /[A-Za-z]/.test(token) && /[0-9*]/.test(token);
    if (ACCOUNT_CUE.test(before) || mixed || token.includes('@') || token.includes('_')) mark(start, start + length);
  }
  // 3. Names: the Chinese characters right after a name cue (and after a masked house number's 的).
  for (let i = 0; i < chars.length; i++) {
    if (!CJK.test(chars[i] ?? '') || masked.has(i)) continue;
    const before = chars.slice(Math.max(0, i - 3), i).join('');
    const cue = NAME_CUE.exec(before);
    if (!cue) continue;
    // 的 counts only after a masked address ("501的张建国"), not in ordinary speech ("我的车").
    if (cue[1] === '的' && !masked.has(i - 2)) continue;
    let end = i;
    while (end < chars.length && end - i < 3 && CJK.test(chars[end] ?? '') && !/[的在住家说是和]/.test(chars[end] ?? '')) end++;
    if (end > i) mark(i, end);
    i = end;
  }
  return chars.join('');
}

/** At most `max` characters of someone else's text, masked first, with an ellipsis when cut. */
export function maskedExcerpt(text: string, max: number): string {
  const chars = Array.from(maskFreeText(text).replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
