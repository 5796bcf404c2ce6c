// Sluice against a real API server (kube-apiserver and etcd built from their Go modules): the
// project's RBAC applied, the agent running with its ServiceAccount's token (so RBAC is really
// tested), namespaces, pods and policies created with kubectl, pods on this node wired by
// sluice-cni with K8S_POD_* args; the datapath follows every change, also across an API server
// restart and an etcd compaction. Services and EndpointSlices created through the API become
// load-balancer frontends and slots. The deploy manifests pass a server-side dry run.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAgent } from '../../agent/api/client.js';
import { REPO_ROOT } from '../../agent/config/config.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import {
  lb6FrontendKeyCodec,
  lb6TargetCodec,
  lbFrontendCodec,
  lbFrontendKeyCodec,
  lbSlotCodec,
  lbSlotKeyCodec,
} from '../../agent/datapath/codecs.js';
import { mapPin } from '../../agent/datapath/maps.js';
import { formatIPv6, ipv6OrUndefined, isIPv6Text } from '../../agent/net/ipv6.js';
import { hostPort, probeFrom } from '../../tools/net/probes.js';
import { startResponder } from '../../tools/net/servers.js';
import { TestNode } from '../harness/agent.js';
import { TestApiServer } from '../harness/apiserver.js';

const NODE = 'node-1';
const SERVICE_CIDR = '10.96.0.0/16';
const SERVICE_CIDR_V6 = 'fd00:10:96::/108';
let api: TestApiServer;
let node: TestNode;
const pods: Record<string, { netns: string; ip: string; ipv6: string }> = {};
const servers: ChildProcess[] = [];

