// sluice lab: a cluster's networking on one machine. A node network namespace runs the real
// agent (local mode: it reads the lab's manifests); every Pod is a network namespace wired by the
// real sluice-cni, invoked as a runtime invokes it, serving its containerPorts. Everything the lab
// makes is recorded in its state file, so `down` removes exactly that — by name and by pid.

import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { callAgent } from '../../agent/api/client.js';
import { REPO_ROOT } from '../../agent/config.js';
import { EnvironmentError, UserError } from '../../agent/errors.js';
import { run } from '../../agent/exec.js';
import { type MatrixVerdict, matrixCases } from '../../agent/policy/matrix.js';
import { assignServiceAddresses } from '../../agent/services/derive.js';
import {
  checkManifests,
  emptyManifests,
  type Manifests,
  manifestFiles,
  parseManifests,
  parseObject,
} from '../../agent/sources/manifests.js';
import { readJsonIfExists, writeFileAtomic } from '../../agent/state/atomic-file.js';
import type { Pod, Protocol } from '../../agent/state/types.js';
import { invokePlugin } from '../../cni/invoke.js';
import { CNI_BINARY as CNI_BIN } from '../../cni/wiring.js';
import { type ProbeResult, probeFrom, SCTP_TOOL } from '../net/probes.js';
import { startInNetns, startResponder } from '../net/servers.js';

export const LAB_NODE_IP = '10.239.0.1';
const LAB_POD_CIDR = '10.240.0.0/16';
const AGENT_BIN = path.join(REPO_ROOT, 'bin', 'sluice-agent');

export interface LabPaths {
  name: string;
  dir: string;
  socket: string;
  pinRoot: string;
  nodeNetns: string;
  manifests: string;
  state: string;
  agentLog: string;
  cniLog: string;
}

export function labPaths(name: string, root = '/run/sluice-lab'): LabPaths {
  if (!/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/.test(name)) {
    throw new UserError(`lab name ${JSON.stringify(name)}: use 1-22 lowercase letters, digits and dashes`);
  }
  const dir = path.join(root, name);
  return {
    name,
    dir,
    socket: path.join(dir, 'agent.sock'),
    pinRoot: `/sys/fs/bpf/sluice-lab-${name}`,
    nodeNetns: `sl-${name}-node`,
    manifests: path.join(dir, 'manifests.yaml'),
    state: path.join(dir, 'lab.json'),
    agentLog: path.join(dir, 'agent.log'),
    cniLog: path.join(dir, 'cni.log'),
  };
}

interface LabPod {
  netns: string;
  containerId: string;
  ip: string;
  /** Responder processes (ours, by pid). */
  pids: number[];
  /** What the responders serve, to restart them when the ports change. */
  ports: string;
}

interface LabState {
  version: 1;
  agentPid: number;
  pods: Record<string, LabPod>;
}

/** A manifest object as read, with where it came from. */
interface Doc {
  key: string;
  raw: Record<string, unknown>;
  where: string;
}

function docKey(raw: Record<string, unknown>): string {
  const meta = (raw['metadata'] ?? {}) as Record<string, unknown>;
  const kind = String(raw['kind']);
  return kind === 'Namespace'
    ? `Namespace ${meta['name']}`
    : `${kind} ${meta['namespace'] ?? 'default'}/${meta['name']}`;
}

/** Reads and validates manifest files; every error names the file, the object and the field. */
async function readDocs(files: readonly string[]): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UserError(`${file}: no such file (or not readable)`);
    });
    parseManifests(text, file, undefined, (raw, where) => docs.push({ key: docKey(raw), raw, where }));
  }
  return docs;
}

function manifestsOf(docs: readonly Doc[]): Manifests {
  const m = emptyManifests();
  for (const d of docs) parseObject(d.raw, d.where, m);
  checkManifests(m);
  m.services = assignServiceAddresses(m.services);
  return m;
}

function containerIdOf(podKey: string): string {
  return `lab-${podKey.replace(/[^a-zA-Z0-9_.-]/g, '-')}`;
}

function servedPorts(pod: Pod): string {
  return pod.ports
    .map((p) => `${p.containerPort}/${p.protocol}`)
    .sort()
    .join(',');
}

export class Lab {
  private constructor(
    readonly paths: LabPaths,
    private state: LabState,
    private docs: Doc[],
  ) {}

