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
