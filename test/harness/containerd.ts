// A private containerd (Debian's 1.6 binary) for tests that need real containers started through
// CNI the way a runtime does it, without Kubernetes and without touching the host's runtime setup.
//
// How it stays private:
// - containerd, its shims and every `ctr` client run in one private mount namespace (set up by
//   `unshare --mount` before containerd starts; clients join it with `nsenter -t PID -m`). In that
//   namespace /run/containerd (where 1.6 puts shim sockets and runc state, whatever its config
//   says) is a tmpfs, and /etc/cni/net.d, /opt/cni/bin and /var/lib/cni (the libcni result cache)
//   are bind mounts of this instance's directories. When a path does not exist on the host, its
//   nearest existing parent is covered with an overlay whose upper layer is the namespace's own
//   tmpfs, so the host's /etc, /opt, /var and /run are never written. The mounts (these and the
//   tasks' rootfs mounts) exist only in that namespace and vanish with its last process.
// - root, state, GRPC socket and config live in a temp dir; the CRI plugin is disabled.
// - containers get cgroups under /sluice-test-<run><instance>/<name>.
//
// Why `ctr run --cni` and not `ctr run -d --cni`: ctr 1.6 finds CNI through go-cni with fixed
// defaults (gocni.New(gocni.WithDefaultConf): config /etc/cni/net.d, first file only; plugins
// /opt/cni/bin; cache /var/lib/cni; no flag or env overrides them), and it calls CNI DEL only in
// foreground mode, after the task exits. `ctr task delete` and `ctr container delete` have no CNI
// code. So each container is supervised by a foreground `ctr run --null-io` child; remove() kills
// the task, that child runs the CNI DEL (with CNI_NETNS="" since the netns died with the task) and
// deletes the task, then the container is deleted.
//
// CNI plugins run in the network namespace of the ctr client: the host's unless start() is given
// `netns`, e.g. a test's node namespace, which keeps host-side veths and routes out of the host.

import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CommandError, run } from '../../agent/sys/exec.js';
import { instanceId, runId } from './names.js';

export const CTR_NAMESPACE = 'sluice-test';
export const BUSYBOX_IMAGE = 'localhost/sluice-busybox:test';
const BUSYBOX = '/bin/busybox';

export function cacheRoot(): string {
  return process.env['SLUICE_CACHE'] || '/var/cache/sluice';
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number;
}

