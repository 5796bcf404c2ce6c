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
import { NODE_PORT_MAX, NODE_PORT_MIN, type ServiceProblem } from '../model/validate-service.js';
import { formatIPv4, parseCidr } from '../net/ipv4.js';
import { formatIPv6, parseCidrV6 } from '../net/ipv6.js';
import { matchesSelector } from '../policy/selector.js';
import { fnv1a } from '../sys/hash.js';

/** One family's Service range as the allocator probes it: `count` addresses, the nth by `at`. */
interface Pool {
  /** The config setting it comes from, for problems. */
  setting: 'serviceCidr' | 'serviceCidrV6';
  cidr: string;
  count: bigint;
  at(n: bigint): string;
}

/** Every address but the network address and the first host (the API server's kubernetes
 * Service), and the last (IPv4's broadcast; IPv6 keeps the same shape so both read alike). */
function poolV4(cidr: string): Pool {
  const { addr, len } = parseCidr(cidr);
  return {
    setting: 'serviceCidr',
    cidr,
    count: BigInt(2 ** (32 - len) - 3),
    at: (n) => formatIPv4(addr + 2 + Number(n)),
  };
}

function poolV6(cidr: string): Pool {
  const { addr, len } = parseCidrV6(cidr);
  return {
    setting: 'serviceCidrV6',
    cidr,
    count: (1n << BigInt(128 - len)) - 3n,
    at: (n) => formatIPv6(addr + 2n + n),
  };
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
 * The families the API server gives a Service, primary first: the ones it has (serviceFamilies),
 * and for PreferDualStack and RequireDualStack the other one too; the first `required` of them it
 * must get. RequireDualStack (said, or inferred from two families when spec.ipFamilyPolicy is
 * unset, as the API server does) requires both; otherwise only the primary is required, and a
 * single-stack cluster drops the other (PreferDualStack).
 */
function requestedFamilies(svc: Service): { families: IPFamily[]; required: number } {
  const have = serviceFamilies(svc);
  const policy = svc.ipFamilyPolicy ?? (have.length > 1 ? 'RequireDualStack' : 'SingleStack');
  const families: IPFamily[] =
    policy === 'SingleStack' || have.length > 1 ? have : [have[0]!, have[0] === 'IPv4' ? 'IPv6' : 'IPv4'];
  return { families, required: policy === 'RequireDualStack' ? 2 : 1 };
}

/** Why a Service cannot get the family at index of its requested ones on a cluster without an
 * IPv6 range, in the field that asks for it: the API server of such a cluster refuses it too. */
function noIPv6Problem(svc: Service, object: string, index: number): ServiceProblem {
  const why = 'this node is IPv4 only (no podCidrV6, so no IPv6 Service range)';
  const fix = 'or give the node an IPv6 pod CIDR (podCidrV6; a lab: up --ipv6)';
  const [field, message] =
    index === 0
      ? ['spec.ipFamilies[0]', `IPv6 has no clusterIP to give: ${why}; ask for IPv4, ${fix}`]
      : svc.ipFamilyPolicy === 'RequireDualStack'
        ? [
            'spec.ipFamilyPolicy',
            `RequireDualStack needs an IPv6 clusterIP, but ${why}; set PreferDualStack (IPv4 alone here), ${fix}`,
          ]
        : [
            'spec.ipFamilies',
            `names IPv4 and IPv6 (RequireDualStack, as spec.ipFamilyPolicy is unset), but ${why}; set ipFamilyPolicy PreferDualStack (IPv4 alone here), ${fix}`,
          ];
  return { object, field, message };
}

/**
 * Services with clusterIPs (from serviceCidr and serviceCidrV6) and nodePorts where the manifest
 * leaves them out, as the API server would allocate them. Deterministic: the same manifests give
 * the same addresses on every run (a hash of the name, probing past those taken). A Service that
 * got an address has clusterIP, clusterIPs and ipFamilies set; one that needed none is returned as
 * it was (serviceFamilies reads its families from its addresses); headless ones are left alone.
 * serviceCidrV6 null: the cluster is IPv4 only, as a node without podCidrV6 is (the agent's
 * serviceCidrV6Of): PreferDualStack gets IPv4 alone, and a Service that requires an IPv6 address
 * it was not given (IPv6 primary, RequireDualStack) is a problem naming the field, as the API
 * server of a single-stack cluster refuses it; so is a required family whose range is full. Those
 * Services are returned as they were: problems are errors (loadManifests refuses the manifests).
 * Addresses a manifest gives are taken as given, as they are in any range.
 */
export function assignServiceAddresses(
  services: readonly Service[],
  serviceCidr: string,
  serviceCidrV6: string | null,
): { services: Service[]; problems: ServiceProblem[] } {
  const pools: Record<IPFamily, Pool | undefined> = {
    IPv4: poolV4(serviceCidr),
    IPv6: serviceCidrV6 === null ? undefined : poolV6(serviceCidrV6),
  };
  const problems: ServiceProblem[] = [];
  const usedIps = new Set(services.flatMap((s) => serviceClusterIPs(s)).filter((ip) => ip && ip !== 'None'));
  const usedPorts = new Set<string>();
  for (const s of services)
    for (const p of s.ports) if (p.nodePort) usedPorts.add(`${p.nodePort}/${p.protocol}`);
  const sorted = [...services].sort((a, b) => serviceKey(a).localeCompare(serviceKey(b)));
  const out = new Map<Service, Service>();
  for (const svc of sorted) {
    if (svc.type === 'ExternalName') continue;
    const object = `Service ${serviceKey(svc)}`;
    let next = svc;
    const given = serviceClusterIPs(svc).filter((ip) => ip !== '');
    if (!given.includes('None')) {
      const { families, required } = requestedFamilies(svc);
      const byFamily = new Map(given.map((ip) => [addressFamily(ip), ip]));
      // Refused before any allocation, so a refused Service moves no other one's address.
      const missing = families.findIndex((f, i) => i < required && !byFamily.has(f) && !pools[f]);
      if (missing >= 0) {
        problems.push(noIPv6Problem(svc, object, missing));
        continue;
      }
      let allocated = false;
      let full = false;
      for (const [i, f] of families.entries()) {
        if (byFamily.has(f)) continue;
        const pool = pools[f];
        const ip = pool && probe(pool, serviceKey(svc), usedIps);
        if (ip === undefined) {
          if (pool && i < required) {
            problems.push({
              object,
              field: 'spec.clusterIPs',
              message: `no ${f} address left in ${pool.setting} ${pool.cidr} (every one is taken): give a larger ${pool.setting}, or this Service a clusterIP`,
            });
            full = true;
          }
          continue;
        }
        usedIps.add(ip);
        byFamily.set(f, ip);
        allocated = true;
      }
      if (full) continue;
      const got = families.filter((f) => byFamily.has(f));
      if (allocated) {
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
  return { services: services.map((s) => out.get(s) ?? s), problems };
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
