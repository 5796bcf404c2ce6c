// The tunnel device as NodeRouting sets it up, on a real node namespace: the datapath is told its
// ifindex and UDP port (node_config; from_netdev passes packets to that port at once), a device
// left with another port (tunnelPort changed) is made anew, and native routing removes it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SluiceConfig } from '../../agent/config/config.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import { nodeConfigCodec } from '../../agent/datapath/codecs.js';
import { mapPin } from '../../agent/datapath/maps.js';
import { NodeRouting, tunnelLink } from '../../agent/datapath/routing.js';
import { TestCluster } from '../harness/cluster.js';

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await TestCluster.start();
}, 60_000);

afterAll(async () => {
  await cluster?.destroy();
});

async function device(): Promise<{ ifindex: number; port?: number } | undefined> {
  const link = await tunnelLink(cluster.cfg.hostNetns);
  return link && { ifindex: link.ifindex, port: link.port };
}

async function nodeConfig() {
  const [entry] = await dumpMap(mapPin(cluster.cfg.pinRoot, 'node'));
  return nodeConfigCodec.decode(entry!.value);
}

const start = (cfg: Partial<SluiceConfig>) =>
  new NodeRouting({ ...cluster.cfg, ...cfg }, cluster.loader, cluster.syncer.writer).start();

describe('the tunnel device', () => {
  it('tells the datapath its ifindex and port, and keeps it across restarts of the same config', async () => {
    const { tunnelIfindex } = await start({ routing: 'tunnel', tunnelPort: 8472 });
    expect(await device()).toEqual({ ifindex: tunnelIfindex, port: 8472 });
    expect(await nodeConfig()).toMatchObject({ tunnel_ifindex: tunnelIfindex, tunnel_port: 8472 });
    await start({ routing: 'tunnel', tunnelPort: 8472 });
    expect((await device())?.ifindex).toBe(tunnelIfindex);
  });

  it('is made anew with the new port when tunnelPort changed', async () => {
    const before = (await device())!.ifindex;
    const { tunnelIfindex } = await start({ routing: 'tunnel', tunnelPort: 4789 });
    expect(tunnelIfindex).not.toBe(before);
    expect(await device()).toEqual({ ifindex: tunnelIfindex, port: 4789 });
    expect(await nodeConfig()).toMatchObject({ tunnel_ifindex: tunnelIfindex, tunnel_port: 4789 });
  });

  it('goes with native routing, and the datapath is told there is no tunnel', async () => {
    await start({ routing: 'native' });
    expect(await device()).toBeUndefined();
    expect(await nodeConfig()).toMatchObject({ tunnel_ifindex: 0, tunnel_port: 0 });
  });
});
