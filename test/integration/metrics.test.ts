// The agent's Prometheus endpoint: /healthz, /readyz, and datapath counters that move with
// traffic, read from the maps at scrape time.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../agent/sys/exec.js';
import { probeFrom } from '../../tools/net/probes.js';
import { TestNode, writeManifests } from '../harness/agent.js';

const PORT = 19_000 + Math.floor(Math.random() * 900);
let node: TestNode;
let podA = '';

beforeAll(async () => {
  node = await TestNode.start({ podCidr: '10.245.0.0/24', metricsPort: PORT });
}, 60_000);
afterAll(async () => {
  await node?.stop();
});

const get = async (path: string) => {
  const res = await fetch(`http://127.0.0.1:${PORT}${path}`);
  return { status: res.status, text: await res.text() };
};

function counter(text: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`sluice_datapath_packets_total{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

it('serves health, readiness and counters that move with traffic', async () => {
  expect(await get('/healthz')).toEqual({ status: 200, text: 'ok\n' });
  expect(await get('/readyz')).toEqual({ status: 200, text: 'ready\n' });
  const a = await node.podNetns('ma');
  podA = a;
  const b = await node.podNetns('mb');
  const addA = await node.cni(
    { command: 'ADD', containerId: 'ma', netns: a, ifname: 'eth0' },
    node.conf('1.1.0'),
  );
  const addB = await node.cni(
    { command: 'ADD', containerId: 'mb', netns: b, ifname: 'eth0' },
    node.conf('1.1.0'),
  );
  const ipB = (addB.json!['ips'] as { address: string }[])[0]!.address.split('/')[0]!;
  expect(addA.code).toBe(0);
  const labels = 'verdict="forwarded",reason="forwarded",direction="egress"';
  const before = counter((await get('/metrics')).text, labels);
  await run(['ping', '-c', '3', '-i', '0.05', '-W', '1', ipB], { netns: a });
  const metrics = (await get('/metrics')).text;
  expect(counter(metrics, labels) - before).toBeGreaterThanOrEqual(6); // 3 requests out of a, 3 replies out of b
  expect(metrics).toMatch(/sluice_map_pressure\{map="sluice_endpoints"\} \d/);
  expect(metrics).toMatch(/sluice_policy_sync_duration_seconds_count \d+/);
  expect(metrics).toMatch(/sluice_endpoints 2/);
  expect((await get('/nope')).status).toBe(404);
});

it('counts Service translations and connections refused for want of a backend, by Service', async () => {
  const manifests = await writeManifests(
    node,
    `apiVersion: v1
kind: Namespace
metadata: { name: m }
---
apiVersion: v1
kind: Service
metadata: { name: none, namespace: m }
spec:
  clusterIP: 10.96.9.9
  selector: { app: nothing }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: node, namespace: m }
spec:
  clusterIP: 10.96.9.10
  ports: [{ port: 80, targetPort: 9 }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: node-1, namespace: m, labels: { kubernetes.io/service-name: node } }
addressType: IPv4
endpoints: [{ addresses: [10.250.0.1] }]
ports: [{ port: 9, protocol: TCP }]
`,
  );
  await node.stopAgent();
  await node.startAgent({ manifests, metricsPort: PORT });
  const [none, translated] = await probeFrom(podA, ['10.96.9.9:80/TCP', '10.96.9.10:80/TCP'], 1000);
  expect(none).toMatchObject({ connected: false, refused: true });
  expect(translated!.connected).toBe(false); // nothing listens on the node's port 9: reset, after translation
  const metrics = (await get('/metrics')).text;
  expect(metrics).toContain(
    'sluice_service_no_backend_total{service="m/none:80",frontend="10.96.9.9:80/TCP"} 1',
  );
  expect(metrics).toContain(
    'sluice_service_translations_total{service="m/node:80",frontend="10.96.9.10:80/TCP"} 1',
  );
  expect(metrics).toMatch(
    /sluice_datapath_packets_total\{verdict="dropped",reason="no_service_backend",direction="egress"\} [1-9]/,
  );
});
