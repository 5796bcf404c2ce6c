// One way to declare a CLI command: defineCommand({name, description, args, options, output,
// run}). `run` returns the data (and how to render it as a table or text); -o/--output parsing,
// format validation, printing and errors (as JSON under -o json) are handled here, for every
// command alike. Data goes to stdout, diagnostics to stderr.

import type { Command } from 'commander';
import { UserError } from '../../agent/sys/errors.js';
import { formatData } from '../output.js';
import { reportError } from './errors.js';

/** Formats handled here for every command: the data itself, serialized. */
const DATA_FORMATS = ['json', 'yaml'] as const;
type DataFormat = (typeof DATA_FORMATS)[number];

/** What most commands print: a kubectl-style table, or the data as JSON or YAML. */
export const TABLE_JSON_YAML = ['table', 'json', 'yaml'] as const;

export interface OptionSpec {
  /** Commander flags, e.g. '--port <port>' or '-f, --filename <path>'. */
  flags: string;
  description: string;
  default?: string | boolean | string[];
  /** Must be given (commander rejects the command otherwise, exit 2). */
  required?: boolean;
  /** Turns each value into the option's value; with a previous value, for repeatable options. */
  parse?: (value: string, previous: never) => unknown;
}

export interface OutputSpec<F extends string> {
  /** The values -o/--output accepts; json and yaml (when listed) print the returned data. */
  formats: readonly F[];
  /** The default format; the first of `formats` when not given. */
  default?: F;
  /** JSON as one line instead of indented (for output read line by line). */
  jsonLine?: boolean;
}

/** What `run` gives back: the data (printed as JSON/YAML), how to render the other formats, and
 * an exit code for a negative answer (1). */
export interface CommandResult<F extends string = string> {
  data: unknown;
  /** The table or text for formats other than json and yaml. */
  render?: (format: Exclude<F, DataFormat>) => string;
  exitCode?: number;
}

export interface RunContext<O, F extends string> {
  /** The positional arguments, in the order `args` names them. */
  args: string[];
  opts: O;
  /** The validated -o value (the default when the command has no -o). */
  format: F;
  command: Command;
}

export interface CommandSpec<O, F extends string> {
  /** The command's name, e.g. 'list' (a subcommand when declared on a group). */
  name: string;
  description?: string;
  /** Positional arguments in commander syntax: '<endpoint>' required, '[name]' optional. */
  args?: readonly string[];
  options?: readonly OptionSpec[];
  /** -o/--output; without it the command has no -o (its output is diagnostics on stderr). */
  output?: OutputSpec<F>;
  /** `sluice bench` runs this one when no subcommand is named. */
  isDefault?: boolean;
  /** Returns what to print, or nothing when it printed (or streamed) its output itself. */
  run: (ctx: RunContext<O, F>) => Promise<CommandResult<F> | undefined>;
}

/** A group of subcommands (`sluice policy …`); declared once, in one file. */
export function defineGroup(parent: Command, name: string, description: string): Command {
  return parent.command(name).description(description);
}

/** Checks an -o value against the command's formats; a UserError (exit 2) names the flag and the
 * allowed values. */
export function parseFormat<F extends string>(value: string | undefined, spec: OutputSpec<F>): F {
  const v = value ?? spec.default ?? spec.formats[0]!;
  if (!spec.formats.includes(v as F)) {
    const list =
      spec.formats.length > 1
        ? `${spec.formats.slice(0, -1).join(', ')} or ${spec.formats.at(-1)}`
        : spec.formats[0];
    throw new UserError(`-o/--output ${JSON.stringify(v)}: expected ${list}`);
  }
  return v as F;
}

export function defineCommand<O = Record<string, never>, F extends string = never>(
  parent: Command,
  spec: CommandSpec<O, F>,
): Command {
  const cmd = parent.command(
    [spec.name, ...(spec.args ?? [])].join(' '),
    spec.isDefault ? { isDefault: true } : undefined,
  );
  if (spec.description) cmd.description(spec.description);
  for (const o of spec.options ?? []) {
    const add = (o.required ? cmd.requiredOption : cmd.option).bind(cmd) as (
      flags: string,
      description: string,
      parse?: unknown,
      defaultValue?: unknown,
    ) => Command;
    if (o.parse) add(o.flags, o.description, o.parse, o.default);
    else add(o.flags, o.description, o.default);
  }
  const output = spec.output;
  if (output) {
    const def = output.default ?? output.formats[0]!;
    cmd.option('-o, --output <format>', output.formats.join(', '), def);
  }
  cmd.action(async (...params: unknown[]) => {
    const args = params.slice(0, spec.args?.length ?? 0) as string[];
    const { output: raw, ...opts } = cmd.opts<{ output?: string }>();
    let format: F | undefined;
    try {
      format = output ? parseFormat(raw, output) : (undefined as unknown as F);
      const result = await spec.run({ args, opts: opts as O, format: format as F, command: cmd });
      if (result) {
        process.stdout.write(print(result, format, output));
        if (result.exitCode) process.exitCode = result.exitCode;
      }
    } catch (err) {
      process.exit(reportError(err, format === 'json' ? 'json' : 'text'));
    }
  });
  return cmd;
}

function print<F extends string>(
  result: CommandResult<F>,
  format: F | undefined,
  output: OutputSpec<F> | undefined,
): string {
  if (format === 'json' && output?.jsonLine) return `${JSON.stringify(result.data)}\n`;
  if (format !== undefined && (DATA_FORMATS as readonly string[]).includes(format))
    return formatData(format as DataFormat, result.data);
  if (!result.render) throw new Error(`no rendering for -o ${format}`);
  return result.render(format as Exclude<F, DataFormat>);
}
