// Who may use a page, as the server says (staff.me): the admin pages need the `administration`
// ability; the workbench's pages any staff role, some of them an ability too. A resident is told
// how to bind, other staff that the page is not theirs.
import { zh } from '../i18n/zh';
import { toApiError } from './api';
import { currentIdentity } from './identity';

export type GateCheck =
  { gate: 'open'; me: Api.StaffMe } | { gate: 'resident' } | { gate: 'forbidden'; message: string } | { gate: 'error'; message: string };

async function check(needs: Api.StaffAbility | null, refusal: string): Promise<GateCheck> {
  let me: Api.StaffMe;
  try {
    me = await currentIdentity();
  } catch (e) {
    return { gate: 'error', message: toApiError(e).message };
  }
  if (me.role === 'resident') return { gate: 'resident' };
  if (needs && !me.abilities.includes(needs)) return { gate: 'forbidden', message: refusal };
  return { gate: 'open', me };
}

/** The admin pages: admins only (admin-gate-view words the refusal itself). */
export function adminGate(): Promise<GateCheck> {
  return check('administration', '');
}

/** A workbench page: any staff member, or with `needs` only those the server gives that ability. */
export function staffGate(needs: Api.StaffAbility | null = null): () => Promise<GateCheck> {
  return () => check(needs, zh.staff.forbidden);
}
