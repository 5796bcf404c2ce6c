import { describe, expect, it } from 'vitest';
import {
  type ContainerPort,
  type IPBlock,
  type LabelSelector,
  type Labels,
  type Namespace,
  type NetworkPolicy,
  type NetworkPolicyPeer,
  type NetworkPolicyPort,
  type Pod,
  podKey,
  type Snapshot,
} from '../../agent/model/types.js';
import { IPPROTO_ICMP, IPPROTO_SCTP, IPPROTO_TCP, IPPROTO_UDP } from '../../agent/net/protocols.js';
import { compilePolicies, ruleIdFor } from '../../agent/policy/compile.js';
import { lookupPolicy } from '../../agent/policy/simulate.js';
import {
  type CompileOutput,
  DIR_EGRESS,
  DIR_INGRESS,
  type Direction,
  EP_F_EGRESS_CIDR,
  EP_F_EGRESS_ENFORCED,
  EP_F_INGRESS_CIDR,
  EP_F_INGRESS_ENFORCED,
  ID_CIDR_SET_BIT,
  ID_NAMESPACE_BIT,
  ID_REMOTE_NODE,
  ID_WORLD,
  type PolicyEntry,
} from '../../agent/policy/types.js';

// The fixture: the upstream e2e layout (namespaces x, y, z; pods a, b, c; serve-<port>-<proto>
// ports) plus a few "http" ports that differ per pod, for named-port resolution.
const NAMESPACE_LABELS: Record<string, Record<string, string>> = {
  x: { env: 'prod', team: 'a' },
  y: { env: 'dev', team: 'b' },
  z: { team: 'c' },
};
const HTTP_PORTS: Record<string, ContainerPort> = {
  'x/a': { name: 'http', containerPort: 8080, protocol: 'TCP' },
  'x/b': { name: 'http', containerPort: 8081, protocol: 'TCP' },
  'y/a': { name: 'http', containerPort: 8082, protocol: 'UDP' },
  'y/b': { name: 'http', containerPort: 8083, protocol: 'TCP' },
};

function e2ePorts(): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
    for (const port of [80, 81]) {
      out.push({ name: `serve-${port}-${protocol.toLowerCase()}`, containerPort: port, protocol });
    }
  }
  return out;
}

function fixture(): { snapshot: Snapshot; identities: Map<string, number> } {
  const namespaces: Namespace[] = Object.entries(NAMESPACE_LABELS).map(([name, labels]) => ({
    name,
    labels: { 'kubernetes.io/metadata.name': name, ...labels },
  }));
  const pods: Pod[] = [];
  const identities = new Map<string, number>();
  ['x', 'y', 'z'].forEach((ns, i) => {
    ['a', 'b', 'c'].forEach((name, j) => {
      const key = `${ns}/${name}`;
      const http = HTTP_PORTS[key];
      pods.push({
        namespace: ns,
        name,
        labels: { pod: name },
        ip: `10.${i + 1}.0.${j + 1}`,
        ports: [...e2ePorts(), ...(http ? [http] : [])],
      });
      identities.set(key, 1000 + 10 * (i + 1) + j + 1);
    });
  });
  return { snapshot: { namespaces, pods, policies: [] }, identities };
}

function pol(name: string, spec: Partial<NetworkPolicy>, namespace = 'x'): NetworkPolicy {
  return { namespace, name, podSelector: { matchLabels: { pod: 'a' } }, ...spec };
}

const podSel = (pod: string): LabelSelector => ({ matchLabels: { pod } });
const fromPod = (pod: string): NetworkPolicyPeer => ({ podSelector: podSel(pod) });
const fromNs = (namespaceSelector: LabelSelector): NetworkPolicyPeer => ({ namespaceSelector });
const pods = (...nss: string[]) => nss.flatMap((ns) => [`${ns}/a`, `${ns}/b`, `${ns}/c`]);

const PROTO_NAMES: Record<number, string> = {
  [IPPROTO_TCP]: 'tcp',
  [IPPROTO_UDP]: 'udp',
  [IPPROTO_SCTP]: 'sctp',
};

function portText(e: PolicyEntry): string {
  if (e.prefixLen === 72) return 'any';
  const proto = PROTO_NAMES[e.protocol] ?? String(e.protocol);
  if (e.prefixLen === 80) return proto;
  if (e.prefixLen === 96) return `${proto}:${e.port}`;
  return `${proto}:${e.port}/${e.prefixLen - 80}`;
}

/** Entries as "endpoint direction peer port rule", peers by pod key, "any" or set[rules]. */
function render(output: CompileOutput, identities: ReadonlyMap<string, number>) {
  const byIdentity = new Map([...identities].map(([k, v]) => [v, k]));
  const rule = (id: number) => {
    const r = output.rules.get(id);
    return r ? `${r.policy}#${r.direction === DIR_INGRESS ? 'in' : 'eg'}${r.index}` : `?${id}`;
  };
  const dir = (d: Direction) => (d === DIR_INGRESS ? 'ingress' : 'egress');
  const setName = (ep: number, d: Direction, identity: number) => {
    const members = output.policy
      .filter((e) => e.endpointId === ep && e.direction === d && e.identity === identity)
      .map((e) => rule(e.ruleId));
    return `set[${[...new Set(members)].sort().join('+')}]`;
  };
  const peer = (e: PolicyEntry) => {
    if (e.identity === 0) return 'any';
    if ((e.identity & ID_CIDR_SET_BIT) !== 0) return setName(e.endpointId, e.direction, e.identity);
    return byIdentity.get(e.identity) ?? String(e.identity);
  };
  const flagText = (f: number) =>
    [
      f & EP_F_INGRESS_ENFORCED ? 'ingress' : '',
      f & EP_F_EGRESS_ENFORCED ? 'egress' : '',
      f & EP_F_INGRESS_CIDR ? 'ingress-cidr' : '',
      f & EP_F_EGRESS_CIDR ? 'egress-cidr' : '',
    ]
      .filter(Boolean)
      .join(' ');
  return {
    flags: Object.fromEntries([...output.endpointFlags].map(([ep, f]) => [ep, flagText(f)])),
    policy: output.policy.map(
      (e) => `${e.endpointId} ${dir(e.direction)} ${peer(e)} ${portText(e)} ${rule(e.ruleId)}`,
    ),
    cidr: output.cidr.map(
      (c) =>
        `${c.endpointId} ${dir(c.direction)} ${c.addr}/${c.len} ${c.setIdentity === 0 ? 'none' : setName(c.endpointId, c.direction, c.setIdentity)}`,
    ),
  };
}

interface Case {
  name: string;
  policies: NetworkPolicy[];
  /** Edits the fixture before compiling. */
  edit?: (s: { pods: Pod[]; namespaces: Namespace[]; identities: Map<string, number> }) => void;
  endpoints?: Record<string, number>;
  flags: Record<number, string>;
  /** Without the endpoint and rule: "direction peer port rule" for endpoint 1 when unprefixed. */
  policy: string[];
  cidr?: string[];
  /** Verdicts to check through the simulated datapath: [ep, dir, peer pod (at its IPv6 address
   * with "@6") or ip, proto, port, allowed]. */
  verdicts?: [number, Direction, string, number, number, boolean][];
}

/** Gives every pod of the fixture an IPv6 address mirroring its IPv4 one: 10.2.0.3 -> fd00:2::3. */
function dualStack(s: { pods: Pod[] }): void {
  s.pods.forEach((p, i) => {
    const [, net, , host] = p.ip!.split('.');
    s.pods[i] = { ...p, ipv6: `fd00:${net}::${host}` };
  });
}

