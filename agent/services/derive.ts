// What the API server and the endpoint-slice controller would add to Services written as plain
// manifests (local mode, the lab): ClusterIPs and NodePorts left out, and the EndpointSlices of
// every Service with a selector. Pure.

import {
  type EndpointSlice,
  type Pod,
  type Service,
  type SliceEndpoint,
  type SlicePort,
  serviceKey,
} from '../model/types.js';
import { NODE_PORT_MAX, NODE_PORT_MIN } from '../model/validate-service.js';
import { formatIPv4, parseCidr } from '../net/ipv4.js';
import { matchesSelector } from '../policy/selector.js';
import { fnv1a } from '../sys/hash.js';

export const DEFAULT_SERVICE_CIDR = '10.96.0.0/16';

/**
 * Services with a clusterIP (from serviceCidr) and nodePorts where the manifest leaves them out,
 * as the API server would allocate them. Deterministic: the same manifests give the same
 * addresses on every run (a hash of the name, probing past those taken).
 */
export function assignServiceAddresses(
  services: readonly Service[],
  serviceCidr = DEFAULT_SERVICE_CIDR,
): Service[] {
  const { addr: base, len } = parseCidr(serviceCidr);
  const size = 2 ** (32 - len);
  const usedIps = new Set(services.map((s) => s.clusterIP).filter((ip): ip is string => !!ip));
  const usedPorts = new Set<string>();
  for (const s of services)
    for (const p of s.ports) if (p.nodePort) usedPorts.add(`${p.nodePort}/${p.protocol}`);
  const sorted = [...services].sort((a, b) => serviceKey(a).localeCompare(serviceKey(b)));
  const out = new Map<Service, Service>();
  for (const svc of sorted) {
    let next = svc;
    if (svc.clusterIP === undefined || svc.clusterIP === '') {
      if (svc.type === 'ExternalName') continue;
      // Skip the network address and the first host (the API server's kubernetes Service).
      for (let i = 0; i < size - 2; i++) {
        const ip = formatIPv4(base + 2 + ((fnv1a(serviceKey(svc)) + i) % (size - 3)));
        if (!usedIps.has(ip)) {
          usedIps.add(ip);
          next = { ...next, clusterIP: ip };
          break;
        }
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
 * every pod of the Service's namespace with an address that the selector matches, one slice per
 * distinct set of resolved target ports (a named targetPort may resolve differently per pod; a
 * pod without it is left out of that port). Pods here are ready: local mode has no probes.
 */
export function deriveEndpointSlices(
  services: readonly Service[],
  pods: readonly Pod[],
  /** Addresses of this node's endpoints by pod key: a pod the store has no address for yet (an
   * agent just restarted, before the runtime tells it) still has its backend. */
  localAddresses: ReadonlyMap<string, string> = new Map(),
): EndpointSlice[] {
  const out: EndpointSlice[] = [];
  const withIp = pods.map((p) => {
    const ip = p.ip ?? localAddresses.get(`${p.namespace}/${p.name}`);
    return ip && ip !== p.ip ? { ...p, ip } : p;
  });
  for (const svc of services) {
    // An empty selector selects nothing here, as for the controller (it is no selector at all).
    if (!svc.selector || Object.keys(svc.selector).length === 0 || svc.type === 'ExternalName') continue;
    const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
    const selector = svc.selector;
    const members = withIp
      .filter(
        (p) =>
          p.namespace === svc.namespace &&
          p.ip &&
          !p.hostNetwork &&
          matchesSelector({ matchLabels: selector }, p.labels),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const pod of members) {
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
        addresses: [pod.ip!],
        conditions: { ready: true, serving: true, terminating: false },
        ...(pod.nodeName ? { nodeName: pod.nodeName } : {}),
        pod: `${pod.namespace}/${pod.name}`,
      });
    }
    let i = 0;
    for (const g of groups.values()) {
      out.push({
        namespace: svc.namespace,
        name: `${svc.name}-derived-${i++}`,
        serviceName: svc.name,
        addressType: 'IPv4',
        endpoints: g.endpoints,
        ports: g.ports,
      });
    }
  }
  return out;
}
