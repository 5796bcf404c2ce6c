// IPAM across a pool change: addresses still inside the new pool stay with their owners (never
// handed out twice); the ones outside are returned to the caller, which logs them. The IPv6 pool of
// a dual-stack node, and allocations of both families that come and go together.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Ipam } from '../../agent/ipam/ipam.js';
import { allocateV6, emptyPoolV6, inPoolV6, PoolExhaustedError, release } from '../../agent/ipam/pool.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sluice-ipam-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps the allocations inside a changed pool and reports the others', async () => {
  const owner = (containerId: string) => ({ containerId, ifname: 'eth0' });
  writeFileSync(
    path.join(dir, 'ipam.json'),
    JSON.stringify({
      cidr: '10.0.0.0/25',
      allocations: { '10.0.0.2': owner('inside'), '10.9.0.2': owner('outside') },
      last: 2,
    }),
  );
  const ipam = new Ipam(dir, '10.0.0.0/24');
  expect(await ipam.load()).toEqual([owner('outside')]);
  expect(Object.keys(ipam.allocations())).toEqual(['10.0.0.2']);
  // The kept address is not handed out again; the same owner gets it back.
  expect(await ipam.allocate(owner('new'))).not.toBe('10.0.0.2');
  expect(await ipam.allocate(owner('inside'))).toBe('10.0.0.2');
});

describe('the IPv6 pool', () => {
  const owner = (containerId: string) => ({ containerId, ifname: 'eth0' });

  it('hands out next-fit, never the subnet-router anycast address, canonical, one per attachment', () => {
    let state = emptyPoolV6('FD00:10:244:1:0:0:0:0/126');
    expect(state.cidr).toBe('fd00:10:244:1::/126');
    const got: string[] = [];
    for (const id of ['a', 'b', 'c']) {
      const r = allocateV6(state, owner(id));
      state = r.state;
      got.push(r.ip);
    }
    // ::0 is the subnet-router anycast address; the last address is an ordinary one in IPv6.
    expect(got).toEqual(['fd00:10:244:1::1', 'fd00:10:244:1::2', 'fd00:10:244:1::3']);
    expect(allocateV6(state, owner('b')).ip).toBe('fd00:10:244:1::2');
    expect(() => allocateV6(state, owner('d'))).toThrow(PoolExhaustedError);
    expect(() => allocateV6(state, owner('d'))).toThrow(
      'no free address in fd00:10:244:1::/126 (3 addresses, all allocated)',
    );
    // A released address is not reused at once.
    state = release(state, 'a', 'eth0').state;
    state = release(state, 'b', 'eth0').state;
    expect(allocateV6(state, owner('d')).ip).toBe('fd00:10:244:1::1');
  });

  it('allocates at once in a /64 with many addresses held', () => {
    let state = emptyPoolV6('fd00:10:244:1::/64');
    for (let i = 0; i < 300; i++) state = allocateV6(state, owner(`c${i}`)).state;
    expect(state.last).toBe('fd00:10:244:1::12c');
    expect(inPoolV6(state, 'fd00:10:244:1:ffff:ffff:ffff:ffff')).toBe(true);
    expect(inPoolV6(state, 'fd00:10:244:1::')).toBe(false);
    expect(inPoolV6(state, 'fd00:10:244:2::1')).toBe(false);
  });
});

