// Nodes reach the store from three places: the agent config's `nodes` (local mode), Node manifests
// (local mode; a manifest Node replaces the config's node of its name) and Node objects from the API
// server. Each gives the first IPv4 InternalIP, the first IPv4 pod CIDR and (dual-stack) the first
// IPv6 InternalIP and IPv6 pod CIDR, or names what is wrong.

import type { V1Node } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../agent/model/types.js';
import { nodeFromKubernetes, podFromK8s } from '../../agent/sources/kubernetes.js';
import {
  applyManifests,
  checkManifests,
  emptyManifests,
  ManifestError,
  type Manifests,
  parseManifests,
} from '../../agent/sources/manifests.js';
import { Store } from '../../agent/state/store.js';

/** A Node manifest; status and spec as YAML flow mappings. */
const nodeYaml = (name: string, status: string, spec = '{}', apiVersion = 'v1') =>
  `apiVersion: ${apiVersion}\nkind: Node\nmetadata: { name: ${JSON.stringify(name)} }\nspec: ${spec}\nstatus: ${status}\n`;

const internal = (ip: string) => `{ addresses: [{ type: InternalIP, address: "${ip}" }] }`;

const parseNodes = (...docs: string[]): Manifests => {
  const m = parseManifests(docs.join('---\n'), 'nodes.yaml');
  checkManifests(m);
  return m;
};

