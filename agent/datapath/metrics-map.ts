// sluice_metrics summed over CPUs: the one reader of the per-endpoint counters (CLI, metrics
// endpoint, tests).

import { dumpPerCpuMap } from './bpftool.js';
import { metricsKeyCodec, metricsValueCodec } from './codecs.js';
import { mapPin } from './maps.js';

export interface MetricRow {
  endpointId: number;
  reason: number;
  direction: number;
  packets: number;
  bytes: number;
}

export async function readMetrics(pinRoot: string): Promise<MetricRow[]> {
  const entries = await dumpPerCpuMap(mapPin(pinRoot, 'metrics'));
  return entries.map((e) => {
    const k = metricsKeyCodec.decode(e.key);
    let packets = 0;
    let bytes = 0;
    for (const v of e.values) {
      const d = metricsValueCodec.decode(v);
      packets += d.packets;
      bytes += d.bytes;
    }
    return { endpointId: k.endpoint_id, reason: k.reason, direction: k.direction, packets, bytes };
  });
}
