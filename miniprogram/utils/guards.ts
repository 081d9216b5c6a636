// Type guards for values that come from outside (storage, the network), in one place.

/** An object (not null), whose fields are still to be checked one by one. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The errMsg of a failed wx.* call ('' when there is none). */
export function errMsgOf(err: unknown): string {
  return isRecord(err) && typeof err.errMsg === 'string' ? err.errMsg : '';
}

/**
 * The fields an INVALID_INPUT refusal names, in its issues' order, as the server wrote their
 * paths ('' for an issue without one); null for any other refusal or one without issues.
 */
export function issuePaths(code: string, details: unknown): string[] | null {
  if (code !== 'INVALID_INPUT' || !Array.isArray(details)) return null;
  return details.map((issue: unknown) => (isRecord(issue) && 'path' in issue ? String(issue.path) : ''));
}