describe('Node manifests', () => {
  it('take the first InternalIP of each family and spec.podCIDR, cluster-scoped like Namespaces', () => {
    const m = parseNodes(
      `apiVersion: v1
kind: Node
metadata: { name: node-a, namespace: ignored }
spec: { podCIDR: 10.244.1.0/24 }
status:
  addresses:
    - { type: Hostname, address: node-a }
    - { type: ExternalIP, address: 203.0.113.7 }
    - { type: InternalIP, address: "FD00:0::A" }
    - { type: InternalIP, address: 192.168.1.10 }
    - { type: InternalIP, address: "fd00::99" }
    - { type: InternalIP, address: 192.168.1.99 }
`,
      nodeYaml('node-b', internal('192.168.1.11')),
    );
    expect(m.nodes).toEqual([
      // The IPv6 one canonical (RFC 5952), as every IPv6 address the agent keeps.
      { name: 'node-a', internalIp: '192.168.1.10', internalIpV6: 'fd00::a', podCidr: '10.244.1.0/24' },
      // No pod CIDR yet: known, but routes no pods.
      { name: 'node-b', internalIp: '192.168.1.11' },
    ]);
  });

  it('take the first IPv4 of spec.podCIDRs when podCIDR is missing or IPv6, dropping host bits', () => {
    const m = parseNodes(
      nodeYaml('dual', internal('10.0.0.1'), '{ podCIDRs: ["fd00:10::/64", 10.244.2.0/24] }'),
      nodeYaml(
        'v6-first',
        internal('10.0.0.2'),
        '{ podCIDR: "fd00:11::/64", podCIDRs: ["fd00:11::/64", 10.244.3.0/24] }',
      ),
      nodeYaml('host-bits', internal('10.0.0.3'), '{ podCIDR: 10.244.4.9/24 }'),
    );
    expect(m.nodes.map((n) => n.podCidr)).toEqual(['10.244.2.0/24', '10.244.3.0/24', '10.244.4.0/24']);
  });

  it('take the first IPv6 entry of podCIDR/podCIDRs as podCidrV6, canonical and without host bits', () => {
    const m = parseNodes(
      nodeYaml(
        'dual',
        internal('10.0.0.1'),
        '{ podCIDRs: [10.244.2.0/24, "FD00:10:0:0::7/64", "fd00:99::/64"] }',
      ),
      nodeYaml(
        'v6-first',
        internal('10.0.0.2'),
        '{ podCIDR: "fd00:11::/64", podCIDRs: ["fd00:11::/64", 10.244.3.0/24] }',
      ),
      nodeYaml('v4-only', internal('10.0.0.3'), '{ podCIDR: 10.244.4.0/24 }'),
    );
    expect(m.nodes.map((n) => [n.podCidr, n.podCidrV6])).toEqual([
      ['10.244.2.0/24', 'fd00:10::/64'],
      ['10.244.3.0/24', 'fd00:11::/64'],
      ['10.244.4.0/24', undefined],
    ]);
    expect(m.nodes[2]).not.toHaveProperty('podCidrV6');
  });

  it.each([
    [
      'another apiVersion',
      nodeYaml('a', internal('10.0.0.1'), '{}', 'apps/v1'),
      /\(Node a\): apiVersion must be v1/,
    ],
    [
      'a name that is no DNS subdomain',
      nodeYaml('Node_A', internal('10.0.0.1')),
      /\(Node Node_A\): metadata.name: must be a DNS subdomain/,
    ],
    [
      'addresses that are no list',
      nodeYaml('a', '{ addresses: 10.0.0.1 }'),
      /\(Node a\): status.addresses: must be a list/,
    ],
    [
      'an address that is no mapping',
      nodeYaml('a', '{ addresses: [10.0.0.1] }'),
      /\(Node a\): status.addresses\[0\]: must be a mapping/,
    ],
    [
      'an InternalIP that is no address',
      nodeYaml('a', internal('10.0.0.300')),
      /\(Node a\): status.addresses\[0\].address: "10.0.0.300" is not an IPv4 address/,
    ],
    [
      'only an ExternalIP',
      nodeYaml('a', '{ addresses: [{ type: ExternalIP, address: 203.0.113.7 }] }'),
      /\(Node a\): status.addresses: no InternalIP with an IPv4 address/,
    ],
    ['no addresses', nodeYaml('a', '{}'), /\(Node a\): status.addresses: no InternalIP with an IPv4 address/],
    [
      'only an IPv6 InternalIP',
      nodeYaml('a', internal('fd00::1')),
      /\(Node a\): status.addresses: no InternalIP with an IPv4 address/,
    ],
    [
      'an IPv6 InternalIP that is no address',
      nodeYaml(
        'a',
        '{ addresses: [{ type: InternalIP, address: 10.0.0.1 }, { type: InternalIP, address: "fd00::1::2" }] }',
      ),
      /\(Node a\): status.addresses\[1\].address: "fd00::1::2" is not an IPv6 address: '::' appears more than once/,
    ],
    [
      'a link-local IPv6 InternalIP',
      nodeYaml(
        'a',
        '{ addresses: [{ type: InternalIP, address: "fe80::1" }, { type: InternalIP, address: 10.0.0.1 }] }',
      ),
      /\(Node a\): status.addresses\[0\].address: "fe80::1" is link-local: other nodes cannot route to it/,
    ],
    [
      'an IPv6 InternalIP with a zone',
      nodeYaml(
        'a',
        '{ addresses: [{ type: InternalIP, address: 10.0.0.1 }, { type: InternalIP, address: "fd00::1%eth0" }] }',
      ),
      /\(Node a\): status.addresses\[1\].address: .*zone index/,
    ],
    [
      'a podCIDR without length',
      nodeYaml('a', internal('10.0.0.1'), '{ podCIDR: 10.244.0.0 }'),
      /\(Node a\): spec.podCIDR: .*missing \/prefix-length/,
    ],
    [
      'a podCIDR too long',
      nodeYaml('a', internal('10.0.0.1'), '{ podCIDR: 10.244.0.0/40 }'),
      /\(Node a\): spec.podCIDR: .*bad prefix length/,
    ],
    [
      'podCIDRs that are no list',
      nodeYaml('a', internal('10.0.0.1'), '{ podCIDRs: 10.244.0.0/24 }'),
      /\(Node a\): spec.podCIDRs: must be a list/,
    ],
    [
      'a bad second entry of podCIDRs',
      nodeYaml('a', internal('10.0.0.1'), '{ podCIDRs: [10.244.0.0/24, 10.245.0/24] }'),
      /\(Node a\): spec.podCIDRs\[1\]: "10.245.0" is not an IPv4 address/,
    ],
    [
      'a bad IPv6 entry of podCIDRs',
      nodeYaml('a', internal('10.0.0.1'), '{ podCIDRs: [10.244.0.0/24, "fd00::1::/64"] }'),
      /\(Node a\): spec.podCIDRs\[1\]: "fd00::1::\/64" is not an IPv6 CIDR: '::' appears more than once/,
    ],
    [
      'an IPv6 podCIDRs entry too long',
      nodeYaml('a', internal('10.0.0.1'), '{ podCIDRs: [10.244.0.0/24, "fd00::/129"] }'),
      /\(Node a\): spec.podCIDRs\[1\]: .*bad prefix length/,
    ],
    [
      'a number in podCIDRs',
      nodeYaml('a', internal('10.0.0.1'), '{ podCIDRs: [24] }'),
      /\(Node a\): spec.podCIDRs\[0\]: must be a CIDR string/,
    ],
  ])('refuses %s, naming the file, the Node and the field', (_, yaml, message) => {
    expect(() => parseManifests(yaml, 'nodes.yaml')).toThrow(ManifestError);
    expect(() => parseManifests(yaml, 'nodes.yaml')).toThrow(/^nodes.yaml: document 1 /);
    expect(() => parseManifests(yaml, 'nodes.yaml')).toThrow(message);
  });

  it.each([
    [
      'one name',
      [nodeYaml('a', internal('10.0.0.1')), nodeYaml('a', internal('10.0.0.2'))],
      /^Node a is defined twice/,
    ],
    [
      'one InternalIP',
      [nodeYaml('a', internal('10.0.0.1')), nodeYaml('b', internal('10.0.0.1'))],
      /^Node b: status.addresses: 10.0.0.1 is the InternalIP of node a too/,
    ],
    [
      'one IPv6 InternalIP (written differently)',
      [
        nodeYaml(
          'a',
          '{ addresses: [{ type: InternalIP, address: 10.0.0.1 }, { type: InternalIP, address: "fd00::1" }] }',
        ),
        nodeYaml(
          'b',
          '{ addresses: [{ type: InternalIP, address: 10.0.0.2 }, { type: InternalIP, address: "fd00:0:0::1" }] }',
        ),
      ],
      /^Node b: status.addresses: fd00::1 is the IPv6 InternalIP of node a too/,
    ],
    [
      'overlapping pod CIDRs',
      [
        nodeYaml('a', internal('10.0.0.1'), '{ podCIDR: 10.244.0.0/16 }'),
        nodeYaml('b', internal('10.0.0.2'), '{ podCIDR: 10.244.7.0/24 }'),
      ],
      /^Node b: spec.podCIDR: 10.244.7.0\/24 overlaps the pod CIDR of node a \(10.244.0.0\/16\)/,
    ],
    [
      'overlapping IPv6 pod CIDRs',
      [
        nodeYaml('a', internal('10.0.0.1'), '{ podCIDRs: [10.244.0.0/24, "fd00:10::/56"] }'),
        nodeYaml('b', internal('10.0.0.2'), '{ podCIDRs: [10.244.1.0/24, "fd00:10:0:7::/64"] }'),
      ],
      /^Node b: spec.podCIDRs: fd00:10:0:7::\/64 overlaps the IPv6 pod CIDR of node a \(fd00:10::\/56\)/,
    ],
  ])('refuses two Nodes with %s', (_, docs, message) => {
    expect(() => parseNodes(...docs)).toThrow(message);
  });
});

