// IPv6 text forms: every spelling RFC 4291 allows parses, the canonical form is RFC 5952's, bad
// input is refused with a message that says what is wrong; prefixes and the family of a text.

import { describe, expect, it } from 'vitest';
import { CidrError } from '../../agent/net/ipv4.js';
import {
  canonicalIPv6,
  cidrContainsV6,
  cidrFamily,
  containsIpV6,
  formatCidrV6,
  formatIPv6,
  ipFamily,
  ipv6OrUndefined,
  ipv6Range,
  parseCidrV6,
  parseIPv6,
  routableV6,
} from '../../agent/net/ipv6.js';

describe('parseIPv6 and formatIPv6', () => {
  it.each([
    ['::', 0n, '::'],
    ['::1', 1n, '::1'],
    ['1::', 1n << 112n, '1::'],
    ['0:0:0:0:0:0:0:0', 0n, '::'],
    ['2001:DB8:0:0:0:0:0:1', 0x20010db8000000000000000000000001n, '2001:db8::1'],
    [
      '2001:0db8:0000:0000:0000:ff00:0042:8329',
      0x20010db8000000000000ff0000428329n,
      '2001:db8::ff00:42:8329',
    ],
    ['fe80::1', 0xfe800000000000000000000000000001n, 'fe80::1'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', (1n << 128n) - 1n, 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    // IPv4-mapped: written with its dotted quad (RFC 5952 §5), whichever way it was given.
    ['::ffff:1.2.3.4', 0xffff01020304n, '::ffff:1.2.3.4'],
    ['::FFFF:102:304', 0xffff01020304n, '::ffff:1.2.3.4'],
    ['0:0:0:0:0:ffff:10.0.0.1', 0xffff0a000001n, '::ffff:10.0.0.1'],
    // A dotted quad elsewhere is only a way of writing the last 32 bits.
    ['64:ff9b::192.0.2.33', 0x0064ff9b0000000000000000c0000221n, '64:ff9b::c000:221'],
    ['1:2:3:4:5:6:7::', 0x00010002000300040005000600070000n, '1:2:3:4:5:6:7:0'],
  ])('%s is %s, canonically %s', (text, value, canonical) => {
    expect(parseIPv6(text)).toBe(value);
    expect(formatIPv6(value)).toBe(canonical);
    expect(canonicalIPv6(text)).toBe(canonical);
  });

  it('compresses the longest run of zero groups, the first of equal ones, and never a single zero', () => {
    expect(formatIPv6(parseIPv6('2001:db8:0:0:1:0:0:1'))).toBe('2001:db8::1:0:0:1');
    expect(formatIPv6(parseIPv6('2001:0:0:1:0:0:0:1'))).toBe('2001:0:0:1::1');
    expect(formatIPv6(parseIPv6('2001:db8:0:1:1:1:1:1'))).toBe('2001:db8:0:1:1:1:1:1');
    expect(formatIPv6(parseIPv6('0:1:0:1:0:1:0:1'))).toBe('0:1:0:1:0:1:0:1');
    expect(formatIPv6(parseIPv6('0:0:1:0:0:0:1:0'))).toBe('0:0:1::1:0');
    expect(formatIPv6(parseIPv6('fd00:10:244:1:0:0:0:0'))).toBe('fd00:10:244:1::');
  });

  it.each([
    ['', /empty/],
    [':', /':' without a group/],
    [':::', /':' without a group/],
    ['1:2', /2 groups of 16 bits, not 8/],
    ['1:2:3:4:5:6:7:8:9', /9 groups of 16 bits, not 8/],
    ['1::2::3', /'::' appears more than once/],
    [':1::2', /':' without a group/],
    ['1::2:', /':' without a group/],
    ['1:2:3:4::5:6:7:8', /'::' with 8 groups besides stands for no group/],
    ['12345::', /"12345" is not a group of 1 to 4 hex digits/],
    ['g::1', /"g" is not a group/],
    ['::1.2.3', /"1.2.3" is not a dotted-quad IPv4 part/],
    ['::1.2.3.4:1', /a dotted-quad IPv4 part may only end the address/],
    ['1.2.3.4::', /a dotted-quad IPv4 part may only end the address/],
    ['::01.2.3.4', /not a dotted-quad/],
    ['fe80::1%eth0', /zone index/],
    [' ::1', /not a group/],
  ])('refuses %j, saying why', (text, why) => {
    expect(() => parseIPv6(text)).toThrow(CidrError);
    expect(() => parseIPv6(text)).toThrow(
      new RegExp(`^"${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is not an IPv6 address: `),
    );
    expect(() => parseIPv6(text)).toThrow(why);
    expect(ipv6OrUndefined(text)).toBeUndefined();
  });

  it('names an IPv4 address as such', () => {
    expect(() => parseIPv6('10.0.0.1')).toThrow(/"10.0.0.1" is an IPv4 address, not an IPv6 one/);
  });

  it('agrees with the platform on what is an address', () => {
    // Node's own URL parser canonicalises IPv6 hosts (except for the dotted IPv4-mapped form).
    for (const text of ['2001:db8::1', '::', '1:0:0:2::3', 'fd00:10:244::a']) {
      expect(`[${canonicalIPv6(text)}]`).toBe(new URL(`http://[${text}]/`).hostname);
    }
  });
});

describe('IPv6 prefixes', () => {
  it('parses a CIDR, dropping host bits, and formats it canonically', () => {
    expect(parseCidrV6('fd00:10:244:1::7/64')).toEqual({
      addr: 0xfd000010024400010000000000000000n,
      len: 64,
    });
    expect(formatCidrV6(parseCidrV6('FD00:0010:0244:0001::/64'))).toBe('fd00:10:244:1::/64');
    expect(formatCidrV6(parseCidrV6('::/0'))).toBe('::/0');
    expect(formatCidrV6(parseCidrV6('2001:db8::1/128'))).toBe('2001:db8::1/128');
  });

  it.each([
    ['fd00::', /missing \/prefix-length/],
    ['fd00::/129', /bad prefix length/],
    ['fd00::/064', /bad prefix length/],
    ['fd00::/', /bad prefix length/],
    ['fd00::1::/64', /"fd00::1::\/64" is not an IPv6 CIDR: '::' appears more than once/],
    ['10.0.0.0/8', /"10.0.0.0\/8" is an IPv4 CIDR, not an IPv6 one/],
  ])('refuses %j', (text, why) => {
    expect(() => parseCidrV6(text)).toThrow(CidrError);
    expect(() => parseCidrV6(text)).toThrow(why);
  });

  it('tells whether an address or a prefix lies inside another', () => {
    const pool = parseCidrV6('fd00:10:244:1::/64');
    expect(containsIpV6(pool, parseIPv6('fd00:10:244:1::ffff'))).toBe(true);
    expect(containsIpV6(pool, parseIPv6('fd00:10:244:2::1'))).toBe(false);
    expect(cidrContainsV6(parseCidrV6('fd00:10::/32'), pool)).toBe(true);
    expect(cidrContainsV6(pool, parseCidrV6('fd00:10::/32'))).toBe(false);
    expect(cidrContainsV6(parseCidrV6('::/0'), pool)).toBe(true);
  });
});

describe('address families', () => {
  it.each([
    ['10.0.0.1', 4],
    ['::ffff:10.0.0.1', 6],
    ['fd00::1', 6],
    ['10.0.0.256', 0],
    ['fd00::1::', 0],
    ['pod', 0],
  ] as const)('%s is family %s', (text, family) => {
    expect(ipFamily(text)).toBe(family);
  });

  it('tells a CIDR by its address part', () => {
    expect(cidrFamily('10.244.0.0/24')).toBe(4);
    expect(cidrFamily('fd00::/64')).toBe(6);
    expect(cidrFamily('fd00::')).toBe(0);
  });
});

describe('ipv6Range and routableV6: which IPv6 addresses route between nodes', () => {
  it('names each range, and takes only global unicast and unique local prefixes wholly inside them', () => {
    const range = (s: string) => ipv6Range(parseIPv6(s));
    expect(
      ['2001:db8::1', 'fd00::1', '::', '::1', 'fe80::1', 'ff02::1', '::ffff:10.0.0.1', '100::1'].map(range),
    ).toEqual([
      'global unicast',
      'unique local',
      'unspecified',
      'loopback',
      'link-local',
      'multicast',
      'IPv4-mapped',
      'reserved',
    ]);
    expect(
      ['fd00:10::/64', '2001:db8::/32', 'fc00::/7', 'fc00::/6', '::/0', 'fe80::/64'].map((c) =>
        routableV6(parseCidrV6(c)),
      ),
    ).toEqual([true, true, true, false, false, false]);
  });
});
