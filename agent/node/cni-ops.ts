// The operations the CNI plugin asks the agent for (agent/cni/plugin.ts): addresses, endpoints,
// the host side of an attachment, one operation per attachment at a time.

import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ApiError, ApiErrorCode } from '../api/errors.js';
import { hostIfName } from '../endpoints/registry.js';
import type { Endpoint } from '../endpoints/types.js';
import { linkExists, unwirePod } from '../endpoints/wiring.js';
import { type Allocation, attachmentKey, PoolExhaustedError } from '../ipam/pool.js';
import type { Lifecycle } from './lifecycle.js';

export interface AttachmentRef {
  containerId: string;
  ifname: string;
}

export interface PodRef {
  namespace: string;
  name: string;
}

export class CniOps {
  constructor(private readonly node: Lifecycle) {}

  get cfg(): Lifecycle['cfg'] {
    return this.node.cfg;
  }

  status(): { ready: boolean; message: string } {
    return this.node.status();
  }

  requireReady(): void {
    this.node.requireReady();
  }

  private readonly busy = new Map<string, Promise<unknown>>();

  /**
   * Runs fn when no other operation holds the attachment: a CNI command (ADD, DEL, CHECK), GC, or
   * the release of a pod that left the cluster. A runtime that gives up on a slow ADD and sends
   * DEL must not have the DEL run while the ADD is still registering the endpoint.
   */
  async exclusive<T>(att: AttachmentRef, fn: () => Promise<T>): Promise<T> {
    const key = attachmentKey(att);
    const before = this.busy.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.busy.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.busy.get(key) === settled) this.busy.delete(key);
    }
  }

  /** Reserves the attachment's addresses, IPv4 and on a dual-stack node IPv6 (the same ones again
   * for the same attachment; both or neither). */
  async allocate(
    att: AttachmentRef,
    pod: PodRef | undefined,
  ): Promise<{ ip: string; ipv6?: string; hostIfName: string }> {
    try {
      const addresses = await this.node.ipam.allocateAddresses({
        ...att,
        ...(pod ? { podNamespace: pod.namespace, podName: pod.name } : {}),
      });
      return {
        ...addresses,
        hostIfName: hostIfName(this.node.cfg.interfacePrefix, att.containerId, att.ifname),
      };
    } catch (err) {
      if (err instanceof PoolExhaustedError)
        throw new ApiError(ApiErrorCode.UNAVAILABLE, `IPAM: ${err.message}`);
      throw err;
    }
  }

  private async waitForPod(pod: PodRef): Promise<boolean> {
    const key = `${pod.namespace}/${pod.name}`;
    const deadline = performance.now() + this.node.cfg.podWaitMs;
    while (!this.node.store.getPod(key)) {
      if (performance.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return true;
  }

  /** Registers a wired attachment; resolves once its endpoint and its policy are in the maps. */
  async createEndpoint(
    att: AttachmentRef,
    pod: PodRef | undefined,
    wired: {
      ip: string;
      ipv6?: string | undefined;
      hostIfName: string;
      hostIfindex: number;
      hostMac: string;
      podMac: string;
      newInterface: boolean;
    },
  ): Promise<{ endpoint: Endpoint; identity: number }> {
    const addresses: [string | undefined, Allocation | undefined][] = [
      [wired.ip, this.node.ipam.allocations()[wired.ip]],
      [wired.ipv6, wired.ipv6 ? this.node.ipam.allocationsV6()[wired.ipv6] : undefined],
    ];
    for (const [ip, owner] of addresses) {
      if (ip === undefined) continue;
      if (!owner || attachmentKey(owner) !== attachmentKey(att)) {
        throw new ApiError(
          ApiErrorCode.INVALID_ARGUMENT,
          `address ${ip} is not allocated to ${attachmentKey(att)}: call allocate first`,
        );
      }
    }
    await this.node.loader.attach(wired.hostIfName, { fresh: wired.newInterface });
    // Runtimes without Kubernetes (ctr run --cni) send no pod args: a Pod that names the
    // container (annotation sluice.dev/container-id) stands in.
    pod ??= this.node.store.snapshot().pods.find((p) => p.containerId === att.containerId);
    let podKey = `_unmanaged/${att.containerId.slice(0, 16)}`;
    if (pod) {
      podKey = `${pod.namespace}/${pod.name}`;
      if (!(await this.waitForPod(pod))) {
        this.node.log.warn(
          { pod: podKey },
          'pod not known to the agent yet: its endpoint starts with the init identity',
        );
      }
      const known = this.node.store.getPod(podKey);
      // The addresses CNI gave are the pod's (an IPv4-only node leaves ipv6 as the source has it).
      if (known && (known.ip !== wired.ip || (wired.ipv6 && known.ipv6 !== wired.ipv6)))
        this.node.store.upsertPod({ ...known, ip: wired.ip, ...(wired.ipv6 ? { ipv6: wired.ipv6 } : {}) });
    }
    const endpoint = await this.node.endpoints.upsert({
      podKey,
      ip: wired.ip,
      ...(wired.ipv6 ? { ipv6: wired.ipv6 } : {}),
      hostIfName: wired.hostIfName,
      hostIfindex: wired.hostIfindex,
      hostMac: wired.hostMac,
      podMac: wired.podMac,
      containerId: att.containerId,
      ifName: att.ifname,
    });
    const result = await this.node.reconciler.reconcile();
    return { endpoint, identity: result.plan.podIdentities.get(podKey) ?? 0 };
  }

  /**
   * Forgets the attachment: endpoint out of the maps first, then the host-side interface (its
   * pod end, routes and neighbours go with it), then the addresses of both families. Idempotent:
   * unknown attachments and vanished interfaces are fine.
   */
  async release(att: AttachmentRef): Promise<{ found: boolean; hostIfName: string }> {
    const ep = await this.node.endpoints.remove(att.containerId, att.ifname);
    if (ep) {
      await this.node.reconciler.reconcile();
      // Its counters and connections go too, off the DEL's path (a sweep walks the map).
      this.node.forget(ep.id);
    }
    const name = ep?.hostIfName ?? hostIfName(this.node.cfg.interfacePrefix, att.containerId, att.ifname);
    await unwirePod({ hostNetns: this.node.cfg.hostNetns, hostIfName: name });
    const freed = await this.node.ipam.releaseAddresses(att.containerId, att.ifname);
    return { found: Boolean(ep || freed.ip || freed.ipv6), hostIfName: name };
  }

  /** The host side of an attachment: registered, interface present, programs attached. */
  async check(att: AttachmentRef): Promise<{
    found: boolean;
    ip: string;
    /** '' for an IPv4-only attachment */
    ipv6: string;
    hostIfName: string;
    endpointId: number;
    problem: string;
  }> {
    const ep = this.node.endpoints.get(att.containerId, att.ifname);
    if (!ep) return { found: false, ip: '', ipv6: '', hostIfName: '', endpointId: 0, problem: '' };
    let problem = '';
    if (!(await linkExists(ep.hostIfName, this.node.cfg.hostNetns))) {
      problem = `host interface ${ep.hostIfName} is missing`;
    } else {
      const hooks = (await this.node.loader.attachments(ep.hostIfName)).map((a) => a.hook).sort();
      if (hooks.join(',') !== 'egress,ingress') {
        problem = `Sluice programs are not attached to ${ep.hostIfName} (found: ${hooks.join(', ') || 'none'})`;
      }
    }
    return {
      found: true,
      ip: ep.ip,
      ipv6: ep.ipv6 ?? '',
      hostIfName: ep.hostIfName,
      endpointId: ep.id,
      problem,
    };
  }

  /** A pod of this node is gone from the cluster: release its endpoints (a CNI DEL may never come). */
  async releasePod(namespace: string, name: string): Promise<number> {
    const key = `${namespace}/${name}`;
    const gone = this.node.endpoints.list().filter((e) => e.podKey === key);
    for (const e of gone) {
      const att = { containerId: e.containerId ?? '', ifname: e.ifName ?? '' };
      await this.exclusive(att, () => this.release(att));
    }
    if (gone.length)
      this.node.log.info(
        { pod: key, endpoints: gone.length },
        'pod deleted from the cluster: endpoints released',
      );
    return gone.length;
  }

  /** Releases every attachment not in valid; returns what it released. */
  async gc(valid: AttachmentRef[]): Promise<{ released: AttachmentRef[]; hostIfNames: string[] }> {
    const keep = new Set(valid.map(attachmentKey));
    const owners = new Map<string, AttachmentRef>();
    for (const ep of this.node.endpoints.list()) {
      const a = { containerId: ep.containerId ?? '', ifname: ep.ifName ?? '' };
      owners.set(attachmentKey(a), a);
    }
    const allocated = [
      ...Object.values(this.node.ipam.allocations()),
      ...Object.values(this.node.ipam.allocationsV6()),
    ];
    for (const a of allocated) owners.set(attachmentKey(a), { containerId: a.containerId, ifname: a.ifname });
    const released: AttachmentRef[] = [];
    const hostIfNames: string[] = [];
    for (const [key, a] of owners) {
      if (keep.has(key)) continue;
      const r = await this.exclusive(a, () => this.release(a));
      released.push(a);
      hostIfNames.push(r.hostIfName);
    }
    return { released, hostIfNames };
  }

  /** Inode of the host side's network namespace (0: the agent's own), for sluice-cni's WirePod. */
  get hostNetnsInode(): number {
    return this.node.cfg.hostNetns ? statSync(this.node.cfg.hostNetns).ino : 0;
  }
}
