// sluice ipcache list|get: addresses and prefixes -> identities, as the datapath resolves them.

import type { Command } from 'commander';
import { SLUICE_IDENTITY } from '../../agent/abi/constants.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import { ipcacheKeyCodec, ipcacheValueCodec } from '../../agent/datapath/codecs.js';
import { parseCidr, parseIPv4, prefixMask } from '../../agent/net/ipv4.js';
import { UserError } from '../../agent/sys/errors.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import type { Instance } from '../cli/context.js';
import { fetchNames, identityText, type Names, pin } from '../cli/inspect.js';
import { formatTable } from '../output.js';

export function registerIpcacheCommands(program: Command, { config, socket }: Instance): void {
  const ipcache = defineGroup(program, 'ipcache', 'addresses -> identities');
  const ipcacheRows = async (names: Names | undefined) =>
    (await dumpMap(pin(config(), 'ipcache')))
      .map((e) => {
        const k = ipcacheKeyCodec.decode(e.key);
        const v = ipcacheValueCodec.decode(e.value);
        return {
          prefix: `${k.addr}/${k.prefixlen}`,
          identity: v.identity,
          namespaceIdentity: v.namespace_identity,
          name: identityText(v.identity, names),
          /** Pods of other nodes: the node's address (the tunnel's remote end). */
          node: v.tunnel_endpoint === '0.0.0.0' ? '' : v.tunnel_endpoint,
        };
      })
      .sort((a, b) => parseIPv4(a.prefix.split('/')[0]!) - parseIPv4(b.prefix.split('/')[0]!));
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
      let addr: number;
      try {
        addr = parseIPv4(ip!);
      } catch {
        throw new UserError(`${JSON.stringify(ip)} is not an IPv4 address`);
      }
      const rows = await ipcacheRows(await fetchNames(socket()));
      const match = rows
        .filter((r) => {
          const c = parseCidr(r.prefix);
          return (addr & prefixMask(c.len)) >>> 0 === c.addr;
        })
        .sort((a, b) => parseCidr(b.prefix).len - parseCidr(a.prefix).len)[0];
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
