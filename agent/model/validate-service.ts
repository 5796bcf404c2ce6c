// Services and EndpointSlices checked at the boundary, with the API server's own rules where
// load balancing depends on them. Every problem names the object and the field.

import { ipv4OrMinusOne } from '../net/ipv4.js';
import { ipFamily } from '../net/ipv6.js';
import {
  type EndpointSlice,
  IP_FAMILIES,
  IP_FAMILY_POLICIES,
  type IPFamily,
  PROTOCOLS,
  type Service,
  serviceKey,
} from './types.js';

export interface ServiceProblem {
  /** "Service ns/name" or "EndpointSlice ns/name" */
  object: string;
  field: string;
  message: string;
  /** Set: the object is stored and enforced without the part named; unset: the object is refused. */
  warning?: boolean;
}

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
export const DEFAULT_AFFINITY_TIMEOUT = 10800;
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;
const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

function isPort(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 65535;
}

export function isIPv4(s: string): boolean {
  return ipv4OrMinusOne(s) >= 0;
}

/** The family of an address text as the API names it, or undefined when it is no address. */
function familyOf(a: unknown): IPFamily | undefined {
  if (typeof a !== 'string') return undefined;
  const f = ipFamily(a);
  return f === 4 ? 'IPv4' : f === 6 ? 'IPv6' : undefined;
}

/**
 * spec.clusterIP, spec.clusterIPs, spec.ipFamilies and spec.ipFamilyPolicy, with the API server's
 * rules: at most one address per family, the primary first and equal to clusterIP; "None" only
 * alone; families matching the addresses in order; SingleStack (when said) with one family.
 */
function addressProblems(svc: Service, object: string): ServiceProblem[] {
  const out: ServiceProblem[] = [];
  const bad = (field: string, message: string) => out.push({ object, field, message });
  const ip = svc.clusterIP;
  if (ip !== undefined && ip !== 'None' && ip !== '' && !familyOf(ip))
    bad('spec.clusterIP', `must be an IPv4 or IPv6 address, "None" or empty, not ${JSON.stringify(ip)}`);
  const ips = svc.clusterIPs;
  if (ips !== undefined && !Array.isArray(ips)) bad('spec.clusterIPs', 'must be a list');
  else if (ips !== undefined && ips.length > 0) {
    if (ips.length > 2)
      bad('spec.clusterIPs', `has ${ips.length} addresses: at most 2, one IPv4 and one IPv6`);
    ips.forEach((a, i) => {
      const f = `spec.clusterIPs[${i}]`;
      if (a === 'None') {
        if (ips.length > 1) bad(f, '"None" (headless) must be the only entry');
      } else if (a === '') {
        // Empty: to be allocated, as for clusterIP.
      } else if (!familyOf(a))
        bad(f, `must be an IPv4 or IPv6 address, "None" or empty, not ${JSON.stringify(a)}`);
      else if (i > 0 && familyOf(a) === familyOf(ips[0]))
        bad(f, `${a} is ${familyOf(a)} like spec.clusterIPs[0]: at most one address per family`);
    });
    if (ip !== undefined && ips[0] !== ip)
      bad('spec.clusterIPs[0]', `must be spec.clusterIP (${ip}), not ${JSON.stringify(ips[0])}`);
  }
  const fams = svc.ipFamilies;
  if (fams !== undefined && !Array.isArray(fams)) bad('spec.ipFamilies', 'must be a list');
  else if (fams !== undefined) {
    if (fams.length > 2) bad('spec.ipFamilies', `has ${fams.length} entries: at most 2, IPv4 and IPv6`);
    fams.forEach((fam, i) => {
      const f = `spec.ipFamilies[${i}]`;
      if (!IP_FAMILIES.includes(fam)) bad(f, `must be IPv4 or IPv6, not ${JSON.stringify(fam)}`);
      else if (fams.indexOf(fam) < i) bad(f, `${fam} is spec.ipFamilies[${fams.indexOf(fam)}] already`);
    });
    // The addresses, primary first, must be of the families in the same order.
    const addrs = Array.isArray(ips) && ips.length > 0 ? ips : ip ? [ip] : [];
    const field = Array.isArray(ips) && ips.length > 0 ? 'spec.clusterIPs' : 'spec.clusterIP';
    fams.slice(0, 2).forEach((fam, i) => {
      const have = familyOf(addrs[i]);
      if (have && IP_FAMILIES.includes(fam) && have !== fam)
        bad(
          `spec.ipFamilies[${i}]`,
          `is ${fam} but ${field === 'spec.clusterIP' ? field : `${field}[${i}]`} (${addrs[i]}) is ${have}`,
        );
    });
  }
  const policy = svc.ipFamilyPolicy;
  if (policy !== undefined && !IP_FAMILY_POLICIES.includes(policy))
    bad(
      'spec.ipFamilyPolicy',
      `must be one of ${IP_FAMILY_POLICIES.join(', ')}, not ${JSON.stringify(policy)}`,
    );
  // Unset, the API server infers RequireDualStack from two families; SingleStack said is a clash.
  if (policy === 'SingleStack') {
    const distinct = (xs: unknown) =>
      Array.isArray(xs) ? new Set(xs.map(familyOf).filter((f) => f !== undefined)).size : 0;
    const ipFams = Array.isArray(fams) ? new Set(fams.filter((f) => IP_FAMILIES.includes(f))).size : 0;
    const two = ipFams > 1 ? 'spec.ipFamilies' : distinct(ips) > 1 ? 'spec.clusterIPs' : undefined;
    if (two)
      bad(
        two,
        'names two families, but spec.ipFamilyPolicy is SingleStack: set PreferDualStack or RequireDualStack, or keep one family',
      );
  }
  return out;
}