/** "ingress x/b any x/p#in0" for each peer. */
const each = (dir: string, peers: string[], port: string, rule: string) =>
  peers.map((p) => `1 ${dir} ${p} ${port} ${rule}`);

const cases: Case[] = [
  { name: 'no policy: not isolated', policies: [], flags: { 1: '' }, policy: [] },
  {
    name: 'podSelector peer: matching pods of the policy namespace',
    policies: [pol('p', { ingress: [{ from: [fromPod('b')] }] })],
    flags: { 1: 'ingress' },
    policy: ['1 ingress x/b any x/p#in0'],
  },
  {
    name: 'podSelector {} peer: every pod of the policy namespace only',
    policies: [pol('p', { ingress: [{ from: [{ podSelector: {} }] }] })],
    flags: { 1: 'ingress' },
    policy: each('ingress', pods('x'), 'any', 'x/p#in0'),
  },
  {
    name: 'a policy in another namespace does not select the pod',
    policies: [pol('p', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, 'y')],
    flags: { 1: '' },
    policy: [],
  },
  {
    name: 'namespaceSelector matchLabels',
    policies: [pol('p', { ingress: [{ from: [fromNs({ matchLabels: { env: 'dev' } })] }] })],
    flags: { 1: 'ingress' },
    policy: each('ingress', pods('y'), 'any', 'x/p#in0'),
  },
  {
    name: 'namespaceSelector In',
    policies: [
      pol('p', {
        ingress: [
          { from: [fromNs({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] })] },
        ],
      }),
    ],
    flags: { 1: 'ingress' },
    policy: each('ingress', pods('x', 'y'), 'any', 'x/p#in0'),
  },
  {
    name: 'namespaceSelector NotIn matches namespaces without the key',
    policies: [
      pol('p', {
        ingress: [
          { from: [fromNs({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] })] },
        ],
      }),
    ],
    flags: { 1: 'ingress' },
    policy: each('ingress', pods('y', 'z'), 'any', 'x/p#in0'),
  },
  {
    name: 'namespaceSelector Exists',
    policies: [
      pol('p', { ingress: [{ from: [fromNs({ matchExpressions: [{ key: 'env', operator: 'Exists' }] })] }] }),
    ],
    flags: { 1: 'ingress' },
    policy: each('ingress', pods('x', 'y'), 'any', 'x/p#in0'),
  },
  {
    name: 'namespaceSelector DoesNotExist',
    policies: [
      pol('p', {
        ingress: [{ from: [fromNs({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] })] }],
      }),
    ],
    flags: { 1: 'ingress' },
    policy: each('ingress', pods('z'), 'any', 'x/p#in0'),
  },
  {
    name: 'namespaceSelector {}: every pod of every namespace',
    policies: [pol('p', { egress: [{ to: [fromNs({})] }] })],
    flags: { 1: 'ingress egress' },
    policy: each('egress', pods('x', 'y', 'z'), 'any', 'x/p#eg0'),
  },
  {
    name: 'podSelector and namespaceSelector in one peer: AND',
    policies: [
      pol('p', {
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { env: 'dev' } }, podSelector: podSel('b') }] },
        ],
      }),
    ],
    flags: { 1: 'ingress' },
    policy: ['1 ingress y/b any x/p#in0'],
  },
  {
    name: 'podSelector and namespaceSelector in two peers: OR',
    policies: [pol('p', { ingress: [{ from: [fromNs({ matchLabels: { env: 'dev' } }), fromPod('b')] }] })],
    flags: { 1: 'ingress' },
    policy: each('ingress', [...pods('y'), 'x/b'], 'any', 'x/p#in0'),
  },
  {
    name: 'a namespace missing from the snapshot has only its name label',
    policies: [
      pol('p', {
        ingress: [
          { from: [fromNs({ matchLabels: { 'kubernetes.io/metadata.name': 'w' } })] },
          {
            from: [fromNs({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] })],
            ports: [{ port: 80 }],
          },
        ],
      }),
    ],
    edit: (s) => {
      s.pods.push({ namespace: 'w', name: 'a', labels: { pod: 'a' }, ip: '10.4.0.1', ports: [] });
      s.identities.set('w/a', 1041);
    },
    flags: { 1: 'ingress' },
    policy: [
      '1 ingress w/a any x/p#in0',
      ...each('ingress', [...pods('x', 'z'), 'w/a'], 'tcp:80', 'x/p#in1'),
    ],
  },
  {
    name: 'ports by number for TCP, UDP and SCTP; protocol only',
    policies: [
      pol('p', {
        ingress: [
          {
            from: [fromPod('b')],
            ports: [
              { port: 80 },
              { protocol: 'UDP', port: 53 },
              { protocol: 'SCTP', port: 81 },
              { protocol: 'UDP' },
            ],
          },
        ],
      }),
    ],
    flags: { 1: 'ingress' },
    policy: ['tcp:80', 'udp:53', 'sctp:81', 'udp'].map((p) => `1 ingress x/b ${p} x/p#in0`),
    verdicts: [
      [1, DIR_INGRESS, 'x/b', IPPROTO_TCP, 80, true],
      [1, DIR_INGRESS, 'x/b', IPPROTO_SCTP, 80, false],
      [1, DIR_INGRESS, 'x/b', IPPROTO_TCP, 81, false],
      [1, DIR_INGRESS, 'x/b', IPPROTO_SCTP, 81, true],
      [1, DIR_INGRESS, 'x/b', IPPROTO_UDP, 9999, true],
      [1, DIR_INGRESS, 'x/b', IPPROTO_ICMP, 0, false],
      [1, DIR_INGRESS, 'x/c', IPPROTO_TCP, 80, false],
    ],
  },
  {
    name: 'endPort ranges expand to port prefixes',
    policies: [
      pol('p', {
        ingress: [
          {
            ports: [
              { port: 80, endPort: 81 },
              { protocol: 'UDP', port: 1000, endPort: 2000 },
            ],
          },
          { ports: [{ protocol: 'SCTP', port: 1, endPort: 65535 }] },
        ],
      }),
    ],
    flags: { 1: 'ingress' },
    policy: [
      '1 ingress any tcp:80/15 x/p#in0',
      ...['1000/13', '1008/12', '1024/7', '1536/8', '1792/9', '1920/10', '1984/12'].map(
        (p) => `1 ingress any udp:${p} x/p#in0`,
      ),
      '1 ingress any udp:2000 x/p#in0',
      '1 ingress any sctp:1 x/p#in1',
      ...Array.from({ length: 15 }, (_, i) => `1 ingress any sctp:${2 ** (i + 1)}/${15 - i} x/p#in1`),
    ],
    verdicts: [
      [1, DIR_INGRESS, '8.8.8.8', IPPROTO_TCP, 79, false],
      [1, DIR_INGRESS, '8.8.8.8', IPPROTO_TCP, 81, true],
      [1, DIR_INGRESS, '8.8.8.8', IPPROTO_TCP, 82, false],
      [1, DIR_INGRESS, '8.8.8.8', IPPROTO_UDP, 999, false],
      [1, DIR_INGRESS, '8.8.8.8', IPPROTO_UDP, 1500, true],
      [1, DIR_INGRESS, '8.8.8.8', IPPROTO_UDP, 2001, false],
      [1, DIR_INGRESS, '8.8.8.8', IPPROTO_SCTP, 65535, true],
    ],
  },
  {
    name: 'named ports on ingress resolve against the selected pod, name and protocol',
    policies: [
      pol('p', {
        ingress: [
          {
            from: [fromPod('b')],
            ports: [
              { port: 'http' },
              { protocol: 'UDP', port: 'serve-81-udp' },
              { protocol: 'UDP', port: 'serve-80-tcp' },
            ],
          },
        ],
      }),
    ],
    flags: { 1: 'ingress' },
    policy: ['1 ingress x/b tcp:8080 x/p#in0', '1 ingress x/b udp:81 x/p#in0'],
  },
  {
    name: 'named ports on ingress the pod lacks (or has for another protocol) contribute nothing',
    policies: [
      pol(
        'p',
        {
          podSelector: {},
          ingress: [{ ports: [{ port: 'http' }] }, { ports: [{ port: 'http', protocol: 'UDP' }] }],
        },
        'y',
      ),
    ],
    endpoints: { 'y/a': 2, 'y/c': 3 },
    flags: { 2: 'ingress', 3: 'ingress' },
    policy: ['2 ingress any udp:8082 y/p#in1'],
  },
  {
    name: 'named ports on egress resolve against each peer pod',
    policies: [
      pol('p', { policyTypes: ['Egress'], egress: [{ to: [fromNs({})], ports: [{ port: 'http' }] }] }),
    ],
    flags: { 1: 'egress' },
    policy: [
      '1 egress x/a tcp:8080 x/p#eg0',
      '1 egress x/b tcp:8081 x/p#eg0',
      '1 egress y/b tcp:8083 x/p#eg0',
    ],
    verdicts: [
      [1, DIR_EGRESS, 'x/b', IPPROTO_TCP, 8081, true],
      [1, DIR_EGRESS, 'x/b', IPPROTO_TCP, 8080, false],
      [1, DIR_EGRESS, 'y/a', IPPROTO_UDP, 8082, false],
    ],
  },
  {
    name: 'named ports on egress with no peers: every pod having the port, never the world',
    policies: [
      pol('p', {
        policyTypes: ['Egress'],
        egress: [{ ports: [{ port: 'http', protocol: 'UDP' }, { port: 443 }] }],
      }),
    ],
    flags: { 1: 'egress' },
    policy: ['1 egress any tcp:443 x/p#eg0', '1 egress y/a udp:8082 x/p#eg0'],
    verdicts: [
      [1, DIR_EGRESS, 'y/a', IPPROTO_UDP, 8082, true],
      [1, DIR_EGRESS, '8.8.8.8', IPPROTO_UDP, 8082, false],
      [1, DIR_EGRESS, '8.8.8.8', IPPROTO_TCP, 443, true],
    ],
  },
  {
    name: 'policyTypes omitted with egress rules: both directions',
    policies: [pol('p', { ingress: [{}], egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }] })],
    flags: { 1: 'ingress egress' },
    policy: ['1 ingress any any x/p#in0', '1 egress any udp:53 x/p#eg0'],
  },
  {
    name: 'policyTypes omitted without egress rules: ingress only',
    policies: [pol('p', { ingress: [{}], egress: [] })],
    flags: { 1: 'ingress' },
    policy: ['1 ingress any any x/p#in0'],
  },
  {
    name: 'policyTypes [Egress] ignores ingress rules',
    policies: [pol('p', { policyTypes: ['Egress'], ingress: [{}], egress: [{ to: [fromPod('c')] }] })],
    flags: { 1: 'egress' },
    policy: ['1 egress x/c any x/p#eg0'],
  },
  {
    name: 'policyTypes [Ingress] ignores egress rules',
    policies: [pol('p', { policyTypes: ['Ingress'], egress: [{}] })],
    flags: { 1: 'ingress' },
    policy: [],
  },
  {
    name: 'default deny per direction: flags set, no entries',
    policies: [pol('p', { policyTypes: ['Ingress', 'Egress'] })],
    flags: { 1: 'ingress egress' },
    policy: [],
    verdicts: [
      [1, DIR_INGRESS, 'x/b', IPPROTO_TCP, 80, false],
      [1, DIR_EGRESS, '8.8.8.8', IPPROTO_UDP, 53, false],
    ],
  },
  {
    name: 'ingress: [{}] allows everything',
    policies: [pol('p', { ingress: [{}] })],
    flags: { 1: 'ingress' },
    policy: ['1 ingress any any x/p#in0'],
    verdicts: [[1, DIR_INGRESS, '8.8.8.8', IPPROTO_ICMP, 0, true]],
  },
  {
    name: 'ingress: [] denies everything',
    policies: [pol('p', { ingress: [] })],
    flags: { 1: 'ingress' },
    policy: [],
  },
  {
    name: 'empty from/ports mean all, like omitted ones',
    policies: [
      pol('p', {
        ingress: [
          { from: [], ports: [{ port: 80 }] },
          { from: [fromPod('c')], ports: [] },
        ],
      }),
    ],
    flags: { 1: 'ingress' },
    policy: ['1 ingress any tcp:80 x/p#in0', '1 ingress x/c any x/p#in1'],
  },
  {
    name: 'policies are additive',
    policies: [
      pol('p1', { ingress: [{ from: [fromPod('b')], ports: [{ port: 80 }] }] }),
      pol('p2', { ingress: [{ from: [fromPod('c')] }] }),
      pol('p3', { podSelector: {}, ingress: [{ from: [fromPod('b')], ports: [{ port: 81 }] }] }),
    ],
    endpoints: { 'x/a': 1, 'x/b': 2 },
    flags: { 1: 'ingress', 2: 'ingress' },
    policy: [
      '1 ingress x/b tcp:80 x/p1#in0',
      '1 ingress x/c any x/p2#in0',
      '1 ingress x/b tcp:81 x/p3#in0',
      '2 ingress x/b tcp:81 x/p3#in0',
    ],
  },
  {
    name: 'hostNetwork pods are neither selected nor matched',
    policies: [pol('p', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] })],
    edit: (s) => {
      s.pods.push({
        namespace: 'x',
        name: 'h',
        labels: { pod: 'a' },
        ip: '192.168.0.1',
        ports: [],
        hostNetwork: true,
      });
      s.identities.set('x/h', 1019);
    },
    endpoints: { 'x/a': 1, 'x/h': 9 },
    flags: { 1: 'ingress', 9: '' },
    policy: each('ingress', pods('x'), 'any', 'x/p#in0'),
  },
  {
    name: 'pods without an identity are skipped as peers',
    policies: [pol('p', { ingress: [{ from: [{ podSelector: {} }] }] })],
    edit: (s) => {
      s.identities.delete('x/c');
    },
    flags: { 1: 'ingress' },
    policy: each('ingress', ['x/a', 'x/b'], 'any', 'x/p#in0'),
  },
  {
    name: 'ipBlock with except: prefixes, set identity and pod IPs inside',
    policies: [
      pol('p', {
        ingress: [
          { from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.2.0.0/16'] } }], ports: [{ port: 80 }] },
        ],
      }),
    ],
    flags: { 1: 'ingress ingress-cidr' },
    policy: ['1 ingress set[x/p#in0] tcp:80 x/p#in0'],
    cidr: ['1 ingress 10.0.0.0/8 set[x/p#in0]', '1 ingress 10.2.0.0/16 none'],
    verdicts: [
      [1, DIR_INGRESS, 'x/b', IPPROTO_TCP, 80, true],
      [1, DIR_INGRESS, 'x/b', IPPROTO_TCP, 81, false],
      [1, DIR_INGRESS, 'y/a', IPPROTO_TCP, 80, false],
      [1, DIR_INGRESS, '10.99.0.1', IPPROTO_TCP, 80, true],
      [1, DIR_INGRESS, '11.0.0.1', IPPROTO_TCP, 80, false],
    ],
  },
  {
    name: 'ipBlocks of several rules: each prefix gets the set of rules covering it',
    policies: [
      pol('p', {
        egress: [
          { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] },
          { to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 80 }] },
          { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'UDP', port: 53 }] },
          { to: [{ ipBlock: { cidr: '10.1.0.0/16', except: ['10.1.0.0/24'] } }], ports: [{ port: 81 }] },
        ],
      }),
    ],
    flags: { 1: 'ingress egress egress-cidr' },
    policy: [
      '1 egress set[x/p#eg0+x/p#eg2] any x/p#eg0',
      '1 egress set[x/p#eg0+x/p#eg2] udp:53 x/p#eg2',
      '1 egress set[x/p#eg1+x/p#eg2] tcp:80 x/p#eg1',
      '1 egress set[x/p#eg1+x/p#eg2] udp:53 x/p#eg2',
      '1 egress set[x/p#eg1+x/p#eg2+x/p#eg3] tcp:80 x/p#eg1',
      '1 egress set[x/p#eg1+x/p#eg2+x/p#eg3] tcp:81 x/p#eg3',
      '1 egress set[x/p#eg1+x/p#eg2+x/p#eg3] udp:53 x/p#eg2',
    ],
    cidr: [
      '1 egress 0.0.0.0/0 set[x/p#eg0+x/p#eg2]',
      '1 egress 10.0.0.0/8 set[x/p#eg1+x/p#eg2]',
      '1 egress 10.1.0.0/16 set[x/p#eg1+x/p#eg2+x/p#eg3]',
      '1 egress 10.1.0.0/24 set[x/p#eg1+x/p#eg2]',
    ],
    verdicts: [
      [1, DIR_EGRESS, '8.8.8.8', IPPROTO_TCP, 9, true],
      [1, DIR_EGRESS, 'y/a', IPPROTO_TCP, 9, false],
      [1, DIR_EGRESS, 'y/a', IPPROTO_TCP, 80, true],
      [1, DIR_EGRESS, '10.1.5.5', IPPROTO_TCP, 81, true],
      [1, DIR_EGRESS, 'x/b', IPPROTO_TCP, 81, false],
      [1, DIR_EGRESS, 'x/b', IPPROTO_UDP, 53, true],
    ],
  },
  {
    name: 'egress ipBlock with a named port: identities of the pods inside the block',
    policies: [
      pol('p', {
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ ipBlock: { cidr: '10.1.0.0/16', except: ['10.1.0.2/32'] } }],
            ports: [{ port: 'http' }, { port: 22 }],
          },
        ],
      }),
    ],
    flags: { 1: 'egress egress-cidr' },
    policy: ['1 egress x/a tcp:8080 x/p#eg0', '1 egress set[x/p#eg0] tcp:22 x/p#eg0'],
    cidr: ['1 egress 10.1.0.0/16 set[x/p#eg0]', '1 egress 10.1.0.2/32 none'],
    verdicts: [
      [1, DIR_EGRESS, 'x/b', IPPROTO_TCP, 8081, false],
      [1, DIR_EGRESS, '10.1.9.9', IPPROTO_TCP, 8080, false],
      [1, DIR_EGRESS, '10.1.9.9', IPPROTO_TCP, 22, true],
    ],
  },
  {
    name: 'ingress ipBlock with a named port resolves against the selected pod',
    policies: [
      pol('p', { ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/16' } }], ports: [{ port: 'http' }] }] }),
    ],
    flags: { 1: 'ingress ingress-cidr' },
    policy: ['1 ingress set[x/p#in0] tcp:8080 x/p#in0'],
    cidr: ['1 ingress 192.168.0.0/16 set[x/p#in0]'],
  },
  {
    name: 'IPv6 ipBlock with except: its own prefixes, one set identity with the IPv4 block of its rule',
    policies: [
      pol('p', {
        ingress: [
          {
            from: [
              { ipBlock: { cidr: '10.0.0.0/8', except: ['10.2.0.0/16'] } },
              { ipBlock: { cidr: 'fd00::/16', except: ['fd00:2::/32'] } },
            ],
            ports: [{ port: 80 }],
          },
        ],
      }),
    ],
    edit: dualStack,
    flags: { 1: 'ingress ingress-cidr' },
    // Once: the IPv4 and the IPv6 prefixes name the same set.
    policy: ['1 ingress set[x/p#in0] tcp:80 x/p#in0'],
    cidr: [
      '1 ingress 10.0.0.0/8 set[x/p#in0]',
      '1 ingress 10.2.0.0/16 none',
      '1 ingress fd00::/16 set[x/p#in0]',
      '1 ingress fd00:2::/32 none',
    ],
    verdicts: [
      [1, DIR_INGRESS, 'x/b@6', IPPROTO_TCP, 80, true],
      [1, DIR_INGRESS, 'x/b@6', IPPROTO_TCP, 81, false],
      [1, DIR_INGRESS, 'y/a@6', IPPROTO_TCP, 80, false],
      [1, DIR_INGRESS, 'fd00:99::1', IPPROTO_TCP, 80, true],
      [1, DIR_INGRESS, 'fd00:2:1::1', IPPROTO_TCP, 80, false],
      [1, DIR_INGRESS, 'fd01::1', IPPROTO_TCP, 80, false],
      [1, DIR_INGRESS, '10.99.0.1', IPPROTO_TCP, 80, true],
      [1, DIR_INGRESS, '10.2.0.1', IPPROTO_TCP, 80, false],
    ],
  },
  {
    name: 'IPv4 and IPv6 blocks across rules: a partition per family, sets shared across them',
    policies: [
      pol('p', {
        egress: [
          {
            to: [
              { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } },
              { ipBlock: { cidr: '::/0', except: ['fd00::/16'] } },
            ],
          },
          {
            to: [{ ipBlock: { cidr: 'fd00::/16' } }, { ipBlock: { cidr: '10.0.0.0/8' } }],
            ports: [{ protocol: 'UDP', port: 53 }],
          },
          { to: [{ ipBlock: { cidr: 'fd00:1::/32', except: ['fd00:1::2/128'] } }], ports: [{ port: 81 }] },
        ],
      }),
    ],
    edit: dualStack,
    flags: { 1: 'ingress egress egress-cidr' },
    policy: [
      '1 egress set[x/p#eg0] any x/p#eg0',
      '1 egress set[x/p#eg1] udp:53 x/p#eg1',
      '1 egress set[x/p#eg1+x/p#eg2] udp:53 x/p#eg1',
      '1 egress set[x/p#eg1+x/p#eg2] tcp:81 x/p#eg2',
    ],
    cidr: [
      '1 egress 0.0.0.0/0 set[x/p#eg0]',
      '1 egress 10.0.0.0/8 set[x/p#eg1]',
      '1 egress ::/0 set[x/p#eg0]',
      '1 egress fd00::/16 set[x/p#eg1]',
      '1 egress fd00:1::/32 set[x/p#eg1+x/p#eg2]',
      '1 egress fd00:1::2/128 set[x/p#eg1]',
    ],
    verdicts: [
      [1, DIR_EGRESS, '8.8.8.8', IPPROTO_TCP, 9, true],
      [1, DIR_EGRESS, '2606:4700::1111', IPPROTO_TCP, 9, true],
      [1, DIR_EGRESS, 'x/b', IPPROTO_TCP, 81, false],
      [1, DIR_EGRESS, 'x/b@6', IPPROTO_UDP, 53, true],
      [1, DIR_EGRESS, 'x/b@6', IPPROTO_TCP, 81, false],
      [1, DIR_EGRESS, 'x/c@6', IPPROTO_TCP, 81, true],
      [1, DIR_EGRESS, 'y/a@6', IPPROTO_TCP, 81, false],
      [1, DIR_EGRESS, 'y/a@6', IPPROTO_UDP, 53, true],
      [1, DIR_EGRESS, 'y/a@6', IPPROTO_TCP, 9, false],
    ],
  },
  {
    name: 'egress IPv6 ipBlock with a named port: identities of the pods whose IPv6 is inside',
    policies: [
      pol('p', {
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ ipBlock: { cidr: 'fd00:1::/32', except: ['fd00:1::1/128'] } }],
            ports: [{ port: 'http' }, { port: 22 }],
          },
        ],
      }),
    ],
    edit: dualStack,
    flags: { 1: 'egress egress-cidr' },
    // x/a (fd00:1::1) is excepted, x/c has no http port, y/b (fd00:2::2) is outside.
    policy: ['1 egress x/b tcp:8081 x/p#eg0', '1 egress set[x/p#eg0] tcp:22 x/p#eg0'],
    cidr: ['1 egress fd00:1::/32 set[x/p#eg0]', '1 egress fd00:1::1/128 none'],
    verdicts: [
      [1, DIR_EGRESS, 'x/b@6', IPPROTO_TCP, 8081, true],
      [1, DIR_EGRESS, 'y/b@6', IPPROTO_TCP, 8083, false],
      [1, DIR_EGRESS, 'fd00:1::9', IPPROTO_TCP, 8081, false],
      [1, DIR_EGRESS, 'fd00:1::9', IPPROTO_TCP, 22, true],
      [1, DIR_EGRESS, 'x/a@6', IPPROTO_TCP, 22, false],
    ],
  },
  {
    name: 'an IPv6 ipBlock without pod IPv6 addresses: no named port resolves through it',
    policies: [
      pol('p', {
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '::/0' } }], ports: [{ port: 'http' }] }],
      }),
    ],
    flags: { 1: 'egress egress-cidr' },
    policy: [],
    cidr: ['1 egress ::/0 none'],
  },
];

