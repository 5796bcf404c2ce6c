// Crafted frames for BPF_PROG_TEST_RUN (`bpftool prog run`): Ethernet + IPv4 or IPv6 + TCP/UDP
// (ICMPv6 too) with correct checksums, a reader for what the program made of them, and the run
// itself.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatIPv6, parseIPv6 } from '../../agent/net/ipv6.js';
import { run } from '../../agent/sys/exec.js';

const ip4 = (s: string) => Buffer.from(s.split('.').map(Number));
const ipText = (b: Buffer, o: number) => `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;

export function checksum(buf: Buffer, initial = 0): number {
  let sum = initial;
  for (let i = 0; i + 1 < buf.length; i += 2) sum += buf.readUInt16BE(i);
  if (buf.length % 2) sum += buf[buf.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function pseudoSum(src: Buffer, dst: Buffer, proto: number, len: number): number {
  const p = Buffer.concat([src, dst, Buffer.from([0, proto, len >> 8, len & 0xff])]);
  return (~checksum(p) & 0xffff) >>> 0;
}

export interface Frame {
  saddr: string;
  daddr: string;
  protocol: 'TCP' | 'UDP';
  sport: number;
  dport: number;
  ttl?: number;
  /** TCP flags byte; default SYN. */
  tcpFlags?: number;
  /** The IPv4 flags-and-fragment-offset field: 0x2000 more fragments; low 13 bits the offset in
   * 8-byte units (non-zero: a later fragment). */
  fragOffset?: number;
  /** The IPv4 identification. */
  ipId?: number;
  payload?: Buffer;
}

/** A TCP (flags, default SYN) or UDP header with its payload, checksum not yet set. */
function tcpOrUdp(f: {
  protocol: 'TCP' | 'UDP';
  sport?: number;
  dport?: number;
  tcpFlags?: number;
  payload?: Buffer;
}): Buffer {
  const payload = f.payload ?? Buffer.alloc(0);
  const l4 = Buffer.alloc((f.protocol === 'TCP' ? 20 : 8) + payload.length);
  l4.writeUInt16BE(f.sport ?? 0, 0);
  l4.writeUInt16BE(f.dport ?? 0, 2);
  if (f.protocol === 'TCP') {
    l4[12] = 5 << 4;
    l4[13] = f.tcpFlags ?? 0x02;
    l4.writeUInt16BE(65535, 14);
    payload.copy(l4, 20);
  } else {
    l4.writeUInt16BE(l4.length, 4);
    payload.copy(l4, 8);
  }
  return l4;
}

/** An Ethernet frame with valid IPv4 and L4 checksums. */
export function frame(f: Frame): Buffer {
  const l4 = tcpOrUdp(f);
  const proto = f.protocol === 'TCP' ? 6 : 17;
  const csumOff = f.protocol === 'TCP' ? 16 : 6;
  l4.writeUInt16BE(checksum(l4, pseudoSum(ip4(f.saddr), ip4(f.daddr), proto, l4.length)), csumOff);
  const ip = Buffer.alloc(20);
  ip[0] = 0x45;
  ip.writeUInt16BE(20 + l4.length, 2);
  ip.writeUInt16BE(f.ipId ?? 0, 4);
  ip.writeUInt16BE(f.fragOffset ?? 0, 6);
  ip[8] = f.ttl ?? 64;
  ip[9] = proto;
  ip4(f.saddr).copy(ip, 12);
  ip4(f.daddr).copy(ip, 16);
  ip.writeUInt16BE(checksum(ip), 10);
  const eth = Buffer.alloc(14);
  Buffer.from([0x02, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0x02]).copy(eth, 0);
  eth.writeUInt16BE(0x0800, 12);
  return Buffer.concat([eth, ip, l4]);
}

const ip6 = (s: string) => {
  const b = Buffer.alloc(16);
  const n = parseIPv6(s);
  b.writeBigUInt64BE(n >> 64n, 0);
  b.writeBigUInt64BE(n & 0xffff_ffff_ffff_ffffn, 8);
  return b;
};

export interface Frame6 {
  saddr: string;
  daddr: string;
  protocol: 'TCP' | 'UDP' | 'ICMPV6';
  /** TCP/UDP ports; ICMPv6: sport is the echo identifier. */
  sport?: number;
  dport?: number;
  hopLimit?: number;
  tcpFlags?: number;
  /** ICMPv6 type and code (default echo request), and what follows its first 4 bytes. */
  icmp?: { type: number; code?: number; rest?: Buffer };
  /** Extension headers before the L4 header, in order (each 8 bytes of padding options). */
  ext?: ('hop' | 'dest' | 'routing')[];
  /** A fragment header: offset in 8-byte units (non-zero: a later fragment), more fragments;
   * after it, the extension headers of `after` (RFC 8200 puts destination options there). */
  frag?: { offset: number; more: boolean; id: number; after?: ('hop' | 'dest' | 'routing')[] };
  payload?: Buffer;
}

const NEXTHDR = { hop: 0, routing: 43, dest: 60 } as const;
const PROTO6 = { TCP: 6, UDP: 17, ICMPV6: 58 } as const;

/** An Ethernet frame with an IPv6 header, optional extension headers and a checksummed L4. */
export function frame6(f: Frame6): Buffer {
  const proto = PROTO6[f.protocol];
  const l4 =
    f.protocol === 'ICMPV6'
      ? Buffer.concat([
          Buffer.from([f.icmp?.type ?? 128, f.icmp?.code ?? 0, 0, 0]),
          f.icmp?.rest ?? Buffer.from([(f.sport ?? 1) >> 8, (f.sport ?? 1) & 0xff, 0, 1]),
          f.payload ?? Buffer.alloc(0),
        ])
      : tcpOrUdp({ ...f, protocol: f.protocol });
  const src = ip6(f.saddr);
  const dst = ip6(f.daddr);
  const pseudo = Buffer.alloc(40);
  src.copy(pseudo, 0);
  dst.copy(pseudo, 16);
  pseudo.writeUInt32BE(l4.length, 32);
  pseudo[39] = proto;
  const csumOff = f.protocol === 'TCP' ? 16 : f.protocol === 'UDP' ? 6 : 2;
  l4.writeUInt16BE(checksum(l4, ~checksum(pseudo) & 0xffff), csumOff);
  // Extension headers, each pointing at the next; the last at the L4 protocol.
  const chain: { next: number; bytes: Buffer }[] = [];
  for (const e of f.ext ?? []) chain.push({ next: NEXTHDR[e], bytes: Buffer.alloc(8) });
  if (f.frag) {
    const fh = Buffer.alloc(8);
    fh.writeUInt16BE((f.frag.offset << 3) | (f.frag.more ? 1 : 0), 2);
    fh.writeUInt32BE(f.frag.id, 4);
    chain.push({ next: 44, bytes: fh });
    for (const e of f.frag.after ?? []) chain.push({ next: NEXTHDR[e], bytes: Buffer.alloc(8) });
  }
  chain.forEach((h, i) => {
    h.bytes[0] = i + 1 < chain.length ? chain[i + 1]!.next : proto;
    if (h.next === NEXTHDR.routing) h.bytes[2] = 0; // routing type 0, segments left 0
  });
  const exts = Buffer.concat(chain.map((h) => h.bytes));
  const ip = Buffer.alloc(40);
  ip.writeUInt32BE(0x60000000, 0);
  ip.writeUInt16BE(exts.length + l4.length, 4);
  ip[6] = chain.length ? chain[0]!.next : proto;
  ip[7] = f.hopLimit ?? 64;
  src.copy(ip, 8);
  dst.copy(ip, 24);
  const eth = Buffer.alloc(14);
  Buffer.from([0x02, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0x02]).copy(eth, 0);
  eth.writeUInt16BE(0x86dd, 12);
  return Buffer.concat([eth, ip, exts, l4]);
}

export interface ParsedFrame {
  saddr: string;
  daddr: string;
  protocol: number;
  ttl: number;
  sport: number;
  dport: number;
  /** ICMP type and code, for ICMP frames */
  icmp?: { type: number; code: number };
  ipChecksumOk: boolean;
  l4ChecksumOk: boolean;
}

export function parseFrame(buf: Buffer): ParsedFrame {
  const ip = buf.subarray(14, 34);
  const len = ip.readUInt16BE(2);
  const l4 = buf.subarray(34, 14 + len);
  const proto = ip[9]!;
  const l4ok =
    proto === 1
      ? checksum(l4) === 0
      : checksum(l4, pseudoSum(ip.subarray(12, 16), ip.subarray(16, 20), proto, l4.length)) === 0;
  return {
    saddr: ipText(ip, 12),
    daddr: ipText(ip, 16),
    protocol: proto,
    ttl: ip[8]!,
    sport: proto === 1 ? 0 : l4.readUInt16BE(0),
    dport: proto === 1 ? 0 : l4.readUInt16BE(2),
    ...(proto === 1 ? { icmp: { type: l4[0]!, code: l4[1]! } } : {}),
    ipChecksumOk: checksum(ip) === 0,
    l4ChecksumOk: l4ok,
  };
}

export interface ParsedFrame6 {
  saddr: string;
  daddr: string;
  /** The header after the IPv6 header (this parser follows no extension headers). */
  nextHeader: number;
  hopLimit: number;
  sport: number;
  dport: number;
  /** ICMPv6 type and code, and the packet an error quotes (its first bytes). */
  icmp?: { type: number; code: number; quote: Buffer };
  /** The L4 checksum (TCP, UDP, ICMPv6) over the pseudo-header is right. */
  l4ChecksumOk: boolean;
}

const text6 = (b: Buffer) => formatIPv6((b.readBigUInt64BE(0) << 64n) | b.readBigUInt64BE(8));

/** An Ethernet frame with an IPv6 header and the L4 header right after it. */
export function parseFrame6(buf: Buffer): ParsedFrame6 {
  const ip = buf.subarray(14, 54);
  const nh = ip[6]!;
  const l4 = buf.subarray(54, 54 + ip.readUInt16BE(4));
  const pseudo = Buffer.alloc(40);
  ip.copy(pseudo, 0, 8, 40);
  pseudo.writeUInt32BE(l4.length, 32);
  pseudo[39] = nh;
  const icmp = nh === 58;
  return {
    saddr: text6(ip.subarray(8, 24)),
    daddr: text6(ip.subarray(24, 40)),
    nextHeader: nh,
    hopLimit: ip[7]!,
    sport: icmp ? 0 : l4.readUInt16BE(0),
    dport: icmp ? 0 : l4.readUInt16BE(2),
    ...(icmp ? { icmp: { type: l4[0]!, code: l4[1]!, quote: l4.subarray(8) } } : {}),
    l4ChecksumOk: checksum(l4, ~checksum(pseudo) & 0xffff) === 0,
  };
}

export const TC_ACT_OK = 0;
export const TC_ACT_SHOT = 2;
export const TC_ACT_REDIRECT = 7;

/**
 * Runs a pinned tc program once on a frame as if it arrived on device `ifindex` (in netns, where
 * that device lives). Returns the program's verdict and the frame it left.
 */
export async function progRun(
  netns: string,
  progPin: string,
  input: Buffer,
  ifindex: number,
): Promise<{ retval: number; out: Buffer }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sluice-progrun-'));
  try {
    const ctx = Buffer.alloc(192); // struct __sk_buff: only ifindex (offset 40) set
    ctx.writeUInt32LE(ifindex, 40);
    await writeFile(path.join(dir, 'in'), input);
    await writeFile(path.join(dir, 'ctx'), ctx);
    const { stdout } = await run(
      [
        'bpftool',
        '-j',
        'prog',
        'run',
        'pinned',
        progPin,
        'data_in',
        path.join(dir, 'in'),
        'data_out',
        path.join(dir, 'out'),
        'ctx_in',
        path.join(dir, 'ctx'),
      ],
      { netns },
    );
    const r = JSON.parse(stdout) as { retval: number };
    return { retval: r.retval, out: await readFile(path.join(dir, 'out')) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
