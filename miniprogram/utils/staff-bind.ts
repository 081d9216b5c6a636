// The bind page's input: an invite code typed, scanned or carried in by a QR code (the admin's
// 小程序码 opens the bind page with the code as its `scene`), the display name residents will
// read, and an optional public work number. The checks mirror the server's staff.bind schema so a
// mistake is heard before the network is involved; the server's word is final.
import { zh } from '../i18n/zh';
import { isPhone } from './validate';

const CODE = /^[A-Za-z0-9]{6,12}$/;
/** Control, format (bidi included), private-use and every separator but the plain space (as the server's displayName). */
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The invite code in whatever a scan or a link gave: the code itself, "scene=CODE" / "code=CODE"
 * in a query or a page path, a URL carrying either; upper-cased. Null when there is none.
 */
export function inviteCodeFrom(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = decode(raw.trim());
  if (CODE.test(text)) return text.toUpperCase();
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
  for (const part of query.split('&')) {
    const [key, value] = part.split('=');
    if ((key === 'scene' || key === 'code') && value) {
      const code = decode(value).trim();
      if (CODE.test(code)) return code.toUpperCase();
    }
  }
  return null;
}

export interface BindFields {
  code: string;
  displayName: string;
  servicePhone: string;
}

export interface BindErrors {
  code?: string;
  displayName?: string;
  servicePhone?: string;
}

/** The display name as the server keeps it: trimmed, inner runs of spaces made one. */
export function cleanName(name: string): string {
  return name.trim().replace(/ {2,}/g, ' ');
}

export function validateBind(f: BindFields): BindErrors {
  const errors: BindErrors = {};
  if (!CODE.test(f.code.trim())) errors.code = zh.staff.bind.errorCode;
  const name = cleanName(f.displayName);
  const length = Array.from(name).length;
  if (length < 1 || length > 20 || INVISIBLE.test(name) || !/\p{L}/u.test(name)) errors.displayName = zh.staff.bind.errorName;
  const phone = f.servicePhone.trim();
  if (phone && !isPhone(phone)) errors.servicePhone = zh.staff.bind.errorPhone;
  return errors;
}

export function bindParams(f: BindFields): Api.Params<'staff.bind'> {
  const phone = f.servicePhone.trim();
  return { inviteCode: f.code.trim().toUpperCase(), displayName: cleanName(f.displayName), ...(phone ? { servicePhone: phone } : {}) };
}