function compileCase(c: Case) {
  const { snapshot, identities } = fixture();
  const s = { pods: [...snapshot.pods], namespaces: [...snapshot.namespaces], identities };
  c.edit?.(s);
  const endpoints = new Map(Object.entries(c.endpoints ?? { 'x/a': 1 }));
  const result = compilePolicies({
    snapshot: { namespaces: s.namespaces, pods: s.pods, policies: c.policies },
    endpoints,
    identities,
  });
  return { ...result, identities, pods: s.pods };
}

describe('compilePolicies', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { output, errors, identities, pods: all } = compileCase(c);
      expect(errors).toEqual([]);
      const got = render(output, identities);
      expect(got.flags).toEqual(Object.fromEntries(Object.entries(c.flags)));
      expect([...got.policy].sort()).toEqual([...c.policy].sort());
      expect([...got.cidr].sort()).toEqual([...(c.cidr ?? [])].sort());
      for (const [ep, dir, peer, proto, port, allowed] of c.verdicts ?? []) {
        const [name, family] = peer.split('@');
        const pod = all.find((p) => podKey(p) === name);
        const identity = pod ? identities.get(name!)! : ID_WORLD;
        const ip = pod ? (family === '6' ? pod.ipv6! : pod.ip!) : peer;
        expect(
          lookupPolicy(output, ep, dir, identity, ip, proto, port).allowed,
          `${dir} ${peer} ${proto}/${port}`,
        ).toBe(allowed);
      }
    });
  }

  it('keeps the smallest rule id when two rules produce the same key', () => {
    const { output, identities } = compileCase({
      name: '',
      policies: [
        pol('p1', { ingress: [{ from: [fromPod('b')] }] }),
        pol('p2', { ingress: [{ from: [fromPod('b')] }] }),
      ],
      flags: {},
      policy: [],
    });
    const ids = [ruleIdFor('x/p1', DIR_INGRESS, 0), ruleIdFor('x/p2', DIR_INGRESS, 0)];
    expect(output.policy).toEqual([
      {
        prefixLen: 72,
        endpointId: 1,
        identity: identities.get('x/b'),
        direction: DIR_INGRESS,
        protocol: 0,
        port: 0,
        ruleId: Math.min(...ids),
      },
    ]);
    expect([...output.rules.keys()]).toEqual([Math.min(...ids)]);
  });

  it('lists every used rule in rules, and only those', () => {
    const { output } = compileCase({
      name: '',
      policies: [
        pol('p', { ingress: [{ from: [fromPod('b')] }, { from: [fromPod('nobody')] }], egress: [{}] }),
        pol('q', { podSelector: podSel('nobody'), ingress: [{}] }),
      ],
      flags: {},
      policy: [],
    });
    expect([...output.rules.values()].sort((a, b) => a.direction - b.direction)).toEqual([
      { ruleId: ruleIdFor('x/p', DIR_EGRESS, 0), policy: 'x/p', direction: DIR_EGRESS, index: 0 },
      { ruleId: ruleIdFor('x/p', DIR_INGRESS, 0), policy: 'x/p', direction: DIR_INGRESS, index: 0 },
    ]);
    for (const [id, ref] of output.rules) expect(ref.ruleId).toBe(id);
  });

  it('leaves invalid policies out and reports them, and still compiles the others', () => {
    const { output, errors, identities } = compileCase({
      name: '',
      policies: [
        pol('bad', {
          podSelector: {},
          ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }] }],
        }),
        pol('v6', {
          podSelector: {},
          egress: [{ to: [{ ipBlock: { cidr: 'fd00::/8', except: ['10.0.0.0/8'] } }] }],
        }),
        pol('good', { ingress: [{ from: [fromPod('c')] }] }),
      ],
      endpoints: { 'x/a': 1, 'x/b': 2 },
      flags: {},
      policy: [],
    });
    expect(errors.map((e) => `${e.policy} ${e.field}`)).toEqual([
      'x/bad spec.ingress[0].from[0].ipBlock.except[0]',
      'x/v6 spec.egress[0].to[0].ipBlock.except[0]',
    ]);
    expect(errors[0]!.warning).toBeUndefined();
    expect(errors[1]!.message).toMatch(/IPv4, inside an IPv6 cidr: it excludes nothing/);
    expect(errors[1]!.warning).toBe(true);
    const got = render(output, identities);
    // x/bad is refused; x/v6 still applies without its IPv4 except: with policyTypes defaulted to
    // Ingress and Egress it isolates both pods both ways.
    expect(got.flags).toEqual({ 1: 'ingress egress egress-cidr', 2: 'ingress egress egress-cidr' });
    expect(got.policy).toEqual([
      '1 egress set[x/v6#eg0] any x/v6#eg0',
      '1 ingress x/c any x/good#in0',
      '2 egress set[x/v6#eg0] any x/v6#eg0',
    ]);
    expect(got.cidr).toEqual(['1 egress fd00::/8 set[x/v6#eg0]', '2 egress fd00::/8 set[x/v6#eg0]']);
  });

  it('gives a rule set one identity across families, and orders IPv4 entries before IPv6 ones', () => {
    const { output } = compileCase({
      name: '',
      policies: [
        pol('p', {
          policyTypes: ['Egress'],
          egress: [
            {
              to: [
                { ipBlock: { cidr: 'fd00:a::/32' } },
                { ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] } },
                { ipBlock: { cidr: 'fd00:10::/32', except: ['fd00:10::/48'] } },
                { ipBlock: { cidr: '10.0.0.0/8' } },
              ],
            },
          ],
        }),
      ],
      flags: {},
      policy: [],
    });
    expect(output.cidr.map((c) => `${c.addr}/${c.len}`)).toEqual([
      '10.0.0.0/8',
      '192.168.0.0/16',
      '192.168.1.0/24',
      'fd00:a::/32',
      'fd00:10::/32',
      'fd00:10::/48',
    ]);
    const sets = new Set(output.cidr.filter((c) => c.setIdentity !== 0).map((c) => c.setIdentity));
    expect(sets.size).toBe(1);
    expect(output.policy.map((e) => e.identity)).toEqual([...sets]);
  });

  it('is deterministic: shuffled input gives identical output', () => {
    const policies = cases.flatMap((c, i) =>
      c.policies.map((p) => ({
        ...p,
        name: `${p.name}-${i}`,
        podSelector: i % 3 === 0 ? {} : p.podSelector,
      })),
    );
    const { snapshot, identities } = fixture();
    const endpoints = new Map(snapshot.pods.map((p, i) => [podKey(p), i + 1] as const));
    const input = { snapshot: { ...snapshot, policies }, endpoints, identities };
    const first = compilePolicies(input);
    expect(first.output.policy.length).toBeGreaterThan(100);
    const random = rng(7);
    for (let round = 0; round < 5; round++) {
      const shuffledIdentities = new Map(shuffle(random, [...identities]));
      const again = compilePolicies({
        snapshot: {
          namespaces: shuffle(random, [...snapshot.namespaces]),
          pods: shuffle(random, [...snapshot.pods]),
          policies: shuffle(random, [...policies]),
        },
        endpoints: new Map(shuffle(random, [...endpoints])),
        identities: shuffledIdentities,
      });
      expect(serialize(again)).toBe(serialize(first));
    }
  });
});

