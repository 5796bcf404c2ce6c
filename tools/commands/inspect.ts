// Inspection of every map, decoded into names a person knows: endpoint, identity, ipcache,
// policy, ct, metrics. Numbers come from the pinned maps; names from the agent (describe). With
// the agent down the maps are still read, and the output says that names are unavailable.

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CNI_INVALID_CONFIG } from '../../agent/agent.js';
import { AgentError, AgentUnavailableError, callAgent } from '../../agent/api/client.js';
import type { sluice } from '../../agent/api/gen/sluice.js';
import type { SluiceConfig } from '../../agent/config.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import {
  cidrKeyCodec,
  cidrValueCodec,
  ctKeyCodec,
  ctValueCodec,
  endpointInfoCodec,
  endpointKeyCodec,
  ipcacheKeyCodec,
  ipcacheValueCodec,
  policyKeyCodec,
  policyValueCodec,
} from '../../agent/datapath/codecs.js';
import { CT_FLAGS, SLUICE_IDENTITY } from '../../agent/datapath/constants.js';
import { type MapId, mapPin } from '../../agent/datapath/maps.js';
import { readMetrics } from '../../agent/datapath/metrics-map.js';
import { REASONS } from '../../agent/datapath/reasons.js';
import { EnvironmentError, UserError } from '../../agent/errors.js';
import { parseCidr, parseIPv4, prefixMask } from '../../agent/policy/cidr.js';
import { protocolName } from '../../agent/policy/ports.js';
import {
  EP_F_EGRESS_ENFORCED,
  EP_F_INGRESS_ENFORCED,
  ID_CIDR_SET_BIT,
  ID_NAMESPACE_BIT,
  POLICY_PREFIX_ANY_PORT,
  POLICY_PREFIX_ANY_PROTO,
} from '../../agent/policy/types.js';
import { formatTable, type OutputFormat, parseOutput, print } from '../output.js';

const I = SLUICE_IDENTITY;
const RESERVED: Record<number, string> = {
  [I.SLUICE_ID_ANY]: 'any',
  [I.SLUICE_ID_HOST]: 'reserved:host',
  [I.SLUICE_ID_WORLD]: 'reserved:world',
  [I.SLUICE_ID_UNMANAGED]: 'reserved:unmanaged',
  [I.SLUICE_ID_HEALTH]: 'reserved:health',
  [I.SLUICE_ID_INIT]: 'reserved:init',
  [I.SLUICE_ID_REMOTE_NODE]: 'reserved:remote-node',
  [I.SLUICE_ID_CLUSTER_PODS]: 'reserved:cluster-pods',
};

export interface Names {
  endpoints: Map<number, sluice.v1.IEndpointName>;
  identities: Map<number, sluice.v1.IIdentityName>;
  rules: Map<number, sluice.v1.IRuleName>;
  frontends: Map<number, sluice.v1.IFrontendName>;
}

/** Names from the agent; undefined (and a note on stderr) when it cannot be reached. */
export async function fetchNames(socket: string): Promise<Names | undefined> {
  try {
    const d = (await callAgent(socket, { describe: {} }, 5000)).describe!;
    return {
      endpoints: new Map((d.endpoints ?? []).map((e) => [e.id ?? 0, e])),
      identities: new Map((d.identities ?? []).map((i) => [i.id ?? 0, i])),
      rules: new Map((d.rules ?? []).map((r) => [r.rule_id ?? 0, r])),
      frontends: new Map((d.frontends ?? []).map((f) => [f.id ?? 0, f])),
    };
  } catch (err) {
    if (!(err instanceof AgentUnavailableError)) throw err;
    process.stderr.write(`note: names unavailable (${err.message}); showing what the maps hold\n`);
    return undefined;
  }
}

const labelText = (l: Record<string, string> | null | undefined) =>
  Object.entries(l ?? {})
    .filter(([k]) => k !== 'kubernetes.io/metadata.name')
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

