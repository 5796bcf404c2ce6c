// Services as the datapath serves them. `lb list` reads the pinned maps (frontends, slots,
// backends, stats) and works with the agent down; `service list` is the agent's view: each
// Service with its frontends, backends and their state, and what it refused.

import type { Command } from 'commander';
import { LB_BACKEND_FLAGS, LB_FLAGS } from '../../agent/abi/constants.js';
import { callAgent } from '../../agent/api/client.js';
import type { sluice } from '../../agent/api/gen/sluice.js';
import type { SluiceConfig } from '../../agent/config/config.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import {
  lb6BackendKeyCodec,
  lb6FrontendKeyCodec,
  lb6TargetCodec,
  lbBackendCodec,
  lbBackendKeyCodec,
  lbFrontendCodec,
  lbFrontendKeyCodec,
  lbSlotCodec,
  lbSlotKeyCodec,
} from '../../agent/datapath/codecs.js';
import type { MapId } from '../../agent/datapath/maps.js';
import { protocolName } from '../../agent/net/protocols.js';
import { servicePortLabel } from '../../agent/services/compile.js';
import { readLbStats } from '../../agent/services/stats.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import type { Instance } from '../cli/context.js';
import { dumpIfPinned, fetchNames, pin } from '../cli/inspect.js';
import { hostPort } from '../net/probes.js';
import { formatTable } from '../output.js';

const { LB_F_AFFINITY, LB_F_LOCAL_ONLY, LB_F_NODEPORT } = LB_FLAGS;
const { LB_BACKEND_F_TERMINATING } = LB_BACKEND_FLAGS;

interface LbRow {
  id: number;
  frontend: string;
  kind: string;
  service: string;
  flags: string[];
  affinityTimeout: number;
  translations: number;
  noBackend: number;
  backends: { address: string; port: number; slot: number; state: 'active' | 'terminating' }[];
}

/** The Service maps of one family: codecs and pins (IPv6 in the …6 twins, absent on an older
 * datapath's pins). */
const FAMILIES = [
  {
    frontends: 'lbFrontends',
    slots: 'lbSlots',
    backends: 'lbBackends',
    frontendKey: lbFrontendKeyCodec,
    slot: lbSlotCodec,
    backendKey: lbBackendKeyCodec,
  },
  {
    frontends: 'lbFrontends6',
    slots: 'lbSlots6',
    backends: 'lbBackends6',
    frontendKey: lb6FrontendKeyCodec,
    slot: lb6TargetCodec,
    backendKey: lb6BackendKeyCodec,
  },
] as const;

/** Every frontend in the maps with its backends (slot order, then terminating ones). */
async function lbInMaps(
  cfg: SluiceConfig,
  names?: ReadonlyMap<number, sluice.v1.IFrontendName>,
): Promise<LbRow[]> {
  const rows = new Map<number, LbRow>();
  const [stats, ...dumps] = await Promise.all([
    readLbStats(cfg.pinRoot),
    // The IPv4 maps must be there (else: is the agent running?); an older agent pinned no IPv6 ones.
    ...FAMILIES.map((f, i) => {
      // async: a missing pin rejects this promise, not the array Promise.all is still given.
      const dump = async (id: MapId) => (i === 0 ? dumpMap(pin(cfg, id)) : dumpIfPinned(cfg, id));
      return Promise.all([dump(f.frontends), dump(f.slots), dump(f.backends)]);
    }),
  ]);
  FAMILIES.forEach((f, i) => {
    const [frontends, slots, backends] = dumps[i]!;
    for (const e of frontends) {
      const k = f.frontendKey.decode(e.key);
      const v = lbFrontendCodec.decode(e.value);
      const name = names?.get(v.id);
      rows.set(v.id, {
        id: v.id,
        frontend: `${hostPort(k.addr, k.port)}/${protocolName(k.protocol)}`,
        kind: v.flags & LB_F_NODEPORT ? 'NodePort' : 'ClusterIP',
        service: name
          ? servicePortLabel({
              service: name.service ?? '',
              portName: name.port_name ?? '',
              servicePort: name.service_port ?? 0,
            })
          : names
            ? '<unknown>'
            : '<unavailable>',
        flags: [
          ...(v.flags & LB_F_AFFINITY ? ['affinity'] : []),
          ...(v.flags & LB_F_LOCAL_ONLY ? ['local'] : []),
        ],
        affinityTimeout: v.affinity_timeout,
        translations: 0,
        noBackend: 0,
        backends: [],
      });
    }
    const slotOf = new Map<string, number>();
    for (const e of slots) {
      const k = lbSlotKeyCodec.decode(e.key);
      const v = f.slot.decode(e.value);
      slotOf.set(`${k.frontend_id}|${v.addr}|${v.port}`, k.slot);
    }
    for (const e of backends) {
      const k = f.backendKey.decode(e.key);
      const v = lbBackendCodec.decode(e.value);
      rows.get(k.frontend_id)?.backends.push({
        address: k.addr,
        port: k.port,
        slot: slotOf.get(`${k.frontend_id}|${k.addr}|${k.port}`) ?? 0,
        state: v.flags & LB_BACKEND_F_TERMINATING ? 'terminating' : 'active',
      });
    }
  });
  for (const s of stats) {
    const r = rows.get(s.frontendId);
    if (r) Object.assign(r, { translations: s.translations, noBackend: s.noBackend });
  }
  for (const r of rows.values())
    r.backends.sort((a, b) => (a.slot || 1e9) - (b.slot || 1e9) || a.address.localeCompare(b.address));
  return [...rows.values()].sort((a, b) => a.id - b.id);
}

