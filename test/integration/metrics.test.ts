// The agent's Prometheus endpoint: /healthz, /readyz, and datapath counters that move with
// traffic, read from the maps at scrape time.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../agent/exec.js';
import { TestNode } from '../harness/agent.js';

const PORT = 19_000 + Math.floor(Math.random() * 900);
let node: TestNode;

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
