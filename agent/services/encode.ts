// Pure: frontends (with their ids) as the contents of the four Service maps. Slots, backends and
// reverse NAT are partitioned by frontend id, and a frontend whose contents did not change keeps
// the very same Map objects, so the syncer skips it without a diff: one Service change costs that
// Service, not ten thousand.

import { lbFrontendCodec, lbFrontendKeyCodec } from '../datapath/codecs.js';
import type { MapContents, Partitioned } from '../datapath/desired.js';
import { ipv4OrMinusOne } from '../net/ipv4.js';
import { protocolNumber } from '../net/protocols.js';
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

// A Service sync writes every frontend's entries (120,000 for 10,000 Services with 5 backends):
// keys go straight to hex and values into one buffer per frontend, not through the generic
// codecs and a buffer per field. The layouts are the codecs' (lb_slot_key, lb_slot,
// lb_backend_key, lb_backend, lb_revnat); test/unit/services.test.ts checks both agree.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hexLe32 = (n: number) =>
  HEX[n & 255]! + HEX[(n >>> 8) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 24) & 255]!;
const hexBe32 = (n: number) =>
  HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
const hexBe16 = (n: number) => HEX[(n >>> 8) & 255]! + HEX[n & 255]!;

function addrOf(ip: string): number {
  const n = ipv4OrMinusOne(ip);
  if (n < 0) throw new Error(`not an IPv4 address: ${ip}`);
  return n;
}

function encodeParts(id: number, fe: Frontend): Omit<FrontendParts, 'sig'> {
  const usable = fe.backends.filter((b) => b.state !== 'not-ready');
  const active = usable.filter((b) => b.state === 'active');
  // revnat 8 + backends 4 each + slots 8 each, in one allocation.
  const values = Buffer.alloc(8 + usable.length * 4 + active.length * 8);
  values.writeUInt32BE(addrOf(fe.addr), 0);
  values.writeUInt16BE(fe.port, 4);
  const revnat: MapContents = new Map([[hexLe32(id), values.subarray(0, 8)]]);
  const backends: MapContents = new Map();
  const slots: MapContents = new Map();
  const idHex = hexLe32(id);
  let o = 8;
  for (const b of usable) {
    const addr = addrOf(b.addr);
    values.writeUInt32LE(b.state === 'active' ? 0 : LB_BACKEND_F_TERMINATING, o);
    backends.set(`${idHex}${hexBe32(addr)}${hexBe16(b.port)}0000`, values.subarray(o, o + 4));
    o += 4;
  }
  let slot = 0;
  for (const b of active) {
    values.writeUInt32BE(addrOf(b.addr), o);
    values.writeUInt16BE(b.port, o + 4);
    slots.set(`${idHex}${hexLe32(++slot)}`, values.subarray(o, o + 8));
    o += 8;
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
