// Ticket numbers are the Shanghai calendar day of submission and a per-day sequence,
// "20261122-0007", whatever the server's clock zone (the suite runs under TZ=UTC and
// TZ=Asia/Shanghai).
import { formatTicketNo, shanghaiDayKey } from '../../../cloudfunctions/_core/domain/ticket-no';

describe('shanghaiDayKey', () => {
  it.each([
    ['2026-11-22T00:00:00.000Z', '20261122', 'UTC midnight is 08:00 in Shanghai'],
    ['2026-11-21T15:59:59.999Z', '20261121', 'last millisecond of the Shanghai day'],
    ['2026-11-21T16:00:00.000Z', '20261122', 'Shanghai midnight, still the 21st in UTC'],
    ['2026-11-21T23:59:59.999Z', '20261122', 'UTC’s last millisecond of the 21st'],
    ['2026-11-22T15:59:59.999Z', '20261122', 'the end of the Shanghai day'],
    ['2025-12-31T15:59:59.999Z', '20251231', 'New Year’s Eve in Shanghai'],
    ['2025-12-31T16:00:00.000Z', '20260101', 'New Year in Shanghai, still the old year in UTC'],
    ['2028-02-28T16:00:00.000Z', '20280229', 'leap day'],
    ['2026-03-08T18:30:00.000Z', '20260309', 'no DST shift in Shanghai when Europe/US change'],
    ['2026-01-05T03:07:00.000+08:00', '20260105', 'an instant written with the +08:00 offset'],
  ])('%s → %s (%s)', (iso, key) => {
    expect(shanghaiDayKey(new Date(iso))).toBe(key);
  });
});

describe('formatTicketNo', () => {
  it.each([
    ['20261122', 1, '20261122-0001'],
    ['20261122', 7, '20261122-0007'],
    ['20261122', 42, '20261122-0042'],
    ['20261122', 9999, '20261122-9999'],
    ['20261122', 10000, '20261122-10000'],
  ])('%s #%i → %s', (day, seq, no) => {
    expect(formatTicketNo(day, seq)).toBe(no);
  });

  it('numbers from the same instant agree under any server zone', () => {
    expect(formatTicketNo(shanghaiDayKey(new Date('2026-11-21T16:30:00Z')), 7)).toBe('20261122-0007');
  });
});
