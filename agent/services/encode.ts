// Pure: frontends (with their ids) as the contents of the four Service maps. Slots, backends and
// reverse NAT are partitioned by frontend id, and a frontend whose contents did not change keeps
// the very same Map objects, so the syncer skips it without a diff: one Service change costs that
// Service, not ten thousand.

import {
  lbBackendCodec,
  lbBackendKeyCodec,
  lbFrontendCodec,
  lbFrontendKeyCodec,
  lbRevnatCodec,
  lbSlotCodec,
  lbSlotKeyCodec,
  u32Codec,
} from '../datapath/codecs.js';
import type { MapContents, Partitioned } from '../datapath/desired.js';
import { protocolNumber } from '../policy/ports.js';
import { type Frontend, LB_BACKEND_F_TERMINATING } from './compile.js';

export interface LbMaps {
  lbFrontends: MapContents;
  lbRevnat: Partitioned;
  lbBackends: Partitioned;
  lbSlots: Partitioned;
}

interface FrontendParts {
  sig: string;
  revnat: MapContents;
  backends: MapContents;
  slots: MapContents;
}

/** Encoded parts of earlier runs by frontend id. */
export type LbCache = Map<number, FrontendParts>;

const hex = (b: Buffer) => b.toString('hex');

function encodeParts(id: number, fe: Frontend): Omit<FrontendParts, 'sig'> {
  const revnat: MapContents = new Map([
    [hex(u32Codec.encode({ value: id })), lbRevnatCodec.encode({ addr: fe.addr, port: fe.port })],
  ]);
  const backends: MapContents = new Map();
  const slots: MapContents = new Map();
  let slot = 0;
  for (const b of fe.backends) {
    if (b.state === 'not-ready') continue;
    backends.set(
      hex(lbBackendKeyCodec.encode({ frontend_id: id, addr: b.addr, port: b.port })),
      lbBackendCodec.encode({ flags: b.state === 'active' ? 0 : LB_BACKEND_F_TERMINATING }),
    );
    if (b.state === 'active')
      slots.set(
        hex(lbSlotKeyCodec.encode({ frontend_id: id, slot: ++slot })),
        lbSlotCodec.encode({ addr: b.addr, port: b.port }),
      );
  }
  return { revnat, backends, slots };
}

/** Backends that take new connections: the slots, in order. */
export function activeBackends(fe: Frontend) {
  return fe.backends.filter((b) => b.state === 'active');
}

export function encodeLb(
  frontends: readonly Frontend[],
  ids: ReadonlyMap<string, number>,
  cache: LbCache = new Map(),
): LbMaps {
  const out: LbMaps = {
    lbFrontends: new Map(),
    lbRevnat: new Map(),
    lbBackends: new Map(),
    lbSlots: new Map(),
  };
  const seen = new Set<number>();
  for (const fe of frontends) {
    const id = ids.get(fe.key);
    if (id === undefined) continue;
    seen.add(id);
    out.lbFrontends.set(
      hex(
        lbFrontendKeyCodec.encode({
          addr: fe.addr,
          port: fe.port,
          protocol: protocolNumber(fe.protocol) ?? 0,
        }),
      ),
      lbFrontendCodec.encode({
        id,
        count: activeBackends(fe).length,
        flags: fe.flags,
        affinity_timeout: fe.affinityTimeout,
      }),
    );
    const sig = `${fe.addr}:${fe.port}|${fe.backends.map((b) => `${b.addr}:${b.port}:${b.state}`).join(',')}`;
    let parts = cache.get(id);
    if (!parts || parts.sig !== sig) {
      parts = { sig, ...encodeParts(id, fe) };
      cache.set(id, parts);
    }
    out.lbRevnat.set(id, parts.revnat);
    if (parts.backends.size) out.lbBackends.set(id, parts.backends);
    if (parts.slots.size) out.lbSlots.set(id, parts.slots);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}
