// Pure: the contents the synced maps should have, as encoded key -> value buffers.

import type { Endpoint } from '../endpoints/types.js';
import { formatIPv4, parseCidr } from '../policy/cidr.js';
import { CIDR_PREFIX_BASE, type CompileOutput, POLICY_PREFIX_ANY_PROTO } from '../policy/types.js';
import {
  cidrKeyCodec,
  cidrValueCodec,
  endpointInfoCodec,
  endpointKeyCodec,
  ipcacheKeyCodec,
  ipcacheValueCodec,
  policyKeyCodec,
  policyValueCodec,
} from './codecs.js';

export type MapContents = Map<string, Buffer>;

export interface DesiredMaps {
  endpoints: MapContents;
  ipcache: MapContents;
  policy: MapContents;
  cidr: MapContents;
}

export interface IpcacheEntry {
  /** "a.b.c.d" or "a.b.c.d/len" */
  prefix: string;
  identity: number;
}

export interface DesiredInput {
  endpoints: readonly Endpoint[];
  /** identity of each endpoint's pod, by podKey */
  identities: ReadonlyMap<string, number>;
  ipcache: readonly IpcacheEntry[];
  compiled?: CompileOutput;
}

export function hexKey(buf: Buffer): string {
  return buf.toString('hex');
}

function put(map: MapContents, key: Buffer, value: Buffer): void {
  map.set(hexKey(key), value);
}

export function desiredMaps(input: DesiredInput): DesiredMaps {
  const out: DesiredMaps = { endpoints: new Map(), ipcache: new Map(), policy: new Map(), cidr: new Map() };
  const flags = input.compiled?.endpointFlags;
  for (const ep of input.endpoints) {
    put(
      out.endpoints,
      endpointKeyCodec.encode({ addr: ep.ip }),
      endpointInfoCodec.encode({
        ifindex: ep.hostIfindex,
        endpoint_id: ep.id,
        identity: input.identities.get(ep.podKey) ?? 0,
        flags: flags?.get(ep.id) ?? 0,
        pod_mac: ep.podMac,
        host_mac: ep.hostMac,
      }),
    );
  }
  for (const entry of input.ipcache) {
    const { addr, len } = parseCidr(entry.prefix.includes('/') ? entry.prefix : `${entry.prefix}/32`);
    put(
      out.ipcache,
      ipcacheKeyCodec.encode({ prefixlen: len, addr: formatIPv4(addr) }),
      ipcacheValueCodec.encode({ identity: entry.identity, flags: 0 }),
    );
  }
  for (const p of input.compiled?.policy ?? []) {
    put(
      out.policy,
      policyKeyCodec.encode({
        prefixlen: p.prefixLen,
        endpoint_id: p.endpointId,
        identity: p.identity,
        direction: p.direction,
        protocol: p.prefixLen > POLICY_PREFIX_ANY_PROTO ? p.protocol : 0,
        dport: p.port,
      }),
      policyValueCodec.encode({ rule_id: p.ruleId, flags: 0, packets: 0, bytes: 0 }),
    );
  }
  for (const c of input.compiled?.cidr ?? []) {
    put(
      out.cidr,
      cidrKeyCodec.encode({
        prefixlen: CIDR_PREFIX_BASE + c.len,
        endpoint_id: c.endpointId,
        direction: c.direction,
        addr: c.addr,
      }),
      cidrValueCodec.encode({ set_identity: c.setIdentity, flags: 0 }),
    );
  }
  return out;
}
