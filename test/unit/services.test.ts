// The pure half of Services: validation with the object and field named, what the API server and
// the endpoint-slice controller would add to plain manifests, kube-proxy's backend semantics,
// stable frontend ids, and encoding that touches only the Service that changed.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_CIDR } from '../../agent/config/config.js';
import {
  lb6BackendKeyCodec,
  lb6FrontendKeyCodec,
  lb6TargetCodec,
  lbBackendCodec,
  lbBackendKeyCodec,
  lbFrontendCodec,
  lbRevnatCodec,
  lbSlotCodec,
  lbSlotKeyCodec,
  u32Codec,
} from '../../agent/datapath/codecs.js';
import { planMap } from '../../agent/datapath/map-sync.js';
import type { EndpointSlice, Pod, Service } from '../../agent/model/types.js';
import { validateService } from '../../agent/model/validate-service.js';
import {
  compileServices,
  LB_F_AFFINITY,
  LB_F_LOCAL_ONLY,
  LB_F_NODEPORT,
  type ServicesInput,
} from '../../agent/services/compile.js';
import { assignServiceAddresses, deriveEndpointSlices } from '../../agent/services/derive.js';
import { encodeLb, type LbCache } from '../../agent/services/encode.js';
import { FrontendIds } from '../../agent/services/frontend-ids.js';
import { emptyManifests, ManifestError, parseManifests } from '../../agent/sources/manifests.js';

const pod = (name: string, ip: string, labels: Record<string, string>, ports: Pod['ports'] = []): Pod => ({
  namespace: 'x',
  name,
  labels,
  ip,
  ports,
});

const web: Service = {
  namespace: 'x',
  name: 'web',
  type: 'ClusterIP',
  clusterIP: '10.96.0.10',
  selector: { app: 'web' },
  ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }],
};

const input = (
  services: Service[],
  slices: EndpointSlice[],
  extra: Partial<ServicesInput> = {},
): ServicesInput => ({
  services,
  endpointSlices: slices,
  nodeIps: ['192.0.2.1'],
  nodeName: 'node-a',
  localAddresses: new Set(),
  ...extra,
});

describe('validateService', () => {
  it('names the object and field of each problem', () => {
    const problems = validateService({
      namespace: 'x',
      name: 'bad',
      type: 'NodePort',
      clusterIP: '10.96.0.300',
      ports: [
        { name: 'a', port: 70000, protocol: 'TCP' },
        { name: 'b', port: 80, protocol: 'TCP', nodePort: 20000 },
        { name: 'c', port: 80, protocol: 'TCP', targetPort: 'Not_A_Name' },
        { port: 81, protocol: 'ICMP' as 'TCP' },
      ],
      sessionAffinity: 'ClientIP',
      affinityTimeoutSeconds: 0,
    });
    const fields = problems.map((p) => `${p.object} ${p.field}`);
    expect(fields).toEqual([
      'Service x/bad spec.clusterIP',
      'Service x/bad spec.ports[0].port',
      'Service x/bad spec.ports[1].nodePort',
      'Service x/bad spec.ports[2].targetPort',
      'Service x/bad spec.ports[2]',
      'Service x/bad spec.ports[3].protocol',
      'Service x/bad spec.ports[3].name',
      'Service x/bad spec.sessionAffinityConfig.clientIP.timeoutSeconds',
    ]);
    expect(problems.find((p) => p.field === 'spec.ports[2]')?.message).toMatch(
      /duplicate frontend: port 80\/TCP/,
    );
    expect(problems.every((p) => !p.warning)).toBe(true);
  });

  it('accepts TCP, UDP and SCTP on one port number', () => {
    expect(
      validateService({
        ...web,
        ports: (['TCP', 'UDP', 'SCTP'] as const).map((protocol) => ({
          name: protocol.toLowerCase(),
          port: 53,
          protocol,
        })),
      }),
    ).toEqual([]);
  });
});

