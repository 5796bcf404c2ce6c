// Three nodes on one machine, with real packets, in each routing mode: the x/y/z × a/b/c example
// spread over the nodes (each pod's neighbours in the example live on other nodes), its policies
// enforced across nodes exactly as the compiler simulates them, a node's own address seen as
// remote-node elsewhere, a node leaving the cluster and coming back, and an agent killed with -9
// while a conversation crosses nodes. Each node is a network namespace with its own agent
// (tools/lab/lab.ts); the underlay is a bridge in the root namespace.

import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLUICE_REASON } from '../../agent/abi/constants.js';
import { REPO_ROOT } from '../../agent/config/config.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import {
  fibCacheKeyCodec,
  fibCacheValueCodec,
  ipcacheKeyCodec,
  ipcacheValueCodec,
} from '../../agent/datapath/codecs.js';
import { mapPin } from '../../agent/datapath/maps.js';
import { readMetrics } from '../../agent/datapath/metrics-map.js';
import { ROUTE_PROTO } from '../../agent/datapath/routing.js';
import { containsIp, parseCidr, parseIPv4 } from '../../agent/net/ipv4.js';
import { DIR_INGRESS, ID_REMOTE_NODE } from '../../agent/policy/types.js';
import { run } from '../../agent/sys/exec.js';
import { Lab, type LabStatus, nodeFiles } from '../../tools/lab/lab.js';
import { probeFrom } from '../../tools/net/probes.js';
import { startResponder } from '../../tools/net/servers.js';
import { runId } from '../harness/names.js';
import { frame, progRun, TC_ACT_OK, TC_ACT_REDIRECT } from '../harness/packets.js';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const STREAM_JS = path.join(REPO_ROOT, 'build', 'js', 'tools', 'net', 'stream.js');

