// Two nodes against a real API server (kube-apiserver and etcd built from their Go modules),
// each its own network namespace with its own agent (pin root, state dir, socket, K8S_NODE_NAME),
// joined by an underlay: a bridge in the root namespace, named for this run. The Node objects are
// registered through the API as kubelets would (spec.podCIDR, then status.addresses through the
// status subresource); pods are created with spec.nodeName, wired by sluice-cni through their
// node's agent, and their status.podIP patched as the kubelet would. Real TCP between the nodes:
// connectivity, a NetworkPolicy enforced across nodes, and a Node leaving and coming back. Once
// with each routing mode (tunnel: VXLAN with the source identity as VNI; native: routes via the
// other node's InternalIP), each mode a cluster of its own: API server, bridge, nodes, pods.

import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';
import { TUNNEL_DEVICE } from '../../agent/datapath/routing.js';
import { run } from '../../agent/sys/exec.js';
import { probeFrom } from '../../tools/net/probes.js';
import { startResponder } from '../../tools/net/servers.js';
import { TestNode } from '../harness/agent.js';
import { TestApiServer } from '../harness/apiserver.js';
import { instanceId, rootLinkName } from '../harness/names.js';

const NS = 'multi';
const UNDERLAY_PREFIX = 24;
const NODES = [
  { name: 'node-1', ip: '10.236.0.1', podCidr: '10.237.1.0/24' },
  { name: 'node-2', ip: '10.236.0.2', podCidr: '10.237.2.0/24' },
] as const;
type NodeName = (typeof NODES)[number]['name'];
/** Sluice's routes (`ip route ... proto 151`). */
const ROUTE_PROTO = '151';

