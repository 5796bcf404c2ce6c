// The inspection CLI against a live datapath (a lab): every command decodes the maps into names,
// observe sees a denied connection with both pods and the reason within a second, explain agrees
// with what the datapath did, counters move with traffic; with the agent down the maps are still
// read; bad input and an unreachable agent give clear messages and exit codes.

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';
import { runId } from '../harness/names.js';

const NAME = `c${runId()}`;
const CLI = path.join(REPO_ROOT, 'bin', 'sluice');
const EXAMPLES = path.join(REPO_ROOT, 'examples');

function sluice(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CLI, args, { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
const lab = (...args: string[]) => sluice('lab', '--name', NAME, ...args);
const inspect = (...args: string[]) => sluice('--lab', NAME, ...args);
const json = async (...args: string[]) => {
  const r = await inspect(...args, '-o', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  const up = await lab('up', '-f', path.join(EXAMPLES, 'xyz'));
  expect(up.code, up.stderr).toBe(0);
  for (const f of ['01-deny-all-ingress-x.yaml', '02-allow-x-a-from-y.yaml']) {
    expect((await lab('apply', '-f', path.join(EXAMPLES, 'policies', f))).code).toBe(0);
  }
}, 120_000);
afterAll(async () => {
  await lab('down');
}, 60_000);

describe('inspection', () => {
  it('endpoint list and get: pods, IPs, identities, enforcement', async () => {
    const table = await inspect('endpoint', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(
      /^ID\s+POD\s+IP\s+IDENTITY\s+LABELS\s+INGRESS\s+EGRESS\s+IFINDEX$/,
    );
    const eps = (await json('endpoint', 'list')) as {
      pod: string;
      ip: string;
      identity: number;
      ingressEnforced: boolean;
    }[];
    expect(eps.map((e) => e.pod).sort()).toEqual([
      'x/a',
      'x/b',
      'x/c',
      'y/a',
      'y/b',
      'y/c',
      'z/a',
      'z/b',
      'z/c',
    ]);
    expect(
      eps
        .filter((e) => e.ingressEnforced)
        .map((e) => e.pod)
        .sort(),
    ).toEqual(['x/a', 'x/b', 'x/c']);
    const xa = (await json('endpoint', 'get', 'x/a')) as { pod: string; ip: string };
    expect(xa.pod).toBe('x/a');
    const byIp = (await json('endpoint', 'get', xa.ip)) as { pod: string };
    expect(byIp.pod).toBe('x/a');
  });

  it('identity list and ipcache get agree on a pod', async () => {
    const xa = (await json('endpoint', 'get', 'x/a')) as { ip: string; identity: number };
    const ids = (await json('identity', 'list')) as {
      id: number;
      namespace: string;
      labels: Record<string, string>;
      pods: string[];
    }[];
    expect(ids.find((i) => i.id === xa.identity)).toMatchObject({
      namespace: 'x',
      labels: { pod: 'a' },
      pods: ['x/a'],
    });
    const ip = (await json('ipcache', 'get', xa.ip)) as { identity: number; name: string };
    expect(ip).toMatchObject({ identity: xa.identity, name: 'x:pod=a' });
    expect(((await json('ipcache', 'get', '8.8.8.8')) as { name: string }).name).toBe('reserved:world');
  });

  it('policy get names the peer, port and policy of each entry', async () => {
    const p = (await json('policy', 'get', 'x/a')) as {
      enforced: { ingress: boolean };
      entries: { direction: string; peer: string; protocol: string; port: string; policy: string }[];
    };
    expect(p.enforced.ingress).toBe(true);
    expect(p.entries).toEqual([
      expect.objectContaining({
        direction: 'ingress',
        peer: 'namespace:y',
        protocol: 'TCP',
        port: '80',
        policy: 'x/allow-a-from-y ingress[0]',
      }),
    ]);
    const table = await inspect('policy', 'get', 'x/a');
    expect(table.stdout).toMatch(/DIRECTION\s+PEER\s+PROTOCOL\s+PORT\s+PACKETS\s+BYTES\s+POLICY/);
  });

  it('ct list shows a connection with its state and counters; metrics move with traffic', async () => {
    const before = (await json('metrics', 'list')) as {
      pod: string;
      direction: string;
      reason: string;
      packets: number;
    }[];
    const denied = (rows: typeof before) =>
      rows.find((r) => r.pod === 'x/a' && r.direction === 'ingress' && r.reason === 'policy denied')
        ?.packets ?? 0;
    expect((await lab('probe', 'y/a', 'x/a', '--port', '80')).code).toBe(0);
    expect((await lab('probe', 'z/a', 'x/a', '--port', '80', '--timeout', '300')).code).toBe(1);
    const ct = (await json('ct', 'list', '--pod', 'x/a')) as {
      destination: string;
      protocol: string;
      state: string;
      policy: string;
    }[];
    const xa = (await json('endpoint', 'get', 'x/a')) as { ip: string };
    expect(ct).toContainEqual(
      expect.objectContaining({ destination: `${xa.ip}:80`, protocol: 'TCP', policy: 'x/allow-a-from-y' }),
    );
    const after = (await json('metrics', 'list')) as typeof before;
    expect(denied(after)).toBeGreaterThan(denied(before));
  });
});

describe('observe and explain', () => {
  let watcher: ChildProcess | undefined;
  afterAll(() => {
    if (watcher?.pid && watcher.exitCode === null) process.kill(watcher.pid, 'SIGTERM');
  });

  it('observe sees a denied connection with both pods and the reason within a second', async () => {
    watcher = spawn(CLI, [
      '--lab',
      NAME,
      'observe',
      '-f',
      '-o',
      'json',
      '--verdict',
      'DROPPED',
      '--pod',
      'x/b',
    ]);
    const lines = createInterface({ input: watcher.stdout! });
    const seen = new Promise<Record<string, unknown>>((resolve) =>
      lines.on('line', (l) => {
        const flow = JSON.parse(l) as Record<string, unknown>;
        flow['receivedMs'] = Date.now();
        resolve(flow);
      }),
    );
    // The watcher subscribes when it has started (slow on a loaded machine): keep making new
    // denied connections until one is seen.
    let flow: Record<string, unknown> | undefined;
    for (let i = 0; i < 40 && !flow; i++) {
      void lab('probe', 'z/c', 'x/b', '--port', '81', '--timeout', '200');
      flow = (await Promise.race([seen, new Promise((r) => setTimeout(() => r(undefined), 500))])) as
        | Record<string, unknown>
        | undefined;
    }
    expect(flow, 'no flow within 20 s').toBeDefined();
    // From the drop in the kernel to the line on our stdout.
    expect(Number(flow!['receivedMs']) - Number(flow!['time_ns']) / 1e6).toBeLessThan(1000);
    expect(flow).toMatchObject({
      verdict: 'DROPPED',
      drop_reason_text: 'policy denied',
      source: { namespace: 'z', pod: 'c' },
      destination: { namespace: 'x', pod: 'b' },
      destination_port: 81,
      protocol: 'TCP',
    });
  }, 40_000);

  it('policy explain agrees with the datapath on every pair into and out of x', async () => {
    const pods = ['x/a', 'x/b', 'y/a', 'z/a'];
    const pairs = pods.flatMap((from) => pods.filter((to) => to !== from).map((to) => [from, to] as const));
    await Promise.all(
      pairs.map(async ([from, to]) => {
        const [probe, explain] = await Promise.all([
          lab('probe', from, to, '--port', '80', '--timeout', '500'),
          inspect('policy', 'explain', from, to, '--port', '80', '-o', 'json'),
        ]);
        const verdict = JSON.parse(explain.stdout).verdict;
        expect(verdict, `${from} -> ${to}`).toBe(probe.code === 0 ? 'ALLOWED' : 'DENIED');
        expect(explain.code).toBe(probe.code);
      }),
    );
    const text = await inspect('policy', 'explain', 'z/a', 'x/a', '--port', '80');
    expect(text.stdout).toContain(
      'destination x/a (ingress): selected by x/allow-a-from-y, x/deny-all-ingress; no rule allows 80/TCP',
    );
    expect(text.stdout).toContain('verdict: DENIED');
  }, 180_000);
});

describe('Services: service list, lb list, observe', () => {
  beforeAll(async () => {
    const r = await lab('apply', '-f', path.join(EXAMPLES, 'services'));
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it('service list shows each Service with its clusterIP, ports and backends', async () => {
    const table = await inspect('service', 'list');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^SERVICE\s+CLUSTER-IP\s+PORTS\s+BACKENDS\s+AFFINITY$/);
    const { services, problems } = (await json('service', 'list')) as {
      services: {
        service: string;
        clusterIP: string;
        ports: string[];
        backends: { active: number; total: number };
        frontends: {
          kind: string;
          frontend: string;
          backends: { address: string; state: string; pod?: string }[];
        }[];
      }[];
      problems: unknown[];
    };
    expect(problems).toEqual([]);
    const web = services.find((x) => x.service === 'x/web')!;
    expect(web.clusterIP).toMatch(/^10\.96\./);
    expect(web.ports.sort()).toEqual(['53/UDP', '8080/TCP']);
    expect(web.backends).toEqual({ active: 1, total: 1 });
    expect(web.frontends[0]!.backends[0]).toMatchObject({ state: 'active', pod: 'x/a' });
    const api = services.find((x) => x.service === 'y/api')!;
    expect(api.frontends.map((f) => f.kind).sort()).toEqual(['ClusterIP', 'NodePort']);
    expect(services.find((x) => x.service === 'z/nobody')!.backends).toEqual({ active: 0, total: 0 });
  });

  it('lb list shows the maps: frontends, slots and backends, and counts translations and rejects', async () => {
    expect((await lab('probe', 'y/a', 'svc/x/web', '--port', 'http')).code).toBe(0);
    expect((await lab('probe', 'x/a', 'svc/z/nobody')).code).toBe(1);
    const rows = (await json('lb', 'list')) as {
      frontend: string;
      kind: string;
      service: string;
      translations: number;
      noBackend: number;
      backends: { address: string; port: number; slot: number; state: string }[];
    }[];
    const web = rows.find((r) => r.service === 'x/web:http')!;
    expect(web.kind).toBe('ClusterIP');
    expect(web.backends).toEqual([expect.objectContaining({ port: 80, slot: 1, state: 'active' })]);
    expect(web.translations).toBeGreaterThanOrEqual(1);
    expect(rows.find((r) => r.service === 'z/nobody:80')!.noBackend).toBeGreaterThanOrEqual(1);
    expect(
      rows.some(
        (r) => r.kind === 'NodePort' && r.service === 'y/api:80' && r.frontend.endsWith(':30081/TCP'),
      ),
    ).toBe(true);
    const table = await inspect('lb', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(
      /^ID\s+FRONTEND\s+TYPE\s+SERVICE\s+FLAGS\s+SLOT\s+BACKEND\s+STATE/,
    );
  });

  it('observe shows the Service a connection addressed and the backend it was given', async () => {
    expect((await lab('probe', 'y/b', 'svc/x/web', '--port', 'http')).code).toBe(0);
    const r = await inspect('observe', '--service', 'x/web', '--last', '200', '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    const flows = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(flows.find((f) => (f['source'] as { pod: string }).pod === 'b')).toMatchObject({
      verdict: 'FORWARDED',
      service: 'x/web:http',
      frontend: expect.stringMatching(/^10\.96\.\d+\.\d+:8080\/TCP$/),
      destination: { namespace: 'x', pod: 'a' },
      destination_port: 80,
    });
    const compact = await inspect('observe', '--service', 'x/web', '--last', '200');
    expect(compact.stdout).toMatch(/svc\/x\/web:http 10\.96\.\d+\.\d+:8080\/TCP => x\/a /);
  });
});

describe('bad input and an unreachable agent', () => {
  it.each([
    [['endpoint', 'get', 'q/nope'], 2, /no endpoint "q\/nope"/],
    [['ipcache', 'get', 'not-an-ip'], 2, /not an IPv4 or IPv6 address/],
    [['observe', '--verdict', 'MAYBE'], 2, /--verdict MAYBE: expected DROPPED or FORWARDED/],
    [['policy', 'explain', 'x/a', 'nowhere/pod', '--port', '80'], 2, /no pod nowhere\/pod/],
    [['policy', 'explain', 'x/a', 'y/a', '--port', '99999'], 2, /--port 99999/],
    [['endpoint', 'list', '-o', 'xml'], 2, /-o\/--output "xml": expected table, json or yaml/],
    [['policy', 'explain', 'x/a', 'y/a', '--port', '80', '-o', 'table'], 2, /expected text, json or yaml/],
  ])('%j', async (args, code, message) => {
    const r = await inspect(...(args as string[]));
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('under -o json an error is a JSON document on stdout too, with the exit code', async () => {
    const r = await inspect('endpoint', 'get', 'q/nope', '-o', 'json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { message: expect.stringMatching(/no endpoint "q\/nope"/), code: 2, reason: 'usage' },
    });
    expect(r.stderr).toMatch(/^error: no endpoint/);
    const down = await sluice('--socket', '/run/nonexistent/agent.sock', 'identity', 'list', '-o', 'json');
    expect(down.code).toBe(3);
    expect(JSON.parse(down.stdout).error).toMatchObject({ code: 3, reason: 'environment' });
  });

  it('reads the pinned maps with the agent down and says names are unavailable', async () => {
    const r = await sluice(
      '--pin-root',
      `/sys/fs/bpf/sluice-lab-${NAME}`,
      '--socket',
      '/run/nonexistent/agent.sock',
      'endpoint',
      'list',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/names unavailable/);
    expect(r.stdout.split('\n').filter((l) => l.includes('<unavailable>'))).toHaveLength(9);
    const ids = await sluice('--socket', '/run/nonexistent/agent.sock', 'identity', 'list');
    expect(ids.code).toBe(3);
    const explain = await sluice(
      '--socket',
      '/run/nonexistent/agent.sock',
      'policy',
      'explain',
      'x/a',
      'y/a',
      '--port',
      '80',
    );
    expect(explain.code).toBe(4);
    expect(explain.stderr).toMatch(/cannot reach the Sluice agent at \/run\/nonexistent\/agent.sock/);
  });
});
