// A map whose layout changed is migrated: every entry of the old pinned map is converted into its
// successor (new name), and the old pin goes once the new programs run.

import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bpftool, bpftoolBatch, dumpMap, hexArgs } from '../../agent/datapath/bpftool.js';
import { dropOldMaps, type MapMigration, migrateMaps } from '../../agent/datapath/migrate.js';
import { instanceId, runId, TEST_PIN_PREFIX } from '../harness/names.js';

const root = `${TEST_PIN_PREFIX}${runId()}${instanceId()}`;
const maps = `${root}/maps`;

beforeAll(async () => {
  await mkdir(maps, { recursive: true });
  // The old layout: 8-byte values {rule_id, flags}; the new one adds two u64 counters.
  await bpftool([
    'map',
    'create',
    `${maps}/sluice_policy`,
    'type',
    'hash',
    'key',
    '4',
    'value',
    '8',
    'entries',
    '64',
    'name',
    'sluice_policy',
  ]);
  await bpftool([
    'map',
    'create',
    `${maps}/sluice_policy_v2`,
    'type',
    'hash',
    'key',
    '4',
    'value',
    '24',
    'entries',
    '64',
    'name',
    'sluice_policy_v2',
  ]);
  const lines = [1, 2, 3].map((i) => {
    const key = Buffer.alloc(4);
    key.writeUInt32LE(i);
    const value = Buffer.alloc(8);
    value.writeUInt32LE(1000 + i);
    return `map update pinned ${maps}/sluice_policy key ${hexArgs(key)} value ${hexArgs(value)}`;
  });
  await bpftoolBatch(lines);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it('converts every entry into the new map, then drops the old pin', async () => {
  const migration: MapMigration = {
    from: 'sluice_policy',
    to: 'sluice_policy_v2',
    convert: (key, value) => [key, Buffer.concat([value, Buffer.alloc(16)])],
  };
  const [result] = await migrateMaps(maps, [migration]);
  expect(result).toEqual({ from: 'sluice_policy', to: 'sluice_policy_v2', entries: 3 });
  const migrated = (await dumpMap(`${maps}/sluice_policy_v2`)).map((e) => [
    e.key.readUInt32LE(0),
    e.value.readUInt32LE(0),
    e.value.length,
  ]);
  expect(migrated.sort()).toEqual([
    [1, 1001, 24],
    [2, 1002, 24],
    [3, 1003, 24],
  ]);
  await dropOldMaps(maps, [migration]);
  expect(existsSync(`${maps}/sluice_policy`)).toBe(false);
  // Nothing to do when the old map is gone.
  expect(await migrateMaps(maps, [migration])).toEqual([]);
});
