// Where a user's uploads live: uploads/{key}, the key an HMAC of their openid. A fileID then
// names no openid (staff see residents' photos, residents see handlers' photos), and nobody can
// compute another user's folder without the secret. The same rule in the cloud and locally.
import { createHmac } from 'node:crypto';

/** Used when UPLOAD_FOLDER_SECRET is not configured (deploy sets one; see README "Go live"). */
export const DEFAULT_UPLOAD_SECRET = 'yijian-shangbao-upload-folders';

export function uploadFolder(secret: string, openid: string): string {
  return `uploads/${createHmac('sha256', secret).update(openid).digest('hex').slice(0, 24)}`;
}

/** A fileID's path inside the bucket belongs to `folder` (no climbing out with ..). */
export function isUnder(path: string, folder: string): boolean {
  return path.startsWith(`${folder}/`) && !path.split('/').includes('..') && path.length > folder.length + 1;
}
