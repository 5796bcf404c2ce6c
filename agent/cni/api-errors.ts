// The API's error codes as the CNI error codes sluice-cni reports: the one place they meet.

import { ApiErrorCode } from '../api/errors.js';
import {
  ERR_DECODING,
  ERR_INCOMPATIBLE_VERSION,
  ERR_INTERNAL,
  ERR_INVALID_NETCONF,
  ERR_TRY_AGAIN,
} from './spec/index.js';

const CNI_CODES: Readonly<Record<ApiErrorCode, number>> = {
  [ApiErrorCode.ERROR_CODE_UNSPECIFIED]: ERR_INTERNAL,
  [ApiErrorCode.INVALID_ARGUMENT]: ERR_INVALID_NETCONF,
  [ApiErrorCode.NOT_FOUND]: ERR_INVALID_NETCONF,
  [ApiErrorCode.UNAVAILABLE]: ERR_TRY_AGAIN,
  [ApiErrorCode.INTERNAL]: ERR_INTERNAL,
  [ApiErrorCode.INCOMPATIBLE_VERSION]: ERR_INCOMPATIBLE_VERSION,
  [ApiErrorCode.UNDECODABLE]: ERR_DECODING,
};

/** The CNI error code for an API error code. */
export function cniCode(code: ApiErrorCode): number {
  return CNI_CODES[code] ?? ERR_INTERNAL;
}
