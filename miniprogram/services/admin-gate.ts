// Who may use the admin pages: the server says so (staff.me's `administration` ability); a
// resident is told how to bind, other staff that the pages are not theirs.
import { toApiError } from './api';
import { currentIdentity } from './identity';

export type AdminGate =
  { gate: 'admin'; me: Api.StaffMe } | { gate: 'resident' } | { gate: 'forbidden' } | { gate: 'error'; message: string };

export async function adminGate(): Promise<AdminGate> {
  let me: Api.StaffMe;
  try {
    me = await currentIdentity();
  } catch (e) {
    return { gate: 'error', message: toApiError(e).message };
  }
  if (me.role === 'resident') return { gate: 'resident' };
  return me.abilities.includes('administration') ? { gate: 'admin', me } : { gate: 'forbidden' };
}