for (const routing of ['tunnel', 'native'] as const) {
  describe(`3 nodes, ${routing} routing`, () => {
    const NAME = `m${runId()}${routing[0]}`;
    let lab: Lab;
    let status: LabStatus;
    const servers: ChildProcess[] = [];
    const pod = (key: string) => {
      const [namespace, name] = key.split('/');
      const p = status.pods.find((x) => x.namespace === namespace && x.name === name);
      if (!p) throw new Error(`no pod ${key}`);
      return p;
    };
    const netns = (key: string) => `/run/netns/sl-${NAME}-${key.replace('/', '-')}`;
    const connects = async (from: string, to: string, port = 80, proto = 'TCP') =>
      (await probeFrom(netns(from), [`${pod(to).ip}:${port}/${proto}`], 800))[0]!.connected;
    const routes = async (node: string) =>
      (await run(['ip', '-n', `sl-${NAME}-${node}`, 'route', 'show', 'proto', String(ROUTE_PROTO)])).stdout;

    beforeAll(async () => {
      lab = await Lab.up(NAME, [path.join(EXAMPLES, 'xyz')], { nodes: 3, routing, externalClient: true });
      status = lab.status();
    }, 180_000);

    afterAll(async () => {
      for (const s of servers) if (s.pid) process.kill(s.pid, 'SIGKILL');
      await Lab.downByName(NAME).catch(() => undefined);
    }, 60_000);

    it('spreads the pods over the nodes, each node its own pod CIDR and routes to the others', async () => {
      expect(status.routing).toBe(routing);
      expect(status.nodes.map((n) => n.name)).toEqual(['node1', 'node2', 'node3']);
      for (const n of status.nodes) {
        const here = status.pods.filter((p) => p.node === n.name);
        expect(here, `pods on ${n.name}`).toHaveLength(3);
        for (const p of here) expect(containsIp(parseCidr(n.podCidr), parseIPv4(p.ip)), p.ip).toBe(true);
      }
      const r = await routes('node1');
      expect(r).toContain('10.240.16.0/20');
      expect(r).toContain('10.240.32.0/20');
      expect(r).not.toContain('10.240.0.0/20');
      expect(r).toContain(routing === 'tunnel' ? 'dev sluice_vxlan' : 'via 10.239.0.2');
    });

    it('TCP, UDP and SCTP reach every pod on every node (no policy yet)', async () => {
      const verdicts = await lab.matrix([80], ['TCP', 'UDP', 'SCTP'], 1000);
      expect(verdicts).toHaveLength(9 * 8 * 3);
      const failed = verdicts.filter((v) => !v.connected).map((v) => `${v.from}>${v.to} ${v.protocol}`);
      expect(failed).toEqual([]);
      // Every pair on different nodes is in there: the lab placed x/a, x/b, x/c on node1..3.
      expect(new Set([pod('x/a').node, pod('x/b').node, pod('x/c').node]).size).toBe(3);
    });

    it('ICMP echo crosses nodes, and the ipcache names each remote pod with its node', async () => {
      const ping = await run(['ping', '-c', '2', '-i', '0.2', '-W', '1', pod('x/b').ip], {
        netns: netns('x/a'),
      });
      expect(ping.stdout).toContain(' 0% packet loss');
      const onNode1 = (await dumpMap(mapPin(nodeFiles(lab.paths, 'node1').pinRoot, 'ipcache'))).map((e) => ({
        k: ipcacheKeyCodec.decode(e.key),
        v: ipcacheValueCodec.decode(e.value),
      }));
      const entry = (ip: string) => onNode1.find((e) => e.k.addr === ip && e.k.prefixlen === 32)!.v;
      expect(entry(pod('x/b').ip).tunnel_endpoint).toBe('10.239.0.2');
      expect(entry(pod('x/c').ip).tunnel_endpoint).toBe('10.239.0.3');
      expect(entry(pod('x/a').ip).tunnel_endpoint, 'a pod of this node').toBe('0.0.0.0');
      expect(entry('10.239.0.2').identity).toBe(ID_REMOTE_NODE);
      // Pods on different nodes with the same labels have the same identity everywhere.
      const onNode2 = (await dumpMap(mapPin(nodeFiles(lab.paths, 'node2').pinRoot, 'ipcache'))).map((e) => ({
        k: ipcacheKeyCodec.decode(e.key),
        v: ipcacheValueCodec.decode(e.value),
      }));
      for (const key of ['x/a', 'y/b', 'z/c']) {
        const a = entry(pod(key).ip).identity;
        const b = onNode2.find((e) => e.k.addr === pod(key).ip && e.k.prefixlen === 32)!.v.identity;
        expect(b, key).toBe(a);
      }
    });

    if (routing === 'native')
      it('the route to another node is looked up once and kept for a second or two; a packet over its MTU is looked up again', async () => {
        const node1 = `/run/netns/sl-${NAME}-node1`;
        const pinRoot = nodeFiles(lab.paths, 'node1').pinRoot;
        const [podEth0] = JSON.parse(
          (await run(['ip', '-j', 'link', 'show', 'eth0'], { netns: netns('x/a') })).stdout,
        ) as {
          link_index: number;
        }[];
        // Crafted, through from_pod on x/a's host veth (BPF_PROG_TEST_RUN): redirected out, or
        // passed to the host stack (TC_ACT_OK) when there is no route to take.
        const send = async (payload: number) =>
          (
            await progRun(
              node1,
              path.join(pinRoot, 'progs', 'from_pod'),
              frame({
                saddr: pod('x/a').ip,
                daddr: pod('x/b').ip,
                protocol: 'UDP',
                sport: 40001,
                dport: 80,
                payload: Buffer.alloc(payload),
              }),
              podEth0!.link_index,
            )
          ).retval;
        const podCidr2 = status.nodes.find((n) => n.name === 'node2')!.podCidr;
        const ping = await run(['ping', '-c', '1', '-W', '1', pod('x/b').ip], { netns: netns('x/a') });
        expect(ping.stdout).toContain(' 0% packet loss');
        await run(['ip', 'route', 'del', podCidr2], { netns: node1 });
        try {
          expect(await send(100), 'the kept route, though the FIB has none now').toBe(TC_ACT_REDIRECT);
          await new Promise((r) => setTimeout(r, 2100));
          expect(await send(100), 'the kept route expired: the FIB has none').toBe(TC_ACT_OK);
        } finally {
          await run(['ip', 'route', 'replace', podCidr2, 'via', '10.239.0.2', 'proto', String(ROUTE_PROTO)], {
            netns: node1,
          });
        }
        expect(await send(100)).toBe(TC_ACT_REDIRECT);
        const [eth0] = JSON.parse(
          (await run(['ip', '-j', 'link', 'show', 'eth0'], { netns: node1 })).stdout,
        ) as {
          ifindex: number;
        }[];
        const cache = (await dumpMap(mapPin(pinRoot, 'fibCache'))).map((e) => ({
          k: fibCacheKeyCodec.decode(e.key),
          v: fibCacheValueCodec.decode(e.value),
        }));
        const route = cache.find((e) => e.k.saddr === pod('x/a').ip && e.k.node === '10.239.0.2')?.v;
        expect(route).toMatchObject({ ifindex: eth0!.ifindex, nexthop: '10.239.0.2', mtu: 1500 });
        // Over the route's MTU, not GSO: the FIB's frag-needed, answered by the host stack.
        expect(await send(1600)).toBe(TC_ACT_OK);
      });

    it('policies hold across nodes: the real matrix equals the simulated one', async () => {
      await lab.apply([path.join(EXAMPLES, 'policies')]);
      const verdicts = await lab.matrix([80, 81], ['TCP', 'UDP', 'SCTP'], 1000);
      const expected = lab.simulate(verdicts);
      const differ = verdicts
        .filter((v, i) => expected[i]!.connected !== v.connected)
        .map((v) => `${v.from}>${v.to} ${v.port}/${v.protocol}: ${v.connected}`);
      expect(differ).toEqual([]);
      // Both verdicts occur across nodes (x/a on node1 is isolated for ingress except from y/*).
      expect(verdicts.some((v) => v.connected && pod(v.from).node !== pod(v.to).node)).toBe(true);
      expect(verdicts.some((v) => !v.connected && pod(v.from).node !== pod(v.to).node)).toBe(true);
    });

    it('Services with backends on other nodes: ClusterIP (policy on the backend) and NodePort', async () => {
      await lab.apply([path.join(EXAMPLES, 'services')]);
      // x/web's only backend is x/a on node1, which takes port 80 from namespace y only.
      for (const from of ['y/b', 'y/c']) {
        expect(pod(from).node).not.toBe(pod('x/a').node);
        const v = await lab.probe(
          { kind: 'pod', key: from },
          { kind: 'service', key: 'x/web' },
          {
            port: 'http',
            timeoutMs: 1000,
          },
        );
        expect(v.connected, `${from} -> svc/x/web`).toBe(true);
        expect(v.backend).toBe('x/a');
      }
      const denied = await lab.probe(
        { kind: 'pod', key: 'z/c' },
        { kind: 'service', key: 'x/web' },
        {
          port: 'http',
          timeoutMs: 1000,
        },
      );
      expect(denied.connected).toBe(false);
      // y/api's backend y/b lives on node2; a pod of node1 reaches it at node1's address.
      const np = await lab.probe(
        { kind: 'pod', key: 'y/a' },
        { kind: 'service', key: 'y/api' },
        {
          nodePort: true,
          timeoutMs: 1000,
        },
      );
      expect(np.address).toBe(`${status.nodes[0]!.ip}:30081`);
      expect(np.connected).toBe(true);
      expect(np.backend).toBe('y/b');
    });

    if (routing === 'tunnel') {
      it('a NodePort reached on one node with its backend on another: through the tunnel and back', async () => {
        // The external client is routed to node1; y/api's only backend, y/b, lives on node2.
        expect(pod('y/b').node).toBe('node2');
        const fromOutside = await lab.probe(
          { kind: 'external' },
          { kind: 'service', key: 'y/api' },
          {
            nodePort: true,
            timeoutMs: 1000,
          },
        );
        expect(fromOutside.connected).toBe(true);
        expect(fromOutside.backend).toBe('y/b');
        // A pod of node3 to node1's address and the NodePort: translated on node1 too.
        const [fromPod] = await probeFrom(netns('z/c'), [`${status.nodes[0]!.ip}:30081/TCP`], 1000);
        expect(pod('z/c').node).toBe('node3');
        expect(fromPod!.connected).toBe(true);
        expect(fromPod!.reply).toBe('y/b');
      });
    }

    it('TTL 1 to a pod of another node: time exceeded from the gateway; fragments cross whole', async () => {
      const ttl = await run(['ping', '-c', '1', '-t', '1', '-W', '1', pod('y/b').ip], {
        netns: netns('y/a'),
      }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
      expect(ttl.stdout).toMatch(/Time to live exceeded/i);
      // 4,000 bytes of echo over a 1,450 (tunnel) or 1,500 MTU: three fragments each way.
      const big = await run(['ping', '-c', '2', '-i', '0.2', '-W', '1', '-s', '4000', pod('y/b').ip], {
        netns: netns('y/a'),
      });
      expect(big.stdout).toContain(' 0% packet loss');
    });

    if (routing === 'tunnel') {
      it('the receiver decides on the identity in the VNI, not the inner source address (crafted VXLAN)', async () => {
        // x/a (node1) takes port 80 from namespace y only. Frames sent from node2 to node1's
        // tunnel port with a VNI of our choosing.
        const node1 = nodeFiles(lab.paths, 'node1').pinRoot;
        const entries = (await dumpMap(mapPin(node1, 'ipcache'))).map((e) => ({
          k: ipcacheKeyCodec.decode(e.key),
          v: ipcacheValueCodec.decode(e.value),
        }));
        const identityOf = (key: string) => entries.find((e) => e.k.addr === pod(key).ip)!.v.identity;
        const totals = async () => {
          const rows = await readMetrics(node1);
          const sum = (reason: number) =>
            rows
              .filter((r) => r.reason === reason && r.direction === DIR_INGRESS)
              .reduce((a, r) => a + r.packets, 0);
          return {
            forwarded: sum(SLUICE_REASON.REASON_FORWARDED),
            denied: sum(SLUICE_REASON.DROP_POLICY_DENIED),
            noTunnel: sum(SLUICE_REASON.DROP_NO_TUNNEL_ENDPOINT),
          };
        };
        const send = async (vni: number, saddr: string, sport: number) => {
          const inner = frame({ saddr, daddr: pod('x/a').ip, protocol: 'TCP', sport, dport: 80 });
          const vxlan = Buffer.alloc(8);
          vxlan[0] = 0x08;
          vxlan.writeUIntBE(vni, 4, 3);
          const hex = Buffer.concat([vxlan, inner]).toString('hex');
          const script = `const s=require('dgram').createSocket('udp4');s.send(Buffer.from('${hex}','hex'),8472,'10.239.0.1',(e)=>{s.close();process.exit(e?1:0)})`;
          await run([process.execPath, '-e', script], { netns: `/run/netns/sl-${NAME}-node2` });
          await new Promise((r) => setTimeout(r, 200));
        };
        const before = await totals();
        // Namespace y's identity with z/b's address: allowed (the address is not asked).
        await send(identityOf('y/b'), pod('z/b').ip, 40001);
        const afterAllow = await totals();
        expect(afterAllow.forwarded).toBeGreaterThan(before.forwarded);
        expect(afterAllow.denied).toBe(before.denied);
        // z/b's identity with y/b's address: denied.
        await send(identityOf('z/b'), pod('y/b').ip, 40002);
        const afterDeny = await totals();
        expect(afterDeny.denied).toBe(afterAllow.denied + 1);
        // No identity at all (VNI 0): dropped before policy.
        await send(0, pod('y/b').ip, 40003);
        expect((await totals()).noTunnel).toBe(afterDeny.noTunnel + 1);
      });
    }

    it("a node's own address is remote-node on the others; the pod's own node is host", async () => {
      // x/* deny all ingress (examples/policies/01): the node of x/b reaches it, other nodes do not.
      const xb = pod('x/b');
      const own = `/run/netns/sl-${NAME}-${xb.node}`;
      const other = `/run/netns/sl-${NAME}-${xb.node === 'node1' ? 'node2' : 'node1'}`;
      expect((await probeFrom(own, [`${xb.ip}:80/TCP`], 800))[0]!.connected).toBe(true);
      expect((await probeFrom(other, [`${xb.ip}:80/TCP`], 800))[0]!.connected).toBe(false);
      // An unisolated pod on another node answers the node.
      const ya = pod('y/a');
      const notYaNode = `/run/netns/sl-${NAME}-${ya.node === 'node1' ? 'node2' : 'node1'}`;
      expect((await probeFrom(notYaNode, [`${ya.ip}:80/TCP`], 800))[0]!.connected).toBe(true);
    });

    it('a node that leaves the cluster is unreachable; back, it is reachable again', async () => {
      // Neither is isolated by the example's policies.
      const [fromKey, toKey] = ['y/a', 'z/c'];
      expect([pod(fromKey).node, pod(toKey).node]).toEqual(['node1', 'node3']);
      expect(await connects(fromKey, toKey)).toBe(true);
      await lab.setNodeListed('node3', false);
      expect(await routes('node1')).not.toContain('10.240.32.0/20');
      expect(await connects(fromKey, toKey)).toBe(false);
      await lab.setNodeListed('node3', true);
      expect(await routes('node1')).toContain('10.240.32.0/20');
      expect(await connects(fromKey, toKey)).toBe(true);
    });

    it('an agent killed with -9 while a conversation crosses nodes: it goes on, and so do new ones', async () => {
      const client = status.pods.find((p) => p.node === 'node1' && p.namespace === 'y')!;
      const server = status.pods.find((p) => p.node === 'node2' && p.namespace === 'y')!;
      const serverKey = `${server.namespace}/${server.name}`;
      servers.push(await startResponder(netns(serverKey), serverKey, { echo: [7] }));
      const stream = run(
        [process.execPath, STREAM_JS, '--host', server.ip, '--port', '7', '--duration', '4000'],
        { netns: netns(`${client.namespace}/${client.name}`), timeoutMs: 20_000 },
      ).then(
        (r) => JSON.parse(r.stdout) as { sent: number; received: number; error: string },
        (e: { stdout?: string }) => JSON.parse(e.stdout || '{"sent":0,"received":-1,"error":"no output"}'),
      );
      await new Promise((r) => setTimeout(r, 700));
      await lab.stopAgent('node2', 'SIGKILL');
      await lab.stopAgent('node1', 'SIGKILL');
      // Both agents gone: the pinned datapaths keep carrying and enforcing.
      expect(await connects(`${client.namespace}/${client.name}`, serverKey)).toBe(true);
      expect(await connects('x/a', 'x/b')).toBe(false);
      await lab.restartAgent('node2');
      await lab.restartAgent('node1');
      const result = await stream;
      expect(result.error).toBe('');
      expect(result.sent).toBeGreaterThan(40);
      expect(result.received).toBe(result.sent);
    }, 60_000);
  });
}
