// kill -9 of the agent during traffic: the established connection (made through a Service's
// ClusterIP) keeps flowing, new connections follow the last policy while it is gone, and the
// restarted agent converges without a flush — conntrack entries, counters, policy entries and
// Service frontends (with their ids, which conntrack refers to) survive, nothing is rewritten.

import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';
import { dumpMap, dumpPerCpuMap } from '../../agent/datapath/bpftool.js';
import { ctKeyCodec, ctValueCodec } from '../../agent/datapath/codecs.js';
import { run } from '../../agent/sys/exec.js';
import { probeFrom } from '../../tools/net/probes.js';
import { startResponder } from '../../tools/net/servers.js';
import { TestNode, writeManifests } from '../harness/agent.js';

let node: TestNode;
const pods: Record<string, { netns: string; ip: string }> = {};
const servers: ChildProcess[] = [];

const MANIFESTS = `apiVersion: v1
kind: Namespace
metadata: { name: app }
---
apiVersion: v1
kind: Pod
metadata: { name: a, namespace: app, labels: { role: client } }
---
apiVersion: v1
kind: Pod
metadata: { name: b, namespace: app, labels: { role: server } }
---
apiVersion: v1
kind: Pod
metadata: { name: c, namespace: app, labels: { role: other } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: server-from-client, namespace: app }
spec:
  podSelector: { matchLabels: { role: server } }
  ingress: [{ from: [{ podSelector: { matchLabels: { role: client } } }] }]
---
apiVersion: v1
kind: Service
metadata: { name: echo, namespace: app }
spec:
  clusterIP: 10.96.7.7
  selector: { role: server }
  ports: [{ port: 7, protocol: TCP }]
`;
const CLUSTER_IP = '10.96.7.7';

beforeAll(async () => {
  node = await TestNode.start({ podCidr: '10.244.7.0/24' });
  await node.stopAgent();
  await node.startAgent({ manifests: await writeManifests(node, MANIFESTS) });
  for (const name of ['a', 'b', 'c']) {
    const netns = await node.podNetns(`r${name}`);
    const r = await node.cni(
      {
        command: 'ADD',
        containerId: `r-${name}`,
        netns,
        ifname: 'eth0',
        args: `K8S_POD_NAMESPACE=app;K8S_POD_NAME=${name}`,
      },
      node.conf('1.1.0'),
    );
    expect(r.code, r.stdout).toBe(0);
    pods[name] = { netns, ip: (r.json!['ips'] as { address: string }[])[0]!.address.split('/')[0]! };
  }
  await startResponder(
    pods['b']!.netns,
    'app/b',
    { tcp: [80], echo: [7] },
    { track: (s) => servers.push(s) },
  );
}, 120_000);

afterAll(async () => {
  for (const s of servers) if (s.pid && s.exitCode === null) process.kill(s.pid, 'SIGKILL');
  await node?.stop();
});

const connect = async (from: string, port: number) =>
  (await probeFrom(pods[from]!.netns, [`${pods['b']!.ip}:${port}/TCP`], 700))[0]!.connected;

it('keeps enforcing and forwarding through kill -9 and converges without a flush', async () => {
  expect(await connect('a', 80)).toBe(true);
  expect(await connect('c', 80)).toBe(false);

  // A long conversation a -> echo (ClusterIP) -> b:7 across the whole outage.
  const stream = run(
    [
      process.execPath,
      path.join(REPO_ROOT, 'build/js/tools/net/stream.js'),
      '--host',
      CLUSTER_IP,
      '--port',
      '7',
      '--duration',
      '5000',
    ],
    { netns: pods['a']!.netns, timeoutMs: 20_000 },
  ).then(
    (r) => JSON.parse(r.stdout) as { sent: number; received: number; error: string },
    (e: { stdout?: string }) => JSON.parse(e.stdout || '{"sent":0,"received":-1,"error":"no output"}'),
  );
  await new Promise((r) => setTimeout(r, 800));
  const pins = `${node.pinRoot}/maps`;
  const policyBefore = await dumpMap(`${pins}/sluice_policy`);
  const frontendsBefore = await dumpMap(`${pins}/sluice_lb_frontends`);
  expect(frontendsBefore).toHaveLength(1);
  const metricsBefore = await dumpPerCpuMap(`${pins}/sluice_metrics`);

  await node.stopAgent('SIGKILL');
  // Agent gone: the pinned datapath keeps the last policy for new connections.
  expect(await connect('a', 80)).toBe(true);
  expect(await connect('c', 80)).toBe(false);
  const ctWhileDown = (await dumpMap(`${pins}/sluice_ct`)).map((e) => ({
    k: ctKeyCodec.decode(e.key),
    v: ctValueCodec.decode(e.value),
  }));
  const conversation = ctWhileDown.find(({ k }) => k.dport === 7 && k.saddr === pods['a']!.ip);
  expect(conversation, 'conntrack entry of the conversation').toBeDefined();
  expect(conversation!.k.daddr, 'translated to the backend').toBe(pods['b']!.ip);
  expect(conversation!.v.rev_nat_id).toBe(frontendsBefore[0]!.value.readUInt32LE(0));

  await node.startAgent({ manifests: path.join(node.dir, 'manifests.yaml') });
  const result = await stream;
  expect(result.error).toBe('');
  expect(result.sent).toBeGreaterThan(50);
  expect(result.received).toBe(result.sent);

  // No flush: the same policy entries (and their counters did not go back), conntrack kept the
  // conversation's entry and counted on, datapath counters only grew.
  const policyAfter = await dumpMap(`${pins}/sluice_policy`);
  expect(policyAfter.map((e) => e.key.toString('hex')).sort()).toEqual(
    policyBefore.map((e) => e.key.toString('hex')).sort(),
  );
  for (const before of policyBefore) {
    const after = policyAfter.find((e) => e.key.equals(before.key))!;
    expect(after.value.readBigUInt64LE(8)).toBeGreaterThanOrEqual(before.value.readBigUInt64LE(8));
  }
  // The frontend kept its id: replies of the conversation are still translated back.
  expect((await dumpMap(`${pins}/sluice_lb_frontends`)).map((e) => e.value.toString('hex'))).toEqual(
    frontendsBefore.map((e) => e.value.toString('hex')),
  );
  const ctAfter = (await dumpMap(`${pins}/sluice_ct`)).map((e) => ({
    k: ctKeyCodec.decode(e.key),
    v: ctValueCodec.decode(e.value),
  }));
  const same = ctAfter.find(
    ({ k }) => k.dport === 7 && k.saddr === pods['a']!.ip && k.sport === conversation!.k.sport,
  );
  expect(same!.v.packets_fwd).toBeGreaterThan(conversation!.v.packets_fwd);
  const sum = (entries: Awaited<ReturnType<typeof dumpPerCpuMap>>) =>
    entries.reduce((n, e) => n + e.values.reduce((m, v) => m + Number(v.readBigUInt64LE(0)), 0), 0);
  expect(sum(await dumpPerCpuMap(`${pins}/sluice_metrics`))).toBeGreaterThan(sum(metricsBefore));
  // And the restarted agent enforces as before.
  expect(await connect('a', 80)).toBe(true);
  expect(await connect('c', 80)).toBe(false);
}, 60_000);
