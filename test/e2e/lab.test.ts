// sluice lab end to end, through the CLI as a user runs it: the x/y/z × a/b/c example comes up
// with its Services and an external client, policies are applied in turn (and a pod label
// changes), and after each step the real matrix over TCP, UDP and SCTP equals the one the
// compiler simulates. Services are probed by name (clusterIP, and a NodePort from outside the
// cluster) and as matrix columns. Bad input leaves the lab as it was. After `lab down` nothing of
// the lab remains.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';
import { run } from '../../agent/sys/exec.js';
import { runId } from '../harness/names.js';

const NAME = `t${runId()}`;
const CLI = path.join(REPO_ROOT, 'bin', 'sluice');
const EXAMPLES = path.join(REPO_ROOT, 'examples');
let work: string;

function sluice(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CLI, ['lab', '--name', NAME, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function expectMatrixMatches(): Promise<void> {
  const r = await sluice(
    'matrix',
    '--ports',
    '80,81',
    '--protocols',
    'TCP,UDP,SCTP',
    '--expect',
    '-o',
    'json',
  );
  expect(r.stderr).toContain('real matrix equals the simulated one');
  expect(r.code).toBe(0);
  const probes = (JSON.parse(r.stdout) as { probes: unknown[] }).probes;
  expect(probes).toHaveLength(9 * 8 * 2 * 3);
}

interface Status {
  pods: { namespace: string; name: string; ip: string }[];
  services: { namespace: string; name: string; clusterIP: string; backends: string[] }[];
  external: { netns: string; device: string; nodeIp: string; clientIp: string } | null;
}

async function status(): Promise<Status> {
  const r = await sluice('status', '-o', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Status;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sluice-lab-e2e-'));
  const up = await sluice(
    'up',
    '-f',
    path.join(EXAMPLES, 'xyz'),
    '-f',
    path.join(EXAMPLES, 'services'),
    '--external-client',
  );
  expect(up.code, up.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await sluice('down');
  await rm(work, { recursive: true, force: true });
}, 60_000);

describe('Services (examples/services), before any policy', () => {
  it('a ClusterIP Service by port name and number: the backend answers', async () => {
    const s = await status();
    const web = s.services.find((v) => v.namespace === 'x' && v.name === 'web')!;
    expect(web).toMatchObject({ backends: ['x/a'] });
    const [http, dns] = await Promise.all([
      sluice('probe', 'x/b', 'svc/x/web', '--port', 'http', '-o', 'json'),
      sluice('probe', 'y/a', 'svc/x/web', '--port', '53', '-o', 'json'),
    ]);
    expect(http.code, http.stderr).toBe(0);
    // Service port 8080, targetPort serve-80-tcp: x/a's responder on 80 names itself.
    expect(JSON.parse(http.stdout)).toMatchObject({
      from: 'x/b',
      to: 'svc/x/web',
      port: 8080,
      protocol: 'TCP',
      connected: true,
      address: `${web.clusterIP}:8080`,
      backend: 'x/a',
    });
    expect(dns.code, dns.stderr).toBe(0);
    expect(JSON.parse(dns.stdout)).toMatchObject({
      port: 53,
      protocol: 'UDP',
      connected: true,
      backend: 'x/a',
    });
  }, 30_000);

  it('a Service without backends refuses at once: not connected, exit 1', async () => {
    const r = await sluice('probe', 'x/a', 'svc/z/nobody', '-o', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      to: 'svc/z/nobody',
      port: 80,
      connected: false,
      refused: true,
      backend: null,
    });
  }, 30_000);

  it('an unknown Service, or a port it does not have, is bad input naming object and field', async () => {
    const [svc, port, many] = await Promise.all([
      sluice('probe', 'x/a', 'svc/x/nope'),
      sluice('probe', 'x/a', 'svc/x/web', '--port', '99'),
      sluice('probe', 'x/a', 'svc/x/web'),
    ]);
    expect(svc.code).toBe(2);
    expect(svc.stderr).toMatch(/Service x\/nope: not in lab .* \(Services: x\/web, y\/api, z\/nobody\)/);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(
      /Service x\/web: spec\.ports: no port 99 \(ports: http 8080\/TCP, dns 53\/UDP\)/,
    );
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/Service x\/web: spec\.ports: it has 2 ports .*--port/);
  }, 30_000);

  it('the external client reaches a NodePort on the node address it is routed to', async () => {
    const s = await status();
    expect(s.external).toEqual({
      netns: `sl-${NAME}-external`,
      device: 'ext0',
      nodeIp: '10.239.1.1',
      clientIp: '10.239.1.2',
    });
    const r = await sluice('probe', 'external', 'svc/y/api', '--node-port', '-o', 'json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      from: 'external',
      to: 'svc/y/api',
      port: 80,
      connected: true,
      address: '10.239.1.1:30081',
      backend: 'y/b',
    });
    // A ClusterIP Service has no nodePort to probe.
    const none = await sluice('probe', 'external', 'svc/x/web', '--port', 'http', '--node-port');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Service x\/web: spec\.ports\[0\]\.nodePort: it has none/);
  }, 30_000);

  it('matrix --to Services equals the simulation', async () => {
    const r = await sluice(
      'matrix',
      '--to',
      'svc/x/web',
      '--to',
      'svc/y/api',
      '--to',
      'svc/z/nobody',
      '--expect',
      '-o',
      'json',
    );
    expect(r.stderr).toContain('real matrix equals the simulated one');
    expect(r.code).toBe(0);
    const probes = (JSON.parse(r.stdout) as { probes: { to: string; connected: boolean }[] }).probes;
    expect(probes).toHaveLength(9 * 4); // x/web has two ports, y/api and z/nobody one
    expect(probes.filter((p) => p.to === 'svc/z/nobody').every((p) => !p.connected)).toBe(true);
  }, 30_000);
});

