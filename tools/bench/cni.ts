// `sluice bench cni`: ADD and DEL latency of the real sluice-cni executable against a real agent
// (in this process), sequential and 20 at once, and 100 pods set up at once; beside them the
// cost of merely starting the executable (VERSION), measured in the same run.

import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT, withConfig } from '../../agent/config/config.js';
import { Agent } from '../../agent/node/agent.js';
import { startApiServer } from '../../agent/server/api.js';
import { run } from '../../agent/sys/exec.js';
import { silentLogger } from '../../agent/sys/log.js';
import { invokePlugin } from '../net/cni-invoke.js';
import { percentile, round } from './stats.js';

export interface CniBenchResult {
  runs: number;
  exec_p50_ms: number;
  add_p50_ms: number;
  add_p99_ms: number;
  del_p50_ms: number;
  del_p99_ms: number;
  concurrent20_add_p99_ms: number;
  pods100_s: number;
  add_vs_exec: number;
  /** p50 of each part of the sequential ADDs, from the agent's CNI log. */
  add_phases_p50_ms: { allocate: number; wire: number; endpoint: number };
}

/** The agent's "ADD done" lines (agent/cni/plugin.ts) of the containers matching `ids`, by phase. */
async function addPhases(logFile: string, ids: RegExp) {
  const out = { allocate: [] as number[], wire: [] as number[], endpoint: [] as number[] };
  for (const line of (await readFile(logFile, 'utf8')).split('\n')) {
    if (!line.includes('"ADD done"')) continue;
    const entry = JSON.parse(line) as { containerId: string; ms: Record<keyof typeof out, number> };
    if (!ids.test(entry.containerId)) continue;
    for (const k of Object.keys(out) as (keyof typeof out)[]) out[k].push(entry.ms[k]);
  }
  return out;
}

export async function runCniBench(opts: { runs: number } = { runs: 30 }): Promise<CniBenchResult> {
  const id = `b${process.pid}`;
  const dir = await mkdtemp(path.join(tmpdir(), 'sluice-bench-cni-'));
  const nodeNs = `sluice-bench-${id}-node`;
  const created: string[] = [];
  let down: Promise<void> | undefined;
  const netns = async (name: string) => {
    const full = `sluice-bench-${id}-${name}`;
    if (down) throw new Error('interrupted');
    created.push(full); // before it exists: a teardown running meanwhile deletes it too
    await run(['ip', 'netns', 'add', full]);
    return `/run/netns/${full}`;
  };
  const cfg = withConfig({
    pinRoot: `/sys/fs/bpf/sluice-bench-${id}`,
    stateDir: path.join(dir, 'state'),
    socketPath: path.join(dir, 'agent.sock'),
    hostNetns: `/run/netns/${nodeNs}`,
    podCidr: '10.246.0.0/22',
    nodeIps: ['10.250.0.1'],
    podWaitMs: 0,
  });
  const agent = new Agent(cfg, silentLogger);
  const binary = path.join(REPO_ROOT, 'build', 'sluice-cni');
  const conf = {
    cniVersion: '1.1.0',
    name: 'sluice',
    type: 'sluice-cni',
    agentSocket: cfg.socketPath,
    logFile: path.join(dir, 'cni.log'),
  };
  let server: Awaited<ReturnType<typeof startApiServer>> | undefined;
  // One teardown, whether the run ends or is interrupted: namespaces (their interfaces go with
  // them), the event reader, pins, the temporary directory.
  const teardown = () =>
    (down ??= (async () => {
      server?.close();
      await agent.stop();
      for (const ns of created.reverse()) await run(['ip', 'netns', 'del', ns]).catch(() => undefined);
      await agent.loader.removePins();
      await rm(dir, { recursive: true, force: true });
    })());
  const stop = (signal: NodeJS.Signals) =>
    void teardown().finally(() => {
      // Calls still in flight may have written state meanwhile: remove it again, and exit in
      // the same tick so that nothing else runs in between.
      rmSync(dir, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  // Kept through the final teardown too: a second signal then waits for the same teardown.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await netns('node');
    await run(['ip', 'link', 'set', 'lo', 'up'], { netns: cfg.hostNetns });
    await agent.start();
    server = await startApiServer(agent, cfg.socketPath, silentLogger);
    const call = async (command: string, name: string, ns: string) => {
      const r = await invokePlugin(binary, { command, containerId: name, netns: ns, ifname: 'eth0' }, conf);
      if (r.code !== 0) throw new Error(`${command} ${name} failed: ${r.stdout}`);
      return r.ms;
    };

    const exec: number[] = [];
    for (let i = 0; i < opts.runs; i++)
      exec.push((await invokePlugin(binary, { command: 'VERSION' }, conf)).ms);

    const seqNs = await Promise.all(Array.from({ length: opts.runs }, (_, i) => netns(`s${i}`)));
    const add: number[] = [];
    const del: number[] = [];
    for (let i = 0; i < opts.runs; i++) add.push(await call('ADD', `seq-${i}`, seqNs[i]!));
    const phases = await addPhases(conf.logFile, /^seq-/);
    for (let i = 0; i < opts.runs; i++) del.push(await call('DEL', `seq-${i}`, seqNs[i]!));

    const c20Ns = await Promise.all(Array.from({ length: 20 }, (_, i) => netns(`c${i}`)));
    const c20 = await Promise.all(c20Ns.map((ns, i) => call('ADD', `c20-${i}`, ns)));
    await Promise.all(c20Ns.map((ns, i) => call('DEL', `c20-${i}`, ns)));

    const p100Ns = await Promise.all(Array.from({ length: 100 }, (_, i) => netns(`p${i}`)));
    const t = performance.now();
    await Promise.all(p100Ns.map((ns, i) => call('ADD', `p100-${i}`, ns)));
    const pods100 = (performance.now() - t) / 1000;
    await Promise.all(p100Ns.map((ns, i) => call('DEL', `p100-${i}`, ns)));

    return {
      runs: opts.runs,
      exec_p50_ms: round(percentile(exec, 50)),
      add_p50_ms: round(percentile(add, 50)),
      add_p99_ms: round(percentile(add, 99)),
      del_p50_ms: round(percentile(del, 50)),
      del_p99_ms: round(percentile(del, 99)),
      concurrent20_add_p99_ms: round(percentile(c20, 99)),
      pods100_s: round(pods100, 2),
      add_vs_exec: round(percentile(add, 50) / percentile(exec, 50), 2),
      add_phases_p50_ms: {
        allocate: round(percentile(phases.allocate, 50)),
        wire: round(percentile(phases.wire, 50)),
        endpoint: round(percentile(phases.endpoint, 50)),
      },
    };
  } finally {
    await teardown();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
