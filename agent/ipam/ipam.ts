// IPAM of this node: the IPv4 pool and, on a dual-stack node, the IPv6 pool, each persisted under
// the state dir after every change (atomically: ipam.json, ipam-v6.json), and serialised so
// concurrent CNI ADDs never race for an address. An attachment gets an address of every pool or of
// none: a failed IPv6 allocation leaves the IPv4 pool as it was.

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { readJsonIfExists, writeFileAtomic } from '../state/atomic-file.js';
import {
  type Allocation,
  allocate,
  allocateV6,
  emptyPool,
  emptyPoolV6,
  inPool,
  inPoolV6,
  type PoolState,
  type PoolStateV6,
  release,
} from './pool.js';

/** An attachment's addresses: IPv4 always, IPv6 on a dual-stack node. */
export interface Addresses {
  ip: string;
  ipv6?: string;
}

/** The allocations of saved inside pool (kept) and the owners of the others (dropped). */
function keepInside<S extends { allocations: Record<string, Allocation> }>(
  saved: S,
  inside: (ip: string) => boolean,
): { allocations: Record<string, Allocation>; dropped: Allocation[] } {
  const dropped: Allocation[] = [];
  const allocations: Record<string, Allocation> = {};
  for (const [ip, owner] of Object.entries(saved.allocations)) {
    if (inside(ip)) allocations[ip] = owner;
    else dropped.push(owner);
  }
  return { allocations, dropped };
}

export class Ipam {
  private state: PoolState;
  private stateV6: PoolStateV6 | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly file: string;
  private readonly fileV6: string;

  /** cidrV6: the IPv6 pool of a dual-stack node; undefined = IPv4 only. */
  constructor(stateDir: string, cidr: string, cidrV6?: string) {
    this.file = path.join(stateDir, 'ipam.json');
    this.fileV6 = path.join(stateDir, 'ipam-v6.json');
    this.state = emptyPool(cidr);
    this.stateV6 = cidrV6 === undefined ? undefined : emptyPoolV6(cidrV6);
  }

  /**
   * Loads persisted allocations. After a pool CIDR change the allocations inside the new pool are
   * kept (running pods keep their addresses, never handed out twice); the others are returned. A
   * node that is no longer dual-stack returns every IPv6 allocation (and forgets its file); state
   * from before dual-stack has no IPv6 file.
   */
  async load(): Promise<Allocation[]> {
    const dropped: Allocation[] = [];
    const saved = await readJsonIfExists<PoolState>(this.file);
    if (saved && saved.cidr === this.state.cidr) this.state = saved;
    else if (saved) {
      const kept = keepInside(saved, (ip) => inPool(this.state, ip));
      this.state = { ...this.state, allocations: kept.allocations };
      dropped.push(...kept.dropped);
    }
    const savedV6 = await readJsonIfExists<PoolStateV6>(this.fileV6);
    if (!savedV6) return dropped;
    const current = this.stateV6;
    if (!current) {
      dropped.push(...Object.values(savedV6.allocations));
      await rm(this.fileV6, { force: true });
    } else if (savedV6.cidr === current.cidr) this.stateV6 = savedV6;
    else {
      const kept = keepInside(savedV6, (ip) => inPoolV6(current, ip));
      this.stateV6 = { ...current, allocations: kept.allocations };
      dropped.push(...kept.dropped);
    }
    return dropped;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Both pools' new states, or neither: a failed IPv6 write puts the IPv4 file back. */
  private async save(state: PoolState, stateV6: PoolStateV6 | undefined): Promise<void> {
    const v4Changed = state !== this.state;
    const v6Changed = stateV6 !== undefined && stateV6 !== this.stateV6;
    if (v4Changed) await writeFileAtomic(this.file, `${JSON.stringify(state)}\n`);
    if (v6Changed) {
      try {
        await writeFileAtomic(this.fileV6, `${JSON.stringify(stateV6)}\n`);
      } catch (err) {
        if (v4Changed)
          await writeFileAtomic(this.file, `${JSON.stringify(this.state)}\n`).catch(() => undefined);
        throw err;
      }
      this.stateV6 = stateV6;
    }
    this.state = state;
  }

  /**
   * An address of every pool for the attachment (the same ones again for the same attachment).
   * All or nothing: when the IPv6 pool has none left, the IPv4 address is not taken either.
   */
  allocateAddresses(owner: Allocation): Promise<Addresses> {
    return this.serial(async () => {
      const v4 = allocate(this.state, owner);
      const v6 = this.stateV6 ? allocateV6(this.stateV6, owner) : undefined;
      await this.save(v4.state, v6?.state);
      return { ip: v4.ip, ...(v6 ? { ipv6: v6.ip } : {}) };
    });
  }

  /** The IPv4 address of allocateAddresses. */
  async allocate(owner: Allocation): Promise<string> {
    return (await this.allocateAddresses(owner)).ip;
  }

  /** Frees the attachment's addresses of both pools; returns those it held. */
  releaseAddresses(containerId: string, ifname: string): Promise<Partial<Addresses>> {
    return this.serial(async () => {
      const v4 = release(this.state, containerId, ifname);
      const v6 = this.stateV6 ? release(this.stateV6, containerId, ifname) : undefined;
      await this.save(v4.ip ? v4.state : this.state, v6?.ip ? v6.state : this.stateV6);
      return { ...(v4.ip ? { ip: v4.ip } : {}), ...(v6?.ip ? { ipv6: v6.ip } : {}) };
    });
  }

  /** The IPv4 address releaseAddresses freed. */
  async release(containerId: string, ifname: string): Promise<string | undefined> {
    return (await this.releaseAddresses(containerId, ifname)).ip;
  }

  /** IPv4 address -> owner. */
  allocations(): Readonly<Record<string, Allocation>> {
    return this.state.allocations;
  }

  /** IPv6 address (canonical) -> owner; empty on an IPv4-only node. */
  allocationsV6(): Readonly<Record<string, Allocation>> {
    return this.stateV6?.allocations ?? {};
  }

  get cidr(): string {
    return this.state.cidr;
  }

  /** The IPv6 pool; undefined on an IPv4-only node. */
  get cidrV6(): string | undefined {
    return this.stateV6?.cidr;
  }
}
