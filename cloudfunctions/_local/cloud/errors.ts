// Error answers of the CloudBase database API: `{ code, message }` at the top level of a 200
// response. The SDK throws them as TcbError (wx-server-sdk maps known codes to errCode numbers and
// everything else to -501001), and runTransaction retries only on DATABASE_TRANSACTION_CONFLICT.

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

export const transactionConflict = (): CloudError =>
  new CloudError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[FailedOperation.TransactionConflict] Transaction is conflicted. Please check your request, but if the problem persists, contact us.',
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
