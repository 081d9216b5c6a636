// Ticket numbers are the Shanghai calendar day of submission and six digits drawn from the
// ticket's id, "20261122-483917", whatever the server's clock zone (the suite runs under TZ=UTC
// and TZ=Asia/Shanghai); no shared counter is written.
import { shanghaiDayKey, ticketNo, TICKET_NO_PATTERN } from '../../../cloudfunctions/_core/domain/ticket-no';

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

describe('ticketNo', () => {
  const at = new Date('2026-11-21T16:30:00Z');

  it('is the Shanghai day and six digits, under any server zone', () => {
    expect(ticketNo(at, 'a'.repeat(32))).toMatch(/^20261122-\d{6}$/);
    expect(ticketNo(at, 'a'.repeat(32))).toMatch(TICKET_NO_PATTERN);
  });

  it('is a function of the id and the attempt: a retried request gets the same number', () => {
    const id = '0123456789abcdef0123456789abcdef';
    expect(ticketNo(at, id)).toBe(ticketNo(at, id, 0));
    expect(ticketNo(at, id, 1)).not.toBe(ticketNo(at, id, 0));
  });

  it('spreads 20 000 ids over the digits: clashes stay near what chance predicts', () => {
    const seen = new Set<string>();
    let clashes = 0;
    for (let i = 0; i < 20_000; i++) {
      const no = ticketNo(at, i.toString(16).padStart(32, '0'));
      if (seen.has(no)) clashes += 1;
      seen.add(no);
    }
    // Birthday bound for 20 000 draws from 1 000 000: about 200 expected.
    expect(clashes).toBeLessThan(400);
  });
});
