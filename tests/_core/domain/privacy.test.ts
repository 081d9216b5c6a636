// Staff see a reporter's phone masked like 138****1234 (DOMAIN.md "Privacy and abuse"): never the
// whole number, and never so little hidden that the number can be read anyway.
import { maskedExcerpt, maskFreeText, maskPhone } from '../../../cloudfunctions/_core/domain/privacy';

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

describe('maskFreeText: what reaches another resident', () => {
  const leaks = (masked: string, secret: string): boolean => masked.includes(secret);

  it.each([
    ['电话13812345678', ['13812345678']],
    ['电话138-1234-5678', ['138-1234-5678', '1234', '5678']],
    ['电话138 1234 5678', ['1234', '5678']],
    ['电话１３８１２３４５６７８', ['１３８', '５６７８']],
    ['电话一三八一二三四五六七八', ['一三八', '五六七八']],
    ['身份证370302198001011234', ['370302', '1234']],
    ['身份证37030219800101123X', ['370302', '123X']],
    ['3号楼2单元501的张建国', ['3号楼', '2单元', '501', '张建国']],
    ['微信号zhangjianguo1980', ['zhangjianguo', '1980']],
    ['加我微信：zjg_yard', ['zjg_yard']],
    ['QQ 12345678', ['12345678']],
    ['邮箱 wang.jm@example.com', ['wang.jm', 'example.com']],
    ['我是王建国，住这里', ['王建国']],
    ['我姓李，有事找我', ['姓李']],
    ['联系人刘芳', ['刘芳']],
    ['住12栋1001室', ['12栋', '1001']],
    ['我住501', ['501']],
  ])('%s hides %j', (text, secrets) => {
    const masked = maskFreeText(text);
    for (const secret of secrets) expect(leaks(masked, secret)).toBe(false);
    expect(Array.from(masked)).toHaveLength(Array.from(text).length);
  });

  it.each(['楼下垃圾桶已经满了两天，没人清运', '路灯坏了三盏，晚上很黑', '我的车被挡住了', '下水道堵了一个星期', '2026年11月的事'])(
    'keeps ordinary words: %s',
    (text) => {
      expect(maskFreeText(text)).toBe(text);
    },
  );

  it('an excerpt is masked before it is cut, and cut to the limit', () => {
    expect(maskedExcerpt('请联系13812345678处理垃圾问题，已经很多天了，一直没人管，非常影响生活环境和居民健康', 20)).toBe(
      '请联系***********处理垃圾问题…',
    );
  });
});