describe('applyManifests: Nodes', () => {
  const configNodes: Node[] = [
    { name: 'a', internalIp: '10.0.0.1', podCidr: '10.244.0.0/24' },
    { name: 'b', internalIp: '10.0.0.2', podCidr: '10.244.1.0/24' },
  ];

  it('holds the config nodes, a manifest Node replacing the one of its name, and follows reloads', () => {
    const store = new Store();
    applyManifests(
      store,
      parseNodes(
        nodeYaml('b', internal('10.0.0.22'), '{ podCIDR: 10.244.1.0/24 }'),
        nodeYaml('c', internal('10.0.0.3')),
      ),
      configNodes,
    );
    expect(store.snapshot().nodes).toEqual([
      configNodes[0],
      { name: 'b', internalIp: '10.0.0.22', podCidr: '10.244.1.0/24' },
      { name: 'c', internalIp: '10.0.0.3' },
    ]);
    // Reloaded without the manifest Nodes: c leaves, b is the config's again, a stays.
    applyManifests(store, emptyManifests(), configNodes);
    expect(store.snapshot().nodes).toEqual(configNodes);
    expect(store.getNode('c')).toBeUndefined();
    // Without config nodes the manifests are the whole cluster.
    applyManifests(store, parseNodes(nodeYaml('c', internal('10.0.0.3'))));
    expect(store.snapshot().nodes).toEqual([{ name: 'c', internalIp: '10.0.0.3' }]);
  });
});

