// A synthetic cluster for control-plane benchmarks: namespaces with team labels, pods with app
// labels and named ports, and a mix of the policies platform teams write (default deny, allow
// from own namespace's frontends, allow from other teams on a port range, an ipBlock egress).

import type { Namespace, NetworkPolicy, Pod } from '../../agent/model/types.js';

const APPS = ['frontend', 'backend', 'db', 'cache', 'worker'];
const TEAMS = 10;

export interface SyntheticCluster {
  namespaces: Namespace[];
  pods: Pod[];
  policies: NetworkPolicy[];
}

function podIp(i: number): string {
  return `10.${64 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}`;
}

export function syntheticCluster(opts: {
  pods: number;
  namespaces: number;
  policies: number;
}): SyntheticCluster {
  const namespaces: Namespace[] = [];
  for (let n = 0; n < opts.namespaces; n++) {
    namespaces.push({
      name: `ns-${n}`,
      labels: { team: `team-${n % TEAMS}`, 'kubernetes.io/metadata.name': `ns-${n}` },
    });
  }
  const pods: Pod[] = [];
  for (let i = 0; i < opts.pods; i++) {
    const ns = namespaces[i % opts.namespaces]!;
    const app = APPS[Math.floor(i / opts.namespaces) % APPS.length]!;
    pods.push({
      namespace: ns.name,
      name: `pod-${i}`,
      labels: { app, shard: String(i % 7) },
      ip: podIp(i + 1),
      ports: [
        { name: 'http', containerPort: 8080, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
      ],
    });
  }
  const policies: NetworkPolicy[] = [];
  for (let p = 0; p < opts.policies; p++) {
    const ns = namespaces[p % opts.namespaces]!.name;
    policies.push(policyOfKind(ns, p, kindOf(p, opts.namespaces), 0));
  }
  return { namespaces, pods, policies };
}

/** Every namespace gets a mix of the four kinds. */
export function kindOf(p: number, namespaces: number): number {
  return (p + Math.floor(p / namespaces)) % 4;
}

/** The p-th policy; `variant` changes its port so a benchmark can make one small change. */
export function policyOfKind(ns: string, p: number, kind: number, variant: number): NetworkPolicy {
  const name = `policy-${p}`;
  switch (kind) {
    case 0:
      return {
        namespace: ns,
        name,
        podSelector: { matchLabels: { app: 'backend' } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { app: 'frontend' } } }],
            ports: [{ port: 8080 + variant }],
          },
        ],
      };
    case 1:
      return {
        namespace: ns,
        name,
        podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db', 'cache'] }] },
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { team: `team-${p % TEAMS}` } },
                podSelector: { matchLabels: { app: 'backend' } },
              },
            ],
            ports: [{ protocol: 'TCP', port: 5000 + variant, endPort: 5031 + variant }],
          },
        ],
      };
    case 2:
      return {
        namespace: ns,
        name,
        podSelector: { matchLabels: { app: 'worker' } },
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ ipBlock: { cidr: '10.0.0.0/8', except: [`10.${(p % 200) + 1}.0.0/16`] } }],
            ports: [{ port: 443 + variant }],
          },
          { to: [{ namespaceSelector: {} }], ports: [{ protocol: 'UDP', port: 53 }] },
        ],
      };
    default:
      return {
        namespace: ns,
        name,
        podSelector: {},
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { team: `team-${(p + variant) % TEAMS}` } } }],
            ports: [{ port: 'metrics' }],
          },
        ],
      };
  }
}
