// sluice_lb_stats summed over CPUs: per frontend id, new connections given a backend and those
// dropped or rejected for want of one.

import { dumpPerCpuMap } from '../datapath/bpftool.js';
import { lbStatsCodec, u32Codec } from '../datapath/codecs.js';
import { mapPin } from '../datapath/maps.js';

export interface LbStatsRow {
  frontendId: number;
  translations: number;
  noBackend: number;
}

export async function readLbStats(pinRoot: string): Promise<LbStatsRow[]> {
  const entries = await dumpPerCpuMap(mapPin(pinRoot, 'lbStats'));
  return entries.map((e) => {
    let translations = 0;
    let noBackend = 0;
    for (const v of e.values) {
      const d = lbStatsCodec.decode(v);
      translations += d.translations;
      noBackend += d.no_backend;
    }
    return { frontendId: u32Codec.decode(e.key).value, translations, noBackend };
  });
}
