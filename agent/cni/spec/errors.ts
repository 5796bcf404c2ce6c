// CNI error object (SPEC.md §5 "Error"). On failure the plugin prints this JSON on stdout and exits
// non-zero; libcni parses stdout as the error, so the shape and the well-known codes must be exact.

/** Incompatible CNI version (also: CHECK/GC/STATUS not allowed by the config's version). */
export const ERR_INCOMPATIBLE_VERSION = 1;
/** Unsupported field in network configuration; the message must contain the key and value. */
export const ERR_UNSUPPORTED_FIELD = 2;
/** Container unknown or does not exist; tells the runtime no DEL is needed. */
export const ERR_UNKNOWN_CONTAINER = 3;
/** Invalid necessary environment variables; the message must name them. */
export const ERR_INVALID_ENV = 4;
/** I/O failure, e.g. reading stdin. */
export const ERR_IO = 5;
/** Failed to decode content (the config or a version info is not JSON). */
export const ERR_DECODING = 6;
/** Invalid network config: it decoded, but a field fails validation. */
export const ERR_INVALID_NETCONF = 7;
/** skel/libcni extra (not in the spec table): CNI_NETNS is the plugin's own netns. */
export const ERR_INVALID_NETNS = 8;
/** Transient condition; the runtime should retry. */
export const ERR_TRY_AGAIN = 11;
/** STATUS: the plugin cannot service ADD. */
export const ERR_NOT_AVAILABLE = 50;
/** STATUS: not available, and existing containers may have limited connectivity. */
export const ERR_LIMITED_CONNECTIVITY = 51;
/** skel's ErrInternal: what it reports for any error that is not a CNI error. */
export const ERR_INTERNAL = 999;

/** The error JSON object; `details` is omitted when empty, as libcni's `omitempty` does. */
export interface CniErrorJson {
  cniVersion: string;
  code: number;
  msg: string;
  details?: string;
}

export class CniError extends Error {
  readonly code: number;
  /** Short, as the spec asks; `details` carries the specifics. */
  readonly msg: string;
  readonly details?: string;

  constructor(code: number, msg: string, details?: string, options?: { cause?: unknown }) {
    // Error.message holds both so logs and test failures show everything in one line.
    super(details ? `${msg}: ${details}` : msg, options);
    this.name = 'CniError';
    this.code = code;
    this.msg = msg;
    if (details) this.details = details;
  }
}

/**
 * The error object to print for `err`. Anything that is not a CniError is a bug or an unexpected
 * failure underneath; it gets code 999 as skel does, so runtimes see the same thing a Go plugin prints.
 */
export function toErrorJson(err: unknown, cniVersion: string): CniErrorJson {
  if (err instanceof CniError) {
    const out: CniErrorJson = { cniVersion, code: err.code, msg: err.msg };
    if (err.details) out.details = err.details;
    return out;
  }
  const msg = err instanceof Error ? err.message : String(err);
  return { cniVersion, code: ERR_INTERNAL, msg: msg || 'internal error' };
}