  /** Starts a lab from manifests. Fails, leaving nothing behind, if anything is wrong. */
  static async up(name: string, files: readonly string[]): Promise<Lab> {
    const paths = labPaths(name);
    if (await readJsonIfExists<LabState>(paths.state)) {
      throw new UserError(
        `lab ${name} is already up: use 'sluice lab apply' to change it or 'sluice lab down' first`,
      );
    }
    const docs = dedupe(await readDocs(await manifestFiles(files, true)));
    const manifests = manifestsOf(docs);
    const lab = new Lab(paths, { version: 1, agentPid: 0, pods: {} }, docs);
    try {
      await mkdir(paths.dir, { recursive: true, mode: 0o700 });
      await lab.writeManifests();
      await run(['ip', 'netns', 'add', paths.nodeNetns]);
      await lab.save();
      await run(['ip', '-batch', '-'], {
        netns: lab.nodeNetnsPath,
        input: `link set lo up\naddr add ${LAB_NODE_IP}/32 dev lo\n`,
      });
      await run(['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'], { netns: lab.nodeNetnsPath });
      await lab.startAgent();
      await lab.syncPods(manifests.pods);
      return lab;
    } catch (err) {
      await lab.down().catch(() => undefined);
      throw err;
    }
  }

  static async open(name: string): Promise<Lab> {
    const paths = labPaths(name);
    const state = await readJsonIfExists<LabState>(paths.state);
    if (!state) throw new UserError(`no lab ${name} is up: start one with 'sluice lab up -f PATH'`);
    const docs = await readDocs([paths.manifests]);
    return new Lab(paths, state, docs);
  }

  get nodeNetnsPath(): string {
    return `/run/netns/${this.paths.nodeNetns}`;
  }

  private async save(): Promise<void> {
    await writeFileAtomic(this.paths.state, `${JSON.stringify(this.state, null, 2)}\n`);
  }

  private async writeManifests(): Promise<void> {
    await writeFileAtomic(this.paths.manifests, this.docs.map((d) => stringify(d.raw)).join('---\n'), 0o600);
  }

