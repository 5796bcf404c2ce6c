// sluice lab end to end, through the CLI as a user runs it: the x/y/z × a/b/c example comes up,
// policies are applied in turn (and a pod label changes), and after each step the real matrix
// over TCP, UDP and SCTP equals the one the compiler simulates. Bad input leaves the lab as it
// was. After `lab down` nothing of the lab remains.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config.js';
import { run } from '../../agent/exec.js';
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

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sluice-lab-e2e-'));
  const up = await sluice('up', '-f', path.join(EXAMPLES, 'xyz'));
  expect(up.code, up.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await sluice('down');
  await rm(work, { recursive: true, force: true });
}, 60_000);

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
      'apiVersion: v1\nkind: Service\nmetadata: { name: s, namespace: x }\n',
      /b\.yaml: document 1 \(Service x\/s\): unsupported kind "Service"/,
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
    };
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