describe('the example, policy by policy', () => {
  it('allows everything without policies', async () => {
    await expectMatrixMatches();
    const probe = await sluice('probe', 'x/a', 'y/b', '--port', '81', '--protocol', 'UDP', '-o', 'json');
    expect(probe.code).toBe(0);
    expect(JSON.parse(probe.stdout)).toMatchObject({
      from: 'x/a',
      to: 'y/b',
      port: 81,
      protocol: 'UDP',
      connected: true,
    });
  }, 60_000);

  for (const file of [
    '01-deny-all-ingress-x.yaml',
    '02-allow-x-a-from-y.yaml',
    '03-deny-egress-z-b.yaml',
    '04-y-c-from-ipblock.yaml',
  ]) {
    it(`applies ${file}`, async () => {
      const r = await sluice('apply', '-f', path.join(EXAMPLES, 'policies', file));
      expect(r.code, r.stderr).toBe(0);
      await expectMatrixMatches();
    }, 60_000);
  }

  it('follows a pod label change (z/a becomes pod=c, so z/b may reach it)', async () => {
    const relabel = path.join(work, 'relabel.yaml');
    await writeFile(
      relabel,
      `apiVersion: v1
kind: Pod
metadata: { name: a, namespace: z, labels: { pod: c } }
spec:
  containers:
    - name: cont-a
      image: agnhost
      ports:
        - { name: serve-80-tcp, containerPort: 80, protocol: TCP }
        - { name: serve-81-tcp, containerPort: 81, protocol: TCP }
        - { name: serve-80-udp, containerPort: 80, protocol: UDP }
        - { name: serve-81-udp, containerPort: 81, protocol: UDP }
        - { name: serve-80-sctp, containerPort: 80, protocol: SCTP }
        - { name: serve-81-sctp, containerPort: 81, protocol: SCTP }
`,
    );
    expect((await sluice('probe', 'z/b', 'z/a', '--port', '81')).code).toBe(1);
    expect((await sluice('apply', '-f', relabel)).code).toBe(0);
    expect((await sluice('probe', 'z/b', 'z/a', '--port', '81')).code).toBe(0);
    await expectMatrixMatches();
  }, 60_000);

  it('removes a policy with delete -f', async () => {
    expect(
      (await sluice('delete', '-f', path.join(EXAMPLES, 'policies', '01-deny-all-ingress-x.yaml'))).code,
    ).toBe(0);
    await expectMatrixMatches();
  }, 60_000);
});

