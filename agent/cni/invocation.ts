// One CNI invocation as sluice-cni hands it to the agent: the CNI_* variables and the config,
// validated here exactly as a Go plugin built on skel would, answered with what the plugin prints
// (one JSON document: the result or a CNI error) and its exit code. Logs go to the config's
// logFile, never to the plugin's stdout.

import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { ApiError } from '../api/errors.js';
import type { CniOps } from '../node/cni-ops.js';
import type { Logger } from '../sys/log.js';
import { cniCode } from './api-errors.js';
import { type Ctx, cmdAdd, cmdCheck, cmdDel, cmdGc, cmdStatus, type PluginSteps } from './plugin.js';
import {
  assertCommandAllowed,
  CniError,
  CURRENT_VERSION,
  ERR_INTERNAL,
  type NetConf,
  parseEnv,
  parseNetConf,
  toErrorJson,
  versionResult,
} from './spec/index.js';

export const DEFAULT_CNI_LOG_FILE = '/var/log/sluice/cni.log';

export interface Invocation {
  env: Record<string, string>;
  stdin: string;
}

export interface Outcome {
  stdout: string;
  exitCode: number;
}

/** "NAME=value" strings (as sluice-cni sends them) to a map; only CNI_* names are kept. */
export function envOf(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0 && p.startsWith('CNI_')) env[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return env;
}

/**
 * The invocation's log. Each line is appended on its own (a rotated or removed file is simply
 * created again, no descriptor stays open), and a failed write is ignored: a full or unwritable
 * log disk must not fail, or half-apply, a CNI call.
 */
function cniLogger(conf: NetConf): Logger {
  const file = conf.logFile ?? DEFAULT_CNI_LOG_FILE;
  const write = (line: string) => {
    try {
      appendFileSync(file, line);
    } catch {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        appendFileSync(file, line);
      } catch {
        // nowhere to log: the call goes on
      }
    }
  };
  return pino({ level: conf.logLevel ?? 'info', base: { plugin: 'sluice-cni' } }, { write });
}

const json = (doc: unknown) => `${JSON.stringify(doc)}\n`;

export async function invoke(agent: CniOps, inv: Invocation, steps: PluginSteps): Promise<Outcome> {
  let cniVersion: string = CURRENT_VERSION;
  try {
    const env = parseEnv(inv.env);
    if (env.command === 'VERSION') return { stdout: json(versionResult(inv.stdin)), exitCode: 0 };
    const conf = parseNetConf(inv.stdin);
    cniVersion = conf.cniVersion;
    assertCommandAllowed(env.command, conf.cniVersion);
    const ctx: Ctx = { conf, log: cniLogger(conf), agent, steps };
    switch (env.command) {
      case 'ADD':
        return { stdout: json(await cmdAdd(ctx, env)), exitCode: 0 };
      case 'DEL':
        await cmdDel(ctx, env);
        break;
      case 'CHECK':
        await cmdCheck(ctx, env);
        break;
      case 'STATUS':
        cmdStatus(ctx);
        break;
      case 'GC':
        await cmdGc(ctx);
        break;
    }
    return { stdout: '', exitCode: 0 };
  } catch (err) {
    const cniErr =
      err instanceof CniError
        ? err
        : err instanceof ApiError
          ? new CniError(cniCode(err.code), err.message)
          : new CniError(ERR_INTERNAL, (err as Error).message ?? String(err));
    return { stdout: json(toErrorJson(cniErr, cniVersion)), exitCode: 1 };
  }
}