const kubectl = async (args: string[], input?: string) => {
  const r = await api.kubectl(args, input === undefined ? {} : { input });
  expect(r.code, `kubectl ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};

async function waitFor(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const connected = async (from: string, to: string) =>
  (await probeFrom(pods[from]!.netns, [`${pods[to]!.ip}:80/TCP`], 600))[0]!.connected;
const connectedV6 = async (from: string, to: string) =>
  (await probeFrom(pods[from]!.netns, [`[${pods[to]!.ipv6}]:80/TCP`], 600))[0]!.connected;

async function addPod(ns: string, name: string, labels: Record<string, string>): Promise<void> {
  await kubectl(
    ['apply', '-f', '-'],
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns, labels },
      spec: {
        nodeName: NODE,
        containers: [{ name: 'c', image: 'busybox', ports: [{ name: 'http', containerPort: 80 }] }],
      },
    }),
  );
  const netns = await node.podNetns(`${ns}-${name}`);
  const r = await node.cni(
    {
      command: 'ADD',
      containerId: `k-${ns}-${name}`,
      netns,
      ifname: 'eth0',
      args: `K8S_POD_NAMESPACE=${ns};K8S_POD_NAME=${name}`,
    },
    node.conf('1.1.0'),
  );
  expect(r.code, r.stdout).toBe(0);
  const [ip, ipv6] = (r.json!['ips'] as { address: string }[]).map((a) => a.address.split('/')[0]!);
  // From the Node's spec.podCIDRs, although the agent runs with the DaemonSet's config file.
  expect(ip).toMatch(/^10\.243\.0\.\d+$/);
  expect(ipv6).toMatch(/^fd00:243::[0-9a-f]+$/);
  // What the kubelet would report: the pod's IP in its status.
  await kubectl([
    'patch',
    'pod',
    name,
    '-n',
    ns,
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status: { podIP: ip, podIPs: [{ ip }, { ip: ipv6 }] } }),
  ]);
  pods[`${ns}/${name}`] = { netns, ip: ip!, ipv6: ipv6! };
  await startResponder(netns, `${ns}/${name}`, { tcp: [80], ipv6: true }, { track: (s) => servers.push(s) });
}

beforeAll(async () => {
  // Dual-stack Services: IPv4 first, so the `kubernetes` Service keeps an IPv4 ClusterIP.
  api = await TestApiServer.start({ serviceClusterIpRange: `${SERVICE_CIDR},${SERVICE_CIDR_V6}` });
  await kubectl(['apply', '-f', path.join(REPO_ROOT, 'deploy', 'rbac.yaml')]);
  await kubectl(
    ['apply', '-f', '-'],
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: NODE },
      // Dual-stack, as the controller manager allocates with two cluster CIDRs.
      spec: { podCIDR: '10.243.0.0/24', podCIDRs: ['10.243.0.0/24', 'fd00:243::/64'] },
    }),
  );
  const token = (await kubectl(['create', 'token', 'sluice-agent', '-n', 'kube-system'])).trim();
  node = await TestNode.start({ podCidr: '10.243.0.0/24' });
  await node.stopAgent();
  await node.startAgent({ kubernetes: { kubeconfig: await api.kubeconfigFor(token), nodeName: NODE } });
  for (const ns of ['shop', 'ops']) await kubectl(['create', 'namespace', ns]);
  await addPod('shop', 'web', { app: 'web' });
  await addPod('shop', 'db', { app: 'db' });
  await addPod('ops', 'tool', { app: 'tool' });
}, 1_800_000);

afterAll(async () => {
  for (const s of servers) if (s.pid && s.exitCode === null) process.kill(s.pid, 'SIGKILL');
  await node?.stop();
  await api?.stop();
}, 120_000);

describe('the agent on a real API server, with its own ServiceAccount', () => {
  it('takes the pod CIDRs (both families) from its Node and wires pods with addresses in them', async () => {
    for (const p of Object.values(pods)) {
      expect(p.ip).toMatch(/^10\.243\.0\./);
      expect(p.ipv6).toMatch(/^fd00:243::/);
    }
    // Pods reach each other over IPv6 too (the pods' status.podIPs name both).
    await waitFor('IPv6 between pods', () => connectedV6('shop/web', 'ops/tool'));
  });

  it('follows policies, pod labels and namespace labels created with kubectl', async () => {
    expect(await connected('shop/web', 'shop/db')).toBe(true);
    await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'db', namespace: 'shop' },
        spec: {
          podSelector: { matchLabels: { app: 'db' } },
          ingress: [
            {
              from: [
                { podSelector: { matchLabels: { role: 'trusted' } } },
                { namespaceSelector: { matchLabels: { team: 'ops' } } },
              ],
            },
          ],
        },
      }),
    );
    await waitFor('db isolated', async () => !(await connected('shop/web', 'shop/db')));
    expect(await connected('ops/tool', 'shop/db')).toBe(false);
    await kubectl(['label', 'pod', 'web', '-n', 'shop', 'role=trusted']);
    await waitFor('web trusted', () => connected('shop/web', 'shop/db'));
    await kubectl(['label', 'namespace', 'ops', 'team=ops']);
    await waitFor('ops admitted', () => connected('ops/tool', 'shop/db'));
  }, 60_000);

  it('keeps enforcing across an API server restart and an etcd compaction, then converges', async () => {
    await api.restart();
    await api.compactEtcd();
    expect(await connected('ops/tool', 'shop/db')).toBe(true);
    expect(await connected('shop/web', 'shop/db')).toBe(true);
    await kubectl(['label', 'namespace', 'ops', 'team-']);
    await waitFor(
      'ops no longer admitted after the restart',
      async () => !(await connected('ops/tool', 'shop/db')),
      60_000,
    );
    expect(await connected('shop/web', 'shop/db')).toBe(true);
  }, 120_000);

  it('enforces a policy with an IPv6 ipBlock: it isolates, and no Event says any of it was ignored', async () => {
    // No pod here has an address in the block: it allows no one in, and web is isolated.
    await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'v6', namespace: 'shop' },
        spec: {
          podSelector: { matchLabels: { app: 'web' } },
          ingress: [{ from: [{ ipBlock: { cidr: 'fd00::/64', except: ['fd00::/120'] } }] }],
        },
      }),
    );
    await waitFor('web isolated', async () => !(await connected('ops/tool', 'shop/web')));
    expect(await connected('shop/web', 'shop/db')).toBe(true);
    expect(await connected('ops/tool', 'shop/db')).toBe(false);
    const events = JSON.parse(await kubectl(['get', 'events', '-n', 'shop', '-o', 'json'])) as {
      items: { reason: string; involvedObject: { kind: string; name: string } }[];
    };
    expect(events.items.filter((e) => e.involvedObject.name === 'v6').map((e) => e.reason)).toEqual([]);
  }, 60_000);
});

/** The pinned frontend of addr:port/TCP (its id and slot count), if any; IPv6 addresses in
 * sluice_lb_frontends6. */
async function lbFrontend(addr: string, port: number): Promise<{ id: number; count: number } | undefined> {
  const v6 = isIPv6Text(addr);
  const keyCodec = v6 ? lb6FrontendKeyCodec : lbFrontendKeyCodec;
  for (const e of await dumpMap(mapPin(node.pinRoot, v6 ? 'lbFrontends6' : 'lbFrontends'))) {
    const k = keyCodec.decode(e.key);
    if (k.addr === addr && k.port === port && k.protocol === 6) return lbFrontendCodec.decode(e.value);
  }
  return undefined;
}

/** The pinned slots of a frontend id, as "addr:port" ("[addr]:port" from sluice_lb_slots6). */
async function lbSlots(frontendId: number, family: 'IPv4' | 'IPv6' = 'IPv4'): Promise<string[]> {
  const v6 = family === 'IPv6';
  const valueCodec = v6 ? lb6TargetCodec : lbSlotCodec;
  return (await dumpMap(mapPin(node.pinRoot, v6 ? 'lbSlots6' : 'lbSlots')))
    .filter((e) => lbSlotKeyCodec.decode(e.key).frontend_id === frontendId)
    .map((e) => valueCodec.decode(e.value))
    .map((v) => (v6 ? `[${v.addr}]:${v.port}` : `${v.addr}:${v.port}`));
}

/** An IPv6 address as a number; throws for anything else. */
function ipv6(addr: string): bigint {
  const n = ipv6OrUndefined(addr);
  if (n === undefined) throw new Error(`not an IPv6 address: ${JSON.stringify(addr)}`);
  return n;
}

describe('Services from the API server', () => {
  it('a Service and its EndpointSlice become a frontend and its slots; deleting the slice empties them', async () => {
    // Without a selector: the EndpointSlice is the test's (no endpoint-slice controller runs here).
    const clusterIP = '10.96.100.10'; // in the harness's --service-cluster-ip-range 10.96.0.0/16
    const backend = pods['shop/web']!.ip;
    const remove = (...what: string[]) =>
      api.kubectl(['delete', ...what, '-n', 'shop', '--ignore-not-found', '--wait=false']);
    try {
      await kubectl(
        ['apply', '-f', '-'],
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'List',
          items: [
            {
              apiVersion: 'v1',
              kind: 'Service',
              metadata: { name: 'web', namespace: 'shop' },
              spec: {
                type: 'ClusterIP',
                clusterIP,
                ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }],
              },
            },
            {
              apiVersion: 'discovery.k8s.io/v1',
              kind: 'EndpointSlice',
              metadata: { name: 'web-1', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'web' } },
              addressType: 'IPv4',
              endpoints: [
                {
                  addresses: [backend],
                  conditions: { ready: true },
                  nodeName: NODE,
                  targetRef: { kind: 'Pod', namespace: 'shop', name: 'web' },
                },
              ],
              ports: [{ name: '', port: 80, protocol: 'TCP' }],
            },
          ],
        }),
      );
      let id = 0;
      await waitFor('the frontend with its backend', async () => {
        const f = await lbFrontend(clusterIP, 8080);
        if (!f) return false;
        id = f.id;
        return f.count === 1 && (await lbSlots(f.id)).join() === `${backend}:80`;
      });
      await kubectl(['delete', 'endpointslice', 'web-1', '-n', 'shop']);
      await waitFor('the slots emptied', async () => (await lbSlots(id)).length === 0);
      // The frontend stays (no backend: connections to it are refused), with the same id.
      expect(await lbFrontend(clusterIP, 8080)).toMatchObject({ id, count: 0 });
      await kubectl(['delete', 'service', 'web', '-n', 'shop']);
      await waitFor('the frontend removed', async () => (await lbFrontend(clusterIP, 8080)) === undefined);
    } finally {
      await remove('endpointslice', 'web-1');
      await remove('service', 'web');
    }
  }, 60_000);
  it('a PreferDualStack Service gets a clusterIP of each family; its IPv6 slice becomes IPv6 slots that a pod reaches', async () => {
    // The API server allocates both clusterIPs (its range is dual-stack); the slices are the
    // test's. Backend shop/db (which admits shop/web, labelled role=trusted above), client shop/web.
    const backend = pods['shop/db']!;
    const remove = (...what: string[]) =>
      api.kubectl(['delete', ...what, '-n', 'shop', '--ignore-not-found', '--wait=false']);
    const slice = (name: string, addressType: 'IPv4' | 'IPv6', address: string) => ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name, namespace: 'shop', labels: { 'kubernetes.io/service-name': 'db-ds' } },
      addressType,
      endpoints: [
        {
          addresses: [address],
          conditions: { ready: true },
          nodeName: NODE,
          targetRef: { kind: 'Pod', namespace: 'shop', name: 'db' },
        },
      ],
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
    });
    try {
      await kubectl(
        ['apply', '-f', '-'],
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'List',
          items: [
            {
              apiVersion: 'v1',
              kind: 'Service',
              metadata: { name: 'db-ds', namespace: 'shop' },
              spec: {
                type: 'ClusterIP',
                ipFamilyPolicy: 'PreferDualStack',
                ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }],
              },
            },
            slice('db-ds-v4', 'IPv4', backend.ip),
            slice('db-ds-v6', 'IPv6', backend.ipv6),
          ],
        }),
      );
      const spec = (
        JSON.parse(await kubectl(['get', 'service', 'db-ds', '-n', 'shop', '-o', 'json'])) as {
          spec: { clusterIP: string; clusterIPs: string[]; ipFamilies: string[]; ipFamilyPolicy: string };
        }
      ).spec;
      expect(spec.ipFamilyPolicy).toBe('PreferDualStack');
      expect(spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
      const [clusterIP, clusterIPv6Text] = spec.clusterIPs as [string, string];
      expect(spec.clusterIP).toBe(clusterIP);
      expect(clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
      // In fd00:10:96::/108, and in the canonical form the codecs decode.
      expect(ipv6(clusterIPv6Text) >> 20n).toBe(ipv6('fd00:10:96::') >> 20n);
      const clusterIPv6 = formatIPv6(ipv6(clusterIPv6Text));
      // The primary range is IPv4: the API server's own Service stays single-stack IPv4.
      const kubernetes = await kubectl(['get', 'service', 'kubernetes', '-n', 'default', '-o', 'json']);
      expect((JSON.parse(kubernetes) as { spec: { ipFamilies: string[] } }).spec.ipFamilies).toEqual([
        'IPv4',
      ]);

      let id4 = 0;
      let id6 = 0;
      await waitFor('both frontends with their backend', async () => {
        const [f4, f6] = [await lbFrontend(clusterIP, 8080), await lbFrontend(clusterIPv6, 8080)];
        if (!f4 || !f6) return false;
        [id4, id6] = [f4.id, f6.id];
        return (
          f4.count === 1 &&
          f6.count === 1 &&
          (await lbSlots(f4.id)).join() === `${backend.ip}:80` &&
          (await lbSlots(f6.id, 'IPv6')).join() === `[${formatIPv6(ipv6(backend.ipv6))}]:80`
        );
      });
      // A real connection to [IPv6 clusterIP]:8080 from a pod, answered by the backend.
      const probe = async (addr: string) =>
        (await probeFrom(pods['shop/web']!.netns, [`${hostPort(addr, 8080)}/TCP`], 2_000))[0]!;
      const v6 = await probe(clusterIPv6);
      expect(v6, JSON.stringify(v6)).toMatchObject({ connected: true });
      expect(v6.reply.trim()).toBe('shop/db');

      // Without its IPv6 slice, the IPv6 frontend has no slots (and refuses at once); the IPv4
      // frontend, its slot and connections to it are untouched.
      await kubectl(['delete', 'endpointslice', 'db-ds-v6', '-n', 'shop']);
      await waitFor('the IPv6 slots emptied', async () => (await lbSlots(id6, 'IPv6')).length === 0);
      expect(await lbFrontend(clusterIPv6, 8080)).toMatchObject({ id: id6, count: 0 });
      expect(await lbFrontend(clusterIP, 8080)).toMatchObject({ id: id4, count: 1 });
      expect(await lbSlots(id4)).toEqual([`${backend.ip}:80`]);
      const v4 = await probe(clusterIP);
      expect(v4, JSON.stringify(v4)).toMatchObject({ connected: true });
      expect(v4.reply.trim()).toBe('shop/db');
      const refused = await probe(clusterIPv6);
      expect(refused, JSON.stringify(refused)).toMatchObject({ connected: false, refused: true });

      await kubectl(['delete', 'service', 'db-ds', '-n', 'shop']);
      await waitFor(
        'both frontends removed',
        async () =>
          (await lbFrontend(clusterIP, 8080)) === undefined &&
          (await lbFrontend(clusterIPv6, 8080)) === undefined,
      );
    } finally {
      await remove('endpointslice', 'db-ds-v4', 'db-ds-v6');
      await remove('service', 'db-ds');
    }
  }, 60_000);
});

describe('pods leaving the node', () => {
  it('a pod deleted from the cluster without a CNI DEL has its endpoint, veth and address released', async () => {
    await addPod('shop', 'tmp', { app: 'tmp' });
    const check = () =>
      callAgent(node.socket, { check: { attachment: { container_id: 'k-shop-tmp', ifname: 'eth0' } } });
    expect((await check()).check!.found).toBe(true);
    const before = (await node.hostVeths()).length;
    await kubectl(['delete', 'pod', 'tmp', '-n', 'shop', '--grace-period=0', '--force']);
    await waitFor('the endpoint released', async () => !(await check()).check!.found);
    await waitFor('its veth removed', async () => (await node.hostVeths()).length === before - 1);
  }, 60_000);
});

describe('an unreachable API server at start', () => {
  it('leaves the last pinned state enforced while the agent retries, and converges once it is back', async () => {
    const token = (await kubectl(['create', 'token', 'sluice-agent', '-n', 'kube-system'])).trim();
    const good = await api.kubeconfigFor(token);
    const bad = path.join(node.dir, 'unreachable.kubeconfig');
    await writeFile(bad, (await readFile(good, 'utf8')).replace(api.url, 'https://127.0.0.1:1'));
    await node.stopAgent();
    const confDir = path.join(node.dir, 'net.d');
    const agent = spawn(
      path.join(REPO_ROOT, 'bin', 'sluice-agent'),
      [
        '--cni-conf-dir',
        confDir,
        '--kubernetes',
        '--kubeconfig',
        bad,
        '--pin-root',
        node.pinRoot,
        '--state-dir',
        path.join(node.dir, 'state'),
        '--socket',
        node.socket,
        '--host-netns',
        node.hostNetns,
        '--metrics-port',
        '0',
      ],
      {
        env: { ...process.env, K8S_NODE_NAME: NODE },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let log = '';
    agent.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
    });
    try {
      await waitFor('a retry logged', async () => log.includes('retrying'), 20_000);
      expect(agent.exitCode).toBeNull();
      // The datapath still enforces the last policy: web admitted, tool not.
      expect(await connected('shop/web', 'shop/db')).toBe(true);
      expect(await connected('ops/tool', 'shop/db')).toBe(false);
      // Not ready, so no CNI config: the runtime would not hand it pods yet.
      expect(existsSync(path.join(confDir, '05-sluice.conflist'))).toBe(false);
    } finally {
      agent.kill('SIGTERM');
    }
    await node.startAgent({
      kubernetes: { kubeconfig: good, nodeName: NODE },
      extraArgs: ['--cni-conf-dir', confDir],
    });
    await waitFor(
      'the CNI config once ready',
      async () => existsSync(path.join(confDir, '05-sluice.conflist')),
      10_000,
    );
    expect(await connected('shop/web', 'shop/db')).toBe(true);
  }, 90_000);
});

describe('RBAC and the deploy manifests', () => {
  it('the agent ServiceAccount can read what it needs and nothing more', async () => {
    const as = ['--as', 'system:serviceaccount:kube-system:sluice-agent'];
    const can = async (...args: string[]) =>
      (await api.kubectl(['auth', 'can-i', ...args, ...as])).stdout.trim();
    expect(await can('watch', 'pods', '--all-namespaces')).toBe('yes');
    expect(await can('list', 'networkpolicies.networking.k8s.io', '--all-namespaces')).toBe('yes');
    expect(await can('watch', 'services', '--all-namespaces')).toBe('yes');
    expect(await can('watch', 'endpointslices.discovery.k8s.io', '--all-namespaces')).toBe('yes');
    expect(await can('update', 'endpointslices.discovery.k8s.io', '-n', 'shop')).toBe('no');
    expect(await can('create', 'pods', '-n', 'shop')).toBe('no');
    expect(await can('get', 'secrets', '-n', 'kube-system')).toBe('no');
    expect(await can('delete', 'networkpolicies.networking.k8s.io', '-n', 'shop')).toBe('no');
  });

  it('deploy/ passes a server-side dry run', async () => {
    const out = await kubectl(['apply', '--dry-run=server', '-k', path.join(REPO_ROOT, 'deploy')]);
    expect(out).toMatch(/daemonset.apps\/sluice-agent (created|configured|unchanged) \(server dry run\)/);
  });
});
