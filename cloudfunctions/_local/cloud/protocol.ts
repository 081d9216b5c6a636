// The request/response shapes of the CloudBase `/admin` database actions as @cloudbase/database
// 1.4.3 sends and reads them: parameters carry EJSON strings, successful answers put results
// under `data` (startTransaction answers `transactionId` at the top level), errors answer
// `{ code, message }` at the top level.

import { CloudError } from './errors';
import { decodeEJSON, encodeEJSON, isPlainObject, type Doc } from './ejson';
import { effectiveLimit, type LocalDatabase, type SortSpec } from './database';

export type Body = Record<string, unknown>;
export type Answer = Record<string, unknown>;

let requestSeq = 0;
const requestId = (): string => `local_${Date.now().toString(36)}_${(requestSeq += 1)}`;

function str(body: Body, key: string, required = true): string | undefined {
  const value = body[key];
  if (typeof value === 'string' && value.length > 0) return value;
  if (value === undefined && !required) return undefined;
  throw new CloudError('INVALID_PARAM', `parameter ${key} must be a non-empty string`);
}

function num(body: Body, key: string): number | undefined {
  const value = body[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function bool(body: Body, key: string, fallback: boolean): boolean {
  const value = body[key];
  return typeof value === 'boolean' ? value : fallback;
}

function docParam(body: Body, key: string, now: () => Date, required: boolean): Doc | undefined {
  const raw = body[key];
  if (raw === undefined || raw === null || raw === '') {
    if (required) throw new CloudError('INVALID_PARAM', `parameter ${key} is required`);
    return undefined;
  }
  const decoded = decodeEJSON(raw, now);
  if (!isPlainObject(decoded)) throw new CloudError('INVALID_PARAM', `parameter ${key} must be an object`);
  return decoded;
}

function sortParam(body: Body, now: () => Date): SortSpec | undefined {
  const order = docParam(body, 'order', now, false);
  if (!order) return undefined;
  const spec: SortSpec = {};
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw new CloudError('INVALID_PARAM', `orderBy direction of ${field} must be asc or desc`);
    spec[field] = direction;
  }
  return spec;
}

function stagesParam(body: Body, now: () => Date): Doc[] {
  const stages = body.stages;
  if (!Array.isArray(stages)) throw new CloudError('INVALID_PARAM', 'parameter stages must be an array');
  return stages.map((stage: unknown): Doc => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
      throw new CloudError('INVALID_PARAM', 'each stage needs stageKey and stageValue');
    }
    return { [stage.stageKey]: decodeEJSON(stage.stageValue, now) };
  });
}

const isById = (body: Body): boolean => body.queryType === 'DOC';

/** TCB refuses a query whose answer is over about 1 MB (PLATFORM.md 7): page instead. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

function withinAnswerLimit(list: string[]): string[] {
  let bytes = 0;
  for (const doc of list) bytes += Buffer.byteLength(doc, 'utf8');
  if (bytes > MAX_ANSWER_BYTES) {
    throw new CloudError(
      'DATABASE_REQUEST_FAILED',
      `[LimitExceeded] the answer is ${bytes} bytes, over the ${MAX_ANSWER_BYTES}-byte limit of one query; read fewer rows or fewer fields`,
    );
  }
  return list;
}

/** Whether a parameter (EJSON text or array of it) carries db.serverDate(). */
const hasServerDate = (value: unknown): boolean =>
  (typeof value === 'string' ? value : JSON.stringify(value ?? null)).includes('$tcb_server_date');

