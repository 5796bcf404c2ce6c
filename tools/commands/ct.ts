// sluice ct list: connection tracking entries, with their state, expiry, counters and policy.

import type { Command } from 'commander';
import { CT_FLAGS } from '../../agent/abi/constants.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import { ct6KeyCodec, ctKeyCodec, ctValueCodec } from '../../agent/datapath/codecs.js';
import { protocolName } from '../../agent/net/protocols.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import type { Instance } from '../cli/context.js';
import { dumpIfPinned, fetchNames, pin, resolveEndpoint } from '../cli/inspect.js';
import { hostPort } from '../net/probes.js';
import { formatTable } from '../output.js';

function nowSeconds(): number {
  // bpf_ktime_get_ns() is CLOCK_MONOTONIC, as is hrtime.
  return Number(process.hrtime.bigint() / 1_000_000_000n);
}

/** A state's name for TCP, and for SCTP (whose chunks the datapath tracks as TCP flags). */
const STATE_NAMES = {
  6: { reset: 'reset', closing: 'closing', halfClosed: 'half-closed', opening: 'syn-sent' },
  132: { reset: 'aborted', closing: 'shut-down', halfClosed: 'shutting-down', opening: 'init-sent' },
} as const;

export function ctState(flags: number, protocol: number): string {
  const { CT_F_SEEN_REPLY, CT_F_FIN_FWD, CT_F_FIN_REV, CT_F_RST, CT_F_SYN_ONLY } = CT_FLAGS;
  const fin = CT_F_FIN_FWD | CT_F_FIN_REV;
  const names = protocol === 6 || protocol === 132 ? STATE_NAMES[protocol] : undefined;
  if (!names) return flags & CT_F_SEEN_REPLY ? 'replied' : 'new';
  if (flags & CT_F_RST) return names.reset;
  if ((flags & fin) === fin) return names.closing;
  if (flags & fin) return names.halfClosed;
  if (flags & CT_F_SYN_ONLY) return names.opening;
  return 'established';
}

export function registerCtCommands(program: Command, { config, socket }: Instance): void {
  defineCommand<{ pod?: string }, (typeof TABLE_JSON_YAML)[number]>(
    defineGroup(program, 'ct', 'connection tracking'),
    {
      name: 'list',
      options: [
        {
          flags: '--pod <pod>',
          description: 'only connections of this pod (namespace/name, endpoint id or IP)',
        },
      ],
      output: { formats: TABLE_JSON_YAML },
      run: async ({ opts: o }) => {
        const cfg = config();
        const names = await fetchNames(socket());
        const only = o.pod ? await resolveEndpoint(cfg, names, o.pod) : undefined;
        const now = nowSeconds();
        const mine = (addr: string) => addr === only?.ip || (only?.ipv6 !== '' && addr === only?.ipv6);
        const rows = [
          ...(await dumpMap(pin(cfg, 'ct'))).map((e) => ({
            k: ctKeyCodec.decode(e.key),
            v: ctValueCodec.decode(e.value),
          })),
          ...(await dumpIfPinned(cfg, 'ct6')).map((e) => ({
            k: ct6KeyCodec.decode(e.key),
            v: ctValueCodec.decode(e.value),
          })),
        ]
          .filter(
            ({ k, v }) =>
              !only ||
              v.src_endpoint === only.endpoint_id ||
              v.dst_endpoint === only.endpoint_id ||
              mine(k.saddr) ||
              mine(k.daddr),
          )
          .map(({ k, v }) => ({
            source: hostPort(k.saddr, k.sport),
            destination: hostPort(k.daddr, k.dport),
            protocol: protocolName(k.protocol),
            state: ctState(v.flags, k.protocol),
            expiresInSeconds: v.expires - now,
            packets: `${v.packets_fwd}/${v.packets_rev}`,
            bytes: `${v.bytes_fwd}/${v.bytes_rev}`,
            policy: names?.rules.get(v.rule_id)?.policy ?? (v.rule_id ? String(v.rule_id) : '-'),
          }));
        return {
          data: rows,
          render: () =>
            formatTable(
              ['source', 'destination', 'proto', 'state', 'expires', 'packets', 'bytes', 'policy'],
              rows.map((r) => [
                r.source,
                r.destination,
                r.protocol,
                r.state,
                `${r.expiresInSeconds}s`,
                r.packets,
                r.bytes,
                r.policy,
              ]),
            ),
        };
      },
    },
  );
}
