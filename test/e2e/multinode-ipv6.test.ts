// Three dual-stack nodes on one machine (`lab up --ipv6`), with real packets over IPv6, in each
// routing mode: TCP, UDP and ICMPv6 echo between pods of different nodes; the node's own IPv6
// traffic to another node's pod; NetworkPolicy across nodes over IPv6 (a peer allowed by its
// labels and another denied, an IPv6 ipBlock with an except), applied with the CLI's `lab apply`;
// the CLI's `probe --ipv6` and `status`. Tunnel mode carries IPv6 inside the IPv4 VXLAN underlay, and its device stays silent;
// native mode routes the IPv6 pod CIDRs via the nodes' IPv6 InternalIPs (fd00:239::i on the
// underlay). Services over IPv6 in the same lab: a dual-stack Service (PreferDualStack) whose
// backends live on another node than its clients, at its IPv6 clusterIP over TCP and UDP (and its
// IPv4 one), with an ingress policy on the backends deciding after translation; in tunnel mode an
// IPv6-only NodePort reached at a node without a backend, its backend on a third node (the reply
// comes back through the translating node: a tunnel return); the CLI's `probe --ipv6` to a
// Service, `status` and `lb list`. One lab per mode serves every check.

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLUICE_REASON } from '../../agent/abi/constants.js';
import { REPO_ROOT } from '../../agent/config/config.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import { ct6KeyCodec, tunnelReturnCodec } from '../../agent/datapath/codecs.js';
import { mapPin } from '../../agent/datapath/maps.js';
import { readMetrics } from '../../agent/datapath/metrics-map.js';
import { ROUTE_PROTO, TUNNEL_DEVICE } from '../../agent/datapath/routing.js';
import { containsIpV6, parseCidrV6, parseIPv6 } from '../../agent/net/ipv6.js';
import { run } from '../../agent/sys/exec.js';
import { Lab, type LabStatus, labPaths, nodeFiles } from '../../tools/lab/lab.js';
import { probeFrom } from '../../tools/net/probes.js';
import { runId } from '../harness/names.js';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const CLI = path.join(REPO_ROOT, 'bin', 'sluice');

// Services over IPv6, in namespace s (no label the xyz policies name): two backends of a
// dual-stack Service and the backend of an IPv6-only NodePort, all on node2; their clients are the
// xyz pods of node1 and node3.
const SERVICES_V6 = `apiVersion: v1
kind: Namespace
metadata: { name: s, labels: { ns: s } }
${['e1', 'e2', 'np']
  .map(
    (name) => `---
apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: s, labels: { app: ${name === 'np' ? 'np' : 'echo'} } }
spec:
  nodeName: node2
  containers:
    - name: echo
      image: registry.k8s.io/e2e-test-images/agnhost:2.53
      ports:
        - { name: serve-80-tcp, containerPort: 80, protocol: TCP }
        - { name: serve-81-udp, containerPort: 81, protocol: UDP }
`,
  )
  .join('')}---
apiVersion: v1
kind: Service
metadata: { name: dual, namespace: s }
spec:
  ipFamilyPolicy: PreferDualStack
  selector: { app: echo }
  ports:
    - { name: http, port: 8080, protocol: TCP, targetPort: 80 }
    - { name: dns, port: 5353, protocol: UDP, targetPort: 81 }
---
apiVersion: v1
kind: Service
metadata: { name: np6, namespace: s }
spec:
  type: NodePort
  ipFamilyPolicy: SingleStack
  ipFamilies: [IPv6]
  selector: { app: np }
  ports:
    - { name: tcp, port: 80, protocol: TCP, targetPort: 80, nodePort: 30086 }
    - { name: udp, port: 81, protocol: UDP, targetPort: 81, nodePort: 30086 }
`;

