// Keeps desired and applied contents per map and writes only the difference, in one bpftool
// batch per sync, ordered so that no moment in between denies what both old and new state allow:
// new entries first, then endpoints (whose flags switch enforcement on), then removals. Service
// maps go backends before frontends: a frontend never counts a slot that is not there yet.
// A sync that would overflow a map writes nothing and says which map and how far over.

import { existsSync } from 'node:fs';
import type { SluiceConfig } from '../config/config.js';
import { EXIT_SYSTEM, SluiceError, SystemError } from '../sys/errors.js';
import { dumpMap } from './bpftool.js';
import { type DesiredMaps, hexKey, type MapContents, type Partitioned } from './desired.js';
import {
  BpftoolWriter,
  describeFailure,
  MAPS_TOOL,
  type MapOp,
  type MapWriter,
  PinnedMapWriter,
} from './map-writer.js';
import { MAPS, type MapSpec, mapCapacity, mapPin } from './maps.js';

export type SyncedMap = keyof DesiredMaps;
// Policy (and CIDR) entries go in before the ipcache entries that make a new identity visible,
// so a pod never shows up as an identity nothing allows yet; removals run the other way round.
const ADD_ORDER: readonly SyncedMap[] = [
  'identities',
  'cidr',
  'cidr6',
  'policy',
  'ipcache',
  'ipcache6',
  'lbRevnat',
  'lbBackends',
  'lbSlots',
  'lbFrontends',
  'lbRevnat6',
  'lbBackends6',
  'lbSlots6',
  'lbFrontends6',
  'endpoints',
  'endpoints6',
];
const REMOVE_ORDER: readonly SyncedMap[] = [...ADD_ORDER].reverse();

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
      `map ${map} would need ${needed} entries but holds ${capacity}: nothing was changed; raise mapSizes.${MAPS[mapId].size} in the agent config and remove the pinned map (a pinned map keeps its size across restarts)`,
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
    if (cur === v) continue; // the same encoded buffer as last sync: unchanged
    const n = ownedBytes ?? v.length;
    if (cur?.compare(v, 0, n, 0, n) !== 0) updates.push([k, v]);
  }
  for (const k of applied.keys()) if (!desired.has(k)) deletes.push(k);
  return { updates, deletes };
}

/** The Service maps partitioned by frontend id (their keys start with it). */
const PER_FRONTEND: ReadonlySet<SyncedMap> = new Set([
  'lbRevnat',
  'lbBackends',
  'lbSlots',
  'lbRevnat6',
  'lbBackends6',
  'lbSlots6',
]);

/** Which part an entry belongs to: policy and cidr keys carry the endpoint id in bytes 4..8 (big
 * endian); Service slot, backend and reverse-NAT keys start with the frontend id (host order).
 * Other maps are one part. */
function partOf(id: SyncedMap, keyHex: string): number {
  if (id === 'policy' || id === 'cidr' || id === 'cidr6') return Number.parseInt(keyHex.slice(8, 16), 16);
  if (PER_FRONTEND.has(id)) return Buffer.from(keyHex.slice(0, 8), 'hex').readUInt32LE(0);
  return 0;
}

function sizeOf(contents: Partitioned): number {
  let n = 0;
  for (const part of contents.values()) n += part.size;
  return n;
}

export class MapSyncer {
  /** What each map holds, per part, as far as the agent knows. */
  private readonly applied = new Map<SyncedMap, Partitioned>();
  /** The desired Map object each part was last synced to: the same object again needs no diff. */
  private readonly synced = new Map<SyncedMap, Map<number, MapContents>>();

  readonly writer: MapWriter;

  /** writer: the long-lived one by default (one bpftool per sync where it is not built). */
  constructor(
    private readonly cfg: SluiceConfig,
    writer?: MapWriter,
  ) {
    this.writer =
      writer ?? (existsSync(MAPS_TOOL) ? new PinnedMapWriter(cfg.hostNetns) : new BpftoolWriter());
  }

  /** Stops the writer process (the maps stay as they are). */
  close(): void {
    this.writer.close();
  }

  private spec(id: SyncedMap): MapSpec {
    return MAPS[id];
  }

  private pin(id: SyncedMap): string {
    return mapPin(this.cfg.pinRoot, id);
  }

  /** Reads what the pinned maps hold now: a restarted agent reconciles instead of flushing. */
  async refresh(): Promise<void> {
    this.synced.clear();
    for (const id of ADD_ORDER) {
      const parts: Partitioned = new Map();
      for (const e of await dumpMap(this.pin(id))) {
        const k = hexKey(e.key);
        const part = partOf(id, k);
        const m = parts.get(part) ?? new Map<string, Buffer>();
        parts.set(part, m);
        m.set(k, e.value);
      }
      this.applied.set(id, parts);
      this.synced.set(id, new Map());
    }
  }