describe('ruleIdFor', () => {
  it('is deterministic, non-zero and differs per direction and index', () => {
    const ids = [
      ruleIdFor('x/p', DIR_INGRESS, 0),
      ruleIdFor('x/p', DIR_INGRESS, 1),
      ruleIdFor('x/p', DIR_EGRESS, 0),
      ruleIdFor('y/p', DIR_INGRESS, 0),
    ];
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) {
      expect(id).toBeGreaterThan(0);
      expect(id).toBeLessThanOrEqual(0xffffffff);
      expect(Number.isInteger(id)).toBe(true);
    }
    expect(ruleIdFor('x/p', DIR_INGRESS, 0)).toBe(ids[0]);
  });
});

describe('lookupPolicy', () => {
  it('reports the lookup that matched and its rule', () => {
    const { output } = compileCase({
      name: '',
      policies: [
        pol('p', {
          ingress: [
            { from: [fromPod('b')] },
            { ports: [{ port: 80 }] },
            { from: [{ ipBlock: { cidr: '8.0.0.0/8' } }] },
          ],
        }),
      ],
      flags: {},
      policy: [],
    });
    const rule = (i: number) => ruleIdFor('x/p', DIR_INGRESS, i);
    expect(lookupPolicy(output, 1, DIR_INGRESS, 1012, '10.1.0.2', IPPROTO_TCP, 9)).toEqual({
      allowed: true,
      ruleId: rule(0),
      via: 'identity',
    });
    expect(lookupPolicy(output, 1, DIR_INGRESS, 1013, '10.1.0.3', IPPROTO_TCP, 80)).toEqual({
      allowed: true,
      ruleId: rule(1),
      via: 'any',
    });
    expect(lookupPolicy(output, 1, DIR_INGRESS, ID_WORLD, '8.8.8.8', IPPROTO_UDP, 53)).toEqual({
      allowed: true,
      ruleId: rule(2),
      via: 'cidr',
    });
    expect(lookupPolicy(output, 1, DIR_INGRESS, ID_WORLD, '9.9.9.9', IPPROTO_UDP, 53).allowed).toBe(false);
    expect(lookupPolicy(output, 1, DIR_EGRESS, ID_WORLD, '9.9.9.9', IPPROTO_UDP, 53).via).toBe(
      'not-enforced',
    );
    expect(lookupPolicy(output, 42, DIR_INGRESS, ID_WORLD, '9.9.9.9', IPPROTO_UDP, 53).via).toBe(
      'not-enforced',
    );
  });
});

