// Errors stores throw that the use cases turn into answers.

/** Thrown by stores when a record with the same key already exists. */
export class DuplicateKeyError extends Error {
  constructor(message = 'duplicate key') {
    super(message);
    this.name = 'DuplicateKey';
  }
}

/**
 * Thrown by stores when a transaction kept losing to others past its retry budget; the caller
 * sees CONFLICT with "try again", never INTERNAL.
 */
export class ContentionError extends Error {
  constructor() {
    super('transaction kept conflicting');
    this.name = 'Contention';
  }
}

/** Thrown by stores for a cursor they did not issue; the caller sees INVALID_INPUT. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursor';
  }
}