async function dispatch(db: LocalDatabase, action: string, body: Body, now: () => Date): Promise<Answer> {
  const txId = (): string | undefined => str(body, 'transactionId', false);
  switch (action) {
    case 'database.insertDocument': {
      const data = body.data;
      if (!Array.isArray(data) || data.length === 0) throw new CloudError('INVALID_PARAM', 'parameter data must be a non-empty array');
      const docs = data.map((item: unknown) => decodeEJSON(item, now));
      const insertedIds = await db.insert(str(body, 'collectionName') ?? '', docs, txId(), hasServerDate(data));
      return { data: { insertedIds } };
    }
    case 'database.getDocument': {
      const collection = str(body, 'collectionName') ?? '';
      const limit = num(body, 'limit');
      const offset = num(body, 'offset');
      const list = await db.find(collection, {
        query: docParam(body, 'query', now, false) ?? {},
        order: sortParam(body, now),
        offset,
        limit,
        projection: docParam(body, 'projection', now, false),
        transactionId: txId(),
        byId: isById(body),
      });
      return { data: { list: withinAnswerLimit(list.map((doc) => encodeEJSON(doc))), limit: effectiveLimit(limit), offset: offset ?? 0 } };
    }
    case 'database.calculateDocument':
      return { data: { total: db.count(str(body, 'collectionName') ?? '', docParam(body, 'query', now, false) ?? {}) } };
    case 'database.modifyDocument': {
      const result = await db.modify(
        str(body, 'collectionName') ?? '',
        {
          // A write without a condition would touch the whole collection: refuse it like the server does.
          query: docParam(body, 'query', now, true) ?? {},
          data: docParam(body, 'data', now, true) ?? {},
          multi: bool(body, 'multi', false),
          merge: bool(body, 'merge', true),
          upsert: bool(body, 'upsert', false),
          transactionId: txId(),
          byId: isById(body),
        },
        hasServerDate(body.data),
      );
      return {
        data: result.upsertId === undefined ? { updated: result.updated } : { updated: result.updated, upsert_id: result.upsertId },
      };
    }
    case 'database.modifyAndReturnDoc': {
      if (txId() !== undefined) throw new CloudError('DATABASE_REQUEST_FAILED', 'updateAndReturn is not supported inside a transaction');
      const result = await db.modify(str(body, 'collectionName') ?? '', {
        query: docParam(body, 'query', now, true) ?? {},
        data: docParam(body, 'data', now, true) ?? {},
        multi: false,
        merge: true,
        upsert: false,
        byId: isById(body),
      });
      return { data: { updated: result.updated, doc: result.doc ? encodeEJSON(result.doc) : null } };
    }
    case 'database.removeDocument': {
      const deleted = await db.remove(str(body, 'collectionName') ?? '', {
        query: docParam(body, 'query', now, true) ?? {},
        multi: bool(body, 'multi', false),
        transactionId: txId(),
        byId: isById(body),
      });
      return { data: { deleted } };
    }
    case 'database.aggregateDocuments': {
      const list = db.aggregate(str(body, 'collectionName') ?? '', stagesParam(body, now));
      return { data: { list: withinAnswerLimit(list.map((doc) => encodeEJSON(doc))) } };
    }
    case 'database.startTransaction':
      return { transactionId: db.transactions.start() };
    case 'database.commitTransaction':
      db.transactions.commit(str(body, 'transactionId') ?? '');
      return {};
    case 'database.abortTransaction':
      db.transactions.abort(str(body, 'transactionId') ?? '');
      return {};
    case 'database.addCollection':
      db.createCollection(str(body, 'collectionName') ?? '');
      return {};
    default:
      throw new CloudError('INVALID_PARAM', `the local cloud does not implement action ${JSON.stringify(action)}`);
  }
}

/** Answers one request body; never throws (every failure becomes an error answer). */
export async function answer(db: LocalDatabase, body: unknown, now: () => Date): Promise<Answer> {
  const id = requestId();
  try {
    if (!isPlainObject(body) || typeof body.action !== 'string')
      throw new CloudError('INVALID_PARAM', 'request body must be an object with an action');
    const result = await dispatch(db, body.action, body, now);
    return { ...result, requestId: id };
  } catch (error) {
    if (error instanceof CloudError) return { code: error.code, message: error.message, requestId: id };
    // mingo rejects malformed queries and unknown operators by throwing; TCB answers those as request failures.
    const message = error instanceof Error ? error.message : String(error);
    return { code: 'DATABASE_REQUEST_FAILED', message, requestId: id };
  }
}
