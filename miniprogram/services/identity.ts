// Who the user is, from `staff.me` (it answers everyone, residents included): asked once per
// session and shared by everything that needs it — above all the photo upload, whose cloud path
// must sit under the caller's upload folder (uploads/{opaque key} from the server) or the server
// refuses the fileID. A failed lookup is not remembered, so the next caller asks again.
import { call, toApiError, ApiError } from './api';
import { sessionSlot } from '../utils/session';

const identity = sessionSlot<Promise<Api.StaffMe>>();

/** What the upload folder may look like before it goes into a storage path: uploads/{key}, no '..'. */
const FOLDER = /^uploads\/[A-Za-z0-9_-]{1,64}$/;

async function lookUp(): Promise<Api.StaffMe> {
  let me: Api.StaffMe;
  try {
    me = await call('staff.me', {});
  } catch (e) {
    throw toApiError(e);
  }
  if (!me || typeof me.uploadFolder !== 'string' || !FOLDER.test(me.uploadFolder)) throw new ApiError('INTERNAL');
  return me;
}

/** The caller as the server sees them; one `staff.me` per session, shared by concurrent callers. */
export function currentIdentity(): Promise<Api.StaffMe> {
  const known = identity.get();
  if (known) return known;
  const pending = lookUp();
  identity.set(pending);
  pending.catch(() => {
    if (identity.get() === pending) identity.clear();
  });
  return pending;
}

/** The caller's cloud storage folder for photos (throws ApiError when it cannot be known). */
export async function myUploadFolder(): Promise<string> {
  return (await currentIdentity()).uploadFolder;
}

/** Drops the cached identity, e.g. after staff.bind changed the role. */
export function forgetIdentity(): void {
  identity.clear();
}
