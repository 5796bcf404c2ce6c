// Sluice with a real container runtime: a private containerd runs busybox containers with
// `ctr run --cni`, sluice-cni first in the chain and the reference portmap after it. The
// containers get Sluice addresses, reach each other, and a NetworkPolicy from the manifests
// applies to them; chained with portmap (through cnitool, which passes the portMappings
// capability), a hostPort on the node reaches a pod.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAgent } from '../../agent/api/client.js';
import { REPO_ROOT } from '../../agent/config/config.js';
import { run } from '../../agent/sys/exec.js';
import { startResponder } from '../../tools/net/servers.js';
import { CNI_BIN, NODE_IP, TestNode } from '../harness/agent.js';
import { TestContainerd } from '../harness/containerd.js';

const POD_CIDR = '10.247.0.0/24';
let node: TestNode;
let ctrd: TestContainerd;
let work: string;
let toolsBin: string;
let binDir: string;
let confDir: string;
const servers: ChildProcess[] = [];

function podManifest(name: string, app: string, containerId: string): string {
  return `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  labels: { app: ${app} }
  annotations: { sluice.dev/container-id: ${containerId} }
spec:
  containers:
    - name: c
      image: busybox
      ports: [{ name: http, containerPort: 80 }]
`;
}

beforeAll(async () => {
  const build = await run([path.join(REPO_ROOT, 'scripts', 'build-cni-tools.sh')], { timeoutMs: 600_000 });
  toolsBin = build.stdout.trim().split('\n').at(-1)!;
  work = await mkdtemp(path.join(tmpdir(), 'sluice-e2e-'));
  binDir = path.join(work, 'bin');
  confDir = path.join(work, 'net.d');
  await mkdir(binDir);
  await mkdir(confDir);
  await symlink(CNI_BIN, path.join(binDir, 'sluice-cni'));
  for (const p of ['portmap', 'bandwidth', 'loopback'])
    await symlink(path.join(toolsBin, p), path.join(binDir, p));

  const manifests = path.join(work, 'cluster.yaml');
  const ids = (n: string) => `sluice-test-${n}`; // ctr's CNI container id: <namespace>-<name>
  await writeFile(
    manifests,
    `apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: shop } }
${podManifest('web', 'web', ids('web'))}${podManifest('db', 'db', ids('db'))}${podManifest('api', 'api', ids('api'))}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-from-api, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress:
    - from: [{ podSelector: { matchLabels: { app: api } } }]
      ports: [{ port: http }]
`,
  );
  node = await TestNode.start({ podCidr: POD_CIDR, manifests });
  await writeFile(
    path.join(confDir, '10-sluice.conflist'),
    JSON.stringify({
      cniVersion: '1.0.0',
      name: 'sluice',
      plugins: [
        { type: 'sluice-cni', agentSocket: node.socket, logFile: path.join(work, 'cni.log') },
        { type: 'portmap', capabilities: { portMappings: true }, snat: false },
      ],
    }),
  );
  ctrd = await TestContainerd.start({ cniBinDir: binDir, cniConfDir: confDir, netns: node.hostNetns });
  await ctrd.importBusybox();
}, 900_000);

afterAll(async () => {
  for (const s of servers) if (s.pid && s.exitCode === null) process.kill(s.pid, 'SIGKILL');
  await ctrd?.stop();
  await node?.stop();
  if (work) await rm(work, { recursive: true, force: true });
}, 120_000);

async function addressOf(name: string): Promise<string> {
  const r = await ctrd.exec(name, ['ip', '-4', '-o', 'addr', 'show', 'eth0']);
  const m = /inet (\d+\.\d+\.\d+\.\d+)\/32/.exec(r.stdout);
  if (!m) throw new Error(`${name} has no /32 on eth0: ${r.stdout} ${r.stderr}`);
  return m[1]!;
}

/** An HTTP GET with busybox nc (busybox-static's wget crashes in its resolver); the body or undefined. */
async function fetch(from: string, ip: string): Promise<string | undefined> {
  const r = await ctrd.exec(from, ['sh', '-c', `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 ${ip} 80`]);
  const body = r.stdout.split('\r\n\r\n')[1];
  return r.code === 0 && body !== undefined ? body.trim() : undefined;
}

