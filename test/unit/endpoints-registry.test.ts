// The endpoint registry forgets IPv6 addresses no pool holds any more (a node that stopped being
// dual-stack), keeping the endpoints and persisting the change.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { EndpointRegistry } from '../../agent/endpoints/registry.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const ep = (n: number, ipv6?: string) => ({
  podKey: `ns/p${n}`,
  ip: `10.0.0.${n}`,
  ...(ipv6 ? { ipv6 } : {}),
  hostIfName: `lxc${n}`,
  hostIfindex: 10 + n,
  hostMac: '02:00:00:00:00:01',
  podMac: '02:00:00:00:00:02',
  containerId: `c${n}`,
  ifName: 'eth0',
});

it('drops the IPv6 address of endpoints whose address no pool holds, and persists it', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sluice-registry-'));
  dirs.push(dir);
  const reg = new EndpointRegistry(dir);
  await reg.upsert(ep(1, 'fd00::1'));
  await reg.upsert(ep(2, 'fd00::2'));
  await reg.upsert(ep(3));
  const dropped = await reg.dropIpv6Unless((e) => e.ipv6 === 'fd00::2');
  expect(dropped.map((e) => e.podKey)).toEqual(['ns/p1']);
  expect(reg.list().map((e) => [e.podKey, e.ipv6])).toEqual([
    ['ns/p1', undefined],
    ['ns/p2', 'fd00::2'],
    ['ns/p3', undefined],
  ]);
  const reread = new EndpointRegistry(dir);
  await reread.load();
  expect(reread.list().map((e) => e.ipv6)).toEqual([undefined, 'fd00::2', undefined]);
  expect(await reread.dropIpv6Unless(() => true)).toEqual([]);
});