  private async startAgent(): Promise<void> {
    const log = openSync(this.paths.agentLog, 'a', 0o600);
    const child = spawn(
      AGENT_BIN,
      [
        '--pin-root',
        this.paths.pinRoot,
        '--state-dir',
        path.join(this.paths.dir, 'state'),
        '--socket',
        this.paths.socket,
        '--host-netns',
        this.nodeNetnsPath,
        '--pod-cidr',
        LAB_POD_CIDR,
        '--node-ip',
        LAB_NODE_IP,
        '--manifests',
        this.paths.manifests,
        // Labs run side by side (and beside a node agent): no shared metrics port.
        '--metrics-port',
        '0',
      ],
      { detached: true, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    child.unref();
    this.state.agentPid = child.pid ?? 0;
    await this.save();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ok = await callAgent(this.paths.socket, { status: {} }, 1000).then(
        (r) => r.status?.ready === true,
        () => false,
      );
      if (ok) return;
      if (child.exitCode !== null || Date.now() > deadline) {
        const tail = (await readFile(this.paths.agentLog, 'utf8').catch(() => ''))
          .split('\n')
          .slice(-5)
          .join('\n');
        throw new EnvironmentError(
          `the lab's agent did not become ready (log ${this.paths.agentLog}):\n${tail}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Tells the agent to re-read the manifests; resolves once the datapath holds them. */
  private async reload(): Promise<void> {
    await callAgent(this.paths.socket, { reload: {} }, 60_000);
  }

  private cniConf(): Record<string, unknown> {
    return {
      cniVersion: '1.1.0',
      name: 'sluice-lab',
      type: 'sluice-cni',
      agentSocket: this.paths.socket,
      logFile: this.paths.cniLog,
    };
  }

  private async addPod(pod: Pod): Promise<void> {
    const key = `${pod.namespace}/${pod.name}`;
    const netnsName = `sl-${this.paths.name}-${pod.namespace}-${pod.name}`;
    const netns = `/run/netns/${netnsName}`;
    const containerId = containerIdOf(key);
    await run(['ip', 'netns', 'add', netnsName]);
    this.state.pods[key] = { netns: netnsName, containerId, ip: '', pids: [], ports: '' };
    const r = await invokePlugin(
      CNI_BIN,
      {
        command: 'ADD',
        containerId,
        netns,
        ifname: 'eth0',
        args: `IgnoreUnknown=1;K8S_POD_NAMESPACE=${pod.namespace};K8S_POD_NAME=${pod.name}`,
      },
      this.cniConf(),
    );
    if (r.code !== 0)
      throw new EnvironmentError(`CNI ADD of pod ${key} failed: ${String(r.json?.['msg'] ?? r.stdout)}`);
    const ip = (r.json!['ips'] as { address: string }[])[0]!.address.split('/')[0]!;
    this.state.pods[key]!.ip = ip;
    await this.startResponders(key, pod);
  }

  private async startResponders(key: string, pod: Pod): Promise<void> {
    const entry = this.state.pods[key]!;
    for (const pid of entry.pids) killPid(pid);
    entry.pids = [];
    entry.ports = servedPorts(pod);
    const netns = `/run/netns/${entry.netns}`;
    const ports = (proto: Protocol) =>
      pod.ports.filter((p) => p.protocol === proto).map((p) => p.containerPort);
    // Detached: they outlive this command; `lab down` ends them by the pids recorded here.
    const opts = { detached: true, track: (c: ChildProcess) => c.pid && entry.pids.push(c.pid) };
    if (ports('TCP').length + ports('UDP').length > 0)
      await startResponder(netns, key, { tcp: ports('TCP'), udp: ports('UDP') }, opts);
    if (ports('SCTP').length > 0)
      await startInNetns(
        netns,
        [SCTP_TOOL, 'serve', key, ...ports('SCTP').map(String)],
        `SCTP server of ${key}`,
        opts,
      );
  }

  private async removePod(key: string): Promise<void> {
    const entry = this.state.pods[key];
    if (!entry) return;
    for (const pid of entry.pids) killPid(pid);
    await invokePlugin(
      CNI_BIN,
      { command: 'DEL', containerId: entry.containerId, netns: `/run/netns/${entry.netns}`, ifname: 'eth0' },
      this.cniConf(),
    );
    await run(['ip', 'netns', 'del', entry.netns]).catch(() => undefined);
    delete this.state.pods[key];
  }

  /** Makes the running pods match the manifests: new ones wired, gone ones removed, ports served. */
  private async syncPods(pods: readonly Pod[]): Promise<void> {
    const want = new Map(pods.filter((p) => !p.hostNetwork).map((p) => [`${p.namespace}/${p.name}`, p]));
    try {
      for (const key of Object.keys(this.state.pods)) if (!want.has(key)) await this.removePod(key);
      const added = [...want].filter(([key]) => !this.state.pods[key]);
      for (let i = 0; i < added.length; i += 8) {
        await Promise.all(added.slice(i, i + 8).map(([, pod]) => this.addPod(pod)));
      }
      for (const [key, pod] of want) {
        if (this.state.pods[key] && this.state.pods[key]!.ports !== servedPorts(pod))
          await this.startResponders(key, pod);
      }
    } finally {
      await this.save();
    }
  }

  /** Adds or replaces objects; returns once the change is in force. The lab keeps its state on error. */
  async apply(files: readonly string[]): Promise<{ changed: string[] }> {
    const incoming = dedupe(await readDocs(await manifestFiles(files, true)));
    const byKey = new Map(this.docs.map((d) => [d.key, d]));
    for (const d of incoming) byKey.set(d.key, d);
    return this.replaceDocs(
      [...byKey.values()],
      incoming.map((d) => d.key),
    );
  }

  /** Removes the objects the files name; unknown ones are an error (nothing changes then). */
  async delete(files: readonly string[]): Promise<{ changed: string[] }> {
    const named = await readDocs(await manifestFiles(files, true));
    const keys = new Set(this.docs.map((d) => d.key));
    const unknown = named.filter((d) => !keys.has(d.key)).map((d) => `${d.key} (${d.where})`);
    if (unknown.length > 0) throw new UserError(`not in the lab: ${unknown.join(', ')}`);
    const drop = new Set(named.map((d) => d.key));
    return this.replaceDocs(
      this.docs.filter((d) => !drop.has(d.key)),
      [...drop],
    );
  }

  private async replaceDocs(next: Doc[], changed: string[]): Promise<{ changed: string[] }> {
    const manifests = manifestsOf(next); // validate the whole result before touching anything
    this.docs = next;
    // Pods leave the datapath before they leave the store; new pods enter the store first.
    const keep = new Set(manifests.pods.map((p) => `${p.namespace}/${p.name}`));
    for (const key of Object.keys(this.state.pods)) if (!keep.has(key)) await this.removePod(key);
    await this.writeManifests();
    await this.reload();
    await this.syncPods(manifests.pods);
    return { changed };
  }

  status(): {
    pods: { namespace: string; name: string; ip: string; labels: Record<string, string>; ports: string[] }[];
    policies: string[];
  } {
    const m = manifestsOf(this.docs);
    return {
      pods: m.pods.map((p) => ({
        namespace: p.namespace,
        name: p.name,
        ip: this.state.pods[`${p.namespace}/${p.name}`]?.ip ?? '',
        labels: { ...p.labels },
        ports: p.ports.map((x) => `${x.name ? `${x.name}:` : ''}${x.containerPort}/${x.protocol}`),
      })),
      policies: m.policies.map((p) => `${p.namespace}/${p.name}`),
    };
  }

  /** The lab's pods with their real IPs, for simulation. */
  snapshotPods(): Manifests {
    const m = manifestsOf(this.docs);
    m.pods = m.pods.map((p) => ({ ...p, ip: this.state.pods[`${p.namespace}/${p.name}`]?.ip ?? p.ip ?? '' }));
    return m;
  }

  private pod(key: string, role: string): LabPod {
    const p = this.state.pods[key];
    if (!p) {
      throw new UserError(
        `${role} ${JSON.stringify(key)}: no such pod in lab ${this.paths.name} (pods: ${Object.keys(this.state.pods).sort().join(', ')})`,
      );
    }
    return p;
  }

  async probe(
    from: string,
    to: string,
    port: number,
    protocol: Protocol,
    timeoutMs: number,
  ): Promise<ProbeResult> {
    const src = this.pod(from, 'FROM');
    const dst = this.pod(to, 'TO');
    const [r] = await probeFrom(`/run/netns/${src.netns}`, [`${dst.ip}:${port}/${protocol}`], timeoutMs);
    return r!;
  }

  async matrix(
    ports: readonly number[],
    protocols: readonly Protocol[],
    timeoutMs: number,
  ): Promise<MatrixVerdict[]> {
    const keys = Object.keys(this.state.pods).sort();
    const cases = matrixCases(keys, ports, protocols);
    const bySource = new Map<string, typeof cases>();
    for (const c of cases) bySource.set(c.from, [...(bySource.get(c.from) ?? []), c]);
    const out: MatrixVerdict[] = [];
    await Promise.all(
      [...bySource].map(async ([from, list]) => {
        const results = await probeFrom(
          `/run/netns/${this.state.pods[from]!.netns}`,
          list.map((c) => `${this.state.pods[c.to]!.ip}:${c.port}/${c.protocol}`),
          timeoutMs,
        );
        list.forEach((c, i) => {
          out.push({ ...c, connected: results[i]!.connected });
        });
      }),
    );
    return out.sort((a, b) =>
      `${a.from}>${a.to}>${a.protocol}>${a.port}`.localeCompare(`${b.from}>${b.to}>${b.protocol}>${b.port}`),
    );
  }

  /** Removes every namespace, link, pin, process and file of the lab. */
  async down(): Promise<void> {
    for (const entry of Object.values(this.state.pods)) {
      for (const pid of entry.pids) killPid(pid);
      await run(['ip', 'netns', 'del', entry.netns]).catch(() => undefined);
    }
    if (this.state.agentPid) await killAndWait(this.state.agentPid);
    await run(['ip', 'netns', 'del', this.paths.nodeNetns]).catch(() => undefined);
    await rm(this.paths.pinRoot, { recursive: true, force: true });
    await rm(this.paths.dir, { recursive: true, force: true });
    await rmdir(path.dirname(this.paths.dir)).catch(() => undefined); // the labs' root, once empty
  }

  static async downByName(name: string): Promise<void> {
    const paths = labPaths(name);
    const state = await readJsonIfExists<LabState>(paths.state);
    if (!state) throw new UserError(`no lab ${name} is up`);
    await new Lab(paths, state, []).down();
  }
}

function dedupe(docs: Doc[]): Doc[] {
  const seen = new Map<string, Doc>();
  for (const d of docs) {
    const prev = seen.get(d.key);
    if (prev) throw new UserError(`${d.key} is defined twice: ${prev.where} and ${d.where}`);
    seen.set(d.key, d);
  }
  return [...seen.values()];
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function killAndWait(pid: number): Promise<void> {
  killPid(pid);
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}
