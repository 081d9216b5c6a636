// The form's checks (utils/validate.ts). Above all: one phone rule — the client's copy of the
// pattern is the server's (app/schemas.ts), and both give the same verdict on every number here.
import { phone as serverPhone, PHONE_PATTERN as SERVER_PATTERN } from '../../cloudfunctions/_core/app/schemas';
import { isPhone, PHONE_PATTERN, validateReport, wrongFields } from '../../miniprogram/utils/validate';

const NUMBERS: Array<[string, boolean]> = [
  ['13812345678', true],
  ['19912345678', true],
  ['12345678901', false], // no mobile number starts 12
  ['10086123456', false],
  ['1381234567', false],
  ['138123456789', false],
  ['0533-1234567', true],
  ['05331234567', true],
  ['010-12345678', true],
  ['01012345678', true],
  ['0533-123456', false],
  ['533-1234567', false],
  ['+8613812345678', false],
  ['138 1234 5678', false],
  ['１３８１２３４５６７８', false],
  ['', false],
];

test("the client uses the server's phone pattern, character for character", () => {
  expect(PHONE_PATTERN.source).toBe(SERVER_PATTERN.source);
  expect(PHONE_PATTERN.flags).toBe(SERVER_PATTERN.flags);
});

test.each(NUMBERS)('%s: client and server agree (%s)', (number, valid) => {
  expect(isPhone(number)).toBe(valid);
  expect(serverPhone.safeParse(number).success).toBe(valid);
});

test('every wrong field is named, in the order of the form', () => {
  const errors = validateReport({ category: '', description: '  ', location: null, contactPhone: '12345' });
  expect(wrongFields(errors)).toEqual(['category', 'description', 'location', 'contactPhone']);
  expect(errors.contactPhone).toBe('电话号码格式不对，请检查（手机 11 位，座机带区号）');
  expect(
    validateReport({ category: 'sanitation', description: '路灯坏了', location: { latitude: 36.8, longitude: 118 }, contactPhone: '' }),
  ).toEqual({});
});
