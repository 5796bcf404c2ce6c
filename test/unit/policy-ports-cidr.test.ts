import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  containsIp,
  formatCidr,
  formatIPv4,
  ipv4OrMinusOne,
  parseCidr,
  parseIPv4,
} from '../../agent/net/ipv4.js';
import { parseCidrV6 } from '../../agent/net/ipv6.js';
import { protocolName, protocolNumber } from '../../agent/net/protocols.js';
import { IPV6_CIDRS, inIpBlock, partitionIpBlocks } from '../../agent/policy/cidr.js';
import { portRangePrefixes } from '../../agent/policy/ports.js';

describe('portRangePrefixes', () => {
  const cases: { from: number; to: number; want: string[] }[] = [
    { from: 80, to: 80, want: ['80/16'] },
    { from: 80, to: 81, want: ['80/15'] },
    { from: 81, to: 82, want: ['81/16', '82/16'] },
    { from: 0, to: 65535, want: ['0/0'] },
    { from: 32768, to: 65535, want: ['32768/1'] },
    {
      from: 1,
      to: 65535,
      want: [
        '1/16',
        '2/15',
        '4/14',
        '8/13',
        '16/12',
        '32/11',
        '64/10',
        '128/9',
        '256/8',
        '512/7',
        '1024/6',
        '2048/5',
        '4096/4',
        '8192/3',
        '16384/2',
        '32768/1',
      ],
    },
    {
      from: 1000,
      to: 2000,
      want: ['1000/13', '1008/12', '1024/7', '1536/8', '1792/9', '1920/10', '1984/12', '2000/16'],
    },
    { from: 65535, to: 65535, want: ['65535/16'] },
    { from: 1024, to: 2047, want: ['1024/6'] },
  ];
  for (const c of cases) {
    it(`${c.from}-${c.to}`, () => {
      expect(portRangePrefixes(c.from, c.to).map((p) => `${p.port}/${p.bits}`)).toEqual(c.want);
    });
  }

  it('covers exactly the range with aligned, disjoint blocks (exhaustive over small ranges)', () => {
    for (const [from, to] of [
      [1, 1],
      [3, 17],
      [100, 1000],
      [4095, 4097],
      [60000, 65535],
      [1, 65534],
    ] as const) {
      const covered = new Set<number>();
      for (const { port, bits } of portRangePrefixes(from, to)) {
        const size = 2 ** (16 - bits);
        expect(port % size).toBe(0);
        for (let p = port; p < port + size; p++) {
          expect(covered.has(p)).toBe(false);
          covered.add(p);
        }
      }
      expect(covered.size).toBe(to - from + 1);
      expect(Math.min(...covered)).toBe(from);
      expect(Math.max(...covered)).toBe(to);
    }
  });

  it('rejects bad ranges', () => {
    expect(() => portRangePrefixes(81, 80)).toThrow(RangeError);
    expect(() => portRangePrefixes(1, 65536)).toThrow(RangeError);
    expect(() => portRangePrefixes(1.5, 2)).toThrow(RangeError);
  });
});

describe('protocol names', () => {
  it.each([
    ['TCP', 6],
    ['UDP', 17],
    ['SCTP', 132],
  ])('%s <-> %d', (name, num) => {
    expect(protocolNumber(name)).toBe(num);
    expect(protocolName(num)).toBe(name);
  });
  it.each(['tcp', 'ICMP', '', 'toString'])('unknown %j', (name) => {
    expect(protocolNumber(name)).toBeUndefined();
  });
});

describe('parseCidr', () => {
  const good: { in: string; out: string; addr: number }[] = [
    { in: '10.0.0.0/8', out: '10.0.0.0/8', addr: 0x0a000000 },
    { in: '0.0.0.0/0', out: '0.0.0.0/0', addr: 0 },
    { in: '255.255.255.255/32', out: '255.255.255.255/32', addr: 0xffffffff },
    { in: '192.168.1.77/24', out: '192.168.1.0/24', addr: 0xc0a80100 },
    { in: '128.0.0.1/1', out: '128.0.0.0/1', addr: 0x80000000 },
  ];
  for (const c of good) {
    it(`parses ${c.in}`, () => {
      const got = parseCidr(c.in);
      expect(got.addr).toBe(c.addr);
      expect(formatCidr(got)).toBe(c.out);
    });
  }
  const bad: { in: string; want: RegExp }[] = [
    { in: '10.0.0.0', want: /missing \/prefix-length/ },
    { in: '10.0.0.0/33', want: /prefix length/ },
    { in: '10.0.0.0/-1', want: /prefix length/ },
    { in: '10.0.0.0/08', want: /prefix length/ },
    { in: '10.0.0/8', want: /not an IPv4 address/ },
    { in: '10.0.0.256/32', want: /not an IPv4 address/ },
    { in: '010.0.0.0/8', want: /not an IPv4 address/ },
    { in: 'a.b.c.d/8', want: /not an IPv4 address/ },
    { in: '', want: /missing/ },
    { in: 'fd00::/8', want: /is an IPv6 CIDR, not an IPv4 one/ },
  ];
  for (const c of bad) {
    it(`rejects ${JSON.stringify(c.in)}`, () => {
      expect(() => parseCidr(c.in)).toThrow(c.want);
    });
  }
});