function serialize(r: ReturnType<typeof compilePolicies>): string {
  return JSON.stringify({
    flags: [...r.output.endpointFlags],
    policy: r.output.policy,
    cidr: r.output.cidr,
    rules: [...r.output.rules],
    errors: r.errors,
  });
}

/** mulberry32: a seeded generator, so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Cross-check: a reference evaluator written straight from netpol-semantics.md against the
// compiled maps as the datapath reads them.

function refSelector(sel: LabelSelector, labels: Labels): boolean {
  const ok = (key: string, op: string, values: string[]) => {
    const present = key in labels;
    if (op === 'In') return present && values.includes(labels[key]!);
    if (op === 'NotIn') return !present || !values.includes(labels[key]!);
    if (op === 'Exists') return present;
    return !present;
  };
  return (
    Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
    (sel.matchExpressions ?? []).every((r) => ok(r.key, r.operator, r.values ?? []))
  );
}

/** Dotted IPv4 or IPv6 (hex groups, at most one "::") as a number. */
function ipToNumber(ip: string): bigint {
  if (!ip.includes(':')) return ip.split('.').reduce((acc, o) => acc * 256n + BigInt(o), 0n);
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - front.length - back.length).fill('0');
  return [...front, ...zeros, ...back].reduce((acc, g) => acc * 65536n + BigInt(`0x${g}`), 0n);
}

