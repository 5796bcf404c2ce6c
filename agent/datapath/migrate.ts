// Map layout changes: a changed struct gets a new map name (sluice_policy -> sluice_policy_v2)
// and a migration from the previous one, run by the loader before the programs are swapped, so
// a restarted or upgraded agent carries every entry over instead of starting empty.
//
// To change a layout: bump the name in bpf/lib/maps.h and agent/datapath/maps.ts, keep the old
// struct's codec, and add a MapMigration from the old name to MIGRATIONS.

import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { bpftoolBatch, dumpMap, hexArgs } from './bpftool.js';
import { ipcacheValueCodec, ipcacheValueV1Codec } from './codecs.js';

export interface MapMigration {
  /** Pinned name of the old layout. */
  from: string;
  /** Pinned name of the new layout (created by the loader before migrations run). */
  to: string;
  /** Old key and value bytes to new ones; undefined drops the entry. */
  convert(key: Buffer, value: Buffer): [Buffer, Buffer] | undefined;
}

/** The migrations this version of Sluice knows. */
export const MIGRATIONS: readonly MapMigration[] = [
  {
    // The ipcache learnt the node of each remote pod (tunnel_endpoint): none before.
    from: 'sluice_ipcache',
    to: 'sluice_ipcache_v2',
    convert: (key, value) => {
      const v1 = ipcacheValueV1Codec.decode(value);
      return [key, ipcacheValueCodec.encode({ ...v1, tunnel_endpoint: '0.0.0.0', flags: 0 })];
    },
  },
];

export interface MigrationResult {
  from: string;
  to: string;
  entries: number;
}

/**
 * Copies the entries of every old map that is still pinned into its successor, in one batch
 * per map. The old pins stay until dropOldMaps(): programs still attached may read them.
 */
export async function migrateMaps(
  mapsDir: string,
  migrations: readonly MapMigration[] = MIGRATIONS,
): Promise<MigrationResult[]> {
  const results: MigrationResult[] = [];
  for (const m of migrations) {
    const from = path.join(mapsDir, m.from);
    const to = path.join(mapsDir, m.to);
    if (!existsSync(from) || !existsSync(to)) continue;
    const lines: string[] = [];
    for (const e of await dumpMap(from)) {
      const converted = m.convert(e.key, e.value);
      if (converted)
        lines.push(`map update pinned ${to} key ${hexArgs(converted[0])} value ${hexArgs(converted[1])}`);
    }
    await bpftoolBatch(lines);
    results.push({ from: m.from, to: m.to, entries: lines.length });
  }
  return results;
}

/** Unpins the old maps once the new programs run (the kernel frees them with their last user). */
export async function dropOldMaps(
  mapsDir: string,
  migrations: readonly MapMigration[] = MIGRATIONS,
): Promise<void> {
  for (const m of migrations) await rm(path.join(mapsDir, m.from), { force: true });
}
