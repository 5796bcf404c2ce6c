// Pure: frontends (with their ids) as the contents of the Service maps, each in its family's
// (IPv6 frontends in the …6 twins). Slots, backends and reverse NAT are partitioned by frontend
// id, and a frontend whose contents did not change keeps the very same Map objects, so the syncer
// skips it without a diff: one Service change costs that Service, not ten thousand.

import {
  ipv4ToBytes,
  ipv6ToBytes,
  lb6FrontendKeyCodec,
  lbFrontendCodec,
  lbFrontendKeyCodec,
} from '../datapath/codecs.js';
import type { LbMapId, MapContents, Partitioned } from '../datapath/desired.js';
import { isIPv6Text } from '../net/ipv6.js';
import { protocolNumber } from '../net/protocols.js';
import { type Frontend, LB_BACKEND_F_TERMINATING } from './compile.js';

export type LbMaps = { [K in LbMapId]: K extends `lbFrontends${string}` ? MapContents : Partitioned };

interface FrontendParts {
  sig: string;
  revnat: MapContents;
  backends: MapContents;
  slots: MapContents;
}

/** Encoded parts of earlier runs by frontend id. */
export type LbCache = Map<number, FrontendParts>;

const hex = (b: Buffer) => b.toString('hex');

// A Service sync writes every frontend's entries (120,000 for 10,000 Services with 5 backends):
// keys go straight to hex and values into one buffer per frontend, not through the generic
// codecs and a buffer per field. The layouts are the codecs' (lb_slot_key, lb_slot / lb6_target,
// lb_backend_key / lb6_backend_key, lb_backend, lb_revnat / lb6_target); test/unit/services.test.ts
// checks both agree.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hexLe32 = (n: number) =>
  HEX[n & 255]! + HEX[(n >>> 8) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 24) & 255]!;
const hexBe16 = (n: number) => HEX[(n >>> 8) & 255]! + HEX[n & 255]!;

/** An address's bytes (network order) and the size of an address and port with padding (lb_slot,
 * lb_revnat: 8; lb6_target: 20). */
function layoutOf(v6: boolean) {
  const addrSize = v6 ? 16 : 4;
  return {
    addrSize,
    targetSize: addrSize + 4,
    write: (ip: string, buf: Buffer, offset: number) =>
      v6 ? ipv6ToBytes(ip, buf, offset) : ipv4ToBytes(ip, buf, offset),
  };
}

function encodeParts(id: number, fe: Frontend): Omit<FrontendParts, 'sig'> {
  const { addrSize, targetSize, write } = layoutOf(isIPv6Text(fe.addr));
  const usable = fe.backends.filter((b) => b.state !== 'not-ready');
  const active = usable.filter((b) => b.state === 'active');
  // revnat + backends (flags 4 each, address scratch) + slots, in one allocation.
  const values = Buffer.alloc(targetSize + usable.length * (4 + addrSize) + active.length * targetSize);
  write(fe.addr, values, 0);
  values.writeUInt16BE(fe.port, addrSize);
  const revnat: MapContents = new Map([[hexLe32(id), values.subarray(0, targetSize)]]);
  const backends: MapContents = new Map();
  const slots: MapContents = new Map();
  const idHex = hexLe32(id);
  let o = targetSize;
  for (const b of usable) {
    values.writeUInt32LE(b.state === 'active' ? 0 : LB_BACKEND_F_TERMINATING, o);
    write(b.addr, values, o + 4);
    const addrHex = values.toString('hex', o + 4, o + 4 + addrSize);
    backends.set(`${idHex}${addrHex}${hexBe16(b.port)}0000`, values.subarray(o, o + 4));
    o += 4 + addrSize;
  }
  let slot = 0;
  for (const b of active) {
    write(b.addr, values, o);
    values.writeUInt16BE(b.port, o + addrSize);
    slots.set(`${idHex}${hexLe32(++slot)}`, values.subarray(o, o + targetSize));
    o += targetSize;
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
    lbFrontends6: new Map(),
    lbRevnat6: new Map(),
    lbBackends6: new Map(),
    lbSlots6: new Map(),
  };
  const seen = new Set<number>();
  for (const fe of frontends) {
    const id = ids.get(fe.key);
    if (id === undefined) continue;
    seen.add(id);
    const v6 = isIPv6Text(fe.addr);
    const key = { addr: fe.addr, port: fe.port, protocol: protocolNumber(fe.protocol) ?? 0 };
    const value = lbFrontendCodec.encode({
      id,
      count: activeBackends(fe).length,
      flags: fe.flags,
      affinity_timeout: fe.affinityTimeout,
    });
    if (v6) out.lbFrontends6.set(hex(lb6FrontendKeyCodec.encode(key)), value);
    else out.lbFrontends.set(hex(lbFrontendKeyCodec.encode(key)), value);
    const sig = `${fe.addr}:${fe.port}|${fe.backends.map((b) => `${b.addr}:${b.port}:${b.state}`).join(',')}`;
    let parts = cache.get(id);
    if (!parts || parts.sig !== sig) {
      parts = { sig, ...encodeParts(id, fe) };
      cache.set(id, parts);
    }
    (v6 ? out.lbRevnat6 : out.lbRevnat).set(id, parts.revnat);
    if (parts.backends.size) (v6 ? out.lbBackends6 : out.lbBackends).set(id, parts.backends);
    if (parts.slots.size) (v6 ? out.lbSlots6 : out.lbSlots).set(id, parts.slots);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}
