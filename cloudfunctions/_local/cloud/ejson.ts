// The wire format of the CloudBase database API: the SDK sends bson Extended JSON (canonical
// form, plus the `$tcb_server_date` marker that the server replaces with its own clock) and
// parses what comes back with bson's EJSON.parse.
//
// A small codec of our own instead of `bson`: the package is only a transitive dependency here,
// and a single walk over JSON.parse output is cheaper than bson's reviver on every request.

export type Doc = Record<string, unknown>;

const NOT_A_WRAPPER = Symbol('not-a-wrapper');

/** Mongo regex options that JavaScript also understands; `x` (extended) has no JS equivalent. */
function jsFlags(options: unknown): string {
  if (typeof options !== 'string') return '';
  let flags = '';
  for (const ch of options) if ('imsu'.includes(ch) && !flags.includes(ch)) flags += ch;
  return flags;
}

function unwrap(key: string, inner: unknown, now: () => Date): unknown {
  switch (key) {
    case '$numberInt':
    case '$numberDouble':
    case '$numberLong':
    case '$numberDecimal':
      return typeof inner === 'string' ? Number(inner) : NOT_A_WRAPPER;
    case '$date': {
      if (typeof inner === 'string') return new Date(Date.parse(inner));
      if (typeof inner === 'number') return new Date(inner);
      if (isPlainObject(inner) && typeof inner.$numberLong === 'string') return new Date(Number(inner.$numberLong));
      return NOT_A_WRAPPER;
    }
    case '$oid':
      // TCB documents carry string ids; an ObjectId compares equal to its hex string here.
      return typeof inner === 'string' ? inner : NOT_A_WRAPPER;
    case '$regularExpression':
      if (isPlainObject(inner) && typeof inner.pattern === 'string') return new RegExp(inner.pattern, jsFlags(inner.options));
      return NOT_A_WRAPPER;
    case '$tcb_server_date': {
      if (!isPlainObject(inner)) return NOT_A_WRAPPER;
      const offset = revive(inner.offset, now);
      return new Date(now().getTime() + (typeof offset === 'number' && Number.isFinite(offset) ? offset : 0));
    }
    case '$undefined':
      return null;
    default:
      return NOT_A_WRAPPER;
  }
}

/** A plain object from any realm (jest runs tests in a vm context with its own Object). */
export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || (typeof proto === 'object' && Object.getPrototypeOf(proto) === null);
}

/**
 * Deep copy of a stored value. Not structuredClone: under jest that builds objects of the outer
 * realm, which mingo's equality checks then refuse to treat as plain objects.
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => clone(v)) as T;
  const out: Doc = {};
  for (const [key, v] of Object.entries(value)) out[key] = clone(v);
  return out as T;
}

/**
 * What a value looks like after a trip through the wire format (encodeEJSON, then decodeEJSON),
 * without the text in between: undefined and functions dropped from objects and nulled in
 * arrays (as JSON does), Dates and RegExps copied (an invalid Date becomes null), the rest copied.
 */
export function wireCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' || value === undefined ? undefined : value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(value.getTime());
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  if (Array.isArray(value)) return value.map((v: unknown) => wireCopy(v) ?? null);
  const out: Doc = {};
  for (const key in value as Doc) {
    const copied = wireCopy((value as Doc)[key]);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}

function revive(value: unknown, now: () => Date): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], now);
    return value;
  }
  const obj = value as Doc;
  let only: string | undefined;
  let count = 0;
  for (const key in obj) {
    count++;
    if (count > 1) break;
    only = key;
  }
  if (count === 1 && only !== undefined && only.charCodeAt(0) === 36 /* $ */) {
    const unwrapped = unwrap(only, obj[only], now);
    if (unwrapped !== NOT_A_WRAPPER) return unwrapped;
  }
  for (const key in obj) obj[key] = revive(obj[key], now);
  return obj;
}

/** Parses an EJSON string (or an already parsed JSON value) into plain values with Dates and RegExps. */
export function decodeEJSON(input: unknown, now: () => Date): unknown {
  const parsed: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  return revive(parsed, now);
}

/** The value with its Dates, RegExps and non-finite numbers in their EJSON wrappers (a copy). */
function wrapped(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' && !Number.isFinite(value) ? { $numberDouble: String(value) } : value;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : { $date: { $numberLong: String(ms) } };
  }
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: value.flags } };
  if (Array.isArray(value)) return value.map(wrapped);
  const out: Doc = {};
  for (const key of Object.keys(value)) out[key] = wrapped((value as Doc)[key]);
  return out;
}

/**
 * Serialises a value as EJSON that bson's EJSON.parse (relaxed or canonical) reads back
 * losslessly: JSON, with Dates as `$date`/`$numberLong`, RegExps as `$regularExpression` and
 * non-finite numbers as `$numberDouble`. The wrappers go into a copy that JSON.stringify then
 * writes without a replacer (one that calls back into JavaScript for every value took most of
 * the local cloud's time on a page of tickets).
 */
export function encodeEJSON(value: unknown): string {
  return JSON.stringify(wrapped(value));
}