describe('manifests', () => {
  it('a Service with an out-of-range port is refused with file, object and field', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: { name: web, namespace: x }
spec:
  selector: { app: web }
  ports: [{ port: 0 }]
`;
    expect(() => parseManifests(yaml, 'svc.yaml')).toThrow(ManifestError);
    expect(() => parseManifests(yaml, 'svc.yaml')).toThrow(
      /svc.yaml: document 1 \(Service x\/web\): spec.ports\[0\].port: must be a port number/,
    );
  });

  it('parses Services and EndpointSlices as the API would give them', () => {
    const m = parseManifests(
      `apiVersion: v1
kind: Service
metadata: { name: dns, namespace: kube-system }
spec:
  type: NodePort
  clusterIP: 10.96.0.53
  sessionAffinity: ClientIP
  sessionAffinityConfig: { clientIP: { timeoutSeconds: 30 } }
  externalTrafficPolicy: Local
  ports: [{ name: dns, port: 53, protocol: UDP, targetPort: 5353, nodePort: 30053 }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: dns-1, namespace: kube-system, labels: { kubernetes.io/service-name: dns } }
addressType: IPv4
endpoints:
  - addresses: [10.0.0.5]
    conditions: { ready: false, serving: true, terminating: true }
    nodeName: n1
    targetRef: { kind: Pod, name: coredns-1 }
ports: [{ name: dns, port: 5353, protocol: UDP }]
`,
      'm.yaml',
      emptyManifests(),
    );
    expect(m.services[0]).toEqual({
      namespace: 'kube-system',
      name: 'dns',
      type: 'NodePort',
      clusterIP: '10.96.0.53',
      ports: [{ name: 'dns', protocol: 'UDP', port: 53, targetPort: 5353, nodePort: 30053 }],
      sessionAffinity: 'ClientIP',
      affinityTimeoutSeconds: 30,
      externalTrafficPolicy: 'Local',
    });
    expect(m.endpointSlices[0]).toEqual({
      namespace: 'kube-system',
      name: 'dns-1',
      serviceName: 'dns',
      addressType: 'IPv4',
      endpoints: [
        {
          addresses: ['10.0.0.5'],
          conditions: { ready: false, serving: true, terminating: true },
          nodeName: 'n1',
          pod: 'kube-system/coredns-1',
        },
      ],
      ports: [{ name: 'dns', protocol: 'UDP', port: 5353 }],
    });
  });
});

describe('what the API server and the slice controller add', () => {
  it('assigns stable, distinct clusterIPs and nodePorts where a manifest leaves them out', () => {
    const a: Service = { ...web, name: 'a', clusterIP: undefined as unknown as string };
    delete (a as Partial<Service>).clusterIP;
    const b: Service = { ...a, name: 'b', type: 'NodePort', ports: [{ port: 80, protocol: 'TCP' }] };
    const first = assignServiceAddresses([a, b, web], DEFAULT_SERVICE_CIDR, null).services;
    const again = assignServiceAddresses([web, b, a], DEFAULT_SERVICE_CIDR, null).services;
    expect(first[0]!.clusterIP).toMatch(/^10\.96\./);
    expect(first[0]!.clusterIP).not.toBe(first[1]!.clusterIP);
    expect(again.find((s) => s.name === 'a')!.clusterIP).toBe(first[0]!.clusterIP);
    expect(first[1]!.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(first[2]).toBe(web);
  });

  it('derives slices from selectors, resolving named targetPorts per pod', () => {
    const pods = [
      pod('w1', '10.0.0.1', { app: 'web' }, [{ name: 'http', containerPort: 8080, protocol: 'TCP' }]),
      pod('w2', '10.0.0.2', { app: 'web' }, [{ name: 'http', containerPort: 9090, protocol: 'TCP' }]),
      pod('w3', '10.0.0.3', { app: 'web' }, []),
      pod('other', '10.0.0.4', { app: 'db' }, [{ name: 'http', containerPort: 8080, protocol: 'TCP' }]),
    ];
    const out = compileServices(input([web], deriveEndpointSlices([web], pods)));
    expect(out.frontends).toHaveLength(1);
    expect(out.frontends[0]!.backends.map((b) => `${b.addr}:${b.port}`)).toEqual([
      '10.0.0.1:8080',
      '10.0.0.2:9090',
    ]);
  });

  it('a targetPort name no backend has is a warning naming the field; the frontend rejects', () => {
    const pods = [pod('w3', '10.0.0.3', { app: 'web' }, [])];
    const out = compileServices(input([web], deriveEndpointSlices([web], pods)));
    expect(out.problems).toEqual([
      expect.objectContaining({ object: 'Service x/web', field: 'spec.ports[0].targetPort', warning: true }),
    ]);
    expect(out.frontends[0]!.backends).toEqual([]);
  });
});

describe('compileServices: kube-proxy semantics', () => {
  const slice = (endpoints: EndpointSlice['endpoints']): EndpointSlice => ({
    namespace: 'x',
    name: 'web-1',
    serviceName: 'web',
    addressType: 'IPv4',
    endpoints,
    ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
  });

  it('ready endpoints serve; not-ready ones do not; terminating ones keep their connections', () => {
    const out = compileServices(
      input(
        [web],
        [
          slice([
            { addresses: ['10.0.0.1'], conditions: { ready: true } },
            { addresses: ['10.0.0.2'], conditions: { ready: false } },
            { addresses: ['10.0.0.3'], conditions: { ready: false, serving: true, terminating: true } },
          ]),
        ],
      ),
    );
    expect(out.frontends[0]!.backends.map((b) => `${b.addr}=${b.state}`)).toEqual([
      '10.0.0.1=active',
      '10.0.0.2=not-ready',
      '10.0.0.3=terminating',
    ]);
  });

  it('with no ready endpoint, serving terminating ones take new connections', () => {
    const out = compileServices(
      input(
        [web],
        [
          slice([
            { addresses: ['10.0.0.3'], conditions: { ready: false, serving: true, terminating: true } },
          ]),
        ],
      ),
    );
    expect(out.frontends[0]!.backends.map((b) => b.state)).toEqual(['active']);
  });

  it('publishNotReadyAddresses makes not-ready endpoints serve', () => {
    const out = compileServices(
      input(
        [{ ...web, publishNotReadyAddresses: true }],
        [slice([{ addresses: ['10.0.0.2'], conditions: { ready: false } }])],
      ),
    );
    expect(out.frontends[0]!.backends.map((b) => b.state)).toEqual(['active']);
  });

  it('NodePort on every node address; traffic policy Local keeps this node only; affinity flags', () => {
    const svc: Service = {
      ...web,
      type: 'NodePort',
      externalTrafficPolicy: 'Local',
      sessionAffinity: 'ClientIP',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 }],
    };
    const out = compileServices(
      input(
        [svc],
        [
          slice([
            { addresses: ['10.0.0.1'], nodeName: 'node-a' },
            { addresses: ['10.0.0.2'], nodeName: 'node-b' },
          ]),
        ],
        { nodeIps: ['192.0.2.1', '198.51.100.1'] },
      ),
    );
    const byKey = new Map(out.frontends.map((f) => [f.key, f]));
    expect([...byKey.keys()]).toEqual(['10.96.0.10:80/TCP', '192.0.2.1:30080/TCP', '198.51.100.1:30080/TCP']);
    expect(byKey.get('10.96.0.10:80/TCP')!.backends.map((b) => b.addr)).toEqual(['10.0.0.1', '10.0.0.2']);
    const np = byKey.get('192.0.2.1:30080/TCP')!;
    expect(np.backends.map((b) => b.addr)).toEqual(['10.0.0.1']);
    expect(np.flags).toBe(LB_F_AFFINITY | LB_F_LOCAL_ONLY | LB_F_NODEPORT);
    expect(np.affinityTimeout).toBe(10800);
  });

  it('two Services on one frontend: the second is not served and says who has it', () => {
    const other: Service = { ...web, name: 'other', selector: { app: 'other' } };
    const out = compileServices(input([web, other], []));
    expect(out.frontends.map((f) => f.service)).toEqual(['x/other']);
    expect(out.problems.find((p) => p.message.includes('duplicate'))).toMatchObject({
      object: 'Service x/web',
      field: 'spec.ports[0].port',
      message: expect.stringMatching(/duplicate frontend 10.96.0.10:80\/TCP: Service x\/other/),
    });
  });
});

describe('frontend ids', () => {
  it('stay with their frontend, survive a restart through the map, and are not reused at once', () => {
    const ids = new FrontendIds();
    const first = new Map(ids.assign(['a', 'b', 'c']));
    expect(new Map(ids.assign(['c', 'a']))).toEqual(
      new Map([
        ['a', first.get('a')],
        ['c', first.get('c')],
      ]),
    );
    const d = ids.assign(['a', 'c', 'd']).get('d')!;
    expect(d).not.toBe(first.get('b'));
    const restarted = new FrontendIds();
    restarted.seed([...ids.assign(['a', 'c', 'd'])]);
    expect(restarted.assign(['d', 'e']).get('d')).toBe(d);
  });
});

describe('encodeLb', () => {
  it('a changed Service yields new parts for its own frontends only', () => {
    const slices = (n: number): EndpointSlice[] => [
      {
        namespace: 'x',
        name: 's',
        serviceName: 'web',
        addressType: 'IPv4',
        endpoints: Array.from({ length: n }, (_, i) => ({ addresses: [`10.0.0.${i + 1}`] })),
        ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
      },
    ];
    const db: Service = { ...web, name: 'db', clusterIP: '10.96.0.11', selector: { app: 'db' } };
    const ids = new FrontendIds();
    const cache: LbCache = new Map();
    const run = (n: number) => {
      const out = compileServices(input([web, db], slices(n)));
      return { out, lb: encodeLb(out.frontends, ids.assign(out.frontends.map((f) => f.key)), cache) };
    };
    const before = run(2);
    const after = run(3);
    const webId = ids.assign(['10.96.0.10:80/TCP', '10.96.0.11:80/TCP']).get('10.96.0.10:80/TCP')!;
    const dbId = ids.assign(['10.96.0.10:80/TCP', '10.96.0.11:80/TCP']).get('10.96.0.11:80/TCP')!;
    expect(after.lb.lbRevnat.get(dbId)).toBe(before.lb.lbRevnat.get(dbId));
    expect(after.lb.lbSlots.get(webId)).not.toBe(before.lb.lbSlots.get(webId));
    const diff = planMap(before.lb.lbSlots.get(webId)!, after.lb.lbSlots.get(webId)!);
    expect(diff.updates.map(([, v]) => lbSlotCodec.decode(v).addr)).toEqual(['10.0.0.3']);
    const fe = [...after.lb.lbFrontends.values()].map((v) => lbFrontendCodec.decode(v));
    expect(fe.find((f) => f.id === webId)?.count).toBe(3);
  });
});

describe('encodeLb layouts', () => {
  it('writes what the codecs (checked against the BTF) read back', () => {
    const fe = compileServices(
      input(
        [web],
        [
          {
            namespace: 'x',
            name: 's',
            serviceName: 'web',
            addressType: 'IPv4',
            endpoints: [
              { addresses: ['10.0.0.1'], conditions: { ready: true } },
              { addresses: ['10.0.0.2'], conditions: { ready: false, serving: true, terminating: true } },
            ],
            ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
          },
        ],
      ),
    ).frontends;
    const lb = encodeLb(fe, new Map([['10.96.0.10:80/TCP', 513]]));
    const decode = <T>(
      m: Map<string, Buffer>,
      k: { decode(b: Buffer): T },
      v: { decode(b: Buffer): unknown },
    ) => [...m].map(([key, value]) => [k.decode(Buffer.from(key, 'hex')), v.decode(value)]);
    expect(decode(lb.lbRevnat.get(513)!, u32Codec, lbRevnatCodec)).toEqual([
      [{ value: 513 }, { addr: '10.96.0.10', port: 80 }],
    ]);
    expect(decode(lb.lbBackends.get(513)!, lbBackendKeyCodec, lbBackendCodec)).toEqual([
      [{ frontend_id: 513, addr: '10.0.0.1', port: 8080 }, { flags: 0 }],
      [{ frontend_id: 513, addr: '10.0.0.2', port: 8080 }, { flags: 1 }],
    ]);
    expect(decode(lb.lbSlots.get(513)!, lbSlotKeyCodec, lbSlotCodec)).toEqual([
      [
        { frontend_id: 513, slot: 1 },
        { addr: '10.0.0.1', port: 8080 },
      ],
    ]);
    expect([...lb.lbBackends.get(513)!.keys()].every((k) => k.length === lbBackendKeyCodec.size * 2)).toBe(
      true,
    );
  });

  it('an IPv6 frontend goes to the …6 twins, in their layouts, and none of it to the IPv4 maps', () => {
    const dual: Service = { ...web, clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00:10:96::a'] };
    const fe = compileServices(
      input(
        [dual],
        [
          {
            namespace: 'x',
            name: 's6',
            serviceName: 'web',
            addressType: 'IPv6',
            endpoints: [
              { addresses: ['fd00:240::1'], conditions: { ready: true } },
              { addresses: ['fd00:240::2'], conditions: { ready: false, serving: true, terminating: true } },
            ],
            ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
          },
        ],
      ),
    ).frontends;
    expect(fe.map((f) => f.key)).toEqual(['10.96.0.10:80/TCP', '[fd00:10:96::a]:80/TCP']);
    const lb = encodeLb(
      fe,
      new Map([
        ['10.96.0.10:80/TCP', 1],
        ['[fd00:10:96::a]:80/TCP', 2],
      ]),
    );
    const decode = <T>(
      m: Map<string, Buffer>,
      k: { decode(b: Buffer): T },
      v: { decode(b: Buffer): unknown },
    ) => [...m].map(([key, value]) => [k.decode(Buffer.from(key, 'hex')), v.decode(value)]);
    expect(decode(lb.lbFrontends6, lb6FrontendKeyCodec, lbFrontendCodec)).toEqual([
      [
        { addr: 'fd00:10:96::a', port: 80, protocol: 6 },
        { id: 2, count: 1, flags: 0, affinity_timeout: 0 },
      ],
    ]);
    expect(decode(lb.lbRevnat6.get(2)!, u32Codec, lb6TargetCodec)).toEqual([
      [{ value: 2 }, { addr: 'fd00:10:96::a', port: 80 }],
    ]);
    expect(decode(lb.lbBackends6.get(2)!, lb6BackendKeyCodec, lbBackendCodec)).toEqual([
      [{ frontend_id: 2, addr: 'fd00:240::1', port: 8080 }, { flags: 0 }],
      [{ frontend_id: 2, addr: 'fd00:240::2', port: 8080 }, { flags: 1 }],
    ]);
    expect(decode(lb.lbSlots6.get(2)!, lbSlotKeyCodec, lb6TargetCodec)).toEqual([
      [
        { frontend_id: 2, slot: 1 },
        { addr: 'fd00:240::1', port: 8080 },
      ],
    ]);
    expect([...lb.lbBackends6.get(2)!.keys()].every((k) => k.length === lb6BackendKeyCodec.size * 2)).toBe(
      true,
    );
    // The IPv4 frontend has no IPv6 backends (its slice is IPv6): no slots, but its own maps.
    expect([...lb.lbFrontends.values()].map((v) => lbFrontendCodec.decode(v).count)).toEqual([0]);
    expect(lb.lbRevnat.has(2) || lb.lbBackends.has(2) || lb.lbSlots6.has(1)).toBe(false);
  });
});
