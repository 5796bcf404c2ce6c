// The API's own error codes (ErrorCode in sluice.proto): what the agent's operations and queries
// fail with, whoever asked. sluice-cni gets them as CNI error codes, mapped in one place at the
// plugin boundary (agent/cni/api-errors.ts).

import { sluice } from './gen/sluice.js';

export const ApiErrorCode = sluice.v1.ErrorCode;
export type ApiErrorCode = sluice.v1.ErrorCode;

/** An operation or query refused with a code the API carries (the server sends it on). */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API error code of whatever an operation threw (INTERNAL unless it is an ApiError). */
export function apiCodeOf(err: unknown): ApiErrorCode {
  return err instanceof ApiError ? err.code : ApiErrorCode.INTERNAL;
}
