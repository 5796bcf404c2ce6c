// Dual-stack Services: spec.clusterIPs, ipFamilies and ipFamilyPolicy validated with the field
// named; local mode allocating each family's clusterIP as the API server would; derived slices
// per family; a frontend per address with backends of its own family, NodePorts on this node's
// addresses of the Service's families only, and traffic policy Local over IPv6 backends.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVICE_CIDR,
  DEFAULT_SERVICE_CIDR_V6,
  defaultConfig,
  type SluiceConfig,
  serviceCidrV6Of,
  withConfig,
} from '../../agent/config/config.js';
import type { EndpointSlice, Pod, Service } from '../../agent/model/types.js';
import { validateEndpointSlice, validateService } from '../../agent/model/validate-service.js';
import { containsIpV6, parseCidrV6, parseIPv6 } from '../../agent/net/ipv6.js';
import { compileServices, frontendKey, type ServicesInput } from '../../agent/services/compile.js';
import { assignServiceAddresses, deriveEndpointSlices } from '../../agent/services/derive.js';
import {
  checkManifests,
  emptyManifests,
  loadManifests,
  ManifestError,
  parseManifests,
} from '../../agent/sources/manifests.js';

const svc = (name: string, extra: Partial<Service> = {}): Service => ({
  namespace: 'x',
  name,
  type: 'ClusterIP',
  selector: { app: 'web' },
  ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
  ...extra,
});

const fieldsOf = (s: Service) => validateService(s).map((p) => `${p.object} ${p.field}`);

