// Ticket numbers people can read out on the phone: the Shanghai calendar day of submission
// and a per-day sequence, "20261122-0007". The sequence itself comes from a store counter.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China has kept UTC+8 without DST since 1991

export function shanghaiDayKey(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = String(local.getUTCMonth() + 1).padStart(2, '0');
  const d = String(local.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}`;
}

export function formatTicketNo(dayKey: string, sequence: number): string {
  return `${dayKey}-${String(sequence).padStart(4, '0')}`;
}
