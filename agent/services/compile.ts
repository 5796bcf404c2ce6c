// Pure: Services and EndpointSlices in, the frontends this node serves out, each with the
// backends new connections may take and every backend that keeps its connections. kube-proxy's
// semantics: ready endpoints serve; with none ready, serving-and-terminating ones do; a traffic
// policy Local keeps this node's endpoints only (and drops instead of rejecting without any).
// Dual-stack: a frontend per address in spec.clusterIPs, and NodePorts on this node's addresses of
// each family the Service has, every one with the backends of its own family only.

import { LB_BACKEND_FLAGS, LB_FLAGS } from '../abi/constants.js';
import {
  addressFamily,
  type EndpointSlice,
  type IPFamily,
  type Protocol,
  type Service,
  type ServicePort,
  serviceClusterIPs,
  serviceFamilies,
  serviceKey,
} from '../model/types.js';
import { DEFAULT_AFFINITY_TIMEOUT, isIPv4, type ServiceProblem } from '../model/validate-service.js';
import { formatIPv6, ipv6OrUndefined, isIPv6Text } from '../net/ipv6.js';

/** bpf/lib/common.h enum lb_flags and lb_backend_flags (agent/abi/constants.ts). */
export const { LB_F_AFFINITY, LB_F_LOCAL_ONLY, LB_F_NODEPORT } = LB_FLAGS;
export const { LB_BACKEND_F_TERMINATING } = LB_BACKEND_FLAGS;

export type BackendState = 'active' | 'terminating' | 'not-ready';

export interface Backend {
  addr: string;
  port: number;
  state: BackendState;
  nodeName?: string;
  pod?: string;
}

export interface Frontend {
  /** frontendKey: what the frontend id is allocated for. */
  key: string;
  service: string;
  /** The Service port's name ('' when unnamed) and number (a NodePort frontend's port differs). */
  portName: string;
  servicePort: number;
  kind: 'ClusterIP' | 'NodePort';
  addr: string;
  port: number;
  protocol: Protocol;
  flags: number;
  affinityTimeout: number;
  /** Every backend: active ones (in slot order) take new connections, the rest keep theirs. */
  backends: Backend[];
}

export interface ServicesInput {
  services: readonly Service[];
  endpointSlices: readonly EndpointSlice[];
  /** This node's IPv4 addresses: a NodePort of a Service with the IPv4 family is served on each. */
  nodeIps: readonly string[];
  /** This node's IPv6 addresses (canonical): the same for Services with the IPv6 family. */
  nodeIpsV6?: readonly string[];
  /** This node's name, for traffic policy Local (slices name each endpoint's node). */
  nodeName?: string;
  /** Addresses of pods on this node, IPv4 and IPv6 (canonical): local too when a slice names no
   * node. */
  localAddresses: ReadonlySet<string>;
}

export interface ServicesOutput {
  frontends: Frontend[];
  problems: ServiceProblem[];
}

/** "namespace/name:port" — the Service port by name, else by number: how flows and metrics name it. */
export function servicePortLabel(f: Pick<Frontend, 'service' | 'portName' | 'servicePort'>): string {
  return `${f.service}:${f.portName || f.servicePort}`;
}

/** "10.96.0.1:80/TCP", "[fd00::1]:80/TCP": the frontend's id is allocated for it, and its entry
 * in the pinned maps is named by it again. An IPv6 address is bracketed (RFC 3986), so the port
 * stays apart from its groups. */
export function frontendKey(addr: string, port: number, protocol: Protocol): string {
  return isIPv6Text(addr) ? `[${addr}]:${port}/${protocol}` : `${addr}:${port}/${protocol}`;
}

/** An address of the family in its canonical text, or undefined when it is not one ("None",
 * empty, malformed). */
function canonicalAddress(addr: string, family: IPFamily): string | undefined {
  if (family === 'IPv4') return isIPv4(addr) ? addr : undefined;
  const n = ipv6OrUndefined(addr);
  return n === undefined ? undefined : formatIPv6(n);
}

/** The backends of one Service port from its slices of one family (every slice port with the same
 * name and protocol). Slice addresses are taken as they are: the store holds slices whose addresses
 * are of their addressType (validateEndpointSlice), IPv6 ones canonical (parseEndpointSlice, and
 * derived slices from canonical pod addresses). */
function backendsOf(
  svc: Service,
  sp: ServicePort,
  slices: readonly EndpointSlice[],
  family: IPFamily,
): Backend[] {
  const name = sp.name ?? '';
  const seen = new Map<string, Backend>();
  for (const slice of slices) {
    if (slice.addressType !== family) continue;
    for (const p of slice.ports) {
      if ((p.name ?? '') !== name || (p.protocol ?? 'TCP') !== sp.protocol || p.port === undefined) continue;
      for (const e of slice.endpoints) {
        const c = e.conditions ?? {};
        // Unset ready means ready (the API's own default), unless terminating.
        const ready = svc.publishNotReadyAddresses || (c.ready ?? !c.terminating);
        const serving = c.serving ?? ready;
        const state: BackendState = ready ? 'active' : serving && c.terminating ? 'terminating' : 'not-ready';
        for (const addr of e.addresses) {
          const k = `${addr}:${p.port}`;
          const b: Backend = { addr, port: p.port, state };
          if (e.nodeName) b.nodeName = e.nodeName;
          if (e.pod) b.pod = e.pod;
          const old = seen.get(k);
          if (!old || (old.state !== 'active' && state === 'active')) seen.set(k, b);
        }
      }
    }
  }
  // By address text, then port: total for either family (slot order must not depend on input order).
  return [...seen.values()].sort((a, b) => (a.addr === b.addr ? a.port - b.port : a.addr < b.addr ? -1 : 1));
}

