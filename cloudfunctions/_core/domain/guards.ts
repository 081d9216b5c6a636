// Narrowing of untyped values (parsed JSON, stored documents, SDK answers): one definition.

/** A non-null object that is not an array. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
