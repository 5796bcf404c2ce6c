// Issue 2's proof: real packets through the attached programs, in both attach modes, with the
// per-endpoint counters checked by direction.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASON_FORWARDED } from '../../agent/datapath/reasons.js';
import { run } from '../../agent/sys/exec.js';
import { NODE_IP, TestCluster } from '../harness/cluster.js';

const EGRESS = 0;
const INGRESS = 1;

async function forwardedDatagrams(cluster: TestCluster): Promise<number> {
  const { stdout } = await run(['cat', '/proc/net/snmp'], { netns: cluster.cfg.hostNetns });
  const [names, values] = stdout.split('\n').filter((l) => l.startsWith('Ip:'));
  const idx = names!.split(/\s+/).indexOf('ForwDatagrams');
  return Number(values!.split(/\s+/)[idx]);
}

describe.each(['tcx', 'tc'] as const)('datapath v0, attach mode %s', (mode) => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await TestCluster.start({ attachMode: mode });
    await cluster.addPod('a', '10.250.1.1', { tcp: [80], udp: [53] });
    await cluster.addPod('b', '10.250.1.2', { tcp: [80], udp: [53] });
    await cluster.sync();
  });
  afterAll(async () => {
    await cluster?.destroy();
  });

  const counter = async (pod: string, direction: number) => {
    const id = cluster.pod(pod).endpoint.id;
    const rows = await cluster.metrics();
    const row = rows.find(
      (r) => r.endpointId === id && r.direction === direction && r.reason === REASON_FORWARDED,
    );
    return row ?? { packets: 0, bytes: 0 };
  };

  it('attaches both entry programs to every host-side veth in the chosen mode', async () => {
    const attached = await cluster.loader.attachments();
    for (const pod of ['a', 'b']) {
      const dev = cluster.pod(pod).endpoint.hostIfName;
      const hooks = attached
        .filter((x) => x.device === dev)
        .map((x) => `${x.hook}/${x.mode}`)
        .sort();
      expect(hooks).toEqual([`egress/${mode}`, `ingress/${mode}`]);
    }
  });

  it('carries TCP and UDP between pods and answers from the right pod', async () => {
    const a = cluster.pod('a');
    const tcp = await cluster.probe(a, '10.250.1.2', 80, 'TCP');
    expect(tcp).toMatchObject({ connected: true, reply: 'default/b' });
    const udp = await cluster.probe(a, '10.250.1.2', 53, 'UDP');
    expect(udp).toMatchObject({ connected: true, reply: 'default/b' });
  });

  it('counts ICMP per endpoint and direction, and delivers pod to pod without the host stack', async () => {
    const before = {
      aOut: await counter('a', EGRESS),
      aIn: await counter('a', INGRESS),
      bOut: await counter('b', EGRESS),
      bIn: await counter('b', INGRESS),
      forwarded: await forwardedDatagrams(cluster),
    };
    expect(await cluster.ping(cluster.pod('a'), '10.250.1.2', 5)).toBe(true);
    const after = {
      aOut: await counter('a', EGRESS),
      aIn: await counter('a', INGRESS),
      bOut: await counter('b', EGRESS),
      bIn: await counter('b', INGRESS),
    };
    // 5 echo requests a -> b, 5 replies b -> a; 84 bytes each on the wire (98 with Ethernet).
    expect(after.aOut.packets - before.aOut.packets).toBe(5);
    expect(after.bIn.packets - before.bIn.packets).toBe(5);
    expect(after.bOut.packets - before.bOut.packets).toBe(5);
    expect(after.aIn.packets - before.aIn.packets).toBe(5);
    expect(after.aOut.bytes - before.aOut.bytes).toBe(5 * 98);
    // bpf_redirect_peer: the node's IP stack forwarded none of them.
    expect(await forwardedDatagrams(cluster)).toBe(before.forwarded);
  });

  it('lets the node reach a pod through the host stack (to_pod) and counts it as ingress', async () => {
    const before = await counter('b', INGRESS);
    const res = await cluster.probe(undefined, '10.250.1.2', 80, 'TCP');
    expect(res).toMatchObject({ connected: true, reply: 'default/b' });
    expect((await counter('b', INGRESS)).packets).toBeGreaterThan(before.packets);
    // And the pod reaches the node's address (identity host).
    expect(await cluster.ping(cluster.pod('a'), NODE_IP, 1)).toBe(true);
  });

  it('detaches cleanly: no Sluice program left, traffic falls back to plain routing', async () => {
    const dev = cluster.pod('b').endpoint.hostIfName;
    await cluster.loader.detach(dev);
    expect((await cluster.loader.attachments()).filter((x) => x.device === dev)).toEqual([]);
    const before = await forwardedDatagrams(cluster);
    expect(await cluster.ping(cluster.pod('a'), '10.250.1.2', 2)).toBe(true);
    expect(await forwardedDatagrams(cluster)).toBeGreaterThan(before);
  });
});