function twoNodes(routing: 'tunnel' | 'native'): void {
  describe(`two nodes, ${routing} routing`, () => {
    let api: TestApiServer | undefined;
    let bridge: string | undefined;
    const nodes = new Map<NodeName, TestNode>();
    const pods: Record<string, { netns: string; ip: string; node: NodeName }> = {};
    const servers: ChildProcess[] = [];

    const kubectl = async (args: string[], input?: string) => {
      const r = await api!.kubectl(args, input === undefined ? {} : { input });
      expect(r.code, `kubectl ${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    const node = (name: NodeName) => nodes.get(name)!;

    /** Polls check; on a timeout the error carries the end of each agent's log. */
    async function waitFor(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!(await check())) {
        if (Date.now() > deadline) {
          const logs = [...nodes].map(
            ([name, n]) => `--- agent on ${name}:\n${n.agentLog.trimEnd().split('\n').slice(-20).join('\n')}`,
          );
          throw new Error(`timed out waiting for ${what}\n${logs.join('\n')}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const spec = (name: NodeName) => NODES.find((n) => n.name === name)!;

    /** What a kubelet registers: the Node with its pod CIDR, then its address in the status. */
    async function registerNode(name: NodeName): Promise<void> {
      const n = spec(name);
      await kubectl(
        ['apply', '-f', '-'],
        JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { podCIDR: n.podCidr } }),
      );
      await kubectl([
        'patch',
        'node',
        name,
        '--subresource=status',
        '--type=merge',
        '-p',
        JSON.stringify({ status: { addresses: [{ type: 'InternalIP', address: n.ip }] } }),
      ]);
    }

    /** Sluice's routes in a node's namespace (`ip -n NS route show proto 151`). */
    async function routes(name: NodeName): Promise<{ dst: string; gateway?: string; dev?: string }[]> {
      const ns = path.basename(node(name).hostNetns);
      const { stdout } = await run(['ip', '-j', '-n', ns, 'route', 'show', 'proto', ROUTE_PROTO]);
      return JSON.parse(stdout || '[]') as { dst: string; gateway?: string; dev?: string }[];
    }

    /** The route a node should have to the other's pod CIDR. */
    function expectRouteTo(list: Awaited<ReturnType<typeof routes>>, to: NodeName): void {
      const r = list.find((x) => x.dst === spec(to).podCidr);
      expect(r, `a route to ${spec(to).podCidr} in ${JSON.stringify(list)}`).toBeDefined();
      if (routing === 'tunnel') expect(r!.dev).toBe(TUNNEL_DEVICE);
      else expect(r!.gateway).toBe(spec(to).ip);
    }

    /** Packets the node's datapath dropped by policy on a pod's ingress (`sluice metrics list`). */
    async function policyDrops(on: NodeName, pod: string): Promise<number> {
      const n = node(on);
      const { stdout } = await run([
        path.join(REPO_ROOT, 'bin', 'sluice'),
        '--pin-root',
        n.pinRoot,
        '--socket',
        n.socket,
        '--host-netns',
        n.hostNetns,
        'metrics',
        'list',
        '-o',
        'json',
      ]);
      const rows = JSON.parse(stdout) as {
        pod: string;
        direction: string;
        reason: string;
        packets: number;
      }[];
      return rows
        .filter((r) => r.pod === pod && r.direction === 'ingress' && r.reason === 'policy denied')
        .reduce((sum, r) => sum + r.packets, 0);
    }

    const probe = async (from: string, to: string) =>
      (await probeFrom(pods[from]!.netns, [`${pods[to]!.ip}:80/TCP`], 1000))[0]!;
    const connected = async (from: string, to: string) => (await probe(from, to)).connected;

    async function addPod(on: NodeName, name: string, labels: Record<string, string>): Promise<void> {
      await kubectl(
        ['apply', '-f', '-'],
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name, namespace: NS, labels },
          spec: {
            nodeName: on,
            containers: [{ name: 'c', image: 'busybox', ports: [{ name: 'http', containerPort: 80 }] }],
          },
        }),
      );
      const n = node(on);
      const netns = await n.podNetns(`${NS}-${name}`);
      const r = await n.cni(
        {
          command: 'ADD',
          containerId: `k-${NS}-${name}`,
          netns,
          ifname: 'eth0',
          args: `K8S_POD_NAMESPACE=${NS};K8S_POD_NAME=${name}`,
        },
        n.conf('1.1.0'),
      );
      expect(r.code, r.stdout).toBe(0);
      const ip = (r.json!['ips'] as { address: string }[])[0]!.address.split('/')[0]!;
      // What the kubelet would report: the pod's IP in its status.
      await kubectl([
        'patch',
        'pod',
        name,
        '-n',
        NS,
        '--subresource=status',
        '--type=merge',
        '-p',
        JSON.stringify({ status: { podIP: ip, podIPs: [{ ip }] } }),
      ]);
      pods[`${NS}/${name}`] = { netns, ip, node: on };
      await startResponder(netns, `${NS}/${name}`, { tcp: [80] }, { track: (s) => servers.push(s) });
    }

    beforeAll(async () => {
      const inst = instanceId();
      // The underlay: one bridge in the root namespace, each node's eth0 a veth on it.
      const br = rootLinkName(inst, 'b');
      await run(['ip', 'link', 'add', br, 'type', 'bridge']);
      bridge = br;
      await run(['ip', 'link', 'set', br, 'up']);
      api = await TestApiServer.start();
      await kubectl(['apply', '-f', path.join(REPO_ROOT, 'deploy', 'rbac.yaml')]);
      for (const n of NODES) await registerNode(n.name);
      const token = (await kubectl(['create', 'token', 'sluice-agent', '-n', 'kube-system'])).trim();
      const kubeconfig = await api.kubeconfigFor(token);
      for (const [i, n] of NODES.entries()) {
        nodes.set(
          n.name,
          await TestNode.start({
            podCidr: n.podCidr,
            nodeIp: n.ip,
            underlay: { bridge: br, uplink: rootLinkName(inst, `u${i + 1}`), prefix: UNDERLAY_PREFIX },
            kubernetes: { kubeconfig, nodeName: n.name },
            routing,
          }),
        );
      }
      await kubectl(['create', 'namespace', NS]);
      await addPod('node-1', 'client', { app: 'client' });
      await addPod('node-1', 'trusted', { app: 'trusted', role: 'trusted' });
      await addPod('node-2', 'server', { app: 'server' });
    }, 1_800_000);

    afterAll(async () => {
      for (const s of servers) if (s.pid && s.exitCode === null) process.kill(s.pid, 'SIGKILL');
      for (const n of nodes.values()) await n.stop();
      await api?.stop();
      if (bridge) await run(['ip', 'link', 'del', bridge]).catch(() => undefined);
    }, 120_000);

    it('each agent wires its pods in its own Node spec.podCIDR and routes to the other node', async () => {
      for (const p of Object.values(pods)) {
        const prefix = spec(p.node).podCidr.replace(/\.0\/24$/, '.');
        expect(p.ip.startsWith(prefix), `${p.ip} in ${spec(p.node).podCidr}`).toBe(true);
      }
      // Each node's endpoints are its own pods only.
      expect((await node('node-1').hostVeths()).filter((l) => l !== 'eth0')).toHaveLength(2);
      expect((await node('node-2').hostVeths()).filter((l) => l !== 'eth0')).toHaveLength(1);
      await waitFor('the routes to the other node', async () => {
        const [one, two] = [await routes('node-1'), await routes('node-2')];
        return one.some((r) => r.dst === NODES[1].podCidr) && two.some((r) => r.dst === NODES[0].podCidr);
      });
      const one = await routes('node-1');
      expectRouteTo(one, 'node-2');
      // Not a route to its own pod CIDR.
      expect(one.some((r) => r.dst === NODES[0].podCidr)).toBe(false);
      expectRouteTo(await routes('node-2'), 'node-1');
      const tunnel = await run(['ip', '-j', 'link', 'show', 'dev', TUNNEL_DEVICE], {
        netns: node('node-1').hostNetns,
      }).then(
        () => true,
        () => false,
      );
      expect(tunnel).toBe(routing === 'tunnel');
    }, 60_000);

    it('a pod on node-1 reaches a pod on node-2 over TCP, and back', async () => {
      await waitFor('client on node-1 reaches server on node-2', () =>
        connected('multi/client', 'multi/server'),
      );
      const r = await probe('multi/client', 'multi/server');
      expect(r).toMatchObject({ connected: true, reply: 'multi/server' });
      expect(await probe('multi/server', 'multi/client')).toMatchObject({
        connected: true,
        reply: 'multi/client',
      });
      expect(await probe('multi/server', 'multi/trusted')).toMatchObject({
        connected: true,
        reply: 'multi/trusted',
      });
      if (routing === 'tunnel') {
        // The packets really went through the VXLAN device.
        const txPackets = async () => {
          const { stdout } = await run(['ip', '-s', '-j', 'link', 'show', 'dev', TUNNEL_DEVICE], {
            netns: node('node-1').hostNetns,
          });
          return (JSON.parse(stdout) as { stats64: { tx: { packets: number } } }[])[0]!.stats64.tx.packets;
        };
        const before = await txPackets();
        expect(await connected('multi/client', 'multi/server')).toBe(true);
        expect(await txPackets()).toBeGreaterThan(before);
      }
    }, 60_000);

    it('a NetworkPolicy on the node-2 pod, by the labels of node-1 pods, is enforced across nodes', async () => {
      await kubectl(
        ['apply', '-f', '-'],
        JSON.stringify({
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'server', namespace: NS },
          spec: {
            podSelector: { matchLabels: { app: 'server' } },
            policyTypes: ['Ingress'],
            ingress: [{ from: [{ podSelector: { matchLabels: { role: 'trusted' } } }] }],
          },
        }),
      );
      await waitFor(
        'client denied across nodes',
        async () => !(await connected('multi/client', 'multi/server')),
      );
      // Dropped on arrival at node-2, by the server's ingress policy.
      const dropped = await policyDrops('node-2', 'multi/server');
      expect(await connected('multi/client', 'multi/server')).toBe(false);
      expect(await policyDrops('node-2', 'multi/server')).toBeGreaterThan(dropped);
      expect(await connected('multi/trusted', 'multi/server')).toBe(true);
      // Replies to the server's own connections are not ingress to it: still allowed.
      expect(await connected('multi/server', 'multi/client')).toBe(true);

      // The client given the allowed peer's label: admitted.
      await kubectl(['label', 'pod', 'client', '-n', NS, 'role=trusted']);
      await waitFor('client admitted once trusted', () => connected('multi/client', 'multi/server'));
      expect(await connected('multi/trusted', 'multi/server')).toBe(true);

      // The label taken away: denied again; the policy deleted: allowed again.
      await kubectl(['label', 'pod', 'client', '-n', NS, 'role-']);
      await waitFor('client denied again', async () => !(await connected('multi/client', 'multi/server')));
      await kubectl(['delete', 'networkpolicy', 'server', '-n', NS]);
      await waitFor('client allowed without the policy', () => connected('multi/client', 'multi/server'));
      expect(await connected('multi/trusted', 'multi/server')).toBe(true);
    }, 120_000);

    it("deleting node-2's Node removes node-1's route to its pod CIDR; re-creating it restores connectivity", async () => {
      expect(await connected('multi/client', 'multi/server')).toBe(true);
      await kubectl(['delete', 'node', 'node-2']);
      await waitFor(
        "node-1's route to node-2's pod CIDR removed",
        async () => !(await routes('node-1')).some((r) => r.dst === NODES[1].podCidr),
      );
      await waitFor(
        'node-2 unreachable from node-1',
        async () => !(await connected('multi/client', 'multi/server')),
      );
      // node-2 still routes to node-1 (its own Node is what left, not node-1's).
      expectRouteTo(await routes('node-2'), 'node-1');

      await registerNode('node-2');
      await waitFor("node-1's route to node-2's pod CIDR back", async () =>
        (await routes('node-1')).some((r) => r.dst === NODES[1].podCidr),
      );
      expectRouteTo(await routes('node-1'), 'node-2');
      await waitFor('client reaches server again', () => connected('multi/client', 'multi/server'));
      expect(await probe('multi/server', 'multi/client')).toMatchObject({ connected: true });
    }, 120_000);
  });
}

twoNodes('tunnel');
twoNodes('native');
