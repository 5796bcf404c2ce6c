// The preallocated IPv6 twins (conntrack, Service connections and affinity, tunnel returns,
// endpoints) hold nothing on a node without IPv6 pods, so there they are created small; when the
// node becomes dual-stack the loader re-creates them at their configured size, and back again.
// Only an empty twin is re-created: one holding entries keeps them, and its size.

import { rm } from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import { withConfig } from '../../agent/config/config.js';
import { bpftool, bpftoolJson, hexArgs } from '../../agent/datapath/bpftool.js';
import { Loader } from '../../agent/datapath/loader.js';
import { ALL_MAPS, IPV6_IDLE_ENTRIES, MAPS, mapPin } from '../../agent/datapath/maps.js';
import { instanceId, runId, TEST_PIN_PREFIX } from '../harness/names.js';

const pinRoot = `${TEST_PIN_PREFIX}${runId()}${instanceId()}`;
const mapSizes = { ct: 4096, lbConns: 2048, lbAffinity: 1024, endpoints: 1024 };
const loader = (podCidrV6?: string) =>
  new Loader(withConfig({ pinRoot, mapSizes, ...(podCidrV6 ? { podCidrV6 } : {}) }));

const maxEntries = async (id: keyof typeof MAPS) =>
  (await bpftoolJson<{ max_entries: number }>(['map', 'show', 'pinned', mapPin(pinRoot, id)])).max_entries;

afterAll(async () => {
  await rm(pinRoot, { recursive: true, force: true });
});

it('an IPv4-only node creates the IPv6 twins idle, and full-size once it is dual-stack', async () => {
  const twins = ALL_MAPS.filter((m) => m.ipv6).map((m) => m.name);
  expect(twins.sort()).toEqual(
    [
      'sluice_ct6',
      'sluice_endpoints6',
      'sluice_lb_affinity6',
      'sluice_lb_conns6',
      'sluice_tunnel_returns6',
    ].sort(),
  );

  await loader().ensureMaps();
  expect(await maxEntries('ct6')).toBe(IPV6_IDLE_ENTRIES);
  expect(await maxEntries('lbConns6')).toBe(IPV6_IDLE_ENTRIES);
  expect(await maxEntries('ct')).toBe(4096); // the IPv4 maps as configured

  const created = await loader('fd00:24e::/64').ensureMaps();
  expect(created.sort()).toEqual(twins.sort());
  expect(await maxEntries('ct6')).toBe(4096);
  expect(await maxEntries('lbConns6')).toBe(2048);
  expect(await maxEntries('tunnelReturns6')).toBe(2048);
  expect(await maxEntries('lbAffinity6')).toBe(1024);
  expect(await maxEntries('endpoints6')).toBe(1024);

  // Dual-stack again: nothing re-created (a live twin keeps its entries).
  expect(await loader('fd00:24e::/64').ensureMaps()).toEqual([]);

  // No longer dual-stack: the empty twins go back to idle; one still holding an entry (a
  // connection of the node's IPv6 past) keeps its size and its entries until it is empty.
  const key = Buffer.alloc(MAPS.ct6.keySize, 1);
  const value = Buffer.alloc(MAPS.ct6.valueSize);
  await bpftool([
    'map',
    'update',
    'pinned',
    mapPin(pinRoot, 'ct6'),
    'key',
    ...hexArgs(key).split(' '),
    'value',
    ...hexArgs(value).split(' '),
  ]);
  expect((await loader().ensureMaps()).sort()).toEqual(twins.filter((t) => t !== 'sluice_ct6').sort());
  expect(await maxEntries('ct6')).toBe(4096);
  expect(await maxEntries('lbConns6')).toBe(IPV6_IDLE_ENTRIES);
  await bpftool(['map', 'delete', 'pinned', mapPin(pinRoot, 'ct6'), 'key', ...hexArgs(key).split(' ')]);
  expect(await loader().ensureMaps()).toEqual(['sluice_ct6']);
  expect(await maxEntries('ct6')).toBe(IPV6_IDLE_ENTRIES);
});
