// IPAM of this node: the pool, persisted under the state dir after every change (atomically), and
// serialised so concurrent CNI ADDs never race for an address.

import path from 'node:path';
import { readJsonIfExists, writeFileAtomic } from '../state/atomic-file.js';
import { type Allocation, allocate, emptyPool, inPool, type PoolState, release } from './pool.js';

export class Ipam {
  private state: PoolState;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly file: string;

  constructor(stateDir: string, cidr: string) {
    this.file = path.join(stateDir, 'ipam.json');
    this.state = emptyPool(cidr);
  }

  /**
   * Loads persisted allocations. After a pool CIDR change the allocations inside the new pool are
   * kept (running pods keep their addresses, never handed out twice); the others are returned.
   */
  async load(): Promise<Allocation[]> {
    const saved = await readJsonIfExists<PoolState>(this.file);
    if (!saved) return [];
    if (saved.cidr === this.state.cidr) {
      this.state = saved;
      return [];
    }
    const dropped: Allocation[] = [];
    const allocations: PoolState['allocations'] = {};
    for (const [ip, owner] of Object.entries(saved.allocations)) {
      if (inPool(this.state, ip)) allocations[ip] = owner;
      else dropped.push(owner);
    }
    this.state = { ...this.state, allocations };
    return dropped;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  allocate(owner: Allocation): Promise<string> {
    return this.serial(async () => {
      const { state, ip } = allocate(this.state, owner);
      if (state !== this.state) {
        await writeFileAtomic(this.file, `${JSON.stringify(state)}\n`);
        this.state = state;
      }
      return ip;
    });
  }

  release(containerId: string, ifname: string): Promise<string | undefined> {
    return this.serial(async () => {
      const { state, ip } = release(this.state, containerId, ifname);
      if (ip) {
        await writeFileAtomic(this.file, `${JSON.stringify(state)}\n`);
        this.state = state;
      }
      return ip;
    });
  }

  allocations(): Readonly<Record<string, Allocation>> {
    return this.state.allocations;
  }

  get cidr(): string {
    return this.state.cidr;
  }
}