describe('ctr run --cni with sluice-cni', () => {
  const addresses: Record<string, string> = {};

  it('gives every container a Sluice address and a registered endpoint', async () => {
    for (const name of ['web', 'db', 'api']) {
      await ctrd.run(name, {
        cmd: ['sh', '-c', `echo ${name} > /var/www/index.html && exec httpd -f -p 80 -h /var/www`],
      });
      addresses[name] = await addressOf(name);
      expect(addresses[name]).toMatch(/^10\.247\.0\./);
      const check = await callAgent(node.socket, {
        check: { attachment: { container_id: ctrd.cniContainerId(name), ifname: 'eth0' } },
      });
      expect(check.check).toMatchObject({ found: true, ip: addresses[name], problem: '' });
    }
    expect(new Set(Object.values(addresses)).size).toBe(3);
  }, 120_000);

  it('connects containers to each other, and the NetworkPolicy applies to them', async () => {
    expect(await fetch('api', addresses['db']!)).toBe('db');
    expect(await fetch('db', addresses['web']!)).toBe('web');
    expect(await fetch('web', addresses['api']!)).toBe('api');
    // db admits only app=api on its named port http.
    expect(await fetch('web', addresses['db']!)).toBeUndefined();
  }, 60_000);

  it('removing a container runs CNI DEL: endpoint, interface and address are gone', async () => {
    const before = await node.hostVeths();
    await ctrd.remove('web');
    const check = await callAgent(node.socket, {
      check: { attachment: { container_id: ctrd.cniContainerId('web'), ifname: 'eth0' } },
    });
    expect(check.check!.found).toBe(false);
    expect((await node.hostVeths()).length).toBe(before.length - 1);
  }, 60_000);
});

describe('chained with portmap', () => {
  it('a hostPort on the node reaches the pod through sluice-cni + portmap', async () => {
    const netns = await node.podNetns('pm');
    const env = {
      ...process.env,
      NETCONFPATH: confDir,
      CNI_PATH: binDir,
      CNI_ARGS: 'K8S_POD_NAMESPACE=shop;K8S_POD_NAME=pm',
      CAP_ARGS: JSON.stringify({ portMappings: [{ hostPort: 18080, containerPort: 80, protocol: 'tcp' }] }),
    };
    const cnitool = (cmd: string) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(
          'nsenter',
          [`--net=${node.hostNetns}`, '--', path.join(toolsBin, 'cnitool'), cmd, 'sluice', netns],
          { env },
        );
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.stderr.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.on('close', (code) =>
          code === 0 ? resolve(out) : reject(new Error(`cnitool ${cmd} failed (${code}): ${out}`)),
        );
      });
    const vethsBefore = await node.hostVeths();
    const added = JSON.parse(await cnitool('add')) as { ips: { address: string }[] };
    try {
      expect(added.ips[0]!.address).toMatch(/^10\.247\.0\.\d+\/32$/);
      await startResponder(netns, 'shop/pm', { tcp: [80] }, { track: (s) => servers.push(s) });
      const probe = await run(
        [
          process.execPath,
          path.join(REPO_ROOT, 'build/js/tools/net/probe.js'),
          '--target',
          `${NODE_IP}:18080/TCP`,
          '--timeout',
          '2000',
        ],
        { netns: node.hostNetns },
      ).then(
        (r) => JSON.parse(r.stdout) as { connected: boolean; reply: string },
        () => ({ connected: false, reply: '' }),
      );
      expect(probe).toMatchObject({ connected: true, reply: 'shop/pm' });
    } finally {
      await cnitool('del');
    }
    // The chained DEL went through Sluice too: interface and address are gone.
    expect(await node.hostVeths()).toEqual(vethsBefore);
    const ipam = JSON.parse(await readFile(path.join(node.dir, 'state', 'ipam.json'), 'utf8'));
    expect(Object.keys(ipam.allocations)).not.toContain(added.ips[0]!.address.split('/')[0]!);
  }, 60_000);
});
