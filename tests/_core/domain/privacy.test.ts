// Staff see a reporter's phone masked like 138****1234 (DOMAIN.md "Privacy and abuse"): never the
// whole number, and never so little hidden that the number can be read anyway.
import { maskPhone } from '../../../cloudfunctions/_core/domain/privacy';

describe('maskPhone', () => {
  it.each([
    // mobile numbers, however written
    ['13812341234', '138****1234'],
    ['138-1234-1234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    [' 13812341234 ', '138****1234'],
    ['+86 138 1234 1234', '138****1234'],
    ['+8613812341234', '138****1234'],
    ['008613812341234', '138****1234'],
    ['86-13812341234', '138****1234'],
    // landlines with their area code
    ['021-62345678', '021****5678'],
    ['(021) 6234 5678', '021****5678'],
    ['0755-12345678', '075****5678'],
    // a landline without area code: only the last four shown, at least four hidden
    ['62345678', '****5678'],
    ['6234-5678', '****5678'],
    ['1234567890', '****7890'],
    // too short to show any of it
    ['1234567', '*******'],
    ['12345', '*****'],
    ['110', '***'],
  ])('%j → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it.each([null, '', '   ', 'abc', '无', '--'])('nothing to show for %j → null', (input) => {
    expect(maskPhone(input)).toBeNull();
  });

  it.each(['13812341234', '021-62345678', '62345678', '1234567', '+86 138 1234 1234'])(
    'never shows more than seven digits of %j, and hides at least four',
    (input) => {
      const masked = maskPhone(input) ?? '';
      const digits = input.replace(/\D/g, '');
      const shown = masked.replace(/\D/g, '');
      expect(shown.length).toBeLessThanOrEqual(7);
      expect(masked).toMatch(/\*{4,}/);
      expect(shown.length).toBeLessThan(digits.length);
    },
  );
});
