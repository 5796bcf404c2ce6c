// pino JSON logs, one child logger per subsystem.

import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(opts: { level?: string; destination?: string } = {}): Logger {
  const level = opts.level ?? process.env['SLUICE_LOG_LEVEL'] ?? 'info';
  if (opts.destination)
    return pino({ level }, pino.destination({ dest: opts.destination, mkdir: true, sync: true }));
  return pino({ level }, pino.destination(2));
}

/** For tests and tools that must stay quiet. */
export const silentLogger: Logger = pino({ level: 'silent' });
