// sluice ipcache list|get: addresses and prefixes -> identities, as the datapath resolves them.

import type { Command } from 'commander';
import { SLUICE_IDENTITY } from '../../agent/abi/constants.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import { ipcache6KeyCodec, ipcacheKeyCodec, ipcacheValueCodec } from '../../agent/datapath/codecs.js';
import { containsIp, parseCidr, parseIPv4 } from '../../agent/net/ipv4.js';
import { containsIpV6, ipFamily, parseCidrV6, parseIPv6 } from '../../agent/net/ipv6.js';
import { UserError } from '../../agent/sys/errors.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import type { Instance } from '../cli/context.js';
import { dumpIfPinned, fetchNames, identityText, type Names, pin } from '../cli/inspect.js';
import { formatTable } from '../output.js';

export function registerIpcacheCommands(program: Command, { config, socket }: Instance): void {
  const ipcache = defineGroup(program, 'ipcache', 'addresses -> identities');
  const row = (k: { addr: string; prefixlen: number }, value: Buffer, names: Names | undefined) => {
    const v = ipcacheValueCodec.decode(value);
    return {
      prefix: `${k.addr}/${k.prefixlen}`,
      identity: v.identity,
      namespaceIdentity: v.namespace_identity,
      name: identityText(v.identity, names),
      /** Pods of other nodes: the node's address (the tunnel's remote end). */
      node: v.tunnel_endpoint === '0.0.0.0' ? '' : v.tunnel_endpoint,
    };
  };
  /** IPv4 prefixes in address order, then IPv6 ones. */
  const ipcacheRows = async (names: Names | undefined) => [
    ...(await dumpMap(pin(config(), 'ipcache')))
      .map((e) => row(ipcacheKeyCodec.decode(e.key), e.value, names))
      .sort((a, b) => parseIPv4(a.prefix.split('/')[0]!) - parseIPv4(b.prefix.split('/')[0]!)),
    ...(await dumpIfPinned(config(), 'ipcache6'))
      .map((e) => row(ipcache6KeyCodec.decode(e.key), e.value, names))
      .sort((a, b) => {
        const [x, y] = [parseIPv6(a.prefix.split('/')[0]!), parseIPv6(b.prefix.split('/')[0]!)];
        return x < y ? -1 : x > y ? 1 : 0;
      }),
  ];
  /** Does a row's prefix hold the address (of its family)? */
  const holds = (prefix: string, ip: string): boolean => {
    if (ipFamily(ip) === 6) return prefix.includes(':') && containsIpV6(parseCidrV6(prefix), parseIPv6(ip));
    if (prefix.includes(':')) return false;
    return containsIp(parseCidr(prefix), parseIPv4(ip));
  };
  defineCommand(ipcache, {
    name: 'list',
    output: { formats: TABLE_JSON_YAML },
    run: async () => {
      const rows = await ipcacheRows(await fetchNames(socket()));
      return {
        data: rows,
        render: () =>
          formatTable(
            ['prefix', 'identity', 'namespace-id', 'name', 'node'],
            rows.map((r) => [r.prefix, r.identity, r.namespaceIdentity || '-', r.name, r.node || '-']),
          ),
      };
    },
  });
  defineCommand(ipcache, {
    name: 'get',
    args: ['<ip>'],
    description: 'the identity the datapath resolves an address to (longest prefix; world on a miss)',
    output: { formats: TABLE_JSON_YAML },
    run: async ({ args: [ip] }) => {
      if (ipFamily(ip!) === 0) throw new UserError(`${JSON.stringify(ip)} is not an IPv4 or IPv6 address`);
      const rows = await ipcacheRows(await fetchNames(socket()));
      const lenOf = (prefix: string) => Number(prefix.split('/')[1]);
      const match = rows
        .filter((r) => holds(r.prefix, ip!))
        .sort((a, b) => lenOf(b.prefix) - lenOf(a.prefix))[0];
      const row = match ?? {
        prefix: '(no entry)',
        identity: SLUICE_IDENTITY.SLUICE_ID_WORLD,
        namespaceIdentity: 0,
        name: 'reserved:world',
        node: '',
      };
      return {
        data: { ip, ...row },
        render: () =>
          formatTable(['ip', 'prefix', 'identity', 'name'], [[ip!, row.prefix, row.identity, row.name]]),
      };
    },
  });
}
