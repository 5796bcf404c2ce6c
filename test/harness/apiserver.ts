// A private Kubernetes API server for tests that need the real API (RBAC, ServiceAccount tokens
// from the TokenRequest API, watches, resourceVersions, compaction) without a kubelet, a
// controller manager or a scheduler: etcd and kube-apiserver built from source by
// scripts/build-k8s-tools.sh, both on 127.0.0.1 at free ports, all state in one temp dir.
//
// - etcd: plain HTTP on loopback, data dir in the temp dir, no fsync (tests need no durability
//   across host crashes, only across API server restarts).
// - kube-apiserver: secure port only, a throwaway CA and serving cert (openssl), a service
//   account signing key pair (node:crypto), RBAC authorization, and a static admin token
//   (group system:masters) for the test itself. The ServiceAccount admission plugin is disabled:
//   it rejects pods whose service account does not exist, and without a controller manager not
//   even "default" is ever created. Tokens for service accounts come from the TokenRequest API
//   (`kubectl create token SA`), which needs no controller.
// - Both daemons run under `setpriv --pdeathsig SIGKILL`, so they die with the test worker even
//   when stop() never runs; stop() kills them by pid and removes the temp dir.

import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../agent/config/config.js';
import { CommandError, run } from '../../agent/sys/exec.js';
import { instanceId } from './names.js';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface TestApiServerOptions {
  /** Directory holding kube-apiserver, kubectl and etcd; built by scripts/build-k8s-tools.sh if unset. */
  binDir?: string;
  /**
   * --service-cluster-ip-range (default 10.96.0.0/16): one CIDR, or two comma-separated for
   * dual-stack Services (e.g. 10.96.0.0/16,fd00:10:96::/108). The first must be IPv4: it is the
   * primary range, where the `kubernetes` Service gets its (single-stack) ClusterIP.
   */
  serviceClusterIpRange?: string;
  /** Extra kube-apiserver flags (--name=value), appended after the harness's own. */
  extraApiServerArgs?: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the kernel's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no port from listen(0)'))));
    });
  });
}

/** Builds (once, cached) the binaries; returns their directory. */
export async function buildK8sTools(): Promise<string> {
  const { stdout } = await run([path.join(REPO_ROOT, 'scripts', 'build-k8s-tools.sh')], {
    timeoutMs: 1_800_000,
  });
  const dir = stdout.trim().split('\n').at(-1) ?? '';
  if (!dir || !existsSync(path.join(dir, 'kube-apiserver'))) {
    throw new Error(`scripts/build-k8s-tools.sh printed no usable bin dir (got ${JSON.stringify(dir)})`);
  }
  return dir;
}

/** One supervised daemon: its child process, pid and log file. */
class Daemon {
  private child: ChildProcess | undefined;
  private exitInfo: string | undefined;

  constructor(
    readonly name: string,
    readonly logFile: string,
  ) {}

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  get exited(): string | undefined {
    return this.exitInfo;
  }

  get running(): boolean {
    const c = this.child;
    return !!c && c.exitCode === null && c.signalCode === null && this.exitInfo === undefined;
  }

  start(argv: string[]): void {
    const fd = openSync(this.logFile, 'a');
    try {
      // pdeathsig: the daemon dies with the thread that started it, even if stop() never runs.
      const child = spawn('setpriv', ['--pdeathsig', 'SIGKILL', '--', ...argv], {
        stdio: ['ignore', fd, fd],
      });
      this.child = child;
      this.exitInfo = undefined;
      child.on('exit', (code, signal) => {
        if (this.child === child) this.exitInfo = signal ? `signal ${signal}` : `exit ${code}`;
      });
      child.on('error', (err) => {
        if (this.child === child) this.exitInfo = `spawn error: ${err.message}`;
      });
    } finally {
      closeSync(fd);
    }
  }