function refInCidr(ip: string, cidr: string): boolean {
  const [net, len] = cidr.split('/') as [string, string];
  if (ip.includes(':') !== net.includes(':')) return false;
  const size = 2n ** BigInt((ip.includes(':') ? 128 : 32) - Number(len));
  return ipToNumber(ip) / size === ipToNumber(net) / size;
}

/** A connection's far end: a pod (hostNetwork pods count as plain IPs) at its IPv4 address or
 * (v6) its IPv6 one, or an external address. */
type Peer = { pod: Pod; v6?: boolean } | { ip: string };

function refAllowed(
  snap: Snapshot,
  local: Pod,
  direction: 'Ingress' | 'Egress',
  peer: Peer,
  protocol: string,
  port: number,
): boolean {
  if (local.hostNetwork) return true;
  const types = (p: NetworkPolicy) =>
    p.policyTypes && p.policyTypes.length > 0
      ? p.policyTypes
      : (['Ingress', ...((p.egress ?? []).length > 0 ? ['Egress'] : [])] as string[]);
  const applicable = snap.policies.filter(
    (p) =>
      p.namespace === local.namespace &&
      refSelector(p.podSelector, local.labels) &&
      types(p).includes(direction),
  );
  if (applicable.length === 0) return true;
  const peerPod = 'pod' in peer && !peer.pod.hostNetwork ? peer.pod : undefined;
  const peerIp = addressText(peer);
  // The documented over-grant (compile.ts): an egress named port through an ipBlock is granted to
  // the identity of each pod with an address in the block, so it holds at the pod's other address.
  const otherIp = peerPod && 'pod' in peer ? (peer.v6 ? peerPod.ip : peerPod.ipv6) : undefined;
  const inBlock = (ip: string, block: IPBlock) =>
    refInCidr(ip, block.cidr) && !(block.except ?? []).some((e) => refInCidr(ip, e));
  const nsLabels = (ns: string) =>
    snap.namespaces.find((n) => n.name === ns)?.labels ?? { 'kubernetes.io/metadata.name': ns };
  const destination = direction === 'Ingress' ? local : peerPod;

  const peerMatches = (policyNs: string, peers: NetworkPolicyPeer[] | undefined) =>
    !peers ||
    peers.length === 0 ||
    peers.some((x) => {
      if (x.ipBlock) return inBlock(peerIp, x.ipBlock);
      if (!peerPod) return false;
      const nsOk = x.namespaceSelector
        ? refSelector(x.namespaceSelector, nsLabels(peerPod.namespace))
        : peerPod.namespace === policyNs;
      return nsOk && (!x.podSelector || refSelector(x.podSelector, peerPod.labels));
    });
  const portMatches = (ports: NetworkPolicyPort[] | undefined, namedOnly = false) =>
    (!namedOnly && (!ports || ports.length === 0)) ||
    (ports ?? []).some((p) => {
      if ((p.protocol ?? 'TCP') !== protocol) return false;
      if (namedOnly && typeof p.port !== 'string') return false;
      if (p.port === undefined) return true;
      if (typeof p.port === 'number') return port >= p.port && port <= (p.endPort ?? p.port);
      return (destination?.ports ?? []).some(
        (cp) => cp.name === p.port && cp.protocol === protocol && cp.containerPort === port,
      );
    });
  return applicable.some((p) =>
    direction === 'Ingress'
      ? (p.ingress ?? []).some((r) => peerMatches(p.namespace, r.from) && portMatches(r.ports))
      : (p.egress ?? []).some(
          (r) =>
            (peerMatches(p.namespace, r.to) && portMatches(r.ports)) ||
            (otherIp !== undefined &&
              (r.to ?? []).some((x) => x.ipBlock && inBlock(otherIp, x.ipBlock)) &&
              portMatches(r.ports, true)),
        ),
  );
}

