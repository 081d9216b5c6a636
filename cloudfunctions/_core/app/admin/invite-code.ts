// An invite code as admins send it back: the 8 characters admin.invites.create makes (upper case,
// no look-alikes), checked before anything is looked up.
import { z } from 'zod';

export const inviteCode = z.string().regex(/^[A-Z0-9]{6,12}$/, '邀请码格式不正确');
