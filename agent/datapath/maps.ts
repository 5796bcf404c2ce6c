// The pinned maps of bpf/lib/maps.h: how to create each one at its configured size, and which
// codecs read it. Names must be in sync with bpf/lib/maps.h; a layout change gets a new name.

import { readFileSync } from 'node:fs';
import type { MapSizes } from '../config.js';
import {
  cidrKeyCodec,
  cidrValueCodec,
  ctKeyCodec,
  ctValueCodec,
  dpConfigCodec,
  endpointInfoCodec,
  endpointKeyCodec,
  ipcacheKeyCodec,
  ipcacheValueCodec,
  metricsKeyCodec,
  metricsValueCodec,
  policyKeyCodec,
  policyValueCodec,
  type StructCodec,
  u32Codec,
} from './codecs.js';

const BPF_F_NO_PREALLOC = 1;

export interface MapSpec {
  name: string;
  type: 'hash' | 'lru_hash' | 'percpu_hash' | 'lpm_trie' | 'array' | 'perf_event_array' | 'prog_array';
  keySize: number;
  valueSize: number;
  entries: (sizes: MapSizes) => number;
  flags: number;
  key?: StructCodec<unknown>;
  value?: StructCodec<unknown>;
  /** The agent owns the first N bytes of each value; the rest are datapath counters it keeps. */
  ownedValueBytes?: number;
}

export function possibleCpus(): number {
  // "0-7" or "0,2-3": the perf event array needs one slot per possible CPU.
  const text = readFileSync('/sys/devices/system/cpu/possible', 'utf8').trim();
  let max = 0;
  for (const part of text.split(',')) max = Math.max(max, Number(part.split('-').at(-1)));
  return max + 1;
}

const as = <T>(c: StructCodec<T>) => c as StructCodec<unknown>;

export const MAPS = {
  endpoints: {
    name: 'sluice_endpoints',
    type: 'hash',
    keySize: 4,
    valueSize: 32,
    entries: (s) => s.endpoints,
    flags: 0,
    key: as(endpointKeyCodec),
    value: as(endpointInfoCodec),
  },
  ipcache: {
    name: 'sluice_ipcache',
    type: 'lpm_trie',
    keySize: 8,
    valueSize: 8,
    entries: (s) => s.ipcache,
    flags: BPF_F_NO_PREALLOC,
    key: as(ipcacheKeyCodec),
    value: as(ipcacheValueCodec),
  },
  policy: {
    name: 'sluice_policy',
    type: 'lpm_trie',
    keySize: 16,
    valueSize: 24,
    entries: (s) => s.policy,
    flags: BPF_F_NO_PREALLOC,
    key: as(policyKeyCodec),
    value: as(policyValueCodec),
    ownedValueBytes: 8,
  },
  cidr: {
    name: 'sluice_cidr',
    type: 'lpm_trie',
    keySize: 16,
    valueSize: 8,
    entries: (s) => s.cidr,
    flags: BPF_F_NO_PREALLOC,
    key: as(cidrKeyCodec),
    value: as(cidrValueCodec),
  },
  ct: {
    name: 'sluice_ct',
    type: 'lru_hash',
    keySize: 16,
    valueSize: 56,
    entries: (s) => s.ct,
    flags: 0,
    key: as(ctKeyCodec),
    value: as(ctValueCodec),
  },
  metrics: {
    name: 'sluice_metrics',
    type: 'percpu_hash',
    keySize: 8,
    valueSize: 16,
    entries: (s) => s.metrics,
    flags: 0,
    key: as(metricsKeyCodec),
    value: as(metricsValueCodec),
  },
  events: {
    name: 'sluice_events',
    type: 'perf_event_array',
    keySize: 4,
    valueSize: 4,
    entries: () => possibleCpus(),
    flags: 0,
  },
  config: {
    name: 'sluice_config',
    type: 'array',
    keySize: 4,
    valueSize: 8,
    entries: () => 1,
    flags: 0,
    key: as(u32Codec),
    value: as(dpConfigCodec),
  },
  calls: {
    name: 'sluice_calls',
    type: 'prog_array',
    keySize: 4,
    valueSize: 4,
    entries: () => 2,
    flags: 0,
  },
} as const satisfies Record<string, MapSpec>;

export type MapId = keyof typeof MAPS;
export const ALL_MAPS: readonly MapSpec[] = Object.values(MAPS);

/** Programs of bpf/lxc.c: the attached entry stubs and what they tail-call (slot in sluice_calls). */
export const PROGRAMS = {
  entryIngress: 'entry_from_pod',
  entryEgress: 'entry_to_pod',
  calls: [
    { slot: 0, name: 'from_pod' },
    { slot: 1, name: 'to_pod' },
  ],
} as const;
