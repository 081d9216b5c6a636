// Type guards for values that come from outside (storage, the network), in one place.

/** An object (not null), whose fields are still to be checked one by one. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The errMsg of a failed wx.* call ('' when there is none). */
export function errMsgOf(err: unknown): string {
  return isRecord(err) && typeof err.errMsg === 'string' ? err.errMsg : '';
}