interface Supervised {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: string[];
  pid?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function kill(pid: number, signal: NodeJS.Signals = 'SIGKILL') {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

// Runs inside the new mount namespace, then becomes containerd. $1 scratch dir, $2 config,
// $3 containerd log, then pairs of (source, target) to bind.
const NS_SETUP = `set -eu
scratch=$1; config=$2; log=$3; shift 3
mount -t tmpfs -o mode=0700 sluice-ctrd "$scratch"
ensure_dir() {
  t=$1
  [ -d "$t" ] && return 0
  a=$t
  while [ ! -d "$a" ]; do a=$(dirname "$a"); done
  if [ "$a" = / ]; then echo "ns-setup: refusing to cover / to create $t" >&2; exit 1; fi
  n=$(echo "$a" | tr / _)
  mkdir -p "$scratch/$n/upper" "$scratch/$n/work"
  mount -t overlay overlay -o "lowerdir=$a,upperdir=$scratch/$n/upper,workdir=$scratch/$n/work" "$a"
  mkdir -p "$t"
}
ensure_dir /run/containerd
mount -t tmpfs -o mode=0711 sluice-ctrd-run /run/containerd
while [ $# -ge 2 ]; do
  ensure_dir "$2"
  mount --bind "$1" "$2"
  shift 2
done
exec containerd --config "$config" >>"$log" 2>&1
`;

export class TestContainerd {
  private pid = 0;
  private child: ChildProcess | undefined;
  private readonly containers = new Map<string, Supervised>();
  private nextExec = 0;
  readonly socket: string;
  readonly cgroupParent: string;

  private constructor(
    readonly dir: string,
    readonly id: string,
    readonly cniBinDir: string,
    readonly cniConfDir: string,
    readonly netns: string | undefined,
  ) {
    this.socket = path.join(dir, 'containerd.sock');
    this.cgroupParent = `sluice-test-${id}`;
  }

  private daemonAlive(): boolean {
    const c = this.child;
    return !!c && c.exitCode === null && c.signalCode === null && alive(this.pid);
  }

  /** The containerd daemon's PID (the only process stop() kills besides what it started for us). */
  get daemonPid(): number {
    return this.pid;
  }

  /** The libcni cache dir ctr writes results to (bound over /var/lib/cni in the namespace). */
  get cniCacheDir(): string {
    return path.join(this.dir, 'cni-cache');
  }

  get logFile(): string {
    return path.join(this.dir, 'containerd.log');
  }

  static async start(opts: {
    cniBinDir: string;
    cniConfDir: string;
    /** Network namespace path the ctr client (and so the CNI plugins) run in; host if unset. */
    netns?: string;
  }): Promise<TestContainerd> {
    const id = `${runId()}${instanceId()}`;
    const dir = await mkdtemp(path.join(tmpdir(), `sluice-ctrd-${id}-`));
    const c = new TestContainerd(dir, id, opts.cniBinDir, opts.cniConfDir, opts.netns);
    try {
      await c.launch();
      return c;
    } catch (err) {
      await c.stop();
      throw err;
    }
  }

  private async launch(): Promise<void> {
    const d = this.dir;
    for (const sub of ['root', 'state', 'scratch', 'cni-cache', 'fifo']) await mkdir(path.join(d, sub));
    await chmod(d, 0o711);
    const config = [
      'version = 2',
      `root = ${JSON.stringify(path.join(d, 'root'))}`,
      `state = ${JSON.stringify(path.join(d, 'state'))}`,
      'disabled_plugins = [',
      ...[
        'io.containerd.grpc.v1.cri',
        'io.containerd.internal.v1.opt',
        'io.containerd.snapshotter.v1.aufs',
        'io.containerd.snapshotter.v1.btrfs',
        'io.containerd.snapshotter.v1.devmapper',
        'io.containerd.snapshotter.v1.zfs',
        'io.containerd.tracing.processor.v1.otlp',
        'io.containerd.internal.v1.tracing',
      ].map((p) => `  ${JSON.stringify(p)},`),
      ']',
      '[grpc]',
      `  address = ${JSON.stringify(this.socket)}`,
      '[ttrpc]',
      `  address = ${JSON.stringify(`${this.socket}.ttrpc`)}`,
      '[debug]',
      '  address = ""',
      '  level = "info"',
      '[metrics]',
      '  address = ""',
      '',
    ].join('\n');
    const configFile = path.join(d, 'config.toml');
    await writeFile(configFile, config);
    const setup = path.join(d, 'ns-setup.sh');
    await writeFile(setup, NS_SETUP);
    const binds = [
      [this.cniConfDir, '/etc/cni/net.d'],
      [this.cniBinDir, '/opt/cni/bin'],
      [this.cniCacheDir, '/var/lib/cni'],
    ].flat();
    const child = spawn(
      'unshare',
      [
        '--mount',
        '--propagation',
        'private',
        '--',
        '/bin/sh',
        setup,
        path.join(d, 'scratch'),
        configFile,
        this.logFile,
        ...binds,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    this.pid = child.pid ?? 0;
    let setupErr = '';
    child.stderr?.on('data', (b: Buffer) => {
      setupErr += b.toString();
    });
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (exited) {
        const log = await readFile(this.logFile, 'utf8').catch(() => '');
        throw new Error(
          `containerd exited during startup: ${setupErr.trim()} ${log.split('\n').slice(-10).join('\n')}`,
        );
      }
      if (existsSync(this.socket)) {
        const ok = await this.ctr(['version'], { timeoutMs: 5_000 }).then(
          () => true,
          () => false,
        );
        if (ok) return;
      }
      if (Date.now() > deadline) throw new Error(`containerd did not answer on ${this.socket} within 20 s`);
      await sleep(100);
    }
  }

  private ctrArgv(args: string[], netns?: string): string[] {
    return [
      'nsenter',
      '-t',
      String(this.pid),
      '-m',
      ...(netns ? [`--net=${netns}`] : []),
      '--',
      'ctr',
      '--address',
      this.socket,
      '--namespace',
      CTR_NAMESPACE,
      ...args,
    ];
  }

  /** Runs ctr against this containerd, inside its mount namespace. */
  async ctr(args: string[], opts: { input?: string; timeoutMs?: number } = {}) {
    return run(this.ctrArgv(args), opts);
  }

  /** Builds (once, cached) a busybox OCI image with umoci and imports it; returns its ref. */
  async importBusybox(): Promise<string> {
    const tarball = await buildBusyboxImage();
    await this.ctr(['images', 'import', '--base-name', BUSYBOX_IMAGE.split(':')[0]!, tarball], {
      timeoutMs: 60_000,
    });
    const { stdout } = await this.ctr(['images', 'ls', '-q']);
    if (!stdout.split('\n').includes(BUSYBOX_IMAGE)) {
      throw new Error(`ctr images import did not produce ${BUSYBOX_IMAGE} (have: ${stdout.trim()})`);
    }
    return BUSYBOX_IMAGE;
  }

  /** The CNI container id ctr uses for a container (`<namespace>-<name>`). */
  cniContainerId(name: string): string {
    return `${CTR_NAMESPACE}-${name}`;
  }

  /**
   * Starts a container with CNI networking (CNI ADD runs before the task starts) and waits until
   * it runs. The supervising `ctr run` stays alive until remove().
   */
  async run(
    name: string,
    opts: {
      cmd: string[];
      labels?: Record<string, string>;
      env?: Record<string, string>;
      image?: string;
      timeoutMs?: number;
    },
  ): Promise<{ pid: number; netnsPath: string }> {
    if (this.containers.has(name)) throw new Error(`container ${name} already exists`);
    const args = [
      'run',
      '--cni',
      '--null-io',
      '--runtime',
      'io.containerd.runc.v2',
      '--cgroup',
      `/${this.cgroupParent}/${name}`,
      ...Object.entries(opts.labels ?? {}).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
      ...Object.entries(opts.env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
      opts.image ?? BUSYBOX_IMAGE,
      name,
      ...opts.cmd,
    ];
    const [file, ...rest] = this.ctrArgv(args, this.netns);
    const child = spawn(file!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stdout?.on('data', (b: Buffer) => output.push(b.toString()));
    child.stderr?.on('data', (b: Buffer) => output.push(b.toString()));
    const exited = new Promise<number | null>((resolve) => {
      child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null)));
      child.on('error', () => resolve(-1));
    });
    const sup: Supervised = { child, exited, output };
    this.containers.set(name, sup);
    let done = false;
    void exited.then(() => {
      done = true;
    });
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    try {
      for (;;) {
        if (done) throw new Error(`ctr run ${name} exited with ${await exited}: ${output.join('').trim()}`);
        const task = await this.task(name);
        if (task?.status === 'RUNNING') {
          sup.pid = task.pid;
          return { pid: task.pid, netnsPath: `/proc/${task.pid}/ns/net` };
        }
        if (Date.now() > deadline) {
          throw new Error(`container ${name} not running after ${timeoutMs} ms: ${output.join('').trim()}`);
        }
        await sleep(100);
      }
    } catch (err) {
      // Leave nothing behind under this name, so a test can retry or carry on.
      await this.remove(name).catch(() => undefined);
      throw err;
    }
  }

  /** The task of a container as `ctr task ls` shows it. */
  async task(name: string): Promise<{ pid: number; status: string } | undefined> {
    const { stdout } = await this.ctr(['task', 'ls']);
    for (const line of stdout.split('\n').slice(1)) {
      const [task, pid, status] = line.trim().split(/\s+/);
      if (task === name) return { pid: Number(pid), status: status ?? '' };
    }
    return undefined;
  }

  /** What the supervising `ctr run` printed (its errors, e.g. a failed CNI DEL). */
  output(name: string): string {
    return this.containers.get(name)?.output.join('') ?? '';
  }

  async exec(
    name: string,
    cmd: string[],
    opts: { input?: string; timeoutMs?: number } = {},
  ): Promise<ExecResult> {
    const execId = `x${this.nextExec++}-${randomBytes(3).toString('hex')}`;
    try {
      const r = await this.ctr(
        ['task', 'exec', '--exec-id', execId, '--fifo-dir', path.join(this.dir, 'fifo'), name, ...cmd],
        { input: opts.input ?? '', timeoutMs: opts.timeoutMs ?? 30_000 },
      );
      return { ...r, code: 0 };
    } catch (err) {
      if (err instanceof CommandError && typeof err.code === 'number') {
        return { stdout: err.stdout, stderr: err.stderr, code: err.code };
      }
      throw err;
    }
  }

  /**
   * Kills the task; its `ctr run` then calls CNI DEL and deletes the task; then deletes the
   * container and its snapshot. Throws if the CNI DEL failed (after cleaning up anyway).
   */
  async remove(name: string): Promise<void> {
    const sup = this.containers.get(name);
    await this.ctr(['task', 'kill', '--signal', 'SIGKILL', name]).catch(() => undefined);
    let delFailed = '';
    if (sup) {
      const code = await Promise.race([sup.exited, sleep(15_000).then(() => 'timeout' as const)]);
      if (code === 'timeout' && sup.child.pid) kill(sup.child.pid);
      const out = sup.output.join('');
      if (/network review|failed to destroy network|plugin type=.* failed \(delete\)/.test(out))
        delFailed = out;
    }
    if (await this.task(name).catch(() => undefined)) {
      await this.ctr(['task', 'delete', '--force', name]).catch(() => undefined);
    }
    await this.ctr(['container', 'delete', name]).catch((err: unknown) => {
      if (!String(err).includes('not found')) throw err;
    });
    this.containers.delete(name);
    if (delFailed) throw new Error(`CNI DEL of ${name} failed: ${delFailed.trim()}`);
  }

  /** Removes every container, stops containerd and deletes everything it made. Never throws. */
  async stop(): Promise<void> {
    const errors: string[] = [];
    const taskPids = new Set<number>();
    for (const s of this.containers.values()) if (s.pid) taskPids.add(s.pid);
    if (this.daemonAlive()) {
      const names = new Set(this.containers.keys());
      const listed = await this.ctr(['container', 'ls', '-q']).catch(() => ({ stdout: '' }));
      for (const n of listed.stdout.split('\n').filter(Boolean)) names.add(n);
      for (const n of names) {
        await this.remove(n).catch((err: unknown) => errors.push(String(err)));
      }
    }
    // Supervising ctr processes that are somehow still there.
    for (const s of this.containers.values()) {
      if (s.child.exitCode === null && s.child.pid) kill(s.child.pid);
    }
    this.containers.clear();
    // The daemon itself.
    if (this.daemonAlive()) {
      kill(this.pid, 'SIGTERM');
      for (let i = 0; i < 50 && this.daemonAlive(); i++) await sleep(100);
      if (this.daemonAlive()) kill(this.pid, 'SIGKILL');
      for (let i = 0; i < 50 && this.daemonAlive(); i++) await sleep(100);
    }
    // Shims (started with `-address <our socket>`) and container processes (in our cgroups) left
    // over when containerd could not remove them.
    for (const pid of await this.leftoverPids(taskPids)) kill(pid);
    await this.removeCgroups();
    await this.unmountUnder(this.dir);
    await rm(this.dir, { recursive: true, force: true }).catch((err: unknown) => errors.push(String(err)));
    if (errors.length) console.warn(`TestContainerd.stop: ${errors.join('; ')}`);
  }

  private async leftoverPids(taskPids: Set<number>): Promise<number[]> {
    const found: number[] = [];
    const entries = await readdir('/proc').catch(() => [] as string[]);
    for (const e of entries) {
      const pid = Number(e);
      if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) continue;
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      if (cmdline.includes('containerd-shim') && cmdline.split('\0').includes(this.socket)) {
        found.push(pid);
        continue;
      }
      if (cmdline || taskPids.has(pid)) {
        const cg = await readFile(`/proc/${pid}/cgroup`, 'utf8').catch(() => '');
        if (cg.includes(`/${this.cgroupParent}/`)) found.push(pid);
      }
    }
    return found;
  }

  private async removeCgroups(): Promise<void> {
    // cgroupfs directories go with rmdir (never rm -r), children first; runc removes the
    // per-container ones on delete, leaving the parent in every hierarchy.
    const rmTree = async (dir: string): Promise<void> => {
      const subs = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const s of subs) if (s.isDirectory()) await rmTree(path.join(dir, s.name));
      await rmdir(dir).catch(() => undefined);
    };
    const roots = ['/sys/fs/cgroup'];
    for (const c of await readdir('/sys/fs/cgroup').catch(() => [] as string[])) {
      roots.push(path.join('/sys/fs/cgroup', c));
    }
    for (const r of roots) {
      const dir = path.join(r, this.cgroupParent);
      for (let attempt = 0; attempt < 20 && existsSync(dir); attempt++) {
        await rmTree(dir);
        if (existsSync(dir)) await sleep(100);
      }
    }
  }