export function registerServiceCommands(program: Command, { config, socket }: Instance): void {
  defineCommand(
    defineGroup(program, 'lb', 'Service load balancing in the maps: frontends and their backends'),
    {
      name: 'list',
      output: { formats: TABLE_JSON_YAML },
      run: async () => {
        const rows = await lbInMaps(config(), (await fetchNames(socket()))?.frontends);
        return {
          data: rows,
          render: () =>
            formatTable(
              [
                'id',
                'frontend',
                'type',
                'service',
                'flags',
                'slot',
                'backend',
                'state',
                'translations',
                'no-backend',
              ],
              rows.flatMap((r) => {
                const head = [r.id, r.frontend, r.kind, r.service, r.flags.join(',') || '-'];
                const counts = [r.translations, r.noBackend];
                if (r.backends.length === 0) return [[...head, '-', '-', '-', ...counts]];
                return r.backends.map((b) => [
                  ...head,
                  b.slot || '-',
                  hostPort(b.address, b.port),
                  b.state,
                  ...counts,
                ]);
              }),
            ),
        };
      },
    },
  );

  defineCommand<{ namespace?: string }, (typeof TABLE_JSON_YAML)[number]>(
    defineGroup(program, 'service', 'Services as this node serves them (from the agent)'),
    {
      name: 'list',
      options: [{ flags: '-n, --namespace <ns>', description: 'only Services of this namespace' }],
      output: { formats: TABLE_JSON_YAML },
      run: async ({ opts: o }) => {
        const d = (await callAgent(socket(), { describe: {} }, 5000)).describe ?? {};
        const frontends = (d.frontends ?? []).filter(
          (f) => !o.namespace || f.service?.startsWith(`${o.namespace}/`),
        );
        const byService = new Map<string, sluice.v1.IFrontendName[]>();
        for (const f of frontends)
          byService.set(f.service ?? '', [...(byService.get(f.service ?? '') ?? []), f]);
        const rows = [...byService].map(([service, list]) => {
          // Dual-stack: one ClusterIP frontend per family (and per port).
          const clusterIps = [
            ...new Set(list.filter((f) => f.kind === 'ClusterIP').map((f) => f.address ?? '')),
          ];
          const ports = [
            ...new Set(list.map((f) => `${f.kind === 'NodePort' ? 'node:' : ''}${f.port}/${f.protocol}`)),
          ];
          const backends = new Map<string, string>();
          // A backend is a pod (else an address): its ports are per Service port and its addresses
          // per family (a dual-stack Service), so it counts once.
          for (const f of list)
            for (const b of f.backends ?? []) {
              const who = b.pod || b.address || '';
              if (backends.get(who) !== 'active') backends.set(who, b.state ?? '');
            }
          return {
            service,
            clusterIP: clusterIps[0] ?? '<none>',
            clusterIPs: clusterIps,
            ports,
            affinity: list.some((f) => f.affinity),
            frontends: list.map((f) => ({
              id: f.id,
              kind: f.kind,
              frontend: `${hostPort(f.address ?? '', f.port ?? 0)}/${f.protocol}`,
              portName: f.port_name,
              localOnly: f.local_only,
              backends: (f.backends ?? []).map((b) => ({
                address: hostPort(b.address ?? '', b.port ?? 0),
                state: b.state,
                pod: b.pod || undefined,
                node: b.node || undefined,
              })),
            })),
            backends: {
              active: [...backends.values()].filter((s) => s === 'active').length,
              total: backends.size,
            },
          };
        });
        const problems = (d.service_problems ?? []).filter(
          (p) => !o.namespace || p.object?.includes(` ${o.namespace}/`),
        );
        for (const p of problems)
          process.stderr.write(`${p.warning ? 'warning' : 'error'}: ${p.object}: ${p.field}: ${p.message}\n`);
        return {
          data: { services: rows, problems },
          render: () =>
            formatTable(
              ['service', 'cluster-ip', 'ports', 'backends', 'affinity'],
              rows.map((r) => [
                r.service,
                r.clusterIPs.join(',') || '<none>',
                r.ports.join(','),
                `${r.backends.active}/${r.backends.total}`,
                r.affinity ? 'ClientIP' : 'None',
              ]),
            ),
        };
      },
    },
  );
}
