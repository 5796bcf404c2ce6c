// How the CLI reports a failure, in one place: `error: <message>` on stderr, and under -o json
// also {"error": {"message", "code", "reason"}} on stdout, so that a script reading the JSON gets
// a document either way. The exit code says what kind of failure it was (agent/sys/errors.ts).

import { CommanderError } from 'commander';
import type { AgentError } from '../../agent/api/client.js';
import { ApiErrorCode } from '../../agent/api/errors.js';
import {
  EXIT_ENVIRONMENT,
  EXIT_NEGATIVE,
  EXIT_SYSTEM,
  EXIT_UNAVAILABLE,
  EXIT_USAGE,
  SluiceError,
} from '../../agent/sys/errors.js';

const REASONS: Record<number, string> = {
  [EXIT_NEGATIVE]: 'negative',
  [EXIT_USAGE]: 'usage',
  [EXIT_ENVIRONMENT]: 'environment',
  [EXIT_UNAVAILABLE]: 'unavailable',
  [EXIT_SYSTEM]: 'failed',
};

export function exitCodeOf(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_USAGE;
  if (err instanceof SluiceError) return err.exitCode;
  return EXIT_SYSTEM;
}

/** Prints the error as the command's output format asks, and returns the exit code to end with. */
export function reportError(err: unknown, format: 'text' | 'json'): number {
  const code = exitCodeOf(err);
  // Commander has printed its own message (usage, unknown option) already.
  if (err instanceof CommanderError) return code;
  const message = err instanceof Error ? err.message : String(err);
  if (format === 'json')
    process.stdout.write(`${JSON.stringify({ error: { message, code, reason: REASONS[code] } }, null, 2)}\n`);
  // An unexpected error (a bug, not a SluiceError) keeps its stack for the report.
  const shown = err instanceof SluiceError || !(err instanceof Error) ? message : (err.stack ?? message);
  process.stderr.write(`error: ${shown}\n`);
  return code;
}

/** A wrong request (a pod the agent does not know, or one without an address yet) is bad input
 * (exit 2); any other answer keeps the agent's own exit code, which scripts can retry on. */
export function isBadRequest(err: AgentError): boolean {
  return err.apiCode === ApiErrorCode.INVALID_ARGUMENT || err.apiCode === ApiErrorCode.NOT_FOUND;
}