  async logTail(lines = 15): Promise<string> {
    const log = await readFile(this.logFile, 'utf8').catch(() => '');
    return log.trimEnd().split('\n').slice(-lines).join('\n');
  }

  /** SIGTERM, then SIGKILL after graceMs; resolves once the process is gone. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const gone = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    kill(child.pid, 'SIGTERM');
    const timedOut = await Promise.race([gone.then(() => false), sleep(graceMs).then(() => true)]);
    if (timedOut) {
      kill(child.pid, 'SIGKILL');
      await Promise.race([gone, sleep(5_000)]);
    }
    this.child = undefined;
  }
}

export class TestApiServer {
  private readonly etcd: Daemon;
  private readonly apiserver: Daemon;
  private readonly tokenKubeconfigs = new Map<string, string>();
  private apiserverArgv: string[] = [];
  private ca = '';
  /** Static token of user "sluice-test-admin" in group system:masters. */
  readonly adminToken = randomBytes(24).toString('hex');

  private constructor(
    readonly dir: string,
    readonly binDir: string,
    readonly port: number,
    readonly etcdPort: number,
    readonly etcdPeerPort: number,
    private readonly opts: TestApiServerOptions,
  ) {
    this.etcd = new Daemon('etcd', path.join(dir, 'etcd.log'));
    this.apiserver = new Daemon('kube-apiserver', path.join(dir, 'kube-apiserver.log'));
  }

  /** https://127.0.0.1:<port> */
  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** http://127.0.0.1:<port> of etcd's client endpoint (gRPC and the v3 JSON gateway). */
  get etcdUrl(): string {
    return `http://127.0.0.1:${this.etcdPort}`;
  }

  /** The CA that signed the API server's serving certificate (PEM file). */
  get caFile(): string {
    return path.join(this.dir, 'pki', 'ca.crt');
  }

  /** The admin kubeconfig (static token, system:masters). */
  get kubeconfig(): string {
    return path.join(this.dir, 'admin.kubeconfig');
  }

  get kubectlPath(): string {
    return path.join(this.binDir, 'kubectl');
  }

  get apiserverLog(): string {
    return this.apiserver.logFile;
  }

  get etcdLog(): string {
    return this.etcd.logFile;
  }

  /** The service account token issuer (--service-account-issuer), also the default audience. */
  readonly issuer = 'https://kubernetes.default.svc.cluster.local';

  static async start(opts: TestApiServerOptions = {}): Promise<TestApiServer> {
    const binDir = opts.binDir ?? (await buildK8sTools());
    for (const b of ['kube-apiserver', 'kubectl', 'etcd']) {
      if (!existsSync(path.join(binDir, b))) throw new Error(`${b} is missing from ${binDir}`);
    }
    const tag = process.env['SLUICE_TEST_RUN'] ?? 'norun';
    const dir = await mkdtemp(path.join(tmpdir(), `sluice-apiserver-${tag}${instanceId()}-`));
    const [port, etcdPort, etcdPeerPort] = [await freePort(), await freePort(), await freePort()];
    const s = new TestApiServer(dir, binDir, port, etcdPort, etcdPeerPort, opts);
    try {
      await s.launch();
      return s;
    } catch (err) {
      await s.stop();
      throw err;
    }
  }

  private async launch(): Promise<void> {
    await this.writePki();
    await writeFile(
      path.join(this.dir, 'tokens.csv'),
      `${this.adminToken},sluice-test-admin,sluice-test-admin,"system:masters"\n`,
      { mode: 0o600 },
    );
    await writeFile(this.kubeconfig, this.kubeconfigText(this.adminToken, 'sluice-test-admin'), {
      mode: 0o600,
    });
    await this.startEtcd();
    this.apiserverArgv = this.buildApiserverArgv();
    await this.startApiserver();
  }

