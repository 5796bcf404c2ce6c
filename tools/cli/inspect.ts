// What the inspection commands share: names from the agent (describe) for the numbers in the
// maps, and the pinned maps themselves. With the agent down the maps are still read, and a note
// on stderr says that names are unavailable.

import { existsSync } from 'node:fs';
import { SLUICE_IDENTITY } from '../../agent/abi/constants.js';
import { AgentUnavailableError, callAgent } from '../../agent/api/client.js';
import type { sluice } from '../../agent/api/gen/sluice.js';
import type { SluiceConfig } from '../../agent/config/config.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import { addr6Codec, endpointInfoCodec, endpointKeyCodec } from '../../agent/datapath/codecs.js';
import { type MapId, mapPin } from '../../agent/datapath/maps.js';
import { canonicalIPv6, ipFamily } from '../../agent/net/ipv6.js';
import { protocolName } from '../../agent/net/protocols.js';
import { POLICY_PREFIX_ANY_PORT, POLICY_PREFIX_ANY_PROTO } from '../../agent/policy/types.js';
import { EnvironmentError, UserError } from '../../agent/sys/errors.js';

const { SLUICE_ID_CIDR_SET_BIT: ID_CIDR_SET_BIT, SLUICE_ID_NAMESPACE_BIT: ID_NAMESPACE_BIT } =
  SLUICE_IDENTITY;

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

export const labelText = (l: Record<string, string> | null | undefined) =>
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

export function pin(cfg: SluiceConfig, id: MapId): string {
  const p = mapPin(cfg.pinRoot, id);
  if (!existsSync(p)) {
    throw new EnvironmentError(
      `${p} does not exist: is the agent running (or the datapath loaded) with pin root ${cfg.pinRoot}?`,
    );
  }
  return p;
}

/** The entries of a map an older agent may not have pinned yet (the IPv6 twins): none then. */
export async function dumpIfPinned(cfg: SluiceConfig, id: MapId) {
  const p = mapPin(cfg.pinRoot, id);
  return existsSync(p) ? dumpMap(p) : [];
}

/** Endpoints with their IPv4 address and, for dual-stack pods, their IPv6 one ('' without). */
export async function endpointsInMaps(cfg: SluiceConfig) {
  const ipv6 = new Map<number, string>();
  for (const e of await dumpIfPinned(cfg, 'endpoints6'))
    ipv6.set(endpointInfoCodec.decode(e.value).endpoint_id, addr6Codec.decode(e.key).w);
  return (await dumpMap(pin(cfg, 'endpoints'))).map((e) => {
    const info = endpointInfoCodec.decode(e.value);
    return { ip: endpointKeyCodec.decode(e.key).addr, ipv6: ipv6.get(info.endpoint_id) ?? '', ...info };
  });
}

function canonicalOrSelf(ref: string): string {
  return ipFamily(ref) === 6 ? canonicalIPv6(ref) : ref;
}

/** A pod ("ns/name"), an endpoint id or an IP (either family), to an endpoint in the maps. */
export async function resolveEndpoint(cfg: SluiceConfig, names: Names | undefined, ref: string) {
  const eps = await endpointsInMaps(cfg);
  const byPod = names ? [...names.endpoints.values()].find((e) => e.pod === ref) : undefined;
  const ep = eps.find(
    (e) =>
      String(e.endpoint_id) === ref ||
      e.ip === ref ||
      (e.ipv6 !== '' && e.ipv6 === canonicalOrSelf(ref)) ||
      (byPod && e.endpoint_id === byPod.id),
  );
  if (!ep) {
    const hint = ref.includes('/') && !names ? ' (pod names need the agent; use the endpoint id or IP)' : '';
    throw new UserError(
      `no endpoint ${JSON.stringify(ref)}: give a pod (namespace/name), an endpoint id or an IP${hint}`,
    );
  }
  return ep;
}
