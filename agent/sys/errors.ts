// Error taxonomy: what the user can fix (UserError) versus what went wrong underneath
// (SystemError). Both carry the exit code the CLI ends with, so scripts can tell them apart.

export const EXIT_OK = 0;
/** The probe or check ran and the answer is "no" (e.g. not connected). */
export const EXIT_NEGATIVE = 1;
/** Bad input: flags, manifests, names of objects that do not exist. */
export const EXIT_USAGE = 2;
/** The machine lacks something: not root, a missing tool or kernel feature. */
export const EXIT_ENVIRONMENT = 3;
/** The agent could not be reached. */
export const EXIT_UNAVAILABLE = 4;
/** A command underneath failed (bpftool, ip, the kernel). */
export const EXIT_SYSTEM = 5;

export class SluiceError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The user's input is wrong; the message says what to change. */
export class UserError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT_USAGE, options);
  }
}

/** The machine is missing something the message names. */
export class EnvironmentError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT_ENVIRONMENT, options);
  }
}

/** A command or syscall underneath failed. */
export class SystemError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT_SYSTEM, options);
  }
}
