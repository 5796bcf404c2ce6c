// Under ~10,000 new connections a second, observe keeps up or says how many flows it lost:
// every connection's verdict is either printed or counted as lost, never silently missing.

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';
import { run } from '../../agent/sys/exec.js';
import { runId } from '../harness/names.js';

const NAME = `o${runId()}`;
const CLI = path.join(REPO_ROOT, 'bin', 'sluice');
let work: string;
const children: ChildProcess[] = [];

const sluice = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(CLI, args, { maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sluice-observe-'));
  const file = path.join(work, 'pods.yaml');
  await writeFile(
    file,
    `apiVersion: v1
kind: Namespace
metadata: { name: load }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: load }
---
apiVersion: v1
kind: Pod
metadata: { name: server, namespace: load }
`,
  );
  const up = await sluice('lab', '--name', NAME, 'up', '-f', file);
  expect(up.code, up.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.pid && c.exitCode === null) process.kill(c.pid, 'SIGKILL');
  await sluice('lab', '--name', NAME, 'down');
  await rm(work, { recursive: true, force: true });
}, 60_000);

it('accounts for every new connection: printed or reported lost', async () => {
  const status = JSON.parse((await sluice('lab', '--name', NAME, 'status', '-o', 'json')).stdout) as {
    pods: { name: string; ip: string }[];
  };
  const serverIp = status.pods.find((p) => p.name === 'server')!.ip;
  const netns = (pod: string) => `/run/netns/sl-${NAME}-load-${pod}`;
  const crr = path.join(REPO_ROOT, 'build', 'sluice-crr');
  const server = spawn('nsenter', [`--net=${netns('server')}`, '--', crr, 'server', '9000'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(server);
  await new Promise<void>((resolve) =>
    createInterface({ input: server.stdout! }).on('line', (l) => l === 'ready' && resolve()),
  );

  const watcher = spawn(
    CLI,
    ['--lab', NAME, 'observe', '-f', '-o', 'json', '--port', '9000', '--verdict', 'FORWARDED'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(watcher);
  let flows = 0;
  let lost = 0;
  createInterface({ input: watcher.stdout! }).on('line', (l) => {
    const o = JSON.parse(l) as { lost?: number };
    if (o.lost !== undefined) lost += o.lost;
    else flows += 1;
  });
  // The watcher subscribes once it has started (slow on a loaded machine): make a few connections
  // until it shows one, let those drain, then count from there.
  for (let i = 0; i < 60 && flows === 0; i++) {
    await run([crr, 'client', serverIp, '9000', '0.02'], { netns: netns('client') });
    await new Promise((r) => setTimeout(r, 300));
  }
  expect(flows, 'the watcher never showed a flow').toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 700));
  const flowsBefore = flows;
  const lostBefore = lost;

  const load = JSON.parse(
    (await run([crr, 'client', serverIp, '9000', '2'], { netns: netns('client'), timeoutMs: 30_000 })).stdout,
  ) as {
    transactions: number;
    failed: number;
    tps: number;
  };
  const connections = load.transactions + load.failed;
  await new Promise((r) => setTimeout(r, 1500)); // let the stream drain
  process.kill(watcher.pid!, 'SIGTERM');

  // Enough new connections to matter (the rate itself is the machine's business: see bench).
  expect(connections).toBeGreaterThan(2000);
  // Every connection's verdict arrived or was counted lost.
  expect(flows - flowsBefore + (lost - lostBefore)).toBeGreaterThanOrEqual(connections);
  console.log(
    `observe under load: ${connections} connections at ${Math.round(load.tps)}/s, ${flows} flows printed, ${lost} reported lost`,
  );
}, 60_000);
