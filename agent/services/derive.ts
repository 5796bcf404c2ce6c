// What the API server and the endpoint-slice controller would add to Services written as plain
// manifests (local mode, the lab): ClusterIPs (of each family the Service asks for) and NodePorts
// left out, and the EndpointSlices (per family) of every Service with a selector. Pure.

import {
  addressFamily,
  type EndpointSlice,
  type IPFamily,
  type Pod,
  podKey,
  type Service,
  type SliceEndpoint,
  type SlicePort,
  serviceClusterIPs,
  serviceFamilies,
  serviceKey,
} from '../model/types.js';
import { NODE_PORT_MAX, NODE_PORT_MIN } from '../model/validate-service.js';
import { formatIPv4, parseCidr } from '../net/ipv4.js';
import { formatIPv6, parseCidrV6 } from '../net/ipv6.js';
import { matchesSelector } from '../policy/selector.js';
import { fnv1a } from '../sys/hash.js';

export const DEFAULT_SERVICE_CIDR = '10.96.0.0/16';
/** kind's default IPv6 Service range. */
export const DEFAULT_SERVICE_CIDR_V6 = 'fd00:10:96::/112';

/** One family's Service range as the allocator probes it: `count` addresses, the nth by `at`. */
interface Pool {
  count: bigint;
  at(n: bigint): string;
}

/** Every address but the network address and the first host (the API server's kubernetes
 * Service), and the last (IPv4's broadcast; IPv6 keeps the same shape so both read alike). */
function poolV4(cidr: string): Pool {
  const { addr, len } = parseCidr(cidr);
  return { count: BigInt(2 ** (32 - len) - 3), at: (n) => formatIPv4(addr + 2 + Number(n)) };
}

function poolV6(cidr: string): Pool {
  const { addr, len } = parseCidrV6(cidr);
  return { count: (1n << BigInt(128 - len)) - 3n, at: (n) => formatIPv6(addr + 2n + n) };
}

/** The first address of pool not in used, probing from a hash of key: the same key finds the same
 * address on every run. used.size + 1 probes always find one if the pool has one free. */
