// Garbage: 1,000 pods come, send a packet, and go. Afterwards the maps hold what the live pods
// need, not what every pod ever left: `sluice map list` shows the pressure as it is. And expired
// conntrack entries go by the sweeper, not only when a lookup happens to find them.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';
import { bpftoolBatch, dumpMap, hexArgs } from '../../agent/datapath/bpftool.js';
import { ctKeyCodec, ctValueCodec } from '../../agent/datapath/codecs.js';
import { sweepExpired } from '../../agent/datapath/gc.js';
import { monotonicSeconds, PinnedMapWriter } from '../../agent/datapath/map-writer.js';
import { mapPin } from '../../agent/datapath/maps.js';
import { run } from '../../agent/sys/exec.js';
import { NODE_IP, TestNode } from '../harness/agent.js';

const CYCLES = 1000;
const PARALLEL = 6;
let node: TestNode;

beforeAll(async () => {
  node = await TestNode.start({ podCidr: '10.246.0.0/24' });
}, 60_000);
afterAll(async () => {
  await node?.stop();
});

function sluice(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(REPO_ROOT, 'bin', 'sluice'), args, { maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

type MapRow = { name: string; entries: number | null; maxEntries: number; pressure: number | null };
const mapList = async () => {
  const r = await sluice('--pin-root', node.pinRoot, 'map', 'list', '-o', 'json');
  expect(r.code, r.stderr).toBe(0);
  return new Map((JSON.parse(r.stdout) as MapRow[]).map((m) => [m.name, m]));
};

it(`after ${CYCLES} pod cycles with traffic the maps hold only what live pods need`, async () => {
  const lanes = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => node.podNetns(`gc${i}`)));
  let next = 0;
  await Promise.all(
    lanes.map(async (netns) => {
      for (let i = next++; i < CYCLES; i = next++) {
        const call = { containerId: `gc-${i}`, netns, ifname: 'eth0' };
        const add = await node.cni({ command: 'ADD', ...call }, node.conf('1.1.0'));
        expect(add.code, add.stdout).toBe(0);
        // One packet each way: a conntrack entry and metrics for this endpoint.
        await run(['ping', '-c', '1', '-W', '1', NODE_IP], { netns });
        const del = await node.cni({ command: 'DEL', ...call }, node.conf('1.1.0'));
        expect(del.code, del.stdout).toBe(0);
      }
    }),
  );
  // The sweeps run after each DEL, off its path: give the last ones a moment.
  let maps = await mapList();
  for (let i = 0; i < 50 && (maps.get('sluice_metrics')?.entries ?? 0) > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    maps = await mapList();
  }
  expect(maps.get('sluice_endpoints')!.entries).toBe(0);
  expect(maps.get('sluice_metrics')!.entries).toBe(0);
  expect(maps.get('sluice_ct')!.entries).toBe(0);
  expect(maps.get('sluice_policy')!.entries).toBe(0);
  expect(maps.get('sluice_metrics')!.pressure).toBe(0);
}, 600_000);

it('the sweeper deletes expired conntrack entries no lookup would find', async () => {
  const pin = mapPin(node.pinRoot, 'ct');
  const key = ctKeyCodec.encode({
    saddr: '10.246.0.200',
    daddr: '10.246.0.201',
    sport: 1,
    dport: 2,
    protocol: 17,
  });
  const entry = (expires: number) =>
    ctValueCodec.encode({
      packets_fwd: 1,
      bytes_fwd: 1,
      packets_rev: 0,
      bytes_rev: 0,
      expires,
      created: expires - 60,
      src_endpoint: 0,
      dst_endpoint: 0,
      rule_id: 0,
      flags: 0,
      tcp_flags_seen: 0,
      rev_nat_id: 0,
    });
  const live = ctKeyCodec.encode({
    saddr: '10.246.0.200',
    daddr: '10.246.0.201',
    sport: 3,
    dport: 4,
    protocol: 17,
  });
  await bpftoolBatch([
    `map update pinned ${pin} key ${hexArgs(key)} value ${hexArgs(entry(monotonicSeconds() - 5))}`,
    `map update pinned ${pin} key ${hexArgs(live)} value ${hexArgs(entry(monotonicSeconds() + 60))}`,
  ]);
  const writer = new PinnedMapWriter();
  try {
    expect(await sweepExpired(writer, node.pinRoot)).toMatchObject({ ct: 1 });
  } finally {
    writer.close();
  }
  const left = (await dumpMap(pin)).map((e) => ctKeyCodec.decode(e.key).sport);
  expect(left).toEqual([3]);
});