  private async writePki(): Promise<void> {
    const pki = path.join(this.dir, 'pki');
    await run(['mkdir', '-m', '0700', '-p', pki]);
    const cnf = path.join(pki, 'openssl.cnf');
    const serviceIp = firstServiceIp(this.opts.serviceClusterIpRange ?? '10.96.0.0/16');
    const sans = [
      'IP:127.0.0.1',
      `IP:${serviceIp}`,
      'DNS:localhost',
      'DNS:kubernetes',
      'DNS:kubernetes.default',
      'DNS:kubernetes.default.svc',
      'DNS:kubernetes.default.svc.cluster.local',
    ];
    await writeFile(
      cnf,
      [
        '[req]',
        'distinguished_name = dn',
        'prompt = no',
        '[dn]',
        'CN = sluice-test',
        '[ca_ext]',
        'basicConstraints = critical,CA:TRUE',
        'keyUsage = critical,keyCertSign,cRLSign,digitalSignature',
        'subjectKeyIdentifier = hash',
        '[server_ext]',
        'basicConstraints = critical,CA:FALSE',
        'keyUsage = critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage = serverAuth',
        'subjectKeyIdentifier = hash',
        'authorityKeyIdentifier = keyid',
        `subjectAltName = ${sans.join(',')}`,
        '',
      ].join('\n'),
    );
    const p = (f: string) => path.join(pki, f);
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    await run(
      [
        'openssl',
        'req',
        '-x509',
        '-config',
        cnf,
        '-extensions',
        'ca_ext',
        ...ec,
        '-keyout',
        p('ca.key'),
      ].concat(['-out', p('ca.crt'), '-days', '30', '-subj', '/CN=sluice-test-ca']),
    );
    await run(
      ['openssl', 'req', '-new', '-config', cnf, ...ec, '-keyout', p('server.key')].concat([
        '-out',
        p('server.csr'),
        '-subj',
        '/CN=kube-apiserver',
      ]),
    );
    await run([
      'openssl',
      'x509',
      '-req',
      '-in',
      p('server.csr'),
      '-CA',
      p('ca.crt'),
      '-CAkey',
      p('ca.key'),
      '-set_serial',
      `0x${randomBytes(8).toString('hex')}`,
      '-days',
      '30',
      '-extfile',
      cnf,
      '-extensions',
      'server_ext',
      '-out',
      p('server.crt'),
    ]);
    // Service account token signing key pair.
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(p('sa.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await writeFile(p('sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    this.ca = await readFile(this.caFile, 'utf8');
  }

  private async startEtcd(): Promise<void> {
    const client = this.etcdUrl;
    const peer = `http://127.0.0.1:${this.etcdPeerPort}`;
    this.etcd.start([
      path.join(this.binDir, 'etcd'),
      '--name=sluice-test',
      `--data-dir=${path.join(this.dir, 'etcd')}`,
      `--listen-client-urls=${client}`,
      `--advertise-client-urls=${client}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=sluice-test=${peer}`,
      '--initial-cluster-state=new',
      '--unsafe-no-fsync',
      '--log-level=warn',
    ]);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (!this.etcd.running) {
        throw new Error(`etcd exited during startup (${this.etcd.exited}): ${await this.etcd.logTail()}`);
      }
      const ok = await fetch(`${client}/health`, { signal: AbortSignal.timeout(2_000) })
        .then(async (r) => r.ok && ((await r.json()) as { health?: string }).health === 'true')
        .catch(() => false);
      if (ok) return;
      if (Date.now() > deadline) {
        throw new Error(`etcd not healthy on ${client} within 30 s: ${await this.etcd.logTail()}`);
      }
      await sleep(100);
    }
  }

  private buildApiserverArgv(): string[] {
    const pki = (f: string) => path.join(this.dir, 'pki', f);
    return [
      path.join(this.binDir, 'kube-apiserver'),
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${this.port}`,
      `--cert-dir=${path.join(this.dir, 'certs')}`,
      `--tls-cert-file=${pki('server.crt')}`,
      `--tls-private-key-file=${pki('server.key')}`,
      `--client-ca-file=${pki('ca.crt')}`,
      `--etcd-servers=${this.etcdUrl}`,
      '--authorization-mode=RBAC',
      `--token-auth-file=${path.join(this.dir, 'tokens.csv')}`,
      `--service-account-issuer=${this.issuer}`,
      `--service-account-key-file=${pki('sa.pub')}`,
      `--service-account-signing-key-file=${pki('sa.key')}`,
      `--service-cluster-ip-range=${this.opts.serviceClusterIpRange ?? '10.96.0.0/16'}`,
      '--enable-admission-plugins=NamespaceLifecycle',
      '--disable-admission-plugins=ServiceAccount',
      '--allow-privileged=true',
      '--profiling=false',
      '--v=1',
      ...(this.opts.extraApiServerArgs ?? []),
    ];
  }

  private async startApiserver(): Promise<void> {
    this.apiserver.start(this.apiserverArgv);
    const deadline = Date.now() + 120_000;
    let last = '';
    for (;;) {
      if (!this.apiserver.running) {
        throw new Error(
          `kube-apiserver exited during startup (${this.apiserver.exited}): ${await this.apiserver.logTail()}`,
        );
      }
      const r = await this.get('/readyz').catch((err: unknown) => ({ status: 0, body: String(err) }));
      if (r.status === 200) return;
      last = `${r.status} ${r.body.trim().split('\n').slice(-5).join('; ')}`;
      if (Date.now() > deadline) {
        throw new Error(
          `kube-apiserver not ready within 120 s (last /readyz: ${last}): ${await this.apiserver.logTail()}`,
        );
      }
      await sleep(250);
    }
  }

  /** GET on the API server with the admin token (or `token`); resolves with status and body. */
  get(urlPath: string, token = this.adminToken): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        `${this.url}${urlPath}`,
        { ca: this.ca, headers: { authorization: `Bearer ${token}` }, timeout: 5_000 },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            body += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`GET ${urlPath} timed out`)));
      req.on('error', reject);
      req.end();
    });
  }

  private kubeconfigText(token: string, user: string): string {
    // JSON is YAML; kubectl reads either.
    return `${JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          { name: 'sluice-test', cluster: { server: this.url, 'certificate-authority': this.caFile } },
        ],
        users: [{ name: user, user: { token } }],
        contexts: [{ name: 'sluice-test', context: { cluster: 'sluice-test', user, namespace: 'default' } }],
        'current-context': 'sluice-test',
        preferences: {},
      },
      null,
      2,
    )}\n`;
  }

  /** A kubeconfig (path) that authenticates with this bearer token. */
  async kubeconfigFor(token: string): Promise<string> {
    const known = this.tokenKubeconfigs.get(token);
    if (known) return known;
    const name = createHash('sha256').update(token).digest('hex').slice(0, 12);
    const file = path.join(this.dir, `token-${name}.kubeconfig`);
    await writeFile(file, this.kubeconfigText(token, `token-${name}`), { mode: 0o600 });
    this.tokenKubeconfigs.set(token, file);
    return file;
  }

  /**
   * Runs the built kubectl against this API server (admin, or the given bearer token). Never
   * throws for a non-zero exit: the code is in the result.
   */
  async kubectl(
    args: string[],
    opts: { input?: string; token?: string; timeoutMs?: number } = {},
  ): Promise<KubectlResult> {
    const kubeconfig = opts.token === undefined ? this.kubeconfig : await this.kubeconfigFor(opts.token);
    const argv = [
      this.kubectlPath,
      `--kubeconfig=${kubeconfig}`,
      // kubectl's discovery cache would otherwise go to ~/.kube/cache.
      `--cache-dir=${path.join(this.dir, 'kubectl-cache')}`,
      ...args,
    ];
    try {
      const r = await run(argv, {
        ...(opts.input !== undefined ? { input: opts.input } : {}),
        timeoutMs: opts.timeoutMs ?? 60_000,
      });
      return { ...r, code: 0 };
    } catch (err) {
      if (err instanceof CommandError && typeof err.code === 'number') {
        return { stdout: err.stdout, stderr: err.stderr, code: err.code };
      }
      throw err;
    }
  }

  /** Stops kube-apiserver and starts it again with the same flags and port; etcd keeps running. */
  async restart(): Promise<void> {
    await this.apiserver.stop();
    await this.startApiserver();
  }

  /** A POST to etcd's v3 JSON gateway (bytes fields are base64, int64 fields strings). */
  async etcdRequest(urlPath: string, body: unknown): Promise<Record<string, unknown>> {
    const r = await fetch(`${this.etcdUrl}${urlPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await r.text();
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`etcd ${urlPath}: HTTP ${r.status}: ${text.trim()}`);
    }
    if (!r.ok || json['error'] !== undefined || json['code'] !== undefined) {
      throw new Error(`etcd ${urlPath}: HTTP ${r.status}: ${text.trim()}`);
    }
    return json;
  }

  /** etcd's current revision. */
  async etcdRevision(): Promise<number> {
    const res = await this.etcdRequest('/v3/kv/range', {
      key: Buffer.from('/registry/').toString('base64'),
      limit: 1,
      keys_only: true,
    });
    const rev = Number((res['header'] as { revision?: string } | undefined)?.revision);
    if (!Number.isInteger(rev) || rev <= 0)
      throw new Error(`etcd range returned no revision: ${JSON.stringify(res)}`);
    return rev;
  }

  /**
   * Compacts etcd's history up to its current revision (physically), as the API server's own
   * periodic compaction would; watches and lists from older resourceVersions then get 410 Gone
   * once the API server's watch cache no longer has them. Returns the compacted revision.
   */
  async compactEtcd(): Promise<number> {
    const revision = await this.etcdRevision();
    await this.etcdRequest('/v3/kv/compaction', { revision: String(revision), physical: true });
    return revision;
  }

  /** Stops kube-apiserver and etcd and removes the temp dir. Never throws. */
  async stop(): Promise<void> {
    const errors: string[] = [];
    await this.apiserver.stop().catch((err: unknown) => errors.push(String(err)));
    await this.etcd.stop().catch((err: unknown) => errors.push(String(err)));
    await rm(this.dir, { recursive: true, force: true }).catch((err: unknown) => errors.push(String(err)));
    if (errors.length) console.warn(`TestApiServer.stop: ${errors.join('; ')}`);
  }
}

/**
 * The first address of the primary service CIDR (the `kubernetes` Service's ClusterIP). ranges is
 * --service-cluster-ip-range: one CIDR or two comma-separated (dual-stack); the first, the primary,
 * must be IPv4, the second (if any) IPv6, as kube-apiserver requires of the pair.
 */
function firstServiceIp(ranges: string): string {
  const cidrs = ranges.split(',').map((c) => c.trim());
  if (cidrs.length > 2 || cidrs.some((c) => !/^[^/]+\/\d+$/.test(c))) {
    throw new Error(`service cluster IP range must be one CIDR or two comma-separated, not ${ranges}`);
  }
  if (cidrs.length === 2 && !cidrs[1]!.includes(':')) {
    throw new Error(`the second service cluster IP range must be IPv6, not ${cidrs[1]} (in ${ranges})`);
  }
  const cidr = cidrs[0]!;
  const [ip] = cidr.split('/');
  const parts = (ip ?? '').split('.').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) {
    throw new Error(`the primary service cluster IP range must be an IPv4 CIDR, not ${cidr} (in ${ranges})`);
  }
  const n = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  const first = n + 1;
  return [first >>> 24, (first >>> 16) & 255, (first >>> 8) & 255, first & 255].join('.');
}
