// Services and EndpointSlices checked at the boundary, with the API server's own rules where
// load balancing depends on them. Every problem names the object and the field.

import { ipv4OrMinusOne } from '../net/ipv4.js';
import { type EndpointSlice, PROTOCOLS, type Service, serviceKey } from './types.js';

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

/** A Service's own problems (no other object needed). Any problem without `warning` refuses it. */
export function validateService(svc: Service): ServiceProblem[] {
  const object = `Service ${serviceKey(svc)}`;
  const out: ServiceProblem[] = [];
  const bad = (field: string, message: string) => out.push({ object, field, message });
  if (!TYPES.includes(svc.type))
    bad('spec.type', `must be one of ${TYPES.join(', ')}, not ${JSON.stringify(svc.type)}`);
  if (
    svc.clusterIP !== undefined &&
    svc.clusterIP !== 'None' &&
    svc.clusterIP !== '' &&
    !isIPv4(svc.clusterIP)
  ) {
    const v6 = svc.clusterIP.includes(':');
    out.push({
      object,
      field: 'spec.clusterIP',
      message: v6
        ? `${svc.clusterIP} is IPv6: IPv6 Services are not supported yet (the Service gets no frontend)`
        : `must be an IPv4 address or "None", not ${JSON.stringify(svc.clusterIP)}`,
      ...(v6 ? { warning: true } : {}),
    });
  }
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
  if (slice.addressType === 'IPv4') {
    (slice.endpoints ?? []).forEach((e, i) => {
      (e.addresses ?? []).forEach((a, j) => {
        if (!isIPv4(a)) bad(`endpoints[${i}].addresses[${j}]`, `${JSON.stringify(a)} is not an IPv4 address`);
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