export function identityText(id: number, names: Names | undefined): string {
  if (RESERVED[id]) return RESERVED[id]!;
  if (id & ID_CIDR_SET_BIT) return `cidr-set:${(id & ~ID_CIDR_SET_BIT) >>> 0}`;
  const n = names?.identities.get(id);
  if (!n) return String(id);
  if ((id & ID_NAMESPACE_BIT) !== 0 || n.kind === 'namespace') return `namespace:${n.namespace}`;
  return `${n.namespace}:${labelText(n.pod_labels) || '<no labels>'}`;
}

export function portText(
  prefixLen: number,
  protocol: number,
  port: number,
): { protocol: string; port: string } {
  if (prefixLen <= POLICY_PREFIX_ANY_PROTO) return { protocol: 'any', port: 'any' };
  const proto = protocolName(protocol);
  if (prefixLen <= POLICY_PREFIX_ANY_PORT) return { protocol: proto, port: 'any' };
  const span = 2 ** (96 - prefixLen);
  return { protocol: proto, port: span === 1 ? String(port) : `${port}-${port + span - 1}` };
}

function pin(cfg: SluiceConfig, id: MapId): string {
  const p = mapPin(cfg.pinRoot, id);
  if (!existsSync(p)) {
    throw new EnvironmentError(
      `${p} does not exist: is the agent running (or the datapath loaded) with pin root ${cfg.pinRoot}?`,
    );
  }
  return p;
}

async function endpointsInMaps(cfg: SluiceConfig) {
  return (await dumpMap(pin(cfg, 'endpoints'))).map((e) => ({
    ip: endpointKeyCodec.decode(e.key).addr,
    ...endpointInfoCodec.decode(e.value),
  }));
}

/** A pod ("ns/name"), an endpoint id or an IP, to an endpoint in the maps. */
async function resolveEndpoint(cfg: SluiceConfig, names: Names | undefined, ref: string) {
  const eps = await endpointsInMaps(cfg);
  const byPod = names ? [...names.endpoints.values()].find((e) => e.pod === ref) : undefined;
  const ep = eps.find(
    (e) => String(e.endpoint_id) === ref || e.ip === ref || (byPod && e.endpoint_id === byPod.id),
  );
  if (!ep) {
    const hint = ref.includes('/') && !names ? ' (pod names need the agent; use the endpoint id or IP)' : '';
    throw new UserError(
      `no endpoint ${JSON.stringify(ref)}: give a pod (namespace/name), an endpoint id or an IP${hint}`,
    );
  }
  return ep;
}

function nowSeconds(): number {
  // bpf_ktime_get_ns() is CLOCK_MONOTONIC, as is hrtime.
  return Number(process.hrtime.bigint() / 1_000_000_000n);
}

function ctState(flags: number, protocol: number): string {
  const { CT_F_SEEN_REPLY, CT_F_FIN_FWD, CT_F_FIN_REV, CT_F_RST, CT_F_SYN_ONLY } = CT_FLAGS;
  const fin = CT_F_FIN_FWD | CT_F_FIN_REV;
  if (protocol !== 6) return flags & CT_F_SEEN_REPLY ? 'replied' : 'new';
  if (flags & CT_F_RST) return 'reset';
  if ((flags & fin) === fin) return 'closing';
  if (flags & fin) return 'half-closed';
  if (flags & CT_F_SYN_ONLY) return 'syn-sent';
  return 'established';
}

