// The endpoints of this node, by CNI attachment, persisted (atomically) so a restarted agent
// knows every pod it wired. list() returns the same array until something changes, so the
// reconciler's memo holds across syncs.

import { createHash } from 'node:crypto';
import path from 'node:path';
import { attachmentKey } from '../ipam/pool.js';
import { readJsonIfExists, writeFileAtomic } from '../state/atomic-file.js';
import type { Endpoint } from './types.js';

interface StateFile {
  version: 1;
  next: number;
  endpoints: Endpoint[];
}

/** Host-side veth name for an attachment: prefix + 11 hex digits of a hash (≤ 15 bytes). */
export function hostIfName(prefix: string, containerId: string, ifname: string): string {
  const digest = createHash('sha256').update(`${containerId}/${ifname}`).digest('hex');
  return `${prefix}${digest.slice(0, 15 - prefix.length)}`;
}

export class EndpointRegistry {
  private byKey = new Map<string, Endpoint>();
  private next = 1;
  private cached: Endpoint[] | undefined;
  private readonly file: string;

  constructor(stateDir: string) {
    this.file = path.join(stateDir, 'endpoints.json');
  }

  async load(): Promise<void> {
    const state = await readJsonIfExists<StateFile>(this.file);
    if (state?.version !== 1) return;
    this.next = state.next;
    this.byKey = new Map(
      state.endpoints.map((e) => [
        attachmentKey({ containerId: e.containerId ?? '', ifname: e.ifName ?? '' }),
        e,
      ]),
    );
    this.cached = undefined;
  }

  private saving: Promise<void> = Promise.resolve();

  /** Writes the current state; saves are chained so the file always ends with the latest. */
  private save(): Promise<void> {
    this.cached = undefined;
    const state: StateFile = { version: 1, next: this.next, endpoints: this.list() };
    const text = `${JSON.stringify(state)}\n`;
    this.saving = this.saving.catch(() => undefined).then(() => writeFileAtomic(this.file, text));
    return this.saving;
  }

  get(containerId: string, ifname: string): Endpoint | undefined {
    return this.byKey.get(attachmentKey({ containerId, ifname }));
  }

  /** Registers (or updates) an attachment's endpoint, keeping its id if it had one. */
  async upsert(ep: Omit<Endpoint, 'id'> & { containerId: string; ifName: string }): Promise<Endpoint> {
    const key = attachmentKey({ containerId: ep.containerId, ifname: ep.ifName });
    const id = this.byKey.get(key)?.id ?? this.next++;
    const endpoint: Endpoint = { ...ep, id };
    this.byKey.set(key, endpoint);
    await this.save();
    return endpoint;
  }

  async remove(containerId: string, ifname: string): Promise<Endpoint | undefined> {
    const key = attachmentKey({ containerId, ifname });
    const ep = this.byKey.get(key);
    if (!ep) return undefined;
    this.byKey.delete(key);
    await this.save();
    return ep;
  }

  /** Drops the IPv6 address of every endpoint whose address `held` says no pool owns any more (a
   * node no longer dual-stack, a changed IPv6 pool): the maps must not keep it. Returns them. */
  async dropIpv6Unless(held: (ep: Endpoint) => boolean): Promise<Endpoint[]> {
    const dropped: Endpoint[] = [];
    for (const [key, ep] of this.byKey) {
      if (ep.ipv6 === undefined || held(ep)) continue;
      const { ipv6: _gone, ...rest } = ep;
      this.byKey.set(key, rest);
      dropped.push(ep);
    }
    if (dropped.length) await this.save();
    return dropped;
  }

  list(): Endpoint[] {
    this.cached ??= [...this.byKey.values()].sort((a, b) => a.id - b.id);
    return this.cached;
  }
}