function probe(pool: Pool, key: string, used: ReadonlySet<string>): string | undefined {
  const h = BigInt(fnv1a(key));
  const tries = pool.count < BigInt(used.size + 1) ? pool.count : BigInt(used.size + 1);
  for (let i = 0n; i < tries; i++) {
    const ip = pool.at((h + i) % pool.count);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

/**
 * The families the API server gives a Service: the ones it has (serviceFamilies), and on a
 * dual-stack cluster for PreferDualStack and RequireDualStack the other one too.
 */
function requestedFamilies(svc: Service, dualStack: boolean): IPFamily[] {
  const have = serviceFamilies(svc);
  const dual = svc.ipFamilyPolicy === 'PreferDualStack' || svc.ipFamilyPolicy === 'RequireDualStack';
  if (!dual || !dualStack || have.length > 1) return have;
  return [have[0]!, have[0] === 'IPv4' ? 'IPv6' : 'IPv4'];
}

/**
 * Services with clusterIPs (from serviceCidr and serviceCidrV6) and nodePorts where the manifest
 * leaves them out, as the API server would allocate them. Deterministic: the same manifests give
 * the same addresses on every run (a hash of the name, probing past those taken). A Service that
 * got an address has clusterIP, clusterIPs and ipFamilies set; one that needed none is returned as
 * it was (serviceFamilies reads its families from its addresses); headless ones are left alone.
 * serviceCidrV6 null: the cluster is IPv4 only, as a node without podCidrV6 is: PreferDualStack
 * and RequireDualStack get IPv4 alone, and an IPv6-only Service no clusterIP.
 */
export function assignServiceAddresses(
  services: readonly Service[],
  serviceCidr = DEFAULT_SERVICE_CIDR,
  serviceCidrV6: string | null = DEFAULT_SERVICE_CIDR_V6,
): Service[] {
  const pools: Record<IPFamily, Pool | undefined> = {
    IPv4: poolV4(serviceCidr),
    IPv6: serviceCidrV6 === null ? undefined : poolV6(serviceCidrV6),
  };
  const usedIps = new Set(services.flatMap((s) => serviceClusterIPs(s)).filter((ip) => ip && ip !== 'None'));
  const usedPorts = new Set<string>();
  for (const s of services)
    for (const p of s.ports) if (p.nodePort) usedPorts.add(`${p.nodePort}/${p.protocol}`);
  const sorted = [...services].sort((a, b) => serviceKey(a).localeCompare(serviceKey(b)));
  const out = new Map<Service, Service>();
  for (const svc of sorted) {
    if (svc.type === 'ExternalName') continue;
    let next = svc;
    const given = serviceClusterIPs(svc).filter((ip) => ip !== '');
    if (!given.includes('None')) {
      const families = requestedFamilies(svc, pools.IPv6 !== undefined);
      const byFamily = new Map(given.map((ip) => [addressFamily(ip), ip]));
      let allocated = false;
      for (const f of families) {
        if (byFamily.has(f)) continue;
        const pool = pools[f];
        const ip = pool && probe(pool, serviceKey(svc), usedIps);
        if (ip === undefined) continue;
        usedIps.add(ip);
        byFamily.set(f, ip);
        allocated = true;
      }
      const got = families.filter((f) => byFamily.has(f));
      if (allocated && got.length > 0) {
        const clusterIPs = got.map((f) => byFamily.get(f)!);
        next = { ...next, clusterIP: clusterIPs[0]!, clusterIPs, ipFamilies: got };
      }
    }
    if (svc.type === 'NodePort' || svc.type === 'LoadBalancer') {
      const range = NODE_PORT_MAX - NODE_PORT_MIN + 1;
      const ports = next.ports.map((p, i) => {
        if (p.nodePort) return p;
        for (let j = 0; j < range; j++) {
          const port = NODE_PORT_MIN + ((fnv1a(`${serviceKey(svc)}/${i}`) + j) % range);
          if (!usedPorts.has(`${port}/${p.protocol}`)) {
            usedPorts.add(`${port}/${p.protocol}`);
            return { ...p, nodePort: port };
          }
        }
        return p;
      });
      next = { ...next, ports };
    }
    out.set(svc, next);
  }
  return services.map((s) => out.get(s) ?? s);
}

/** The port a pod serves a Service port on: a number as is, a name through its containerPorts. */
export function resolveTargetPort(
  pod: Pod,
  target: number | string | undefined,
  port: number,
  protocol: string,
): number | undefined {
  if (target === undefined) return port;
  if (typeof target === 'number') return target;
  return pod.ports.find((p) => p.name === target && p.protocol === protocol)?.containerPort;
}

/**
 * The EndpointSlices the endpoint-slice controller would write for Services with a selector:
 * for each family of the Service (serviceFamilies), every pod of the Service's namespace with an
 * address of that family that the selector matches, one slice per distinct set of resolved target
 * ports (a named targetPort may resolve differently per pod; a pod without it is left out of that
 * port). IPv4 slices are `<svc>-derived-<i>` (as before families), IPv6 ones `<svc>-derived6-<i>`.
 * Pods here are ready: local mode has no probes.
 */
export function deriveEndpointSlices(
  services: readonly Service[],
  pods: readonly Pod[],
  /** Addresses of this node's endpoints by pod key: a pod the store has no address for yet (an
   * agent just restarted, before the runtime tells it) still has its backend. */
  localAddresses: ReadonlyMap<string, string> = new Map(),
  /** The same for IPv6 (canonical), for dual-stack endpoints. */
  localAddressesV6: ReadonlyMap<string, string> = new Map(),
): EndpointSlice[] {
  const out: EndpointSlice[] = [];
  const addressOf: Record<IPFamily, (p: Pod) => string | undefined> = {
    IPv4: (p) => p.ip ?? localAddresses.get(podKey(p)),
    IPv6: (p) => p.ipv6 ?? localAddressesV6.get(podKey(p)),
  };
  for (const svc of services) {
    // An empty selector selects nothing here, as for the controller (it is no selector at all).
    if (!svc.selector || Object.keys(svc.selector).length === 0 || svc.type === 'ExternalName') continue;
    const selector = svc.selector;
    const selected = pods
      .filter(
        (p) =>
          p.namespace === svc.namespace &&
          !p.hostNetwork &&
          matchesSelector({ matchLabels: selector }, p.labels),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const family of serviceFamilies(svc)) {
      const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
      for (const pod of selected) {
        const addr = addressOf[family](pod);
        if (!addr) continue;
        const ports: SlicePort[] = [];
        for (const sp of svc.ports) {
          const port = resolveTargetPort(pod, sp.targetPort, sp.port, sp.protocol);
          if (port !== undefined)
            ports.push({ ...(sp.name ? { name: sp.name } : {}), protocol: sp.protocol, port });
        }
        if (ports.length === 0) continue;
        const sig = JSON.stringify(ports);
        const group = groups.get(sig) ?? { ports, endpoints: [] };
        groups.set(sig, group);
        group.endpoints.push({
          addresses: [addr],
          conditions: { ready: true, serving: true, terminating: false },
          ...(pod.nodeName ? { nodeName: pod.nodeName } : {}),
          pod: podKey(pod),
        });
      }
      const infix = family === 'IPv4' ? 'derived' : 'derived6';
      let i = 0;
      for (const g of groups.values()) {
        out.push({
          namespace: svc.namespace,
          name: `${svc.name}-${infix}-${i++}`,
          serviceName: svc.name,
          addressType: family,
          endpoints: g.endpoints,
          ports: g.ports,
        });
      }
    }
  }
  return out;
}