export function registerInspectCommands(
  program: Command,
  config: () => SluiceConfig,
  socket: () => string,
): void {
  const out = (o: { output: string }): OutputFormat => parseOutput(o.output);
  const endpoint = program.command('endpoint').description('endpoints: pods on this node in the datapath');
  const listEndpoints = async (opts: { output: string }, only?: string) => {
    const format = out(opts);
    const cfg = config();
    const names = await fetchNames(socket());
    const eps = only ? [await resolveEndpoint(cfg, names, only)] : await endpointsInMaps(cfg);
    const rows = eps
      .sort((a, b) => a.endpoint_id - b.endpoint_id)
      .map((e) => ({
        id: e.endpoint_id,
        pod: names?.endpoints.get(e.endpoint_id)?.pod ?? '<unavailable>',
        ip: e.ip,
        identity: e.identity,
        identityLabels: identityText(e.identity, names),
        ingressEnforced: (e.flags & EP_F_INGRESS_ENFORCED) !== 0,
        egressEnforced: (e.flags & EP_F_EGRESS_ENFORCED) !== 0,
        hostInterface: names?.endpoints.get(e.endpoint_id)?.host_ifname ?? '',
        ifindex: e.ifindex,
      }));
    print(
      format,
      () =>
        formatTable(
          ['id', 'pod', 'ip', 'identity', 'labels', 'ingress', 'egress', 'ifindex'],
          rows.map((r) => [
            r.id,
            r.pod,
            r.ip,
            r.identity,
            r.identityLabels,
            r.ingressEnforced ? 'enforced' : 'open',
            r.egressEnforced ? 'enforced' : 'open',
            r.ifindex,
          ]),
        ),
      only ? rows[0] : rows,
    );
  };
  endpoint
    .command('list')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action((o) => listEndpoints(o));
  endpoint
    .command('get <endpoint>')
    .description('one endpoint, by pod (namespace/name), id or IP')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action((ref: string, o) => listEndpoints(o, ref));

  const identity = program.command('identity').description('security identities and their labels');
  const listIdentities = async (opts: { output: string }, only?: string) => {
    const format = out(opts);
    const names = await fetchNames(socket());
    if (!names) throw new EnvironmentError('identity labels live in the agent, which is unreachable');
    let ids = [...names.identities.values()];
    if (only !== undefined) {
      ids = ids.filter((i) => String(i.id) === only);
      if (ids.length === 0) throw new UserError(`no identity ${only} (sluice identity list shows them all)`);
    }
    const rows = ids.map((i) => ({
      id: i.id ?? 0,
      kind: i.kind ?? '',
      namespace: i.namespace ?? '',
      labels: { ...(i.pod_labels ?? {}) },
      namespaceLabels: { ...(i.namespace_labels ?? {}) },
      pods: i.pods ?? [],
    }));
    print(
      format,
      () =>
        formatTable(
          ['id', 'kind', 'namespace', 'labels', 'pods'],
          rows.map((r) => [r.id, r.kind, r.namespace, labelText(r.labels) || '<none>', r.pods.length]),
        ),
      only ? rows[0] : rows,
    );
  };
  identity
    .command('list')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action((o) => listIdentities(o));
  identity
    .command('get <id>')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action((id: string, o) => listIdentities(o, id));

  const ipcache = program.command('ipcache').description('addresses -> identities');
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
  ipcache
    .command('list')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action(async (o) => {
      const format = out(o);
      const rows = await ipcacheRows(await fetchNames(socket()));
      print(
        format,
        () =>
          formatTable(
            ['prefix', 'identity', 'namespace-id', 'name', 'node'],
            rows.map((r) => [r.prefix, r.identity, r.namespaceIdentity || '-', r.name, r.node || '-']),
          ),
        rows,
      );
    });
  ipcache
    .command('get <ip>')
    .description('the identity the datapath resolves an address to (longest prefix; world on a miss)')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action(async (ip: string, o) => {
      const format = out(o);
      let addr: number;
      try {
        addr = parseIPv4(ip);
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
        identity: 2,
        namespaceIdentity: 0,
        name: 'reserved:world',
        node: '',
      };
      print(
        format,
        () => formatTable(['ip', 'prefix', 'identity', 'name'], [[ip, row.prefix, row.identity, row.name]]),
        { ip, ...row },
      );
    });

  const policy =
    program.commands.find((c) => c.name() === 'policy') ??
    program.command('policy').description('NetworkPolicy tools');
  policy
    .command('get <endpoint>')
    .description("an endpoint's policy entries (pod namespace/name, endpoint id or IP)")
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action(async (ref: string, o) => {
      const format = out(o);
      const cfg = config();
      const names = await fetchNames(socket());
      const ep = await resolveEndpoint(cfg, names, ref);
      const rows = (await dumpMap(pin(cfg, 'policy')))
        .map((e) => ({ k: policyKeyCodec.decode(e.key), v: policyValueCodec.decode(e.value) }))
        .filter(({ k }) => k.endpoint_id === ep.endpoint_id)
        .map(({ k, v }) => {
          const rule = names?.rules.get(v.rule_id);
          return {
            direction: k.direction === 1 ? 'ingress' : 'egress',
            peerIdentity: k.identity,
            peer: identityText(k.identity, names),
            ...portText(k.prefixlen, k.protocol, k.dport),
            packets: v.packets,
            bytes: v.bytes,
            policy: rule
              ? `${rule.policy} ${rule.direction}[${rule.index}]`
              : names
                ? `rule ${v.rule_id}`
                : '<unavailable>',
          };
        })
        .sort(
          (a, b) =>
            a.direction.localeCompare(b.direction) ||
            a.peerIdentity - b.peerIdentity ||
            a.port.localeCompare(b.port),
        );
      const cidrs = (await dumpMap(pin(cfg, 'cidr')))
        .map((e) => ({ k: cidrKeyCodec.decode(e.key), v: cidrValueCodec.decode(e.value) }))
        .filter(({ k }) => k.endpoint_id === ep.endpoint_id)
        .map(({ k, v }) => ({
          direction: k.direction === 1 ? 'ingress' : 'egress',
          cidr: `${k.addr}/${k.prefixlen - 64}`,
          set: v.set_identity ? identityText(v.set_identity, names) : 'none (except)',
        }));
      const enforced = {
        ingress: (ep.flags & EP_F_INGRESS_ENFORCED) !== 0,
        egress: (ep.flags & EP_F_EGRESS_ENFORCED) !== 0,
      };
      print(
        format,
        () =>
          `Endpoint ${ep.endpoint_id} (${names?.endpoints.get(ep.endpoint_id)?.pod ?? ep.ip}): ingress ${enforced.ingress ? 'enforced' : 'open'}, egress ${enforced.egress ? 'enforced' : 'open'}\n\n` +
          formatTable(
            ['direction', 'peer', 'protocol', 'port', 'packets', 'bytes', 'policy'],
            rows.map((r) => [r.direction, r.peer, r.protocol, r.port, r.packets, r.bytes, r.policy]),
          ) +
          (cidrs.length
            ? `\n${formatTable(
                ['direction', 'cidr', 'rule set'],
                cidrs.map((c) => [c.direction, c.cidr, c.set]),
              )}`
            : ''),
        { endpoint: ep.endpoint_id, enforced, entries: rows, cidrs },
      );
    });

  policy
    .command('explain <from> <to>')
    .description(
      'which policies select each side, which rule would allow, and the verdict, from the live state',
    )
    .requiredOption('--port <port>', 'destination port')
    .option('--protocol <protocol>', 'TCP, UDP or SCTP', 'TCP')
    .option('-o, --output <format>', 'text, json or yaml', 'text')
    .action(async (from: string, to: string, o: { port: string; protocol: string; output: string }) => {
      // Checked before asking the agent: text (the default), json or yaml.
      const format = o.output === 'text' ? 'text' : parseOutput(o.output, ['text', 'json', 'yaml']);
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new UserError(`--port ${o.port}: expected a port number`);
      if (!['TCP', 'UDP', 'SCTP'].includes(o.protocol.toUpperCase()))
        throw new UserError(`--protocol ${o.protocol}: expected TCP, UDP or SCTP`);
      for (const [role, ref] of [
        ['FROM', from],
        ['TO', to],
      ]) {
        if (!/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(ref!))
          throw new UserError(`${role} ${JSON.stringify(ref)}: expected namespace/pod`);
      }
      let e: sluice.v1.IExplainResponse;
      try {
        e = (await callAgent(socket(), { explain: { from, to, port, protocol: o.protocol.toUpperCase() } }))
          .explain!;
      } catch (err) {
        // A pod the agent does not know is bad input (exit 2); "not ready yet" and the like keep
        // the agent's own exit code, which scripts can retry on.
        if (err instanceof AgentError && err.code === CNI_INVALID_CONFIG) throw new UserError(err.message);
        throw err;
      }
      const data = {
        from,
        to,
        port,
        protocol: o.protocol.toUpperCase(),
        verdict: e.allowed ? 'ALLOWED' : 'DENIED',
        source: e.source,
        destination: e.destination,
      };
      if (format !== 'text') {
        print(format, () => '', data);
      } else {
        const line = (s: sluice.v1.IExplainSide | null | undefined, what: string) => {
          if (!s) return '';
          const head = `${what} ${s.pod} (${s.direction}${s.local ? '' : ', not on this node: enforced by its own node'})`;
          if (!s.selected_by?.length)
            return `${head}: not isolated, no policy selects it for ${s.direction}\n`;
          const by = `selected by ${s.selected_by.join(', ')}`;
          return s.allowed
            ? `${head}: ${by}; allowed by ${s.rule || s.via}\n`
            : `${head}: ${by}; no rule allows ${port}/${data.protocol} from this peer\n`;
        };
        process.stdout.write(
          `${line(e.source, 'source')}${line(e.destination, 'destination')}verdict: ${data.verdict}\n`,
        );
      }
      if (!e.allowed) process.exitCode = 1;
    });

  program
    .command('ct')
    .description('connection tracking')
    .command('list')
    .option('--pod <pod>', 'only connections of this pod (namespace/name, endpoint id or IP)')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action(async (o: { pod?: string; output: string }) => {
      const format = out(o);
      const cfg = config();
      const names = await fetchNames(socket());
      const only = o.pod ? await resolveEndpoint(cfg, names, o.pod) : undefined;
      const now = nowSeconds();
      const rows = (await dumpMap(pin(cfg, 'ct')))
        .map((e) => ({ k: ctKeyCodec.decode(e.key), v: ctValueCodec.decode(e.value) }))
        .filter(
          ({ k, v }) =>
            !only ||
            v.src_endpoint === only.endpoint_id ||
            v.dst_endpoint === only.endpoint_id ||
            k.saddr === only.ip ||
            k.daddr === only.ip,
        )
        .map(({ k, v }) => ({
          source: `${k.saddr}:${k.sport}`,
          destination: `${k.daddr}:${k.dport}`,
          protocol: protocolName(k.protocol),
          state: ctState(v.flags, k.protocol),
          expiresInSeconds: v.expires - now,
          packets: `${v.packets_fwd}/${v.packets_rev}`,
          bytes: `${v.bytes_fwd}/${v.bytes_rev}`,
          policy: names?.rules.get(v.rule_id)?.policy ?? (v.rule_id ? String(v.rule_id) : '-'),
        }));
      print(
        format,
        () =>
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
        rows,
      );
    });

  program
    .command('metrics')
    .description('datapath counters')
    .command('list')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action(async (o) => {
      const format = out(o);
      const cfg = config();
      const names = await fetchNames(socket());
      pin(cfg, 'metrics');
      const rows = (await readMetrics(cfg.pinRoot))
        .map((m) => ({
          endpoint: m.endpointId,
          pod: names?.endpoints.get(m.endpointId)?.pod ?? (m.endpointId ? '<unavailable>' : '<none>'),
          direction: m.direction === 1 ? 'ingress' : 'egress',
          verdict: m.reason === 0 ? 'FORWARDED' : 'DROPPED',
          reason: REASONS[m.reason]?.text ?? `reason ${m.reason}`,
          packets: m.packets,
          bytes: m.bytes,
        }))
        .sort(
          (a, b) =>
            a.endpoint - b.endpoint ||
            a.direction.localeCompare(b.direction) ||
            a.reason.localeCompare(b.reason),
        );
      print(
        format,
        () =>
          formatTable(
            ['endpoint', 'pod', 'direction', 'verdict', 'reason', 'packets', 'bytes'],
            rows.map((r) => [r.endpoint, r.pod, r.direction, r.verdict, r.reason, r.packets, r.bytes]),
          ),
        rows,
      );
    });
}