/** A Service's own problems (no other object needed). Any problem without `warning` refuses it. */
export function validateService(svc: Service): ServiceProblem[] {
  const object = `Service ${serviceKey(svc)}`;
  const out: ServiceProblem[] = [];
  const bad = (field: string, message: string) => out.push({ object, field, message });
  if (!TYPES.includes(svc.type))
    bad('spec.type', `must be one of ${TYPES.join(', ')}, not ${JSON.stringify(svc.type)}`);
  out.push(...addressProblems(svc, object));
  if (!Array.isArray(svc.ports)) bad('spec.ports', 'must be a list');
  const seen = new Map<string, number>();
  const names = new Set<string>();
  (svc.ports ?? []).forEach((p, i) => {
    const f = `spec.ports[${i}]`;
    if (!isPort(p.port)) bad(`${f}.port`, `must be a port number (1-65535), not ${JSON.stringify(p.port)}`);
    if (!PROTOCOLS.includes(p.protocol))
      bad(`${f}.protocol`, `must be TCP, UDP or SCTP, not ${JSON.stringify(p.protocol)}`);
    if (typeof p.targetPort === 'number' && !isPort(p.targetPort))
      bad(`${f}.targetPort`, `must be a port number (1-65535) or a port name, not ${p.targetPort}`);
    if (typeof p.targetPort === 'string' && !IANA_SVC_NAME.test(p.targetPort))
      bad(
        `${f}.targetPort`,
        `"${p.targetPort}" is not a valid port name (IANA_SVC_NAME: at most 15 lowercase letters, digits, '-')`,
      );
    if (p.nodePort !== undefined) {
      if (svc.type !== 'NodePort' && svc.type !== 'LoadBalancer')
        bad(`${f}.nodePort`, `only NodePort and LoadBalancer Services have nodePorts (type is ${svc.type})`);
      else if (!Number.isInteger(p.nodePort) || p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX)
        bad(
          `${f}.nodePort`,
          `must be in ${NODE_PORT_MIN}-${NODE_PORT_MAX}, not ${JSON.stringify(p.nodePort)}`,
        );
    }
    const key = `${p.port}/${p.protocol}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      bad(`${f}`, `duplicate frontend: port ${key} is spec.ports[${earlier}] already`);
    else seen.set(key, i);
    if ((svc.ports?.length ?? 0) > 1 && !p.name)
      bad(`${f}.name`, 'is required when a Service has more than one port');
    if (p.name) {
      if (names.has(p.name)) bad(`${f}.name`, `"${p.name}" is used by another port of this Service`);
      names.add(p.name);
    }
  });
  if (
    svc.sessionAffinity !== undefined &&
    svc.sessionAffinity !== 'None' &&
    svc.sessionAffinity !== 'ClientIP'
  )
    bad('spec.sessionAffinity', `must be None or ClientIP, not ${JSON.stringify(svc.sessionAffinity)}`);
  const t = svc.affinityTimeoutSeconds;
  if (t !== undefined && (!Number.isInteger(t) || t < 1 || t > 86400))
    bad('spec.sessionAffinityConfig.clientIP.timeoutSeconds', `must be 1-86400, not ${JSON.stringify(t)}`);
  for (const [field, v] of [
    ['spec.internalTrafficPolicy', svc.internalTrafficPolicy],
    ['spec.externalTrafficPolicy', svc.externalTrafficPolicy],
  ] as const) {
    if (v !== undefined && v !== 'Cluster' && v !== 'Local')
      bad(field, `must be Cluster or Local, not ${JSON.stringify(v)}`);
  }
  return out;
}

export function validateEndpointSlice(slice: EndpointSlice): ServiceProblem[] {
  const object = `EndpointSlice ${slice.namespace}/${slice.name}`;
  const out: ServiceProblem[] = [];
  const bad = (field: string, message: string) => out.push({ object, field, message });
  if (!slice.serviceName)
    bad(
      'metadata.labels',
      'kubernetes.io/service-name is required: it names the Service this slice belongs to',
    );
  if (!['IPv4', 'IPv6', 'FQDN'].includes(slice.addressType))
    bad('addressType', `must be IPv4, IPv6 or FQDN, not ${JSON.stringify(slice.addressType)}`);
  (slice.ports ?? []).forEach((p, i) => {
    if (p.port !== undefined && !isPort(p.port))
      bad(`ports[${i}].port`, `must be a port number (1-65535), not ${JSON.stringify(p.port)}`);
    if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol))
      bad(`ports[${i}].protocol`, `must be TCP, UDP or SCTP, not ${JSON.stringify(p.protocol)}`);
  });
  if (slice.addressType === 'IPv4' || slice.addressType === 'IPv6') {
    const want = slice.addressType;
    (slice.endpoints ?? []).forEach((e, i) => {
      (e.addresses ?? []).forEach((a, j) => {
        if (familyOf(a) !== want)
          bad(
            `endpoints[${i}].addresses[${j}]`,
            `${JSON.stringify(a)} is not an ${want} address (addressType is ${want})`,
          );
      });
    });
  }
  return out;
}

export function refused(problems: readonly ServiceProblem[]): ServiceProblem[] {
  return problems.filter((p) => !p.warning);
}

/** "field: message; …" — for a caller that has named the object already. */
export function fieldProblems(problems: readonly ServiceProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}
