// Garbage the datapath leaves: conntrack, Service connection and tunnel return entries past their expiry (the
// datapath deletes them only when a lookup finds them), and the conntrack and metrics entries of
// an endpoint that is gone (its counters would fill sluice_metrics after enough pod cycles).

import { ctValueCodec, lb6ConnCodec, lbConnCodec, metricsKeyCodec, tunnelReturnCodec } from './codecs.js';
import type { MapWriter } from './map-writer.js';
import { type MapId, mapPin } from './maps.js';

/** Conntrack of both families: the same values. */
const CT_MAPS = ['ct', 'ct6'] as const;

type Layout = { fields: readonly { name: string; offset: number }[] };

const offsetOf = (codec: Layout, name: string) => codec.fields.find((f) => f.name === name)!.offset;

type Expiring = 'ct' | 'lbConns' | 'tunnelReturns';

/** The maps whose entries expire, both families of each: what they count as, and the codec of
 * their values (where `expires` is). */
const EXPIRING: readonly [Expiring, MapId, Layout][] = [
  ['ct', 'ct', ctValueCodec],
  ['ct', 'ct6', ctValueCodec],
  ['lbConns', 'lbConns', lbConnCodec],
  ['lbConns', 'lbConns6', lb6ConnCodec],
  ['tunnelReturns', 'tunnelReturns', tunnelReturnCodec],
  ['tunnelReturns', 'tunnelReturns6', tunnelReturnCodec],
];

/** Deletes expired conntrack, Service connection and tunnel return entries (each of both families); how many of each. */
export async function sweepExpired(writer: MapWriter, pinRoot: string): Promise<Record<Expiring, number>> {
  const deleted = { ct: 0, lbConns: 0, tunnelReturns: 0 };
  for (const [count, id, values] of EXPIRING)
    deleted[count] += await writer.sweep({
      pin: mapPin(pinRoot, id),
      expiresOffset: offsetOf(values, 'expires'),
    });
  return deleted;
}

/** Deletes an endpoint's metrics and the conntrack entries naming it; how many of each. */
export async function forgetEndpoint(
  writer: MapWriter,
  pinRoot: string,
  endpointId: number,
): Promise<{ ct: number; metrics: number }> {
  const metrics = await writer.sweep({
    pin: mapPin(pinRoot, 'metrics'),
    match: [{ inKey: true, offset: offsetOf(metricsKeyCodec, 'endpoint_id'), value: endpointId }],
  });
  let ct = 0;
  for (const id of CT_MAPS)
    ct += await writer.sweep({
      pin: mapPin(pinRoot, id),
      match: [
        { inKey: false, offset: offsetOf(ctValueCodec, 'src_endpoint'), value: endpointId },
        { inKey: false, offset: offsetOf(ctValueCodec, 'dst_endpoint'), value: endpointId },
      ],
    });
  return { ct, metrics };
}
