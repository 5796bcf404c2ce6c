// The pods and Services of the Service tests (IPv4 and IPv6): one description of a test pod gives
// both its wiring (addPodFrom) and its Pod object for the store, with named ports as a Service's
// targetPort names them ("http" for TCP, "udp" for UDP).

import type { Pod, Service } from '../../agent/model/types.js';
import type { TestCluster } from './cluster.js';

export interface ServicePod {
  /** namespace/name */
  key: string;
  ip: string;
  ipv6?: string;
  labels: Record<string, string>;
  tcp?: number[];
  udp?: number[];
  sctp?: number[];
}

export function podObject(p: ServicePod): Pod {
  const [namespace, name] = p.key.split('/') as [string, string];
  return {
    namespace,
    name,
    labels: p.labels,
    ip: p.ip,
    ...(p.ipv6 ? { ipv6: p.ipv6 } : {}),
    ports: [
      ...(p.tcp ?? []).map((port) => ({ name: 'http', containerPort: port, protocol: 'TCP' as const })),
      ...(p.udp ?? []).map((port) => ({ name: 'udp', containerPort: port, protocol: 'UDP' as const })),
      ...(p.sctp ?? []).map((port) => ({ containerPort: port, protocol: 'SCTP' as const })),
    ],
  };
}

/** Wires the pod into the cluster with its servers (both families for a dual-stack pod). */
export function addPodFrom(cluster: TestCluster, p: ServicePod) {
  return cluster.addPod(p.key, p.ip, {
    ...(p.ipv6 ? { ipv6: p.ipv6 } : {}),
    tcp: p.tcp ?? [],
    udp: p.udp ?? [],
    sctp: p.sctp ?? [],
  });
}

/** A Service (type ClusterIP unless spec says otherwise). */
export const svc = (
  namespace: string,
  name: string,
  spec: Omit<Service, 'namespace' | 'name' | 'type'> & { type?: Service['type'] },
): Service => ({ namespace, name, type: 'ClusterIP', ...spec });