describe('validateService: dual-stack fields', () => {
  it('accepts an IPv6 clusterIP and a dual-stack Service in either order', () => {
    expect(validateService(svc('v6', { clusterIP: 'fd00:10:96::a' }))).toEqual([]);
    expect(
      validateService(
        svc('dual', {
          clusterIP: 'fd00:10:96::a',
          clusterIPs: ['fd00:10:96::a', '10.96.0.10'],
          ipFamilies: ['IPv6', 'IPv4'],
          ipFamilyPolicy: 'RequireDualStack',
        }),
      ),
    ).toEqual([]);
    // Unset, the policy is inferred from two families (RequireDualStack), as the API server does.
    expect(validateService(svc('inferred', { ipFamilies: ['IPv4', 'IPv6'] }))).toEqual([]);
    expect(validateService(svc('headless', { clusterIP: 'None', clusterIPs: ['None'] }))).toEqual([]);
  });

  it.each<[string, Partial<Service>, string, RegExp]>([
    [
      'three addresses',
      { clusterIPs: ['10.96.0.1', 'fd00::1', 'fd00::2'], ipFamilyPolicy: 'PreferDualStack' },
      'spec.clusterIPs',
      /at most 2/,
    ],
    [
      'two of one family',
      { clusterIPs: ['10.96.0.1', '10.96.0.2'], ipFamilyPolicy: 'PreferDualStack' },
      'spec.clusterIPs[1]',
      /10.96.0.2 is IPv4 like spec.clusterIPs\[0\]: at most one address per family/,
    ],
    [
      'the primary differs from clusterIP',
      { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.2'] },
      'spec.clusterIPs[0]',
      /must be spec.clusterIP \(10.96.0.1\), not "10.96.0.2"/,
    ],
    [
      'None beside an address',
      { clusterIPs: ['None', 'fd00::1'], ipFamilyPolicy: 'PreferDualStack' },
      'spec.clusterIPs[0]',
      /"None" \(headless\) must be the only entry/,
    ],
    ['a malformed address', { clusterIPs: ['fd00::1::2'] }, 'spec.clusterIPs[0]', /must be an IPv4 or IPv6/],
    ['a malformed clusterIP', { clusterIP: '10.96.0.300' }, 'spec.clusterIP', /must be an IPv4 or IPv6/],
    ['an unknown family', { ipFamilies: ['IPv5' as 'IPv4'] }, 'spec.ipFamilies[0]', /must be IPv4 or IPv6/],
    [
      'a family twice',
      { ipFamilies: ['IPv6', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' },
      'spec.ipFamilies[1]',
      /IPv6 is spec.ipFamilies\[0\] already/,
    ],
    [
      'families against the addresses',
      {
        clusterIPs: ['10.96.0.1', 'fd00::1'],
        ipFamilies: ['IPv6', 'IPv4'],
        ipFamilyPolicy: 'PreferDualStack',
      },
      'spec.ipFamilies[0]',
      /is IPv6 but spec.clusterIPs\[0\] \(10.96.0.1\) is IPv4/,
    ],
    [
      'a family against clusterIP',
      { clusterIP: '10.96.0.1', ipFamilies: ['IPv6'] },
      'spec.ipFamilies[0]',
      /is IPv6 but spec.clusterIP \(10.96.0.1\) is IPv4/,
    ],
    [
      'an unknown policy',
      { ipFamilyPolicy: 'DualStack' as 'SingleStack' },
      'spec.ipFamilyPolicy',
      /must be one of SingleStack, PreferDualStack, RequireDualStack/,
    ],
    [
      'SingleStack with two families',
      { ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'SingleStack' },
      'spec.ipFamilies',
      /names two families, but spec.ipFamilyPolicy is SingleStack/,
    ],
    [
      'SingleStack with two addresses',
      { clusterIPs: ['10.96.0.1', 'fd00::1'], ipFamilyPolicy: 'SingleStack' },
      'spec.clusterIPs',
      /names two families, but spec.ipFamilyPolicy is SingleStack/,
    ],
  ])('refuses %s, naming the object and field', (_, extra, field, message) => {
    const problems = validateService(svc('bad', extra));
    // Families against two addresses are wrong at both indexes; every other case is one problem.
    const also =
      field === 'spec.ipFamilies[0]' && extra.clusterIPs ? ['Service x/bad spec.ipFamilies[1]'] : [];
    expect(fieldsOf(svc('bad', extra))).toEqual([`Service x/bad ${field}`, ...also]);
    expect(problems[0]!.message).toMatch(message);
    expect(problems.every((p) => p.warning === undefined)).toBe(true);
  });
});

describe('validateEndpointSlice: addressType', () => {
  const slice = (addressType: EndpointSlice['addressType'], addresses: string[]): EndpointSlice => ({
    namespace: 'x',
    name: 's',
    serviceName: 'web',
    addressType,
    endpoints: [{ addresses }],
    ports: [],
  });

  it('an IPv6 slice holds IPv6 addresses only, as an IPv4 one holds IPv4 ones', () => {
    expect(validateEndpointSlice(slice('IPv6', ['fd00::1', 'FD00:0::2']))).toEqual([]);
    expect(validateEndpointSlice(slice('IPv6', ['fd00::1', '10.0.0.1']))).toEqual([
      {
        object: 'EndpointSlice x/s',
        field: 'endpoints[0].addresses[1]',
        message: '"10.0.0.1" is not an IPv6 address (addressType is IPv6)',
      },
    ]);
    expect(validateEndpointSlice(slice('IPv4', ['fd00::1'])).map((p) => p.field)).toEqual([
      'endpoints[0].addresses[0]',
    ]);
  });
});

describe('manifests: dual-stack Services', () => {
  it('parses clusterIPs, ipFamilies and ipFamilyPolicy, IPv6 canonical, clusterIP from clusterIPs[0]', () => {
    const m = parseManifests(
      `apiVersion: v1
kind: Service
metadata: { name: dual, namespace: x }
spec:
  ipFamilyPolicy: RequireDualStack
  ipFamilies: [IPv6, IPv4]
  clusterIPs: ["FD00:10:96:0::00A", 10.96.0.10]
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: v6, namespace: x }
spec:
  clusterIP: "fd00:10:96:0:0:0:0:b"
  ports: [{ port: 80 }]
`,
      'm.yaml',
      emptyManifests(),
    );
    expect(m.services[0]).toEqual({
      namespace: 'x',
      name: 'dual',
      type: 'ClusterIP',
      clusterIP: 'fd00:10:96::a',
      clusterIPs: ['fd00:10:96::a', '10.96.0.10'],
      ipFamilies: ['IPv6', 'IPv4'],
      ipFamilyPolicy: 'RequireDualStack',
      ports: [{ protocol: 'TCP', port: 80 }],
    });
    expect(m.services[1]!.clusterIP).toBe('fd00:10:96::b');
  });

  it('an EndpointSlice is parsed with its IPv6 addresses canonical, once, for every compile after', () => {
    const m = parseManifests(
      `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: web-6, namespace: x, labels: { kubernetes.io/service-name: web } }
addressType: IPv6
endpoints: [{ addresses: ["FD00:244:0::1"] }, { addresses: ["fd00:244:0:0::2"] }]
ports: [{ name: http, port: 8080 }]
`,
      'eps.yaml',
    );
    expect(m.endpointSlices[0]!.endpoints.map((e) => e.addresses)).toEqual([
      ['fd00:244::1'],
      ['fd00:244::2'],
    ]);
    const out = compileServices({
      services: [svc('web', { clusterIP: 'fd00:10:96::a' })],
      endpointSlices: m.endpointSlices,
      nodeIps: [],
      localAddresses: new Set(),
    });
    expect(out.frontends[0]!.backends.map((b) => b.addr)).toEqual(['fd00:244::1', 'fd00:244::2']);
  });

  it('a bad dual-stack field is refused with file, object and field', () => {
    expect(() =>
      parseManifests(
        `apiVersion: v1
kind: Service
metadata: { name: web, namespace: x }
spec:
  ipFamilyPolicy: SingleStack
  ipFamilies: [IPv4, IPv6]
  ports: [{ port: 80 }]
`,
        'svc.yaml',
      ),
    ).toThrow(/svc.yaml: document 1 \(Service x\/web\): spec.ipFamilies: names two families/);
    expect(() =>
      parseManifests(
        `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: web-1, namespace: x, labels: { kubernetes.io/service-name: web } }
addressType: IPv6
endpoints: [{ addresses: [10.0.0.1] }]
ports: [{ port: 80 }]
`,
        'eps.yaml',
      ),
    ).toThrow(/EndpointSlice x\/web-1\): endpoints\[0\].addresses\[0\]: "10.0.0.1" is not an IPv6 address/);
  });

  it('two Services on one IPv6 frontend are refused, the frontend bracketed', () => {
    const m = parseManifests(
      `apiVersion: v1
kind: Namespace
metadata: { name: x }
---
apiVersion: v1
kind: Service
metadata: { name: a, namespace: x }
spec: { clusterIP: "fd00:10:96::a", ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: b, namespace: x }
spec:
  ipFamilyPolicy: PreferDualStack
  clusterIPs: [10.96.0.11, "fd00:10:96:0::a"]
  ports: [{ port: 80 }]
`,
      'm.yaml',
    );
    expect(() => checkManifests(m)).toThrow(ManifestError);
    expect(() => checkManifests(m)).toThrow(
      /Service x\/b: spec.ports\[0\].port: duplicate frontend \[fd00:10:96::a\]:80\/TCP: Service x\/a has it already/,
    );
  });
});

describe('assignServiceAddresses: families as the API server allocates them', () => {
  const v6Range = parseCidrV6(DEFAULT_SERVICE_CIDR_V6);
  const inV6Range = (ip: string) => containsIpV6(v6Range, parseIPv6(ip));
  /** A dual-stack node's ranges (the defaults), where every Service here gets what it asks for. */
  const dualStack = (services: Service[]) => {
    const r = assignServiceAddresses(services, DEFAULT_SERVICE_CIDR, DEFAULT_SERVICE_CIDR_V6);
    expect(r.problems).toEqual([]);
    return r.services;
  };
  /** An IPv4-only node's (no podCidrV6: serviceCidrV6Of is null). */
  const ipv4Only = (services: Service[]) => assignServiceAddresses(services, DEFAULT_SERVICE_CIDR, null);

  it('SingleStack (the default) is IPv4; ipFamilies [IPv6] is IPv6 alone; dual-stack policies get both', () => {
    const [single, v6, prefer, require6] = dualStack([
      svc('single'),
      svc('v6', { ipFamilies: ['IPv6'] }),
      svc('prefer', { ipFamilyPolicy: 'PreferDualStack' }),
      svc('require6', { ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv6'] }),
    ]);
    expect(single!.ipFamilies).toEqual(['IPv4']);
    expect(single!.clusterIPs).toEqual([single!.clusterIP]);
    expect(single!.clusterIP).toMatch(/^10\.96\./);

    expect(v6!.ipFamilies).toEqual(['IPv6']);
    expect(v6!.clusterIPs).toHaveLength(1);
    expect(inV6Range(v6!.clusterIP!)).toBe(true);

    expect(prefer!.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(prefer!.clusterIP).toBe(prefer!.clusterIPs![0]);
    expect(prefer!.clusterIPs![0]).toMatch(/^10\.96\./);
    expect(inV6Range(prefer!.clusterIPs![1]!)).toBe(true);

    expect(require6!.ipFamilies).toEqual(['IPv6', 'IPv4']);
    expect(inV6Range(require6!.clusterIP!)).toBe(true);
    expect(require6!.clusterIPs![1]).toMatch(/^10\.96\./);
  });

  it('an IPv4-only node gives PreferDualStack IPv4 alone, without a problem', () => {
    const { services, problems } = ipv4Only([svc('prefer', { ipFamilyPolicy: 'PreferDualStack' })]);
    expect(problems).toEqual([]);
    expect(services[0]!.ipFamilies).toEqual(['IPv4']);
    expect(services[0]!.clusterIPs).toEqual([services[0]!.clusterIP]);
    expect(services[0]!.clusterIP).toMatch(/^10\.96\./);
  });

  it('an IPv4-only node refuses what requires IPv6, naming the object and the field, as the API server does', () => {
    const refusedOnes = [
      svc('require', { ipFamilyPolicy: 'RequireDualStack' }),
      svc('v6', { ipFamilies: ['IPv6'] }),
      svc('prefer6', { ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv6'] }),
      svc('inferred', { ipFamilies: ['IPv4', 'IPv6'] }),
    ];
    const { services, problems } = ipv4Only(refusedOnes);
    expect(problems.map((p) => `${p.object} ${p.field}`)).toEqual([
      'Service x/inferred spec.ipFamilies',
      'Service x/prefer6 spec.ipFamilies[0]',
      'Service x/require spec.ipFamilyPolicy',
      'Service x/v6 spec.ipFamilies[0]',
    ]);
    for (const p of problems) {
      expect(p.warning).toBeUndefined();
      expect(p.message).toMatch(/IPv4 only \(no podCidrV6.*give the node an IPv6 pod CIDR/);
    }
    expect(problems[2]!.message).toMatch(/^RequireDualStack needs an IPv6 clusterIP/);
    // Returned as they were: nothing silently allocated for the family left.
    expect(services).toEqual(refusedOnes);
  });

  it('an IPv4-only node takes IPv6 addresses a manifest gives, and a refused Service moves no other address', () => {
    const complete = svc('complete', { clusterIP: 'fd00:10:96::5' });
    const both = svc('both', {
      ipFamilyPolicy: 'RequireDualStack',
      clusterIPs: ['10.96.5.5', 'fd00:10:96::6'],
    });
    const { services, problems } = ipv4Only([complete, both]);
    expect(problems).toEqual([]);
    expect(services).toEqual([complete, both]);
    // A /30 holds one Service address: the refused Service (first by name) leaves it to the next.
    const r = assignServiceAddresses(
      [svc('a', { ipFamilyPolicy: 'RequireDualStack' }), svc('b')],
      '10.96.0.0/30',
      null,
    );
    expect(r.problems.map((p) => p.object)).toEqual(['Service x/a']);
    expect(r.services[1]!.clusterIP).toBe('10.96.0.2');
  });

  it('a required family whose range is full is a problem; a preferred one is left out', () => {
    // A /126 holds one Service address (the network address, the first and the last are kept).
    const r = assignServiceAddresses(
      [
        svc('a', { ipFamilyPolicy: 'RequireDualStack' }),
        svc('b', { ipFamilyPolicy: 'RequireDualStack' }),
        svc('c', { ipFamilyPolicy: 'PreferDualStack' }),
      ],
      DEFAULT_SERVICE_CIDR,
      'fd00:99::/126',
    );
    expect(r.services[0]!.clusterIPs).toEqual([expect.stringMatching(/^10\.96\./), 'fd00:99::2']);
    expect(r.problems).toEqual([
      {
        object: 'Service x/b',
        field: 'spec.clusterIPs',
        message:
          'no IPv6 address left in serviceCidrV6 fd00:99::/126 (every one is taken): give a larger serviceCidrV6, or this Service a clusterIP',
      },
    ]);
    expect(r.services[1]!.clusterIP).toBeUndefined();
    expect(r.services[2]!.ipFamilies).toEqual(['IPv4']);
  });

  it('keeps a given address primary and adds the missing family; leaves complete and headless Services as they are', () => {
    const given = svc('given', { clusterIP: '10.96.5.5', ipFamilyPolicy: 'PreferDualStack' });
    const complete = svc('complete', { clusterIP: 'fd00:10:96::5' });
    const headless = svc('headless', { clusterIP: 'None', ipFamilyPolicy: 'PreferDualStack' });
    const [a, b, c] = dualStack([given, complete, headless]);
    expect(a!.clusterIPs![0]).toBe('10.96.5.5');
    expect(a!.clusterIP).toBe('10.96.5.5');
    expect(a!.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(inV6Range(a!.clusterIPs![1]!)).toBe(true);
    expect(b).toBe(complete);
    expect(c).toBe(headless);
  });

  it('is deterministic whatever the order, distinct per Service, and probes past addresses taken', () => {
    const names = ['a', 'b', 'c', 'd'].map((n) => svc(n, { ipFamilyPolicy: 'RequireDualStack' }));
    const first = dualStack(names);
    const again = dualStack([...names].reverse()).reverse();
    expect(again.map((s) => s.clusterIPs)).toEqual(first.map((s) => s.clusterIPs));
    const all = first.flatMap((s) => s.clusterIPs!);
    expect(new Set(all).size).toBe(8);
    // Another Service holding a's IPv6 address: a gets a different one.
    const taken = first[0]!.clusterIPs![1]!;
    const squatter = svc('squatter', { clusterIP: taken });
    const [a] = dualStack([names[0]!, squatter]);
    expect(a!.clusterIPs![1]).not.toBe(taken);
    expect(inV6Range(a!.clusterIPs![1]!)).toBe(true);
  });

  it('takes the IPv6 range given, canonical', () => {
    const { services } = assignServiceAddresses(
      [svc('v6', { ipFamilies: ['IPv6'] })],
      DEFAULT_SERVICE_CIDR,
      'fd00:99::/120',
    );
    expect(containsIpV6(parseCidrV6('fd00:99::/120'), parseIPv6(services[0]!.clusterIP!))).toBe(true);
    expect(services[0]!.clusterIP).toMatch(/^fd00:99::[0-9a-f]{1,2}$/);
  });
});

describe('loadManifests: the Service ranges of the agent', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sluice-svc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'm.yaml');
  writeFileSync(
    file,
    `apiVersion: v1
kind: Namespace
metadata: { name: x }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: x }
spec:
  ipFamilyPolicy: RequireDualStack
  ports: [{ port: 80 }]
`,
  );
  /** What the agent passes (agent/main.ts at start, agent/node/lifecycle.ts reloadManifests): its config's ranges. */
  const load = (cfg: SluiceConfig) => loadManifests([file], cfg.serviceCidr, serviceCidrV6Of(cfg));

  it('an agent with the default config (no podCidrV6) refuses a RequireDualStack Service, naming it and the field', async () => {
    const err = await load(defaultConfig()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as Error).message).toMatch(
      /^Service x\/web: spec\.ipFamilyPolicy: RequireDualStack needs an IPv6 clusterIP, but this node is IPv4 only/,
    );
  });

  it('a dual-stack node (podCidrV6) gives it an address of each family, the IPv6 one from serviceCidrV6', async () => {
    const m = await load(withConfig({ podCidrV6: 'fd00:244::/64', serviceCidrV6: 'fd00:99::/120' }));
    expect(m.services[0]!.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(m.services[0]!.clusterIPs![1]).toMatch(/^fd00:99::[0-9a-f]{1,2}$/);
  });
});

const pod = (name: string, ip: string | undefined, ipv6: string | undefined, nodeName = 'node-a'): Pod => ({
  namespace: 'x',
  name,
  labels: { app: 'web' },
  ports: [],
  nodeName,
  ...(ip ? { ip } : {}),
  ...(ipv6 ? { ipv6 } : {}),
});

describe('deriveEndpointSlices: one set of slices per family', () => {
  const pods = [
    pod('dual', '10.0.0.1', 'fd00:244::1'),
    pod('v4', '10.0.0.2', undefined),
    pod('v6', undefined, 'fd00:244::3'),
  ];

  it('a dual-stack Service gets IPv4 slices from pod IPs and IPv6 ones from pod IPv6 addresses', () => {
    const dual = svc('web', { clusterIPs: ['10.96.0.10', 'fd00:10:96::a'], ipFamilies: ['IPv4', 'IPv6'] });
    const slices = deriveEndpointSlices([dual], pods);
    expect(slices.map((s) => [s.name, s.addressType, s.endpoints.map((e) => e.addresses[0])])).toEqual([
      ['web-derived-0', 'IPv4', ['10.0.0.1', '10.0.0.2']],
      ['web-derived6-0', 'IPv6', ['fd00:244::1', 'fd00:244::3']],
    ]);
  });

  it('a Service without family information is IPv4 alone, as before; an IPv6-only one IPv6 alone', () => {
    expect(deriveEndpointSlices([svc('web', { clusterIP: '10.96.0.10' })], pods).map((s) => s.name)).toEqual([
      'web-derived-0',
    ]);
    expect(deriveEndpointSlices([svc('web')], pods).map((s) => s.addressType)).toEqual(['IPv4']);
    const v6 = deriveEndpointSlices([svc('web', { clusterIP: 'fd00:10:96::a' })], pods);
    expect(v6.map((s) => [s.name, s.addressType])).toEqual([['web-derived6-0', 'IPv6']]);
  });

  it("an endpoint's IPv6 address stands in for a pod whose address the store lacks yet", () => {
    const v6 = svc('web', { ipFamilies: ['IPv6'] });
    const slices = deriveEndpointSlices(
      [v6],
      [pod('v4', '10.0.0.2', undefined)],
      new Map(),
      new Map([['x/v4', 'fd00:244::2']]),
    );
    expect(slices[0]!.endpoints[0]!.addresses).toEqual(['fd00:244::2']);
  });
});

describe('compileServices: a frontend per address, each with its own family', () => {
  const slice = (
    name: string,
    addressType: 'IPv4' | 'IPv6',
    eps: EndpointSlice['endpoints'],
  ): EndpointSlice => ({
    namespace: 'x',
    name,
    serviceName: 'web',
    addressType,
    endpoints: eps,
    ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
  });
  const slices = [
    slice('web-4', 'IPv4', [
      { addresses: ['10.0.0.1'], nodeName: 'node-a' },
      { addresses: ['10.0.0.2'], nodeName: 'node-b' },
    ]),
    // Canonical, as parseEndpointSlice makes them (compileServices takes addresses as they are).
    slice('web-6', 'IPv6', [
      { addresses: ['fd00:244::1'], nodeName: 'node-a' },
      { addresses: ['fd00:244::2'], nodeName: 'node-b' },
    ]),
  ];
  const input = (services: Service[], extra: Partial<ServicesInput> = {}): ServicesInput => ({
    services,
    endpointSlices: slices,
    nodeIps: ['192.0.2.1'],
    nodeIpsV6: ['2001:db8::1'],
    nodeName: 'node-a',
    localAddresses: new Set(),
    ...extra,
  });
  const summary = (out: ReturnType<typeof compileServices>) =>
    Object.fromEntries(out.frontends.map((f) => [f.key, f.backends.map((b) => b.addr)]));

  it('frontendKey brackets IPv6 and leaves IPv4 as it was', () => {
    expect(frontendKey('fd00::1', 80, 'TCP')).toBe('[fd00::1]:80/TCP');
    expect(frontendKey('10.96.0.1', 80, 'TCP')).toBe('10.96.0.1:80/TCP');
  });

  it('a dual-stack ClusterIP Service: both addresses, IPv4 backends on the IPv4 one, IPv6 on the IPv6 one', () => {
    const dual = svc('web', {
      clusterIP: 'fd00:10:96::a',
      clusterIPs: ['fd00:10:96::a', '10.96.0.10'],
      ipFamilies: ['IPv6', 'IPv4'],
    });
    const out = compileServices(input([dual]));
    expect(summary(out)).toEqual({
      '[fd00:10:96::a]:80/TCP': ['fd00:244::1', 'fd00:244::2'],
      '10.96.0.10:80/TCP': ['10.0.0.1', '10.0.0.2'],
    });
    expect(out.frontends.map((f) => f.addr)).toEqual(['fd00:10:96::a', '10.96.0.10']);
    expect(out.problems).toEqual([]);
  });

  it("NodePorts on this node's addresses of the Service's families only", () => {
    const np = {
      type: 'NodePort' as const,
      ports: [{ name: 'http', port: 80, protocol: 'TCP' as const, targetPort: 8080, nodePort: 30080 }],
    };
    const keys = (s: Service) => compileServices(input([s])).frontends.map((f) => f.key);
    expect(keys(svc('web', { ...np, clusterIP: '10.96.0.10' }))).toEqual([
      '10.96.0.10:80/TCP',
      '192.0.2.1:30080/TCP',
    ]);
    expect(keys(svc('web', { ...np, clusterIP: 'fd00:10:96::a', ipFamilies: ['IPv6'] }))).toEqual([
      '[fd00:10:96::a]:80/TCP',
      '[2001:db8::1]:30080/TCP',
    ]);
    expect(
      keys(svc('web', { ...np, clusterIPs: ['10.96.0.10', 'fd00:10:96::a'], ipFamilies: ['IPv4', 'IPv6'] })),
    ).toEqual([
      '10.96.0.10:80/TCP',
      '[fd00:10:96::a]:80/TCP',
      '192.0.2.1:30080/TCP',
      '[2001:db8::1]:30080/TCP',
    ]);
    // The IPv6 NodePort's backends are IPv6 ones.
    const out = compileServices(input([svc('web', { ...np, clusterIP: 'fd00:10:96::a' })]));
    expect(summary(out)['[2001:db8::1]:30080/TCP']).toEqual(['fd00:244::1', 'fd00:244::2']);
  });

  it('traffic policy Local keeps IPv6 backends of this node, by node name or by address', () => {
    const local = svc('web', { clusterIP: 'fd00:10:96::a', internalTrafficPolicy: 'Local' });
    expect(summary(compileServices(input([local])))).toEqual({ '[fd00:10:96::a]:80/TCP': ['fd00:244::1'] });
    // Without node names: the addresses of this node's pods decide.
    const unnamed = [
      slice('web-6', 'IPv6', [{ addresses: ['fd00:244::2'] }, { addresses: ['fd00:244::1'] }]),
    ];
    const out = compileServices(
      input([local], { endpointSlices: unnamed, localAddresses: new Set(['10.0.0.2', 'fd00:244::2']) }),
    );
    expect(summary(out)).toEqual({ '[fd00:10:96::a]:80/TCP': ['fd00:244::2'] });
  });

  it('two Services on one IPv6 frontend: the second is not served and says who has it', () => {
    const out = compileServices(
      input([svc('a', { clusterIP: 'fd00:10:96::a' }), svc('b', { clusterIP: 'fd00:10:96::a' })]),
    );
    expect(out.frontends.map((f) => f.service)).toEqual(['x/a']);
    expect(out.problems[0]).toMatchObject({
      object: 'Service x/b',
      field: 'spec.ports[0].port',
      message: expect.stringMatching(/duplicate frontend \[fd00:10:96::a\]:80\/TCP: Service x\/a/),
    });
  });

  it('derived slices end to end: a dual-stack Service from local mode reaches pods of both families', () => {
    const [dual] = assignServiceAddresses(
      [svc('web', { ipFamilyPolicy: 'PreferDualStack' })],
      DEFAULT_SERVICE_CIDR,
      DEFAULT_SERVICE_CIDR_V6,
    ).services;
    const pods = [pod('a', '10.0.0.1', 'fd00:244::1'), pod('b', '10.0.0.2', 'fd00:244::2', 'node-b')];
    const out = compileServices(
      input([dual!], {
        endpointSlices: deriveEndpointSlices(
          [dual!],
          pods.map((p) => ({ ...p, ports: [] })),
        ),
      }),
    );
    expect(out.frontends.map((f) => [f.addr, f.backends.map((b) => `${b.addr}=${b.nodeName}`)])).toEqual([
      [dual!.clusterIPs![0], ['10.0.0.1=node-a', '10.0.0.2=node-b']],
      [dual!.clusterIPs![1], ['fd00:244::1=node-a', 'fd00:244::2=node-b']],
    ]);
  });
});
