// The form's own checks, mirroring the contract's limits so a resident hears about a mistake
// before the network is involved (the server checks again; its word is final).
import { zh } from '../i18n/zh';

export const DESCRIPTION_MAX = 500;
export const REASON_MAX = 200;

export interface ReportFields {
  category: string;
  description: string;
  location: Api.Location | null;
  contactPhone: string;
}

export interface FieldErrors {
  category?: string;
  description?: string;
  location?: string;
  contactPhone?: string;
}

/** Mobile (11 digits) or landline with area code. */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

export function validateReport(f: ReportFields): FieldErrors {
  const errors: FieldErrors = {};
  if (!f.category) errors.category = zh.report.errorCategory;
  const text = f.description.trim();
  if (text.length < 1 || text.length > DESCRIPTION_MAX) errors.description = zh.report.errorDescription;
  if (!f.location) errors.location = zh.report.errorLocation;
  const phone = f.contactPhone.trim();
  if (phone && !PHONE.test(phone)) errors.contactPhone = zh.report.errorPhone;
  return errors;
}

export function hasErrors(e: FieldErrors): boolean {
  return Object.keys(e).length > 0;
}
