// Agent configuration: file, then environment, then flags; every bad value names its source and
// key; the ConfigMap shipped in deploy/ is a valid config.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DEFAULT_SERVICE_CIDR,
  DEFAULT_SERVICE_CIDR_V6,
  defaultConfig,
  REPO_ROOT,
  serviceCidrV6Of,
} from '../../agent/config/config.js';
import { loadConfig } from '../../agent/config-load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sluice-cfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const file = (text: string) => {
  const f = path.join(dir, `agent-${files++}.yaml`);
  writeFileSync(f, text);
  return f;
};

describe('loadConfig', () => {
  it('reads the deploy ConfigMap', () => {
    const cm = parse(readFileSync(path.join(REPO_ROOT, 'deploy', 'configmap.yaml'), 'utf8')) as {
      data: Record<string, string>;
    };
    const { config: cfg, explicit } = loadConfig({ file: file(cm.data['agent.yaml']!) });
    expect(cfg).toMatchObject({
      pinRoot: '/sys/fs/bpf/sluice',
      metricsPort: 9962,
      mapSizes: { policy: 1048576 },
      routing: 'tunnel',
      tunnel: 'vxlan',
      tunnelPort: 8472,
    });
    // The DaemonSet's config leaves the pool to the Node (spec.podCIDR): it must not count as set.
    expect(explicit.has('podCidr')).toBe(false);
    expect(explicit.has('pinRoot')).toBe(true);
  });

  it('lets the environment override the file and flags override both', () => {
    const { config: cfg, explicit } = loadConfig({
      file: file('podCidr: 10.1.0.0/24\nmetricsPort: 1000\n'),
      env: { SLUICE_POD_CIDR: '10.2.0.0/24', SLUICE_METRICS_PORT: '2000' },
      flags: { metricsPort: '3000' },
    });
    expect(cfg.podCidr).toBe('10.2.0.0/24');
    expect(cfg.metricsPort).toBe(3000);
    expect([...explicit].sort()).toEqual(['metricsPort', 'podCidr']);
  });

  it.each([
    ['pinRoot: relative/path\n', /config .*: pinRoot must be an absolute path/],
    ['attachMode: xdp\n', /attachMode must be tcx, tc or auto/],
    ['mapSizes: { policy: -1 }\n', /mapSizes.policy must be a positive integer/],
    ['mapSizes: { nope: 1 }\n', /mapSizes.nope: unknown map/],
    ['podCidr: 10.0.0.0/33\n', /podCidr: .*bad prefix length/],
    ['serviceCidr: 10.96.0.0\n', /serviceCidr: /],
    ['nodePortDevices: [eth0, "a b"]\n', /nodePortDevices: "a b" is not an interface name/],
    ['bogus: 1\n', /unknown key bogus/],
    ['routing: bgp\n', /config .*: routing must be tunnel or native, got "bgp"/],
    ['tunnel: geneve\n', /config .*: tunnel must be vxlan/],
    ['tunnelPort: 0\n', /config .*: tunnelPort must be a port number \(1-65535\)/],
    ['tunnelPort: 65536\n', /config .*: tunnelPort must be a port number/],
    ['nodeName: Node_1\n', /config .*: nodeName must be a node name \(a DNS subdomain/],
    ['nodes: { name: a }\n', /config .*: nodes must be a list/],
    ['nodes: [a]\n', /config .*: nodes\[0\] must be a mapping/],
    ['nodes: [{ name: a, internalIp: 10.0.0.1, ip: x }]\n', /config .*: nodes\[0\]\.ip: unknown field/],
    ['nodes: [{ name: A, internalIp: 10.0.0.1 }]\n', /config .*: nodes\[0\]\.name must be a node name/],
    ['nodes: [{ internalIp: 10.0.0.1 }]\n', /config .*: nodes\[0\]\.name must be a node name/],
    [
      'nodes: [{ name: a, internalIp: 10.0.0.1 }, { name: b }]\n',
      /config .*: nodes\[1\]\.internalIp is required/,
    ],
    [
      'nodes: [{ name: a, internalIp: 10.0.0.1 }, { name: b, internalIp: 10.0.0.256 }]\n',
      /config .*: nodes\[1\]\.internalIp: "10.0.0.256" is not an IPv4 address/,
    ],
    ['nodes: [{ name: a, internalIp: "fd00::1" }]\n', /config .*: nodes\[0\]\.internalIp: .*IPv6/],
    [
      'nodes: [{ name: a, internalIp: 10.0.0.1, podCidr: 10.244.0.0/33 }]\n',
      /config .*: nodes\[0\]\.podCidr: .*bad prefix length/,
    ],
    [
      'nodes: [{ name: a, internalIp: 10.0.0.1 }, { name: a, internalIp: 10.0.0.2 }]\n',
      /config .*: nodes\[1\]\.name: node a is defined twice/,
    ],
    [
      'nodes: [{ name: a, internalIp: 10.0.0.1 }, { name: b, internalIp: 10.0.0.1 }]\n',
      /config .*: nodes\[1\]\.internalIp: 10.0.0.1 is the InternalIP of node a too/,
    ],
    [
      'nodes:\n- { name: a, internalIp: 10.0.0.1, podCidr: 10.244.1.0/24 }\n- { name: b, internalIp: 10.0.0.2, podCidr: 10.244.0.0/16 }\n',
      /config .*: nodes\[1\]\.podCidr: 10.244.0.0\/16 overlaps the pod CIDR of node a \(10.244.1.0\/24\)/,
    ],
    ['[1, 2]\n', /must be a mapping/],
  ])('rejects %j', (text, message) => {
    expect(() => loadConfig({ file: file(text) })).toThrow(message);
  });

  it('takes the NodePort devices from a file or the environment', () => {
    expect(loadConfig({ file: file('nodePortDevices: [eth0, ens5]\n') }).config.nodePortDevices).toEqual([
      'eth0',
      'ens5',
    ]);
    expect(loadConfig({ env: { SLUICE_NODEPORT_DEVICES: 'eth0,bond0' } }).config.nodePortDevices).toEqual([
      'eth0',
      'bond0',
    ]);
  });

  it('reads the nodes of a local cluster, dropping host bits of pod CIDRs', () => {
    const { config: cfg } = loadConfig({
      file: file(
        [
          'nodeName: node-a',
          'routing: native',
          'tunnelPort: 4789',
          'nodes:',
          '  - { name: node-a, internalIp: 192.168.1.10, podCidr: 10.244.0.0/24 }',
          '  - { name: node-b.example, internalIp: 192.168.1.11, podCidr: 10.244.1.7/24 }',
          '  - { name: node-c, internalIp: 192.168.1.12 }',
          '',
        ].join('\n'),
      ),
    });
    expect(cfg.nodeName).toBe('node-a');
    expect(cfg.routing).toBe('native');
    expect(cfg.tunnelPort).toBe(4789);
    expect(cfg.nodes).toEqual([
      { name: 'node-a', internalIp: '192.168.1.10', podCidr: '10.244.0.0/24' },
      { name: 'node-b.example', internalIp: '192.168.1.11', podCidr: '10.244.1.0/24' },
      { name: 'node-c', internalIp: '192.168.1.12' },
    ]);
  });

  it('defaults to one node, tunnelled over VXLAN port 8472', () => {
    const { config: cfg, explicit } = loadConfig({});
    expect(cfg).toMatchObject({
      nodeName: '',
      nodes: [],
      routing: 'tunnel',
      tunnel: 'vxlan',
      tunnelPort: 8472,
    });
    expect(explicit.size).toBe(0);
  });

  it('takes the node name from K8S_NODE_NAME and the routing from SLUICE_ROUTING; flags win', () => {
    const env = { K8S_NODE_NAME: 'worker-1', SLUICE_ROUTING: 'native' };
    expect(loadConfig({ file: file('nodeName: other\n'), env }).config).toMatchObject({
      nodeName: 'worker-1',
      routing: 'native',
    });
    expect(loadConfig({ env, flags: { nodeName: 'worker-2' } }).config.nodeName).toBe('worker-2');
    expect(() => loadConfig({ env: { SLUICE_ROUTING: 'direct' } })).toThrow(
      /environment SLUICE_ROUTING: routing must be tunnel or native/,
    );
    expect(() => loadConfig({ env: { K8S_NODE_NAME: 'Worker_1' } })).toThrow(
      /environment K8S_NODE_NAME: nodeName must be a node name/,
    );
  });

  it('takes an IPv6 pod CIDR (dual-stack) from a file or SLUICE_POD_CIDR_V6, canonical; none by default', () => {
    expect(loadConfig({}).config.podCidrV6).toBeUndefined();
    expect(loadConfig({}).config).not.toHaveProperty('podCidrV6');
    const fromFile = loadConfig({ file: file('podCidrV6: "FD00:10:244:1:0::7/64"\n') });
    expect(fromFile.config.podCidrV6).toBe('fd00:10:244:1::/64');
    expect(fromFile.explicit.has('podCidrV6')).toBe(true);
    expect(
      loadConfig({ file: file('podCidrV6: "fd00:1::/64"\n'), env: { SLUICE_POD_CIDR_V6: 'fd00:2::/120' } })
        .config.podCidrV6,
    ).toBe('fd00:2::/120');
  });

  it("takes the IPv6 Service range from a file or SLUICE_SERVICE_CIDR_V6, canonical; kind's by default", () => {
    expect(loadConfig({}).config.serviceCidrV6).toBe('fd00:10:96::/112');
    expect(loadConfig({ file: file('serviceCidrV6: "FD00:99:0::5/112"\n') }).config.serviceCidrV6).toBe(
      'fd00:99::/112',
    );
    const fromEnv = loadConfig({ env: { SLUICE_SERVICE_CIDR_V6: 'fd00:98::/120' } });
    expect(fromEnv.config.serviceCidrV6).toBe('fd00:98::/120');
    expect(fromEnv.explicit.has('serviceCidrV6')).toBe(true);
  });

  it('allocates IPv6 clusterIPs only on a dual-stack node: serviceCidrV6Of is null without podCidrV6', () => {
    expect(loadConfig({}).config).toMatchObject({
      serviceCidr: DEFAULT_SERVICE_CIDR,
      serviceCidrV6: DEFAULT_SERVICE_CIDR_V6,
    });
    // What the agent allocates from.
    expect(serviceCidrV6Of(loadConfig({}).config)).toBeNull();
    expect(serviceCidrV6Of(defaultConfig())).toBeNull();
    const dual = loadConfig({ env: { SLUICE_POD_CIDR_V6: 'fd00:2::/64' } }).config;
    expect(serviceCidrV6Of(dual)).toBe(DEFAULT_SERVICE_CIDR_V6);
    const ranged = loadConfig({
      env: { SLUICE_POD_CIDR_V6: 'fd00:2::/64', SLUICE_SERVICE_CIDR_V6: 'fd00:98::/120' },
    }).config;
    expect(serviceCidrV6Of(ranged)).toBe('fd00:98::/120');
  });

  it.each([
    [
      'serviceCidrV6: 10.96.0.0/16\n',
      /config .*: serviceCidrV6: "10.96.0.0\/16" is an IPv4 CIDR: .* serviceCidr/,
    ],
    ['serviceCidrV6: "fd00::/127"\n', /config .*: serviceCidrV6: "fd00::\/127" holds no Service address/],
    [
      'serviceCidrV6: "fd00::"\n',
      /config .*: serviceCidrV6: "fd00::" is not a CIDR: missing \/prefix-length/,
    ],
    ['serviceCidrV6: 108\n', /config .*: serviceCidrV6 must be an IPv6 CIDR such as/],
    ['serviceCidr: "fd00:10:96::/108"\n', /config .*: serviceCidr: .* is an IPv6 CIDR: .* serviceCidrV6/],
  ])('refuses the Service range %s with the field named', (yaml, message) => {
    expect(() => loadConfig({ file: file(yaml) })).toThrow(message);
  });

  it.each([
    ['podCidrV6: 10.244.0.0/24\n', /config .*: podCidrV6: "10.244.0.0\/24" is an IPv4 CIDR, not an IPv6 one/],
    ['podCidrV6: "fd00::/129"\n', /config .*: podCidrV6: "fd00::\/129" is not a CIDR: bad prefix length/],
    ['podCidrV6: "fd00::"\n', /config .*: podCidrV6: "fd00::" is not a CIDR: missing \/prefix-length/],
    ['podCidrV6: "fd00::1::/64"\n', /config .*: podCidrV6: .*'::' appears more than once/],
    ['podCidrV6: "fd00::1/128"\n', /config .*: podCidrV6: "fd00::1\/128" holds no pod address/],
    [
      'podCidrV6: "fe80::/64"\n',
      /config .*: podCidrV6: "fe80::\/64" is not a global unicast .* or unique local/,
    ],
    ['podCidrV6: "ff02::/64"\n', /config .*: podCidrV6: "ff02::\/64" is not a global unicast/],
    ['podCidrV6: "::/0"\n', /config .*: podCidrV6: "::\/0" is not a global unicast/],
    [
      'podCidrV6: "2000::/2"\n',
      /"2000::\/2" is not .*: it is wider than 2000::\/3 \(global unicast\): use a longer prefix/,
    ],
    [
      'podCidrV6: "fc00::/6"\n',
      /"fc00::\/6" is not .*: it is wider than fc00::\/7 \(unique local\): use a longer prefix/,
    ],
    ['podCidrV6: "::ffff:0:0/96"\n', /config .*: podCidrV6: "::ffff:0:0\/96" is not a global unicast/],
    ['podCidrV6: 64\n', /config .*: podCidrV6 must be an IPv6 CIDR such as/],
    ['podCidr: "fd00::/64"\n', /config .*: podCidr: "fd00::\/64" is an IPv6 CIDR: .* podCidrV6/],
    [
      'nodes: [{ name: a, internalIp: 10.0.0.1, podCidrV6: "fd00::/129" }]\n',
      /config .*: nodes\[0\]\.podCidrV6: .*bad prefix length/,
    ],
    [
      'nodes: [{ name: a, internalIp: 10.0.0.1, podCidr: "fd00::/64" }]\n',
      /config .*: nodes\[0\]\.podCidr: "fd00::\/64" is an IPv6 CIDR: it belongs in podCidrV6/,
    ],
    [
      'nodes:\n- { name: a, internalIp: 10.0.0.1, podCidrV6: "fd00:10::/56" }\n- { name: b, internalIp: 10.0.0.2, podCidrV6: "fd00:10:0:1::/64" }\n',
      /config .*: nodes\[1\]\.podCidrV6: fd00:10:0:1::\/64 overlaps the IPv6 pod CIDR of node a \(fd00:10::\/56\)/,
    ],
  ])('rejects the IPv6 setting %j, naming the field', (text, message) => {
    expect(() => loadConfig({ file: file(text) })).toThrow(message);
  });

  it('names SLUICE_POD_CIDR_V6 for a bad value from the environment', () => {
    expect(() => loadConfig({ env: { SLUICE_POD_CIDR_V6: '10.0.0.0/8' } })).toThrow(
      /environment SLUICE_POD_CIDR_V6: podCidrV6: "10.0.0.0\/8" is an IPv4 CIDR/,
    );
  });

  it('reads nodes with IPv6 pod CIDRs; the families do not clash with each other', () => {
    const { config: cfg } = loadConfig({
      file: file(
        [
          'nodes:',
          '  - { name: a, internalIp: 10.0.0.1, podCidr: 10.244.0.0/24, podCidrV6: "fd00:10:244::5/64" }',
          '  - { name: b, internalIp: 10.0.0.2, podCidr: 10.244.1.0/24, podCidrV6: "fd00:10:244:1::/64" }',
          '  - { name: c, internalIp: 10.0.0.3, podCidrV6: "fd00:10:244:2::/64" }',
          '',
        ].join('\n'),
      ),
    });
    expect(cfg.nodes).toEqual([
      { name: 'a', internalIp: '10.0.0.1', podCidr: '10.244.0.0/24', podCidrV6: 'fd00:10:244::/64' },
      { name: 'b', internalIp: '10.0.0.2', podCidr: '10.244.1.0/24', podCidrV6: 'fd00:10:244:1::/64' },
      { name: 'c', internalIp: '10.0.0.3', podCidrV6: 'fd00:10:244:2::/64' },
    ]);
  });

  it("reads a node's IPv6 InternalIP (internalIpV6), canonical", () => {
    const { config: cfg } = loadConfig({
      file: file(
        [
          'nodes:',
          '  - { name: a, internalIp: 10.0.0.1, internalIpV6: "FD00:239:0::1", podCidrV6: "fd00:240:1::/64" }',
          '  - { name: b, internalIp: 10.0.0.2 }',
          '',
        ].join('\n'),
      ),
    });
    expect(cfg.nodes).toEqual([
      { name: 'a', internalIp: '10.0.0.1', internalIpV6: 'fd00:239::1', podCidrV6: 'fd00:240:1::/64' },
      { name: 'b', internalIp: '10.0.0.2' },
    ]);
  });

  it.each([
    [
      'internalIpV6: 10.0.0.9',
      /nodes\[0\]\.internalIpV6: "10.0.0.9" is an IPv4 address: it belongs in internalIp/,
    ],
    ['internalIpV6: "fd00::1::2"', /nodes\[0\]\.internalIpV6: "fd00::1::2" is not an IPv6 address/],
    ['internalIpV6: "fe80::5"', /nodes\[0\]\.internalIpV6: "fe80::5" is link-local/],
    ['internalIpV6: "::"', /nodes\[0\]\.internalIpV6: "::" is unspecified: other nodes cannot route to it/],
    [
      'internalIpV6: "ff02::1"',
      /nodes\[0\]\.internalIpV6: "ff02::1" is multicast: other nodes cannot route to it/,
    ],
    ['internalIpV6: 7', /nodes\[0\]\.internalIpV6 must be an IPv6 address/],
    [
      'internalIPv6: "fd00::1"',
      /nodes\[0\]\.internalIPv6: unknown field \(expected name, internalIp, internalIpV6, podCidr, podCidrV6\)/,
    ],
  ])('rejects a node with %s, naming the field', (field, message) => {
    expect(() =>
      loadConfig({ file: file(`nodes: [{ name: a, internalIp: 10.0.0.1, ${field} }]\n`) }),
    ).toThrow(message);
  });

  it('rejects two nodes with one IPv6 InternalIP, naming the later', () => {
    const text = [
      'nodes:',
      '  - { name: a, internalIp: 10.0.0.1, internalIpV6: "fd00::1" }',
      '  - { name: b, internalIp: 10.0.0.2, internalIpV6: "fd00:0::1" }',
      '',
    ].join('\n');
    expect(() => loadConfig({ file: file(text) })).toThrow(
      /nodes\[1\]\.internalIpV6: fd00::1 is the IPv6 InternalIP of node a too/,
    );
  });

  it('names the environment variable of a bad value', () => {
    expect(() => loadConfig({ env: { SLUICE_METRICS_PORT: 'http' } })).toThrow(
      /environment SLUICE_METRICS_PORT: metricsPort must be a port number/,
    );
  });
});
