// The form's own checks, the same limits as the contract, so a resident hears about a mistake
// before the network is involved (the server checks again; its word is final). The phone rule is
// the server's (cloudfunctions/_core/app/schemas.ts): tests/miniprogram/validate.test.ts holds the
// two to the same pattern and the same verdicts.
import { zh } from '../i18n/zh';

export const DESCRIPTION_MAX = 500;
export const REASON_MAX = 200;

/** Mobile (1[3-9] and 9 more digits) or landline with area code, as the server's `phone`. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

export interface ReportFields {
  category: string;
  description: string;
  location: Api.Location | null;
  contactPhone: string;
}

export type ReportField = keyof ReportFields;

/** The fields in the order they sit on the form (the first wrong one is scrolled to). */
export const REPORT_FIELDS: ReadonlyArray<ReportField> = ['category', 'description', 'location', 'contactPhone'];

export type FieldErrors = Partial<Record<ReportField, string>>;

export function isPhone(text: string): boolean {
  return PHONE_PATTERN.test(text);
}

export function validateReport(f: ReportFields): FieldErrors {
  const errors: FieldErrors = {};
  if (!f.category) errors.category = zh.report.errorCategory;
  const text = f.description.trim();
  if (text.length < 1 || text.length > DESCRIPTION_MAX) errors.description = zh.report.errorDescription;
  if (!f.location) errors.location = zh.report.errorLocation;
  const phone = f.contactPhone.trim();
  if (phone && !isPhone(phone)) errors.contactPhone = zh.report.errorPhone;
  return errors;
}

/** The wrong fields, in form order. */
export function wrongFields(e: FieldErrors): ReportField[] {
  return REPORT_FIELDS.filter((f) => !!e[f]);
}