describe('Store: nodes', () => {
  const a: Node = { name: 'a', internalIp: '10.0.0.1', podCidr: '10.244.0.0/24' };

  it('keeps the nodes array while other kinds change, and renews it when a node changes', () => {
    const store = new Store();
    store.upsertNode(a);
    const before = store.snapshot().nodes;
    expect(before).toEqual([a]);
    store.upsertNamespace({ name: 'x', labels: {} });
    store.upsertPod({ namespace: 'x', name: 'p', labels: {}, ports: [] });
    expect(store.snapshot().nodes).toBe(before);

    const version = store.version;
    store.upsertNode({ ...a });
    expect(store.version).toBe(version); // an equal node is no change
    expect(store.snapshot().nodes).toBe(before);

    store.upsertNode({ ...a, podCidr: '10.244.9.0/24' });
    expect(store.version).toBe(version + 1);
    const after = store.snapshot().nodes;
    expect(after).not.toBe(before);
    expect(after).toEqual([{ ...a, podCidr: '10.244.9.0/24' }]);
    expect(store.getNode('a')?.podCidr).toBe('10.244.9.0/24');
    // The other kinds' arrays survive a node change.
    const pods = store.snapshot().pods;
    store.upsertNode({ name: 'b', internalIp: '10.0.0.2' });
    expect(store.snapshot().pods).toBe(pods);
  });

  it('deletes a node, and a missing one is no change', () => {
    const store = new Store();
    store.upsertNode(a);
    const version = store.version;
    store.deleteNode('nope');
    expect(store.version).toBe(version);
    store.deleteNode('a');
    expect(store.version).toBe(version + 1);
    expect(store.getNode('a')).toBeUndefined();
    expect(store.snapshot().nodes).toEqual([]);
  });
});

