// Ids like TCB's (32 hex characters), stable ids for idempotency keys, and invite codes from an
// alphabet without look-alike characters, so a code read out on the phone is typed right.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Ids } from '../../ports';

const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const cryptoIds: Ids = {
  newId: () => randomBytes(16).toString('hex'),
  idFromKey: (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32),
  inviteCode: () => Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join(''),
};