function sluice(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CLI, args, { maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

for (const routing of ['tunnel', 'native'] as const) {
  describe(`3 dual-stack nodes, ${routing} routing, over IPv6`, () => {
    const NAME = `v${runId()}${routing[0]}`;
    let lab: Lab;
    let status: LabStatus;
    let work: string;
    const pod = (key: string) => {
      const [namespace, name] = key.split('/');
      const p = status.pods.find((x) => x.namespace === namespace && x.name === name);
      if (!p) throw new Error(`no pod ${key}`);
      return p;
    };
    const netns = (key: string) => `/run/netns/sl-${NAME}-${key.replace('/', '-')}`;
    const v6 = (key: string, port = 80, proto = 'TCP') => `[${pod(key).ipv6}]:${port}/${proto}`;
    const connects = async (from: string, to: string, port = 80, proto = 'TCP') =>
      (await probeFrom(netns(from), [v6(to, port, proto)], 800))[0]!.connected;
    const connectsV4 = async (from: string, to: string) =>
      (await probeFrom(netns(from), [`${pod(to).ip}:80/TCP`], 800))[0]!.connected;
    const routes6 = async (node: string) =>
      (await run(['ip', '-n', `sl-${NAME}-${node}`, '-6', 'route', 'show', 'proto', String(ROUTE_PROTO)]))
        .stdout;
    // Through the CLI, as a user would: the lab is opened from its state (dual-stack kept).
    const applyYaml = async (file: string, yaml: string) => {
      await writeFile(path.join(work, file), yaml);
      const r = await sluice('lab', '--name', NAME, 'apply', '-f', path.join(work, file));
      expect(r.code, r.stderr).toBe(0);
    };

    beforeAll(async () => {
      work = await mkdtemp(path.join(tmpdir(), 'sluice-multinode-ipv6-'));
      await writeFile(path.join(work, 'services-v6.yaml'), SERVICES_V6);
      lab = await Lab.up(NAME, [path.join(EXAMPLES, 'xyz'), path.join(work, 'services-v6.yaml')], {
        nodes: 3,
        routing,
        ipv6: true,
      });
      status = lab.status();
    }, 180_000);

    afterAll(async () => {
      await Lab.downByName(NAME).catch(() => undefined);
      await rm(work, { recursive: true, force: true });
    }, 60_000);

    it('every node has an IPv6 pod CIDR holding its pods, and IPv6 routes to the others', async () => {
      expect(status.ipv6).toBe(true);
      expect(status.nodes.map((n) => [n.name, n.ipv6, n.podCidrV6])).toEqual([
        ['node1', 'fd00:239::1', 'fd00:240:1::/64'],
        ['node2', 'fd00:239::2', 'fd00:240:2::/64'],
        ['node3', 'fd00:239::3', 'fd00:240:3::/64'],
      ]);
      for (const n of status.nodes) {
        for (const p of status.pods.filter((x) => x.node === n.name))
          expect(containsIpV6(parseCidrV6(n.podCidrV6!), parseIPv6(p.ipv6!)), p.ipv6).toBe(true);
      }
      const r = await routes6('node1');
      expect(r).toContain('fd00:240:2::/64');
      expect(r).toContain('fd00:240:3::/64');
      expect(r).not.toContain('fd00:240:1::/64');
      expect(r).toContain(
        routing === 'tunnel' ? `dev ${TUNNEL_DEVICE} src fd00:239::1` : 'fd00:240:2::/64 via fd00:239::2',
      );
    });

    it('TCP and UDP reach every pod of the other nodes over IPv6 (no policy yet)', async () => {
      const failed: string[] = [];
      const xyz = status.pods.filter((p) => p.namespace !== 's');
      await Promise.all(
        xyz.map(async (from) => {
          const key = `${from.namespace}/${from.name}`;
          const targets = xyz
            .filter((to) => to.node !== from.node)
            .flatMap((to) => ['TCP', 'UDP'].map((proto) => v6(`${to.namespace}/${to.name}`, 80, proto)));
          const results = await probeFrom(netns(key), targets, 1000);
          for (const r of results) if (!r.connected) failed.push(`${key} > ${r.target}`);
          expect(results).toHaveLength(6 * 2);
        }),
      );
      expect(failed).toEqual([]);
    });

    it('ICMPv6 echo crosses nodes, large ones in fragments too', async () => {
      expect(pod('x/a').node).not.toBe(pod('x/c').node);
      const ping = await run(['ping', '-6', '-c', '2', '-i', '0.2', '-W', '1', pod('x/c').ipv6!], {
        netns: netns('x/a'),
      });
      expect(ping.stdout).toContain(' 0% packet loss');
      // 4,000 bytes over a 1,450 (tunnel) or 1,500 byte path: the sender fragments, both ways.
      const big = await run(
        ['ping', '-6', '-c', '2', '-i', '0.2', '-W', '1', '-s', '4000', pod('y/b').ipv6!],
        {
          netns: netns('z/a'),
        },
      );
      expect(big.stdout).toContain(' 0% packet loss');
    });

    it("the node's own IPv6 packets reach another node's pod", async () => {
      // node1's own stack, sourced from its IPv6 address (the routes' src, or the underlay's).
      const [r] = await probeFrom(`/run/netns/sl-${NAME}-node1`, [v6('x/b')], 1000);
      expect(pod('x/b').node).toBe('node2');
      expect(r!.connected).toBe(true);
      expect(r!.reply).toBe('x/b');
    });

    if (routing === 'tunnel') {
      it('the tunnel device says nothing over IPv6 of its own: no DAD, solicitation or MLD', async () => {
        const sent = await run(['cat', `/proc/net/dev_snmp6/${TUNNEL_DEVICE}`], {
          netns: `/run/netns/sl-${NAME}-node1`,
        });
        expect(sent.stdout).toMatch(/^Icmp6OutMsgs\s+0$/m);
        expect(
          (await run(['ip', '-n', `sl-${NAME}-node1`, '-6', 'addr', 'show', 'dev', TUNNEL_DEVICE])).stdout,
        ).toBe('');
        // Nor does to_overlay drop anything (it would count the kernel's chatter against no endpoint).
        const rows = await readMetrics(nodeFiles(lab.paths, 'node1').pinRoot);
        const dropped = rows.filter((r) => r.endpointId === 0 && r.reason !== SLUICE_REASON.REASON_FORWARDED);
        expect(dropped).toEqual([]);
      });
    }

    it('an ingress policy allows peers on other nodes by label over IPv6 and denies another', async () => {
      // x/b (node2) takes TCP 80 from pods labelled pod=a of any namespace (all on node1).
      await applyYaml(
        'from-a.yaml',
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: b-from-a, namespace: x }
spec:
  podSelector: { matchLabels: { pod: b } }
  ingress:
    - from: [{ namespaceSelector: {}, podSelector: { matchLabels: { pod: a } } }]
      ports: [{ protocol: TCP, port: 80 }]
`,
      );
      expect([pod('x/b').node, pod('y/a').node, pod('z/c').node]).toEqual(['node2', 'node1', 'node3']);
      const verdicts = await Promise.all([
        connects('y/a', 'x/b'),
        connects('z/a', 'x/b'),
        connects('z/c', 'x/b'), // pod=c
        connects('y/a', 'x/b', 81),
        connects('y/a', 'x/b', 80, 'UDP'),
        // The same verdicts over IPv4: the identity, not the family, decides.
        connectsV4('y/a', 'x/b'),
        connectsV4('z/c', 'x/b'),
        // The node of y/a reaches x/b as remote-node, no pod=a.
        probeFrom(`/run/netns/sl-${NAME}-node1`, [v6('x/b')], 800).then((r) => r[0]!.connected),
      ]);
      expect(verdicts).toEqual([true, true, false, false, false, true, false, false]);
    });

    it('an IPv6 ipBlock with an except decides across nodes', async () => {
      // x/c (node3) takes TCP 80 from node1's IPv6 pod CIDR except y/a's address.
      await applyYaml(
        'from-block.yaml',
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: c-from-block, namespace: x }
spec:
  podSelector: { matchLabels: { pod: c } }
  ingress:
    - from: [{ ipBlock: { cidr: "fd00:240:1::/64", except: ["${pod('y/a').ipv6}/128"] } }]
      ports: [{ protocol: TCP, port: 80 }]
`,
      );
      expect([pod('x/c').node, pod('x/a').node, pod('y/a').node, pod('y/b').node]).toEqual([
        'node3',
        'node1',
        'node1',
        'node2',
      ]);
      const verdicts = await Promise.all([
        connects('x/a', 'x/c'),
        connects('z/a', 'x/c'),
        connects('y/a', 'x/c'), // the except
        connects('y/b', 'x/c'), // outside the block
        // The block is IPv6: x/a's IPv4 address is not in it.
        connectsV4('x/a', 'x/c'),
      ]);
      expect(verdicts).toEqual([true, true, false, false, false]);
    });

    it('the CLI probes over IPv6 and shows the IPv6 addresses; the state keeps the flag', async () => {
      const lab6 = (...args: string[]) => sluice('lab', '--name', NAME, ...args);
      expect([pod('x/a').node, pod('y/c').node]).toEqual(['node1', 'node3']);
      const [probe, denied, sctp, sctpDenied, table] = await Promise.all([
        lab6('probe', 'x/a', 'x/c', '--port', '80', '--ipv6', '-o', 'json'),
        lab6('probe', 'y/a', 'x/c', '--port', '80', '--ipv6'),
        // SCTP over IPv6 too: to y/c (no policy), and to x/c, whose policy takes TCP only.
        lab6('probe', 'x/a', 'y/c', '--port', '80', '--ipv6', '--protocol', 'SCTP', '-o', 'json'),
        lab6('probe', 'x/a', 'x/c', '--port', '80', '--ipv6', '--protocol', 'SCTP'),
        lab6('status'),
      ]);
      expect(probe.code, probe.stderr).toBe(0);
      expect(JSON.parse(probe.stdout)).toMatchObject({
        from: 'x/a',
        to: 'x/c',
        connected: true,
        address: `[${pod('x/c').ipv6}]:80`,
      });
      expect(denied.code).toBe(1);
      expect(sctp.code, sctp.stderr).toBe(0);
      expect(JSON.parse(sctp.stdout)).toMatchObject({
        protocol: 'SCTP',
        connected: true,
        address: `[${pod('y/c').ipv6}]:80`,
      });
      expect(sctpDenied.code, sctpDenied.stderr).toBe(1);
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toMatch(/^NAMESPACE +NAME +NODE +IP +IPV6 +LABELS +PORTS$/m);
      expect(table.stdout).toContain(pod('x/c').ipv6!);
      expect(table.stdout).toMatch(
        /^node2 +10\.239\.0\.2 +10\.240\.16\.0\/20 +fd00:239::2 +fd00:240:2::\/64$/m,
      );
      const state = JSON.parse(await readFile(labPaths(NAME).state, 'utf8')) as { ipv6?: boolean };
      expect(state.ipv6).toBe(true);
      expect((await Lab.open(NAME)).status().ipv6).toBe(true);
    });

    // Services over IPv6 (SERVICES_V6): s/dual's backends s/e1 and s/e2 and s/np6's backend s/np
    // live on node2; their clients y/a on node1 and z/c on node3.
    const clusterIp = (key: string, family: 4 | 6) => {
      const svc = status.services.find((x) => `${x.namespace}/${x.name}` === key);
      const ip = svc?.clusterIPs.find((a) => a.includes(':') === (family === 6));
      if (!ip) throw new Error(`no IPv${family} clusterIP of ${key} in ${JSON.stringify(svc)}`);
      return ip;
    };
    const ECHO = expect.stringMatching(/^s\/e[12]$/);

    it('a dual-stack Service with backends on another node: its IPv6 clusterIP over TCP and UDP, and its IPv4 one', async () => {
      expect([pod('y/a').node, pod('z/c').node, pod('s/e1').node, pod('s/e2').node]).toEqual([
        'node1',
        'node3',
        'node2',
        'node2',
      ]);
      const ip6 = clusterIp('s/dual', 6);
      const ip4 = clusterIp('s/dual', 4);
      expect(containsIpV6(parseCidrV6('fd00:10:96::/112'), parseIPv6(ip6)), ip6).toBe(true);
      const targets = [`[${ip6}]:8080/TCP`, `[${ip6}]:5353/UDP`, `${ip4}:8080/TCP`, `${ip4}:5353/UDP`];
      const seen = (
        await Promise.all(
          ['y/a', 'z/c'].map(async (from) =>
            (
              await probeFrom(netns(from), targets, 1000)
            ).map((r) => ({
              from,
              target: r.target,
              connected: r.connected,
              reply: r.reply,
            })),
          ),
        )
      ).flat();
      // Connected (TCP: the SYN-ACK came back from the clusterIP; UDP: the reply too, on a
      // connected socket), and the reply names the backend the datapath picked.
      expect(seen).toEqual(
        ['y/a', 'z/c'].flatMap((from) =>
          targets.map((target) => ({ from, target, connected: true, reply: ECHO })),
        ),
      );
    });

    it('an ingress policy on the backends decides after translation, across nodes, over IPv6', async () => {
      // s/dual's backends take TCP 80 (the targetPort, not the Service's 8080) from pod=a only.
      await applyYaml(
        'echo-from-a.yaml',
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: echo-from-a, namespace: s }
spec:
  podSelector: { matchLabels: { app: echo } }
  ingress:
    - from: [{ namespaceSelector: {}, podSelector: { matchLabels: { pod: a } } }]
      ports: [{ protocol: TCP, port: 80 }]
`,
      );
      const ip6 = clusterIp('s/dual', 6);
      const one = async (from: string, target: string) => {
        const [r] = await probeFrom(netns(from), [target], 1000);
        return { connected: r!.connected, reply: r!.reply };
      };
      const verdicts = await Promise.all([
        one('y/a', `[${ip6}]:8080/TCP`), // pod=a, node1
        one('z/c', `[${ip6}]:8080/TCP`), // pod=c, node3: denied
        one('y/a', `[${ip6}]:5353/UDP`), // 81/UDP: no port of the policy
        one('z/c', `${clusterIp('s/dual', 4)}:8080/TCP`), // the same over IPv4
      ]);
      expect(verdicts).toEqual([
        { connected: true, reply: ECHO },
        { connected: false, reply: '' },
        { connected: false, reply: '' },
        { connected: false, reply: '' },
      ]);
    });

    if (routing === 'tunnel') {
      it('an IPv6 NodePort at a node without a backend, its backend on a third node: through the tunnel and back', async () => {
        const node1 = status.nodes[0]!;
        expect([node1.ipv6, pod('z/c').node, pod('s/np').node]).toEqual(['fd00:239::1', 'node3', 'node2']);
        // A pod of node3 to node1's IPv6 address and the NodePort: node1 translates, node2 answers.
        const results = await probeFrom(
          netns('z/c'),
          [`[${node1.ipv6}]:30086/TCP`, `[${node1.ipv6}]:30086/UDP`],
          1000,
        );
        expect(results.map((r) => [r.target, r.connected, r.reply])).toEqual([
          [`[${node1.ipv6}]:30086/TCP`, true, 's/np'],
          [`[${node1.ipv6}]:30086/UDP`, true, 's/np'],
        ]);
        // node2 sends the replies back through node1 (its underlay address), which translates them.
        const returns = (await dumpMap(mapPin(nodeFiles(lab.paths, 'node2').pinRoot, 'tunnelReturns6'))).map(
          (e) => ({ ...ct6KeyCodec.decode(e.key), node: tunnelReturnCodec.decode(e.value).node }),
        );
        for (const [dport, protocol] of [
          [80, 6],
          [81, 17],
        ])
          expect(returns).toContainEqual(
            expect.objectContaining({
              saddr: pod('z/c').ipv6,
              daddr: pod('s/np').ipv6,
              dport,
              protocol,
              node: node1.ip,
            }),
          );
        // The CLI: y/a (node1) to its node's IPv6 address and the NodePort.
        const cli = await sluice(
          'lab',
          '--name',
          NAME,
          'probe',
          'y/a',
          'svc/s/np6',
          '--port',
          'tcp',
          '--node-port',
          '--ipv6',
          '-o',
          'json',
        );
        expect(cli.code, cli.stderr).toBe(0);
        expect(JSON.parse(cli.stdout)).toMatchObject({
          connected: true,
          address: `[${node1.ipv6}]:30086`,
          backend: 's/np',
        });
      });
    }

    it('the CLI probes a Service over IPv6, lists both clusterIPs in status and the IPv6 frontends in lb list', async () => {
      const lab6 = (...args: string[]) => sluice('lab', '--name', NAME, ...args);
      const ip6 = clusterIp('s/dual', 6);
      const [probe, denied, table] = await Promise.all([
        lab6('probe', '--ipv6', 'x/a', 'svc/s/dual', '--port', 'http', '-o', 'json'),
        lab6('probe', '--ipv6', 'z/c', 'svc/s/dual', '--port', 'http'), // echo-from-a denies pod=c
        lab6('status', '-o', 'json'),
      ]);
      expect(probe.code, probe.stderr).toBe(0);
      expect(JSON.parse(probe.stdout)).toMatchObject({
        from: 'x/a',
        to: 'svc/s/dual',
        port: 8080,
        protocol: 'TCP',
        connected: true,
        address: `[${ip6}]:8080`,
        backend: ECHO,
      });
      expect(denied.code, denied.stdout).toBe(1);
      expect(table.code, table.stderr).toBe(0);
      const services = (JSON.parse(table.stdout) as LabStatus).services;
      const dual = services.find((v) => v.namespace === 's' && v.name === 'dual')!;
      expect(dual.clusterIPs).toEqual([expect.stringMatching(/^10\.96\.\d+\.\d+$/), ip6]);
      expect(dual.backends).toEqual(['s/e1', 's/e2']);
      const np6 = services.find((v) => v.namespace === 's' && v.name === 'np6')!;
      expect(np6.clusterIPs).toEqual([expect.stringMatching(/^fd00:10:96::/)]);
      // node1's maps: the IPv6 frontend with the backends' IPv6 addresses (x/a's probe and the
      // others of node1's pods were translated there), and the NodePort at node1's IPv6 address.
      const lb = await sluice('--lab', NAME, '--node', 'node1', 'lb', 'list', '-o', 'json');
      expect(lb.code, lb.stderr).toBe(0);
      const rows = JSON.parse(lb.stdout) as {
        frontend: string;
        kind: string;
        service: string;
        translations: number;
        backends: { address: string; port: number; state: string }[];
      }[];
      const http6 = rows.find((r) => r.frontend === `[${ip6}]:8080/TCP`);
      expect(http6).toMatchObject({ kind: 'ClusterIP', service: 's/dual:http' });
      expect(http6!.backends.map((b) => [b.address, b.port, b.state]).sort()).toEqual(
        [
          [pod('s/e1').ipv6, 80, 'active'],
          [pod('s/e2').ipv6, 80, 'active'],
        ].sort(),
      );
      expect(http6!.translations).toBeGreaterThanOrEqual(1);
      expect(rows.find((r) => r.frontend === '[fd00:239::1]:30086/TCP')).toMatchObject({
        kind: 'NodePort',
        service: 's/np6:tcp',
        backends: [expect.objectContaining({ address: pod('s/np').ipv6, port: 80 })],
      });
    });

    it('lab matrix --ipv6 equals its simulation, which takes the IPv6 ipBlock for IPv6 alone', async () => {
      const lab6 = (...args: string[]) => sluice('lab', '--name', NAME, ...args);
      type Cell = { from: string; to: string; connected: boolean; address?: string };
      const [v6, v4, svc6] = await Promise.all([
        lab6('matrix', '--ipv6', '--to', 'x/c', '--ports', '80', '--expect', '-o', 'json'),
        lab6('matrix', '--to', 'x/c', '--ports', '80', '--expect', '-o', 'json'),
        lab6('matrix', '--ipv6', '--to', 'svc/s/dual', '--protocols', 'TCP', '--expect', '-o', 'json'),
      ]);
      for (const r of [v6, v4, svc6]) expect(r.code, r.stderr).toBe(0);
      const cell = (out: string, from: string) =>
        (JSON.parse(out) as { probes: Cell[] }).probes.find((c) => c.from === from)!;
      // x/c takes TCP 80 from node1's IPv6 pod CIDR but y/a (the except): over IPv6 x/a connects,
      // y/a does not; over IPv4 the IPv6 block admits nobody.
      expect([cell(v6.stdout, 'x/a').connected, cell(v6.stdout, 'y/a').connected]).toEqual([true, false]);
      expect([cell(v4.stdout, 'x/a').connected, cell(v4.stdout, 'y/a').connected]).toEqual([false, false]);
      expect(cell(svc6.stdout, 'x/a')).toMatchObject({
        connected: true,
        address: `[${clusterIp('s/dual', 6)}]:8080`,
      });
    });
  });
}

describe('a lab started before --ipv6', () => {
  const NAME = `v${runId()}old`;
  const paths = labPaths(NAME);

  afterAll(async () => {
    await rm(paths.dir, { recursive: true, force: true });
  });

  it('loads as IPv4 only, and says so to an IPv6 probe', async () => {
    await mkdir(paths.dir, { recursive: true, mode: 0o700 });
    await writeFile(paths.manifests, '');
    const state = {
      version: 2,
      nodes: [
        { name: 'node', netns: `sl-${NAME}-node`, ip: '10.239.0.1', podCidr: '10.240.0.0/16', agentPid: 0 },
      ],
      routing: 'tunnel',
      pods: {
        'x/a': {
          node: 'node',
          netns: `sl-${NAME}-x-a`,
          containerId: 'c',
          ip: '10.240.0.2',
          pids: [],
          ports: '',
        },
      },
    };
    await writeFile(paths.state, JSON.stringify(state));
    const lab = await Lab.open(NAME);
    expect(lab.status().ipv6).toBe(false);
    await expect(
      lab.probe(
        { kind: 'pod', key: 'x/a' },
        { kind: 'pod', key: 'x/a' },
        { port: 80, ipv6: true, timeoutMs: 100 },
      ),
    ).rejects.toThrow(/--ipv6: lab .* is IPv4 only/);
  });
});
