// sluice-cni entry point: CNI parameters from the environment, the config on stdin, exactly one
// JSON document (result or error) on stdout, logs to a file — never to stdout.

import { pino } from 'pino';
import { cmdAdd, cmdCheck, cmdDel, cmdGc, cmdStatus, contextFor } from './plugin.js';
import {
  assertCommandAllowed,
  CniError,
  CURRENT_VERSION,
  ERR_INTERNAL,
  parseEnv,
  parseNetConf,
  toErrorJson,
  versionResult,
} from './spec/index.js';

const DEFAULT_LOG_FILE = '/var/log/sluice/cni.log';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function out(doc: unknown): void {
  process.stdout.write(`${JSON.stringify(doc)}\n`);
}

export async function main(): Promise<number> {
  const stdin = await readStdin();
  let cniVersion: string = CURRENT_VERSION;
  try {
    const env = parseEnv(process.env);
    if (env.command === 'VERSION') {
      out(versionResult(stdin));
      return 0;
    }
    const conf = parseNetConf(stdin);
    cniVersion = conf.cniVersion;
    assertCommandAllowed(env.command, conf.cniVersion);
    const log = pino(
      { level: conf.logLevel ?? 'info', base: { plugin: 'sluice-cni', pid: process.pid } },
      pino.destination({ dest: conf.logFile ?? DEFAULT_LOG_FILE, mkdir: true, sync: true }),
    );
    const ctx = contextFor(conf, log);
    switch (env.command) {
      case 'ADD':
        out(await cmdAdd(ctx, env));
        return 0;
      case 'DEL':
        await cmdDel(ctx, env);
        return 0;
      case 'CHECK':
        await cmdCheck(ctx, env);
        return 0;
      case 'STATUS':
        await cmdStatus(ctx);
        return 0;
      case 'GC':
        await cmdGc(ctx);
        return 0;
    }
  } catch (err) {
    out(
      toErrorJson(
        err instanceof CniError ? err : new CniError(ERR_INTERNAL, (err as Error).message ?? String(err)),
        cniVersion,
      ),
    );
    return 1;
  }
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    out(toErrorJson(new CniError(ERR_INTERNAL, String(err)), CURRENT_VERSION));
    process.exit(1);
  },
);
