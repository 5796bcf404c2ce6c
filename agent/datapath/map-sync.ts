// Keeps desired and applied contents per map and writes only the difference, in one bpftool
// batch per sync, ordered so that no moment in between denies what both old and new state allow:
// new entries first, then endpoints (whose flags switch enforcement on), then removals.
// A sync that would overflow a map writes nothing and says which map and how far over.

import type { SluiceConfig } from '../config.js';
import { EXIT_SYSTEM, SluiceError } from '../errors.js';
import { bpftoolBatch, dumpMap, hexArgs } from './bpftool.js';
import { type DesiredMaps, hexKey, type MapContents } from './desired.js';
import { MAPS, type MapSpec } from './maps.js';

export type SyncedMap = keyof DesiredMaps;
const ADD_ORDER: readonly SyncedMap[] = ['ipcache', 'cidr', 'policy', 'endpoints'];
const REMOVE_ORDER: readonly SyncedMap[] = ['endpoints', 'policy', 'cidr', 'ipcache'];

export class MapFullError extends SluiceError {
  constructor(
    readonly mapId: SyncedMap,
    readonly map: string,
    readonly capacity: number,
    readonly needed: number,
    /** Entries (hex key -> value) the sync would have added: what did not fit. */
    readonly notApplied: [string, Buffer][],
  ) {
    super(
      `map ${map} would need ${needed} entries but holds ${capacity}: nothing was changed; raise mapSizes.${mapId} in the agent config`,
      EXIT_SYSTEM,
    );
  }
}

export interface SyncStats {
  updates: number;
  deletes: number;
  byMap: Record<SyncedMap, { updates: number; deletes: number; size: number }>;
}

export interface MapPlan {
  updates: [string, Buffer][];
  deletes: string[];
}

/** Pure: what to write to turn applied into desired, comparing only the bytes the agent owns. */
export function planMap(applied: MapContents, desired: MapContents, ownedBytes?: number): MapPlan {
  const updates: [string, Buffer][] = [];
  const deletes: string[] = [];
  for (const [k, v] of desired) {
    const cur = applied.get(k);
    const n = ownedBytes ?? v.length;
    if (!cur?.subarray(0, n).equals(v.subarray(0, n))) updates.push([k, v]);
  }
  for (const k of applied.keys()) if (!desired.has(k)) deletes.push(k);
  return { updates, deletes };
}

export class MapSyncer {
  private readonly applied = new Map<SyncedMap, MapContents>();

  constructor(private readonly cfg: SluiceConfig) {}

  private spec(id: SyncedMap): MapSpec {
    return MAPS[id];
  }

  private pin(id: SyncedMap): string {
    return `${this.cfg.pinRoot}/maps/${this.spec(id).name}`;
  }

  /** Reads what the pinned maps hold now: a restarted agent reconciles instead of flushing. */
  async refresh(): Promise<void> {
    for (const id of ADD_ORDER) {
      const entries = await dumpMap(this.pin(id));
      this.applied.set(id, new Map(entries.map((e) => [hexKey(e.key), e.value])));
    }
  }

  appliedSize(id: SyncedMap): number {
    return this.applied.get(id)?.size ?? 0;
  }

  async sync(desired: DesiredMaps): Promise<SyncStats> {
    if (this.applied.size === 0) await this.refresh();
    const plans = new Map<SyncedMap, MapPlan>();
    for (const id of ADD_ORDER) {
      const plan = planMap(this.applied.get(id)!, desired[id], this.spec(id).ownedValueBytes);
      plans.set(id, plan);
      const capacity = this.spec(id).entries(this.cfg.mapSizes);
      if (desired[id].size > capacity)
        throw new MapFullError(id, this.spec(id).name, capacity, desired[id].size, plan.updates);
    }
    const lines: string[] = [];
    for (const id of ADD_ORDER) {
      for (const [k, v] of plans.get(id)!.updates) {
        lines.push(
          `map update pinned ${this.pin(id)} key ${hexArgs(Buffer.from(k, 'hex'))} value ${hexArgs(v)}`,
        );
      }
    }
    for (const id of REMOVE_ORDER) {
      for (const k of plans.get(id)!.deletes) {
        lines.push(`map delete pinned ${this.pin(id)} key ${hexArgs(Buffer.from(k, 'hex'))}`);
      }
    }
    try {
      await bpftoolBatch(lines);
    } catch (err) {
      // Part of the batch may have landed: learn what the maps hold before the next attempt.
      await this.refresh().catch(() => this.applied.clear());
      throw err;
    }
    const stats: SyncStats = { updates: 0, deletes: 0, byMap: {} as SyncStats['byMap'] };
    for (const id of ADD_ORDER) {
      const plan = plans.get(id)!;
      const applied = this.applied.get(id)!;
      for (const [k, v] of plan.updates) applied.set(k, v);
      for (const k of plan.deletes) applied.delete(k);
      stats.updates += plan.updates.length;
      stats.deletes += plan.deletes.length;
      stats.byMap[id] = { updates: plan.updates.length, deletes: plan.deletes.length, size: applied.size };
    }
    return stats;
  }
}