describe('nodeFromKubernetes', () => {
  const v1Node = (
    name: string | undefined,
    addresses: { type: string; address: string }[],
    spec: V1Node['spec'] = {},
  ): V1Node => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: name === undefined ? {} : { name, uid: 'u-1', labels: { 'kubernetes.io/os': 'linux' } },
    spec,
    status: { addresses },
  });

  it('takes the first IPv4 InternalIP and spec.podCIDR', () => {
    expect(
      nodeFromKubernetes(
        v1Node(
          'worker-1',
          [
            { type: 'Hostname', address: 'worker-1' },
            { type: 'InternalIP', address: '172.18.0.3' },
            { type: 'ExternalIP', address: '203.0.113.3' },
          ],
          { podCIDR: '10.244.3.0/24', podCIDRs: ['10.244.3.0/24'] },
        ),
      ),
    ).toEqual({ name: 'worker-1', internalIp: '172.18.0.3', podCidr: '10.244.3.0/24' });
  });

  it('takes both addresses and both pod CIDRs of an IPv6-primary dual-stack node', () => {
    expect(
      nodeFromKubernetes(
        v1Node(
          'dual',
          [
            { type: 'InternalIP', address: 'fd00::3' },
            { type: 'InternalIP', address: '172.18.0.4' },
          ],
          { podCIDR: 'fd00:10:244:4::/64', podCIDRs: ['fd00:10:244:4::/64', '10.244.4.0/24'] },
        ),
      ),
    ).toEqual({
      name: 'dual',
      internalIp: '172.18.0.4',
      internalIpV6: 'fd00::3',
      podCidr: '10.244.4.0/24',
      podCidrV6: 'fd00:10:244:4::/64',
    });
  });

  it('knows a node without a pod CIDR yet', () => {
    expect(nodeFromKubernetes(v1Node('new', [{ type: 'InternalIP', address: '172.18.0.5' }]))).toEqual({
      name: 'new',
      internalIp: '172.18.0.5',
    });
  });

  it('names why a node cannot be used: no IPv4 InternalIP', () => {
    expect(nodeFromKubernetes(v1Node('ext', [{ type: 'ExternalIP', address: '203.0.113.9' }]))).toEqual({
      field: 'status.addresses',
      message: expect.stringMatching(/no InternalIP with an IPv4 address/),
    });
    expect(nodeFromKubernetes(v1Node('v6', [{ type: 'InternalIP', address: 'fd00::9' }]))).toMatchObject({
      field: 'status.addresses',
    });
    expect(nodeFromKubernetes({ ...v1Node('bare', []), status: undefined })).toMatchObject({
      field: 'status.addresses',
    });
  });

  it('passes over an IPv6 InternalIP no node can route to and keeps the node, IPv4 and a later IPv6 one', () => {
    const skipped: { field: string; message: string }[] = [];
    expect(
      nodeFromKubernetes(
        v1Node('ll', [
          { type: 'InternalIP', address: '172.18.0.6' },
          { type: 'InternalIP', address: 'fe80::6' },
          { type: 'InternalIP', address: 'fd00::6' },
        ]),
        skipped,
      ),
    ).toEqual({ name: 'll', internalIp: '172.18.0.6', internalIpV6: 'fd00::6' });
    expect(skipped).toEqual([
      { field: 'status.addresses[1].address', message: expect.stringMatching(/link-local/) },
    ]);
    // A manifest's Node is ours to fix: refused, with the field.
    expect(() =>
      parseManifests(
        'apiVersion: v1\nkind: Node\nmetadata: { name: m }\nstatus: { addresses: [{ type: InternalIP, address: 10.0.0.1 }, { type: InternalIP, address: "fe80::1" }] }\n',
        'nodes.yaml',
      ),
    ).toThrow(/status\.addresses\[1\]\.address: .*link-local/);
  });

  it('ignores an object without a name', () => {
    expect(
      nodeFromKubernetes(v1Node(undefined, [{ type: 'InternalIP', address: '10.0.0.1' }])),
    ).toBeUndefined();
  });
});

describe('Pod addresses', () => {
  const podYaml = (status: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: x }\nspec: {}\nstatus: ${status}\n`;
  const pod = (status: string) => parseManifests(podYaml(status), 'pods.yaml').pods[0];

  it('a manifest Pod takes its IPv4 and (canonical) IPv6 address from status.podIPs and podIP', () => {
    expect(pod('{ podIP: 10.0.0.5 }')).toMatchObject({ ip: '10.0.0.5' });
    expect(pod('{ podIP: 10.0.0.5 }')).not.toHaveProperty('ipv6');
    expect(pod('{ podIP: 10.0.0.5, podIPs: [{ ip: 10.0.0.5 }, { ip: "FD00:10:0::5" }] }')).toMatchObject({
      ip: '10.0.0.5',
      ipv6: 'fd00:10::5',
    });
    // IPv6-primary: the IPv6 address is no IPv4 one.
    const v6first = pod('{ podIP: "fd00::5", podIPs: [{ ip: "fd00::5" }, { ip: 10.0.0.5 }] }');
    expect(v6first).toMatchObject({ ip: '10.0.0.5', ipv6: 'fd00::5' });
    expect(pod('{ podIP: "fd00::5" }')).not.toHaveProperty('ip');
  });

  it('a Pod of the API server likewise', () => {
    const k8s = (status: NonNullable<Parameters<typeof podFromK8s>[0]['status']>) =>
      podFromK8s({ metadata: { name: 'p', namespace: 'x' }, spec: { containers: [] }, status });
    expect(k8s({ podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::0:5' }] })).toMatchObject({
      ip: '10.0.0.5',
      ipv6: 'fd00::5',
    });
    expect(k8s({ podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }] })).not.toHaveProperty('ipv6');
    expect(k8s({ podIP: 'fd00::5', podIPs: [{ ip: 'fd00::5' }] })).not.toHaveProperty('ip');
  });
});
