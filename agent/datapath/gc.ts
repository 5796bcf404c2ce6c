// Garbage the datapath leaves: conntrack, Service connection and tunnel return entries past their expiry (the
// datapath deletes them only when a lookup finds them), and the conntrack and metrics entries of
// an endpoint that is gone (its counters would fill sluice_metrics after enough pod cycles).

import { ctValueCodec, lb6ConnCodec, lbConnCodec, metricsKeyCodec, tunnelReturnCodec } from './codecs.js';
import type { MapWriter } from './map-writer.js';
import { mapPin } from './maps.js';

/** Conntrack of both families: the same values. */
const CT_MAPS = ['ct', 'ct6'] as const;

const offsetOf = (codec: { fields: readonly { name: string; offset: number }[] }, name: string) =>
  codec.fields.find((f) => f.name === name)!.offset;

/** Deletes expired conntrack, Service connection and tunnel return entries (each of both families); how many of each. */
export async function sweepExpired(
  writer: MapWriter,
  pinRoot: string,
): Promise<{ ct: number; lbConns: number; tunnelReturns: number }> {
  let ct = 0;
  for (const id of CT_MAPS)
    ct += await writer.sweep({ pin: mapPin(pinRoot, id), expiresOffset: offsetOf(ctValueCodec, 'expires') });
  const lbConns =
    (await writer.sweep({
      pin: mapPin(pinRoot, 'lbConns'),
      expiresOffset: offsetOf(lbConnCodec, 'expires'),
    })) +
    (await writer.sweep({
      pin: mapPin(pinRoot, 'lbConns6'),
      expiresOffset: offsetOf(lb6ConnCodec, 'expires'),
    }));
  let tunnelReturns = 0;
  for (const id of ['tunnelReturns', 'tunnelReturns6'] as const)
    tunnelReturns += await writer.sweep({
      pin: mapPin(pinRoot, id),
      expiresOffset: offsetOf(tunnelReturnCodec, 'expires'),
    });
  return { ct, lbConns, tunnelReturns };
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