describe('a Service whose backends differ under policy', () => {
  it('is reported as depending on the backend, and checked against the one that answered', async () => {
    // Backends x/a and x/b by an EndpointSlice of their real addresses. Policy 02 isolates x/a
    // (port 80 from namespace y only); x/b is open: from y both answer, from x and z only x/b
    // would (a probe lands on either), z/b's egress reaches neither.
    const ip = new Map((await status()).pods.map((p) => [`${p.namespace}/${p.name}`, p.ip]));
    const file = path.join(work, 'pair.yaml');
    await writeFile(
      file,
      `apiVersion: v1
kind: Service
metadata: { name: pair, namespace: x }
spec:
  ports: [{ port: 80, protocol: TCP }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: pair-1, namespace: x, labels: { kubernetes.io/service-name: pair } }
addressType: IPv4
ports: [{ port: 80, protocol: TCP }]
endpoints:
  - addresses: [${ip.get('x/a')}]
    targetRef: { kind: Pod, namespace: x, name: a }
  - addresses: [${ip.get('x/b')}]
    targetRef: { kind: Pod, namespace: x, name: b }
`,
    );
    const applied = await sluice('apply', '-f', file);
    expect(applied.code, applied.stderr).toBe(0);
    const r = await sluice('matrix', '--to', 'svc/x/pair', '--expect', '-o', 'json');
    expect(r.stderr).toContain('real matrix equals the simulated one');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /no single verdict: x\/c -> svc\/x\/pair 80\/TCP: depends on the backend the datapath picks \(x\/a blocked, x\/b connected\)/,
    );
    const probes = (
      JSON.parse(r.stdout) as { probes: { from: string; connected: boolean; backend: string }[] }
    ).probes;
    const by = new Map(probes.map((p) => [p.from, p]));
    expect(by.get('y/a')).toMatchObject({ connected: true });
    expect(by.get('z/b')).toMatchObject({ connected: false, backend: null });
    for (const from of ['x/c', 'z/a', 'z/c'])
      if (by.get(from)!.connected) expect(by.get(from)!.backend, from).toBe('x/b');
    expect((await sluice('delete', '-f', file)).code).toBe(0);
  }, 60_000);
});

describe('bad input: a clear message naming file, object and field; the lab keeps its state', () => {
  const bad = async (name: string, text: string) => {
    const file = path.join(work, name);
    await writeFile(file, text);
    return file;
  };

  it.each([
    ['malformed YAML', 'a.yaml', 'kind: Pod\nmetadata: {name: [', /a\.yaml: document 1/],
    [
      'unknown kind',
      'b.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: s, namespace: x }\n',
      /b\.yaml: document 1 \(ConfigMap x\/s\): unsupported kind "ConfigMap"/,
    ],
    [
      'a pod in a namespace that does not exist',
      'c.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: nowhere }\n',
      /Pod nowhere\/p: namespace nowhere does not exist/,
    ],
    [
      'an invalid policy field',
      'd.yaml',
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: n, namespace: x }\nspec:\n  podSelector: {}\n  ingress: [{ ports: [{ port: 90, endPort: 80 }] }]\n',
      /d\.yaml: document 1 \(NetworkPolicy x\/n\): spec\.ingress\[0\]\.ports\[0\]\.endPort/,
    ],
  ])(
    '%s',
    async (_what, name, text, message) => {
      const r = await sluice('apply', '-f', await bad(name, text));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      await expectMatrixMatches();
    },
    60_000,
  );

  it('a probe naming an unknown pod', async () => {
    const r = await sluice('probe', 'x/a', 'q/nope', '--port', '80');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TO "q\/nope": no such pod in lab/);
  });
});

describe('lab down', () => {
  it('leaves no namespace, link, pin, process or file of the lab', async () => {
    const state = JSON.parse(
      await run(['cat', `/run/sluice-lab/${NAME}/lab.json`]).then((r) => r.stdout),
    ) as {
      agentPid: number;
      pods: Record<string, { pids: number[] }>;
      external?: { netns: string };
    };
    expect(state.external?.netns).toBe(`sl-${NAME}-external`);
    const pids = [state.agentPid, ...Object.values(state.pods).flatMap((p) => p.pids)];
    expect((await sluice('down')).code).toBe(0);
    const { stdout } = await run(['ip', 'netns', 'list']);
    expect(stdout).not.toContain(`sl-${NAME}-`);
    expect(existsSync(`/sys/fs/bpf/sluice-lab-${NAME}`)).toBe(false);
    expect(existsSync(`/run/sluice-lab/${NAME}`)).toBe(false);
    for (const pid of pids) expect(existsSync(`/proc/${pid}`), `process ${pid}`).toBe(false);
    expect((await readdir('/sys/class/net')).filter((l) => l.startsWith('slc'))).toEqual([]);
  }, 60_000);
});
