// Document ids as map keys, shared by the store and its indexes.

/** Map key of a document id; numbers are tagged so that 5 and "5" stay different documents. */
export type IdKey = string;

export function idKeyOf(id: unknown): IdKey | undefined {
  if (typeof id === 'string') return id.length > 0 ? id : undefined;
  if (typeof id === 'number' && Number.isFinite(id)) return `\u0001${id}`;
  return undefined;
}
