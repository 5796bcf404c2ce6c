// sluice_lb_stats summed over CPUs: per frontend id, new connections given a backend and those
// dropped or rejected for want of one.

import { lbStatsCodec, u32Codec } from '../datapath/codecs.js';
import { mapPin } from '../datapath/maps.js';
import { readPerCpuSums } from '../datapath/metrics-map.js';

export interface LbStatsRow {
  frontendId: number;
  translations: number;
  noBackend: number;
}

export async function readLbStats(pinRoot: string): Promise<LbStatsRow[]> {
  const rows = await readPerCpuSums(mapPin(pinRoot, 'lbStats'), u32Codec, lbStatsCodec);
  return rows.map(({ key, sum }) => ({
    frontendId: key.value,
    translations: sum.translations,
    noBackend: sum.no_backend,
  }));
}