describe('IPv4 helpers', () => {
  it('round-trips addresses', () => {
    for (const s of ['0.0.0.0', '10.1.2.3', '255.255.255.255', '192.168.0.1']) {
      expect(formatIPv4(parseIPv4(s))).toBe(s);
    }
  });
  it.each([
    ['10.0.0.0/8', '10.255.0.0/16', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['10.0.0.0/16', '10.0.0.0/8', false],
    ['10.0.0.0/8', '11.0.0.0/16', false],
    ['0.0.0.0/0', '255.1.2.3/32', true],
  ])('%s contains %s: %s', (outer, inner, want) => {
    expect(cidrContains(parseCidr(outer), parseCidr(inner))).toBe(want);
  });
  it('containsIp', () => {
    expect(containsIp(parseCidr('10.1.0.0/16'), parseIPv4('10.1.200.3'))).toBe(true);
    expect(containsIp(parseCidr('10.1.0.0/16'), parseIPv4('10.2.0.1'))).toBe(false);
  });
});

describe('partitionIpBlocks', () => {
  const c = parseCidr;
  const cases: {
    name: string;
    spans: { member: number; cidr: string; except?: string[] }[];
    want: string[];
  }[] = [
    {
      name: 'one block with an except',
      spans: [{ member: 1, cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }],
      want: ['10.0.0.0/8 1', '10.1.0.0/16 -'],
    },
    {
      name: 'an except of one rule is still covered by another',
      spans: [
        { member: 1, cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
        { member: 2, cidr: '10.0.0.0/8' },
      ],
      want: ['10.0.0.0/8 1,2', '10.1.0.0/16 2'],
    },
    {
      name: 'nested cidr inside an except of the same rule',
      spans: [
        { member: 1, cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
        { member: 3, cidr: '10.1.2.0/24' },
      ],
      want: ['10.0.0.0/8 1', '10.1.0.0/16 -', '10.1.2.0/24 3'],
    },
    {
      name: 'two blocks of the same rule are a union',
      spans: [
        { member: 1, cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
        { member: 1, cidr: '10.1.0.0/24' },
      ],
      want: ['10.0.0.0/8 1', '10.1.0.0/16 -', '10.1.0.0/24 1'],
    },
    {
      name: 'disjoint blocks and duplicates',
      spans: [
        { member: 5, cidr: '192.168.0.0/16' },
        { member: 4, cidr: '192.168.0.0/16' },
        { member: 4, cidr: '172.16.0.0/12' },
      ],
      want: ['172.16.0.0/12 4', '192.168.0.0/16 4,5'],
    },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const parts = partitionIpBlocks(
        t.spans.map((s) => ({ member: s.member, cidr: c(s.cidr), except: (s.except ?? []).map(c) })),
      );
      expect(parts.map((p) => `${formatCidr(p.prefix)} ${p.members.join(',') || '-'}`)).toEqual(t.want);
    });
  }
});

describe('partitionIpBlocks over IPv6 prefixes', () => {
  const c = parseCidrV6;
  const cases: {
    name: string;
    spans: { member: number; cidr: string; except?: string[] }[];
    want: string[];
  }[] = [
    {
      name: 'one block with an except',
      spans: [{ member: 1, cidr: 'fd00::/8', except: ['fd00:1::/32'] }],
      want: ['fd00::/8 1', 'fd00:1::/32 -'],
    },
    {
      name: 'nested, disjoint and host prefixes; an except still covered by another rule',
      spans: [
        { member: 1, cidr: '::/0', except: ['fd00::/8'] },
        { member: 2, cidr: 'fd00::/8' },
        { member: 3, cidr: 'fd00:1::/64', except: ['fd00:1::2/128'] },
        { member: 2, cidr: '2001:db8::/32' },
      ],
      want: ['::/0 1', '2001:db8::/32 1,2', 'fd00::/8 2', 'fd00:1::/64 2,3', 'fd00:1::2/128 2'],
    },
    {
      name: 'ordered by address as a number, not as text; host bits dropped, duplicates merged',
      spans: [
        { member: 2, cidr: 'fd00:10::/32' },
        { member: 1, cidr: 'fd00:a::1/32' },
        { member: 3, cidr: 'fd00:a::/32' },
      ],
      want: ['fd00:a::/32 1,3', 'fd00:10::/32 2'],
    },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const parts = partitionIpBlocks(
        t.spans.map((s) => ({ member: s.member, cidr: c(s.cidr), except: (s.except ?? []).map(c) })),
        IPV6_CIDRS,
      );
      expect(parts.map((p) => `${IPV6_CIDRS.format(p.prefix)} ${p.members.join(',') || '-'}`)).toEqual(
        t.want,
      );
    });
  }

  it('inIpBlock: in the cidr and in no except', () => {
    const span = { member: 1, cidr: c('fd00::/16'), except: [c('fd00:2::/32')] };
    const host = (ip: string) => c(`${ip}/128`);
    expect(inIpBlock(IPV6_CIDRS, span, host('fd00:1::1'))).toBe(true);
    expect(inIpBlock(IPV6_CIDRS, span, host('fd00:2::1'))).toBe(false);
    expect(inIpBlock(IPV6_CIDRS, span, host('fd01::1'))).toBe(false);
  });
});

describe('ipv4OrMinusOne (the fast parser behind parseIPv4 and the codecs)', () => {
  it.each([
    ['0.0.0.0', 0],
    ['10.96.0.10', 0x0a60000a],
    ['255.255.255.255', 0xffffffff],
    ['01.2.3.4', -1],
    ['1.2.3', -1],
    ['1.2.3.4.', -1],
    ['1..2.3', -1],
    ['256.1.1.1', -1],
    ['1.2.3.4 ', -1],
    ['', -1],
    ['::1', -1],
  ])('%j -> %d', (text, want) => {
    expect(ipv4OrMinusOne(text)).toBe(want);
  });
});