  /** What one map holds, as far as the agent knows: hex key -> value. */
  appliedEntries(id: SyncedMap): [string, Buffer][] {
    return [...(this.applied.get(id)?.values() ?? [])].flatMap((part) => [...part]);
  }

  appliedSize(id: SyncedMap): number {
    return sizeOf(this.applied.get(id) ?? new Map());
  }

  /**
   * Re-reads every map and writes whatever differs from desired: repairs entries changed behind
   * the agent's back (by hand, or lost). Returns the sync's stats (its updates and deletes are
   * the repairs).
   */
  async repair(desired: DesiredMaps): Promise<SyncStats> {
    await this.refresh();
    return this.sync(desired);
  }

  async sync(desired: DesiredMaps): Promise<SyncStats> {
    if (this.applied.size === 0) await this.refresh();
    const plans = new Map<SyncedMap, Map<number, MapPlan>>();
    for (const id of ADD_ORDER) {
      const want = asPartitioned(desired[id]);
      const applied = this.applied.get(id)!;
      const synced = this.synced.get(id)!;
      const perPart = new Map<number, MapPlan>();
      for (const [part, contents] of want) {
        if (synced.get(part) === contents) continue;
        perPart.set(part, planMap(applied.get(part) ?? new Map(), contents, this.spec(id).ownedValueBytes));
      }
      for (const [part, contents] of applied) {
        if (!want.has(part) && contents.size > 0)
          perPart.set(part, { updates: [], deletes: [...contents.keys()] });
      }
      plans.set(id, perPart);
      const capacity = mapCapacity(this.spec(id), this.cfg);
      // Additions land before removals: the map must hold the batch's peak, not just its end.
      let added = 0;
      for (const [part, plan] of perPart) {
        const held = applied.get(part);
        for (const [k] of plan.updates) if (!held?.has(k)) added += 1;
      }
      const needed = Math.max(sizeOf(want), sizeOf(applied) + added);
      if (needed > capacity) {
        const adds = [...perPart.values()].flatMap((p) => p.updates);
        throw new MapFullError(id, this.spec(id).name, capacity, needed, adds);
      }
    }
    const ops: (MapOp & { id: SyncedMap; part: number; key: string })[] = [];
    for (const id of ADD_ORDER) {
      const pin = this.pin(id);
      for (const [part, plan] of plans.get(id)!) {
        for (const [k, v] of plan.updates) ops.push({ id, part, pin, key: k, value: v });
      }
    }
    for (const id of REMOVE_ORDER) {
      const pin = this.pin(id);
      for (const [part, plan] of plans.get(id)!) {
        for (const k of plan.deletes) ops.push({ id, part, pin, key: k });
      }
    }
    let results: number[];
    try {
      results = await this.writer.write(ops);
    } catch (err) {
      // Part of the batch may have landed: learn what the maps hold before the next attempt.
      await this.refresh().catch(() => this.applied.clear());
      throw err;
    }
    const failure = describeFailure(ops, results);
    if (failure) {
      // The writer says which entries landed: the applied state stays exact, no re-read needed.
      ops.forEach((op, i) => {
        if (results[i] !== 0) return;
        const m = this.applied.get(op.id)!.get(op.part) ?? new Map<string, Buffer>();
        this.applied.get(op.id)!.set(op.part, m);
        if (op.value) m.set(op.key, op.value);
        else m.delete(op.key);
      });
      for (const id of ADD_ORDER) this.synced.get(id)!.clear();
      throw new SystemError(`map sync failed: ${failure}`);
    }
    const stats: SyncStats = { updates: 0, deletes: 0, byMap: {} as SyncStats['byMap'] };
    for (const id of ADD_ORDER) {
      const want = asPartitioned(desired[id]);
      const applied = this.applied.get(id)!;
      const synced = this.synced.get(id)!;
      let updates = 0;
      let deletes = 0;
      for (const [part, plan] of plans.get(id)!) {
        const m = applied.get(part) ?? new Map<string, Buffer>();
        applied.set(part, m);
        for (const [k, v] of plan.updates) m.set(k, v);
        for (const k of plan.deletes) m.delete(k);
        if (m.size === 0) applied.delete(part);
        updates += plan.updates.length;
        deletes += plan.deletes.length;
      }
      synced.clear();
      for (const [part, contents] of want) synced.set(part, contents);
      stats.updates += updates;
      stats.deletes += deletes;
      stats.byMap[id] = { updates, deletes, size: sizeOf(applied) };
    }
    return stats;
  }
}

/** Flat contents are one part (0); policy and cidr come per endpoint. */
function asPartitioned(contents: MapContents | Partitioned): Partitioned {
  const first = contents.values().next().value;
  if (first === undefined || first instanceof Map) return contents as Partitioned;
  return new Map([[0, contents as MapContents]]);
}
