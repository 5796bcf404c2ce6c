// sluice_metrics summed over CPUs: the one reader of the per-endpoint counters (CLI, metrics
// endpoint, tests).

import { dumpPerCpuMap } from './bpftool.js';
import { metricsKeyCodec, metricsValueCodec, type StructCodec } from './codecs.js';
import { mapPin } from './maps.js';

/** Every entry of a per-CPU map: its key, and its value with each field summed over the CPUs. */
export async function readPerCpuSums<K, V extends Record<string, number>>(
  pin: string,
  key: StructCodec<K>,
  value: StructCodec<V>,
): Promise<{ key: K; sum: V }[]> {
  return (await dumpPerCpuMap(pin)).map((e) => {
    const sum: Record<string, number> = {};
    for (const f of value.fields) sum[f.name] = 0;
    for (const v of e.values) {
      const d = value.decode(v);
      for (const f of value.fields) sum[f.name]! += d[f.name]!;
    }
    return { key: key.decode(e.key), sum: sum as V };
  });
}

export interface MetricRow {
  endpointId: number;
  reason: number;
  direction: number;
  packets: number;
  bytes: number;
}

export async function readMetrics(pinRoot: string): Promise<MetricRow[]> {
  const rows = await readPerCpuSums(mapPin(pinRoot, 'metrics'), metricsKeyCodec, metricsValueCodec);
  return rows.map(({ key, sum }) => ({
    endpointId: key.endpoint_id,
    reason: key.reason,
    direction: key.direction,
    packets: sum.packets,
    bytes: sum.bytes,
  }));
}