/** Which backends take new connections: the ready ones, else the serving terminating ones. */
function withSlots(backends: Backend[]): Backend[] {
  if (backends.some((b) => b.state === 'active')) return backends;
  return backends.map((b) => (b.state === 'terminating' ? { ...b, state: 'active' as const } : b));
}

export function compileServices(input: ServicesInput): ServicesOutput {
  const problems: ServiceProblem[] = [];
  const frontends: Frontend[] = [];
  const taken = new Map<string, string>();
  const slicesOf = new Map<string, EndpointSlice[]>();
  for (const s of input.endpointSlices) {
    const k = `${s.namespace}/${s.serviceName}`;
    const list = slicesOf.get(k) ?? [];
    list.push(s);
    slicesOf.set(k, list);
  }
  const isLocal = (b: Backend) =>
    b.nodeName !== undefined && input.nodeName !== undefined
      ? b.nodeName === input.nodeName
      : input.localAddresses.has(b.addr);
  const services = [...input.services].sort((a, b) => serviceKey(a).localeCompare(serviceKey(b)));
  for (const svc of services) {
    if (svc.type === 'ExternalName') continue;
    const object = `Service ${serviceKey(svc)}`;
    const slices = slicesOf.get(serviceKey(svc)) ?? [];
    const affinity = svc.sessionAffinity === 'ClientIP';
    const timeout = affinity ? (svc.affinityTimeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT) : 0;
    const families = serviceFamilies(svc);
    // Headless ("None") and malformed addresses have no frontend; validation has named the latter.
    const clusterIPs = serviceClusterIPs(svc).flatMap((a) => {
      const addr = canonicalAddress(a, addressFamily(a));
      return addr === undefined ? [] : [addr];
    });
    svc.ports.forEach((sp, i) => {
      // Only the Service's families: its addresses are of those (serviceFamilies), and NodePorts are
      // served for those alone.
      const all = new Map(families.map((f) => [f, backendsOf(svc, sp, slices, f)]));
      const backendsFor = (f: IPFamily) => all.get(f) ?? [];
      if (
        svc.selector &&
        Object.keys(svc.selector).length > 0 &&
        typeof sp.targetPort === 'string' &&
        families.every((f) => backendsFor(f).length === 0)
      ) {
        problems.push({
          object,
          field: `spec.ports[${i}].targetPort`,
          message: `no backend serves a port named "${sp.targetPort}" (${sp.protocol}): connections to this port are rejected`,
          warning: true,
        });
      }
      const add = (
        kind: Frontend['kind'],
        addr: string,
        port: number,
        backends: Backend[],
        local: boolean,
        field: string,
      ) => {
        const key = frontendKey(addr, port, sp.protocol);
        const owner = taken.get(key);
        if (owner) {
          problems.push({
            object,
            field,
            message: `duplicate frontend ${key}: ${owner} has it already (this port is not served)`,
            warning: true,
          });
          return;
        }
        taken.set(key, `${object} ${field}`);
        const chosen = withSlots(local ? backends.filter(isLocal) : backends);
        frontends.push({
          key,
          service: serviceKey(svc),
          portName: sp.name ?? '',
          servicePort: sp.port,
          kind,
          addr,
          port,
          protocol: sp.protocol,
          flags:
            (affinity ? LB_F_AFFINITY : 0) |
            (local ? LB_F_LOCAL_ONLY : 0) |
            (kind === 'NodePort' ? LB_F_NODEPORT : 0),
          affinityTimeout: timeout,
          backends: chosen,
        });
      };
      // Each address takes the backends of its own family: no translation between families.
      for (const addr of clusterIPs)
        add(
          'ClusterIP',
          addr,
          sp.port,
          backendsFor(addressFamily(addr)),
          svc.internalTrafficPolicy === 'Local',
          `spec.ports[${i}].port`,
        );
      if ((svc.type === 'NodePort' || svc.type === 'LoadBalancer') && sp.nodePort) {
        for (const family of families)
          for (const ip of family === 'IPv4' ? input.nodeIps : (input.nodeIpsV6 ?? []))
            add(
              'NodePort',
              ip,
              sp.nodePort,
              backendsFor(family),
              svc.externalTrafficPolicy === 'Local',
              `spec.ports[${i}].nodePort`,
            );
      }
    });
  }
  return { frontends, problems };
}