describe('dual-stack IPAM', () => {
  const owner = (containerId: string) => ({ containerId, ifname: 'eth0' });
  const fresh = () => mkdtempSync(path.join(dir, 'dual-'));
  const read = (d: string, f: string) => JSON.parse(readFileSync(path.join(d, f), 'utf8'));

  it('gives an attachment an address of each family, persists both and frees both', async () => {
    const d = fresh();
    const ipam = new Ipam(d, '10.0.0.0/24', 'fd00:10::/120');
    expect(await ipam.load()).toEqual([]);
    expect(ipam.cidrV6).toBe('fd00:10::/120');
    const a = await ipam.allocateAddresses(owner('a'));
    expect(a).toEqual({ ip: '10.0.0.1', ipv6: 'fd00:10::1' });
    expect(await ipam.allocateAddresses(owner('a'))).toEqual(a);
    expect(Object.keys(read(d, 'ipam.json').allocations)).toEqual(['10.0.0.1']);
    expect(Object.keys(read(d, 'ipam-v6.json').allocations)).toEqual(['fd00:10::1']);
    // A restarted agent finds both.
    const again = new Ipam(d, '10.0.0.0/24', 'fd00:10::/120');
    await again.load();
    expect(again.allocationsV6()).toEqual({ 'fd00:10::1': owner('a') });
    expect(await again.allocateAddresses(owner('b'))).toEqual({ ip: '10.0.0.2', ipv6: 'fd00:10::2' });
    expect(await again.releaseAddresses('a', 'eth0')).toEqual({ ip: '10.0.0.1', ipv6: 'fd00:10::1' });
    expect(await again.releaseAddresses('a', 'eth0')).toEqual({});
    expect(Object.keys(read(d, 'ipam.json').allocations)).toEqual(['10.0.0.2']);
    expect(Object.keys(read(d, 'ipam-v6.json').allocations)).toEqual(['fd00:10::2']);
  });

  it('takes no IPv4 address when the IPv6 pool is exhausted', async () => {
    const d = fresh();
    const ipam = new Ipam(d, '10.0.0.0/24', 'fd00:10::/127');
    await ipam.load();
    expect(await ipam.allocateAddresses(owner('a'))).toEqual({ ip: '10.0.0.1', ipv6: 'fd00:10::1' });
    await expect(ipam.allocateAddresses(owner('b'))).rejects.toThrow(
      /no free address in fd00:10::\/127 \(1 addresses, all allocated\)/,
    );
    expect(Object.keys(ipam.allocations())).toEqual(['10.0.0.1']);
    expect(Object.keys(read(d, 'ipam.json').allocations)).toEqual(['10.0.0.1']);
    // Once an IPv6 address is free again, both come.
    await ipam.releaseAddresses('a', 'eth0');
    expect(await ipam.allocateAddresses(owner('b'))).toEqual({ ip: '10.0.0.2', ipv6: 'fd00:10::1' });
  });

  it('an IPv4-only node touches no IPv6 state; old state files load into a dual-stack node', async () => {
    const d = fresh();
    const v4only = new Ipam(d, '10.0.0.0/24');
    await v4only.load();
    expect(await v4only.allocateAddresses(owner('old'))).toEqual({ ip: '10.0.0.1' });
    expect(existsSync(path.join(d, 'ipam-v6.json'))).toBe(false);
    expect(v4only.cidrV6).toBeUndefined();
    // The node becomes dual-stack: the running pod keeps its address, a repeated ADD adds IPv6.
    const dual = new Ipam(d, '10.0.0.0/24', 'fd00:10::/64');
    expect(await dual.load()).toEqual([]);
    expect(await dual.allocateAddresses(owner('old'))).toEqual({ ip: '10.0.0.1', ipv6: 'fd00:10::1' });
  });

  it('keeps IPv6 allocations inside a changed pool, and returns all of them when IPv6 is gone', async () => {
    const d = fresh();
    writeFileSync(
      path.join(d, 'ipam-v6.json'),
      JSON.stringify({
        cidr: 'fd00:10::/120',
        allocations: { 'fd00:10::5': owner('inside'), 'fd00:99::5': owner('outside') },
        last: 'fd00:10::5',
      }),
    );
    const wider = new Ipam(d, '10.0.0.0/24', 'fd00:10::/64');
    expect(await wider.load()).toEqual([owner('outside')]);
    expect(Object.keys(wider.allocationsV6())).toEqual(['fd00:10::5']);
    const v4only = new Ipam(d, '10.0.0.0/24');
    expect(await v4only.load()).toEqual([owner('inside'), owner('outside')]);
    expect(existsSync(path.join(d, 'ipam-v6.json'))).toBe(false);
  });
});
