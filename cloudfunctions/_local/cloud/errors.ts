// Error answers of the CloudBase database API: `{ code, message }` at the top level of a 200
// response. @cloudbase/node-sdk throws them as TcbError { code, message }; wx-server-sdk maps the
// codes it knows to errCode numbers and every other code (DATABASE_TRANSACTION_CONFLICT among
// them) to -501001, keeps the message in errMsg and drops `code` — so its runTransaction, which
// retries only on `code === 'DATABASE_TRANSACTION_CONFLICT'`, never retries a conflict.

export type CloudErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL';

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** The answer to a transactional write on a document another transaction holds or changed (node-sdk test "冲突检测"). */
export const transactionConflict = (): CloudError =>
  new CloudError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  );

export const transactionNotFound = (): CloudError =>
  new CloudError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  );

export const collectionNotFound = (name: string): CloudError =>
  new CloudError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem persists, contact us.`,
  );
