// kubectl-style output: uppercase headers, aligned columns, no borders; or -o json|yaml.
// Data goes to stdout, diagnostics to stderr.

import { stringify } from 'yaml';
import { UserError } from '../agent/errors.js';

export type OutputFormat = 'table' | 'json' | 'yaml';

export function parseOutput(
  value: string | undefined,
  allowed: readonly string[] = ['table', 'json', 'yaml'],
): OutputFormat {
  const v = value ?? 'table';
  if (!allowed.includes(v)) throw new UserError(`--output ${v}: expected one of ${allowed.join(', ')}`);
  return v as OutputFormat;
}

export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [headers.map((h) => h.toUpperCase()), ...rows.map((r) => r.map((c) => String(c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return `${cells
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join('   ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

export function formatData(format: Exclude<OutputFormat, 'table'>, data: unknown): string {
  return format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : stringify(data);
}

/** Prints rows as a table, or the structured data as JSON/YAML. */
export function print(format: OutputFormat, table: () => string, data: unknown): void {
  process.stdout.write(format === 'table' ? table() : formatData(format, data));
}