function addressText(peer: Peer): string {
  if (!('pod' in peer)) return peer.ip;
  return peer.v6 ? peer.pod.ipv6! : peer.pod.ip!;
}

/** With dualStack, pods have IPv6 addresses too and ipBlocks may be IPv6 ones. */
function randomSnapshot(
  random: () => number,
  dualStack = false,
): { snapshot: Snapshot; identities: Map<string, number> } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const nsNames = ['n0', 'n1', 'n2'];
  const namespaces: Namespace[] = nsNames
    .filter((_, i) => i < 2 || chance(0.7))
    .map((name) => ({
      name,
      labels: { 'kubernetes.io/metadata.name': name, ...(chance(0.7) ? { env: pick(['a', 'b']) } : {}) },
    }));
  const pods: Pod[] = [];
  const identities = new Map<string, number>();
  nsNames.forEach((ns, i) => {
    for (let j = 0; j < 4; j++) {
      const hostNetwork = chance(0.1);
      const ports: ContainerPort[] = [];
      if (chance(0.6)) ports.push({ name: 'http', containerPort: pick([80, 8080]), protocol: 'TCP' });
      if (chance(0.4))
        ports.push({ name: 'dns', containerPort: 53, protocol: pick(['UDP', 'TCP'] as const) });
      if (chance(0.3)) ports.push({ name: 'sctp', containerPort: 9000, protocol: 'SCTP' });
      const pod: Pod = {
        namespace: ns,
        name: `p${j}`,
        labels: {
          app: pick(['web', 'db', 'api']),
          ...(chance(0.5) ? { tier: pick(['front', 'back']) } : {}),
        },
        ip: hostNetwork ? `192.168.0.${i * 4 + j + 1}` : `10.${i}.0.${j + 1}`,
        ...(dualStack
          ? { ipv6: hostNetwork ? `fd00:192::${i * 4 + j + 1}` : `fd00:${i + 10}::${j + 1}` }
          : {}),
        ports,
        hostNetwork,
      };
      pods.push(pod);
      identities.set(podKey(pod), 256 + pods.length);
    }
  });
  const selector = (key: string, values: string[]): LabelSelector => {
    switch (Math.floor(random() * 6)) {
      case 0:
        return {};
      case 1:
        return { matchLabels: { [key]: pick(values) } };
      case 2:
        return { matchExpressions: [{ key, operator: 'In', values: [pick(values), pick(values)] }] };
      case 3:
        return { matchExpressions: [{ key, operator: 'NotIn', values: [pick(values)] }] };
      case 4:
        return { matchExpressions: [{ key, operator: 'Exists' }] };
      default:
        return { matchExpressions: [{ key, operator: 'DoesNotExist' }] };
    }
  };
  const podSelector = () => selector(pick(['app', 'tier']), ['web', 'db', 'api', 'front', 'back']);
  const nsSelector = () =>
    chance(0.2)
      ? { matchLabels: { 'kubernetes.io/metadata.name': pick(nsNames) } }
      : selector('env', ['a', 'b']);
  const ipBlocks = [
    { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
    { cidr: '10.1.0.0/16' },
    { cidr: '10.1.0.0/24', except: ['10.1.0.2/32'] },
    { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.0.0/24'] },
    { cidr: '192.168.0.0/16' },
    { cidr: '8.8.0.0/16', except: ['8.8.8.0/24'] },
    ...(dualStack
      ? [
          { cidr: 'fd00::/16', except: ['fd00:11::/32'] },
          { cidr: 'fd00:11::/32' },
          { cidr: 'fd00:11::/64', except: ['fd00:11::2/128'] },
          { cidr: '::/0', except: ['fd00::/16', 'fd00:192::/64'] },
          { cidr: 'fd00:192::/48' },
          { cidr: '2001:db8::/32', except: ['2001:db8:8::/48'] },
        ]
      : []),
  ];
  const peer = (): NetworkPolicyPeer => {
    switch (Math.floor(random() * 5)) {
      case 0:
        return { podSelector: podSelector() };
      case 1:
        return { namespaceSelector: nsSelector() };
      case 2:
        return { podSelector: podSelector(), namespaceSelector: nsSelector() };
      default:
        return { ipBlock: structuredClone(pick(ipBlocks)) };
    }
  };
  const port = (): NetworkPolicyPort => {
    const protocol = pick([undefined, 'TCP', 'UDP', 'SCTP']);
    const base = protocol ? { protocol } : {};
    switch (Math.floor(random() * 4)) {
      case 0:
        return base;
      case 1:
        return { ...base, port: pick([53, 80, 8080, 9000]) };
      case 2:
        return { ...base, port: pick([50, 79, 80]), endPort: pick([81, 100, 9000]) };
      default:
        return { ...base, port: pick(['http', 'dns', 'sctp']) };
    }
  };
  const list = <T>(make: () => T, max: number): T[] | undefined =>
    chance(0.15) ? undefined : Array.from({ length: Math.floor(random() * (max + 1)) }, make);
  const rule = () => ({ peers: list(peer, 2), ports: list(port, 2) });
  const policies: NetworkPolicy[] = [];
  const count = 2 + Math.floor(random() * 5);
  for (let i = 0; i < count; i++) {
    const ingress = list(rule, 2)?.map((r) => ({ from: r.peers, ports: r.ports }));
    const egress = list(rule, 2)?.map((r) => ({ to: r.peers, ports: r.ports }));
    const policyTypes = pick([undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']] as const);
    policies.push({
      namespace: pick(nsNames),
      name: `pol${i}`,
      podSelector: chance(0.4) ? {} : podSelector(),
      ...(policyTypes ? { policyTypes: [...policyTypes] } : {}),
      ...(ingress ? { ingress } : {}),
      ...(egress ? { egress } : {}),
    });
  }
  return { snapshot: { namespaces, pods, policies }, identities };
}

const PROBE_PROTOCOLS = [
  ['TCP', IPPROTO_TCP],
  ['UDP', IPPROTO_UDP],
  ['SCTP', IPPROTO_SCTP],
  ['ICMP', IPPROTO_ICMP],
] as const;
const PROBE_PORTS = [53, 79, 80, 81, 100, 8080, 9000, 9001];

/** Every (local pod, peer, protocol, port, direction) combination. */
function probes(locals: Pod[], peers: Peer[]) {
  const ports = PROBE_PROTOCOLS.flatMap(([protoName, proto]) =>
    (proto === IPPROTO_ICMP ? [0] : PROBE_PORTS).map((port) => ({ protoName, proto, port })),
  );
  return locals.flatMap((local) =>
    peers.flatMap((peer) =>
      ports.flatMap((p) =>
        ([DIR_INGRESS, DIR_EGRESS] as const).map((direction) => ({ local, peer, ...p, direction })),
      ),
    ),
  );
}

/** What the datapath would see of a peer: hostNetwork pods are the node, other IPs the world. */
function addressOf(peer: Peer, identities: ReadonlyMap<string, number>): { identity: number; ip: string } {
  if (!('pod' in peer)) return { identity: ID_WORLD, ip: peer.ip };
  const identity = peer.pod.hostNetwork ? ID_REMOTE_NODE : identities.get(podKey(peer.pod))!;
  return { identity, ip: addressText(peer) };
}

describe('compiled maps agree with the reference semantics', () => {
  const seen: Record<string, number> = {};
  const EXTERNAL = ['8.8.8.8', '8.8.4.4', '10.1.0.99', '10.1.7.7', '10.5.0.1', '192.168.1.1', '1.2.3.4'];

  // Twice: with namespace identities (namespace peers as one entry per namespace) and without
  // (namespace peers enumerated pod by pod). The datapath must decide the same either way.
  for (let seed = 1; seed <= 40; seed++) {
    const withNamespaces = seed % 2 === 0;
    it(`random snapshot #${seed}${withNamespaces ? ' (namespace identities)' : ''}`, () => {
      const { snapshot, identities } = randomSnapshot(rng(seed));
      const locals = snapshot.pods.filter((p) => !p.hostNetwork);
      const endpoints = new Map(locals.map((p, i) => [podKey(p), i + 1] as const));
      const names = [
        ...new Set([...snapshot.namespaces.map((n) => n.name), ...snapshot.pods.map((p) => p.namespace)]),
      ].sort();
      const namespaceIdentities = new Map(names.map((n, i) => [n, ID_NAMESPACE_BIT + 1 + i] as const));
      const { output, errors } = compilePolicies({
        snapshot,
        endpoints,
        identities,
        ...(withNamespaces ? { namespaceIdentities } : {}),
      });
      expect(errors).toEqual([]);

      const peers: Peer[] = [...snapshot.pods.map((pod) => ({ pod })), ...EXTERNAL.map((ip) => ({ ip }))];
      const mismatches: string[] = [];
      for (const { local, peer, protoName, proto, port, direction } of probes(locals, peers)) {
        const { identity, ip } = addressOf(peer, identities);
        const dirName = direction === DIR_INGRESS ? 'Ingress' : 'Egress';
        const want = refAllowed(snapshot, local, dirName, peer, protoName, port);
        const endpoint = endpoints.get(podKey(local))!;
        const nsIdentity =
          withNamespaces && 'pod' in peer && !peer.pod.hostNetwork
            ? namespaceIdentities.get(peer.pod.namespace)!
            : 0;
        const verdict = lookupPolicy(output, endpoint, direction, identity, ip, proto, port, nsIdentity);
        seen[verdict.via] = (seen[verdict.via] ?? 0) + 1;
        if (want !== verdict.allowed) {
          const name = 'pod' in peer ? podKey(peer.pod) : peer.ip;
          mismatches.push(`${podKey(local)} ${dirName} ${name} ${protoName}/${port}: want ${want}`);
        }
      }
      expect(mismatches.slice(0, 10), JSON.stringify(snapshot.policies)).toEqual([]);
    });
  }

  it('exercised every lookup path and both verdicts', () => {
    for (const via of ['not-enforced', 'identity', 'any', 'cidr', 'denied']) {
      expect(seen[via] ?? 0, JSON.stringify(seen)).toBeGreaterThan(1000);
    }
    // Only the namespace-identity half of the snapshots reaches these two.
    for (const via of ['namespace', 'cluster']) {
      expect(seen[via] ?? 0, JSON.stringify(seen)).toBeGreaterThan(100);
    }
  });
});

describe('compiled maps agree with the reference semantics, dual-stack', () => {
  const seen: Record<string, number> = {};
  const EXTERNAL = ['8.8.8.8', '10.1.0.99', '192.168.1.1'];
  const EXTERNAL6 = [
    '2001:db8::1',
    '2001:db8:8::1',
    'fd00:11::99',
    'fd00:11:0:1::1',
    'fd00:192::99',
    '2606:4700::1111',
  ];

  // Every pod is probed at both its addresses: IPv6 blocks must match only IPv6 peers and the
  // other way round, and rule sets shared across families must allow the same ports.
  for (let seed = 1; seed <= 20; seed++) {
    const withNamespaces = seed % 2 === 0;
    it(`random dual-stack snapshot #${seed}${withNamespaces ? ' (namespace identities)' : ''}`, () => {
      const { snapshot, identities } = randomSnapshot(rng(1000 + seed), true);
      const locals = snapshot.pods.filter((p) => !p.hostNetwork);
      const endpoints = new Map(locals.map((p, i) => [podKey(p), i + 1] as const));
      const names = [...new Set(snapshot.pods.map((p) => p.namespace))].sort();
      const namespaceIdentities = new Map(names.map((n, i) => [n, ID_NAMESPACE_BIT + 1 + i] as const));
      const { output, errors } = compilePolicies({
        snapshot,
        endpoints,
        identities,
        ...(withNamespaces ? { namespaceIdentities } : {}),
      });
      expect(errors).toEqual([]);

      const peers: Peer[] = [
        ...snapshot.pods.flatMap((pod) => [{ pod }, { pod, v6: true }]),
        ...[...EXTERNAL, ...EXTERNAL6].map((ip) => ({ ip })),
      ];
      const mismatches: string[] = [];
      for (const { local, peer, protoName, proto, port, direction } of probes(locals, peers)) {
        const { identity, ip } = addressOf(peer, identities);
        const dirName = direction === DIR_INGRESS ? 'Ingress' : 'Egress';
        const want = refAllowed(snapshot, local, dirName, peer, protoName, port);
        const nsIdentity =
          withNamespaces && 'pod' in peer && !peer.pod.hostNetwork
            ? namespaceIdentities.get(peer.pod.namespace)!
            : 0;
        const endpoint = endpoints.get(podKey(local))!;
        const verdict = lookupPolicy(output, endpoint, direction, identity, ip, proto, port, nsIdentity);
        if (ip.includes(':')) seen[verdict.via] = (seen[verdict.via] ?? 0) + 1;
        if (want !== verdict.allowed) {
          mismatches.push(`${podKey(local)} ${dirName} ${ip} ${protoName}/${port}: want ${want}`);
        }
      }
      expect(mismatches.slice(0, 10), JSON.stringify(snapshot.policies)).toEqual([]);
    });
  }

  it('took the cidr path for IPv6 peers, both ways', () => {
    expect(seen['cidr'] ?? 0, JSON.stringify(seen)).toBeGreaterThan(1000);
    expect(seen['denied'] ?? 0, JSON.stringify(seen)).toBeGreaterThan(1000);
  });
});