  private async unmountUnder(dir: string): Promise<void> {
    const info = await readFile('/proc/self/mountinfo', 'utf8').catch(() => '');
    const points = info
      .split('\n')
      .map((l) => l.split(' ')[4] ?? '')
      .filter((p) => p === dir || p.startsWith(`${dir}/`))
      .sort((a, b) => b.length - a.length);
    for (const p of points) await run(['umount', '-l', p]).catch(() => undefined);
  }
}

/** The busybox version string and binary hash, which key the cached image tarball. */
async function busyboxKey(): Promise<string> {
  const bin = await readFile(BUSYBOX);
  const hash = createHash('sha256').update(bin).digest('hex').slice(0, 12);
  const { stdout } = await run([BUSYBOX]).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  const version = /BusyBox v([0-9.]+)/.exec(stdout)?.[1] ?? 'unknown';
  return `${version}-${hash}`;
}

/** An OCI image archive holding busybox-static with its applets, built with umoci, cached. */
export async function buildBusyboxImage(): Promise<string> {
  if (!existsSync(BUSYBOX)) throw new Error(`${BUSYBOX} is missing: apt-get install busybox-static`);
  const cacheDir = path.join(cacheRoot(), 'images');
  const tarball = path.join(cacheDir, `sluice-busybox-${await busyboxKey()}.tar`);
  if (existsSync(tarball)) return tarball;
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), 'sluice-busybox-'));
  try {
    const layout = path.join(work, 'layout');
    const bundle = path.join(work, 'bundle');
    const image = `${layout}:test`;
    await run(['umoci', 'init', '--layout', layout]);
    await run(['umoci', 'new', '--image', image]);
    await run(['umoci', 'unpack', '--image', image, bundle]);
    const rootfs = path.join(bundle, 'rootfs');
    for (const d of ['bin', 'etc', 'tmp', 'proc', 'sys', 'dev', 'root', 'var/www', 'run']) {
      await mkdir(path.join(rootfs, d), { recursive: true });
    }
    await chmod(path.join(rootfs, 'tmp'), 0o1777);
    await run(['cp', BUSYBOX, path.join(rootfs, 'bin', 'busybox')]);
    const { stdout } = await run([BUSYBOX, '--list']);
    for (const applet of stdout.split('\n').filter((a) => a && a !== 'busybox' && !a.includes('/'))) {
      await symlink('busybox', path.join(rootfs, 'bin', applet));
    }
    await writeFile(
      path.join(rootfs, 'etc', 'passwd'),
      'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n',
    );
    await writeFile(path.join(rootfs, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
    await writeFile(path.join(rootfs, 'var', 'www', 'index.html'), 'sluice-busybox\n');
    await run(['umoci', 'repack', '--image', image, bundle]);
    await run([
      'umoci',
      'config',
      '--image',
      image,
      '--config.cmd',
      'sh',
      '--config.env',
      'PATH=/bin',
      '--config.workingdir',
      '/',
    ]);
    await run(['umoci', 'gc', '--layout', layout]);
    const tmp = `${tarball}.tmp.${process.pid}`;
    await run(['tar', '-C', layout, '-cf', tmp, '.']);
    await rename(tmp, tarball);
    return tarball;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
