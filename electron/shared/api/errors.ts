// The envelope both transports carry; the error type, its codes and the mapping to HTTP statuses
// live in ../errors.ts (one definition for every face).

import type { ErrorData } from '../errors';

export { DomainError, ERROR_CODES, errorDataSchema, describeZodError, httpStatusOf, toErrorData, type ErrorCode, type ErrorData } from '../errors';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
