// The CNI front end against the contract in the CNI 1.1 checklist: env validation as skel does it,
// config decoding, result shapes per version, prevResult conversion, VERSION, and the error object.

import { describe, expect, it } from 'vitest';
import {
  assertCommandAllowed,
  CniError,
  type CniResult,
  compareVersions,
  formatResult,
  parseCniArgs,
  parseEnv,
  parseNetConf,
  parsePrevResult,
  SUPPORTED_VERSIONS,
  toErrorJson,
  validateIfName,
  versionResult,
} from '../../agent/cni/spec/index.js';

function cniError(fn: () => unknown): CniError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CniError) return err;
    throw err;
  }
  throw new Error('expected a CniError, nothing was thrown');
}

const ADD_ENV = {
  CNI_COMMAND: 'ADD',
  CNI_CONTAINERID: 'abc123',
  CNI_NETNS: '/var/run/netns/cni-1234',
  CNI_IFNAME: 'eth0',
  CNI_ARGS: '',
  CNI_PATH: '/opt/cni/bin',
};

describe('parseEnv errors (all code 4, naming the variable)', () => {
  const cases: [string, Record<string, string | undefined>, RegExp][] = [
    [
      'CNI_COMMAND absent',
      { ...ADD_ENV, CNI_COMMAND: undefined },
      /^required env variables \[CNI_COMMAND\] missing$/,
    ],
    ['CNI_COMMAND empty', { ...ADD_ENV, CNI_COMMAND: '' }, /\[CNI_COMMAND\] missing/],
    [
      'CNI_COMMAND unknown',
      { ...ADD_ENV, CNI_COMMAND: 'FROB' },
      /^unknown CNI_COMMAND: FROB: expected one of ADD, DEL, CHECK, VERSION, STATUS, GC$/,
    ],
    ['CNI_COMMAND is case-sensitive', { ...ADD_ENV, CNI_COMMAND: 'add' }, /unknown CNI_COMMAND: add/],
    [
      'ADD without CNI_CONTAINERID',
      { ...ADD_ENV, CNI_CONTAINERID: '' },
      /^required env variables \[CNI_CONTAINERID\] missing$/,
    ],
    ['ADD without CNI_NETNS', { ...ADD_ENV, CNI_NETNS: undefined }, /\[CNI_NETNS\] missing/],
    ['ADD without CNI_IFNAME', { ...ADD_ENV, CNI_IFNAME: '' }, /\[CNI_IFNAME\] missing/],
    ['ADD without CNI_PATH', { ...ADD_ENV, CNI_PATH: undefined }, /\[CNI_PATH\] missing/],
    ['ADD with CNI_PATH of only separators', { ...ADD_ENV, CNI_PATH: '::' }, /\[CNI_PATH\] missing/],
    [
      'ADD missing several: all named, in order',
      { CNI_COMMAND: 'ADD' },
      /^required env variables \[CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH\] missing$/,
    ],
    ['CHECK without CNI_NETNS', { ...ADD_ENV, CNI_COMMAND: 'CHECK', CNI_NETNS: '' }, /\[CNI_NETNS\] missing/],
    [
      'DEL without CNI_CONTAINERID',
      { ...ADD_ENV, CNI_COMMAND: 'DEL', CNI_CONTAINERID: '' },
      /\[CNI_CONTAINERID\]/,
    ],
    ['DEL without CNI_IFNAME', { ...ADD_ENV, CNI_COMMAND: 'DEL', CNI_IFNAME: '' }, /\[CNI_IFNAME\] missing/],
    ['DEL without CNI_PATH', { ...ADD_ENV, CNI_COMMAND: 'DEL', CNI_PATH: '' }, /\[CNI_PATH\] missing/],
    ['GC without CNI_PATH', { CNI_COMMAND: 'GC', CNI_PATH: '' }, /\[CNI_PATH\] missing/],
    ['STATUS without CNI_PATH', { CNI_COMMAND: 'STATUS' }, /\[CNI_PATH\] missing/],
    [
      'CNI_CONTAINERID starting with -',
      { ...ADD_ENV, CNI_CONTAINERID: '-abc' },
      /^CNI_CONTAINERID has invalid/,
    ],
    ['CNI_CONTAINERID starting with _', { ...ADD_ENV, CNI_CONTAINERID: '_abc' }, /CNI_CONTAINERID/],
    ['CNI_CONTAINERID with a space', { ...ADD_ENV, CNI_CONTAINERID: 'a b' }, /CNI_CONTAINERID/],
    ['CNI_CONTAINERID with a slash', { ...ADD_ENV, CNI_CONTAINERID: 'a/../b' }, /CNI_CONTAINERID/],
    [
      'DEL validates CNI_CONTAINERID too',
      { ...ADD_ENV, CNI_COMMAND: 'DEL', CNI_CONTAINERID: 'x;y' },
      /CNI_CONTAINERID/,
    ],
    [
      'CNI_IFNAME too long',
      { ...ADD_ENV, CNI_IFNAME: 'abcdefghijklmnop' },
      /^CNI_IFNAME is longer than 15 bytes/,
    ],
    [
      'CNI_IFNAME with a colon',
      { ...ADD_ENV, CNI_COMMAND: 'DEL', CNI_IFNAME: 'eth0:1' },
      /^CNI_IFNAME contains/,
    ],
    ['CNI_ARGS pair without =', { ...ADD_ENV, CNI_ARGS: 'K8S_POD_NAME' }, /^CNI_ARGS has an invalid pair/],
    ['CNI_ARGS pair with two =', { ...ADD_ENV, CNI_ARGS: 'A=b=c' }, /CNI_ARGS.*"A=b=c"/],
    ['CNI_ARGS pair with empty key', { ...ADD_ENV, CNI_ARGS: 'IgnoreUnknown=1;=v' }, /CNI_ARGS.*"=v"/],
    ['CNI_ARGS junk after good pairs', { ...ADD_ENV, CNI_ARGS: 'A=1;B=2;junk' }, /CNI_ARGS.*"junk"/],
  ];
  it.each(cases)('%s', (_name, env, message) => {
    const err = cniError(() => parseEnv(env));
    expect(err.code).toBe(4);
    expect(err.message).toMatch(message);
  });
});

describe('parseEnv success', () => {
  it('ADD: every attachment field', () => {
    expect(
      parseEnv({
        ...ADD_ENV,
        CNI_ARGS: 'K8S_POD_NAME=a',
        CNI_PATH: '/opt/cni/bin:/usr/lib/cni:',
        OTHER: 'x',
      }),
    ).toEqual({
      command: 'ADD',
      containerId: 'abc123',
      netns: '/var/run/netns/cni-1234',
      ifName: 'eth0',
      args: { pairs: new Map([['K8S_POD_NAME', 'a']]), podName: 'a' },
      path: ['/opt/cni/bin', '/usr/lib/cni'],
    });
  });

  it.each([
    ['empty (containerd after the netns is gone)', ''],
    ['absent', undefined],
  ])('DEL with CNI_NETNS %s has netns undefined', (_name, netns) => {
    const env = parseEnv({ ...ADD_ENV, CNI_COMMAND: 'DEL', CNI_NETNS: netns });
    expect(env).toMatchObject({ command: 'DEL', containerId: 'abc123', ifName: 'eth0', netns: undefined });
  });

  it('DEL keeps a netns when given', () => {
    expect(parseEnv({ ...ADD_ENV, CNI_COMMAND: 'DEL' })).toMatchObject({ netns: '/var/run/netns/cni-1234' });
  });

  it('CHECK is like ADD', () => {
    expect(parseEnv({ ...ADD_ENV, CNI_COMMAND: 'CHECK' })).toMatchObject({
      command: 'CHECK',
      netns: ADD_ENV.CNI_NETNS,
    });
  });

  it.each(['GC', 'STATUS'] as const)(
    '%s as libcni sends it: attachment vars empty and ignored',
    (command) => {
      const env = {
        CNI_COMMAND: command,
        CNI_CONTAINERID: '',
        CNI_NETNS: '',
        CNI_IFNAME: '',
        CNI_ARGS: '',
        CNI_PATH: '/opt/cni/bin',
      };
      expect(parseEnv(env)).toEqual({ command, path: ['/opt/cni/bin'] });
      // Values GC/STATUS do not use never cause errors.
      expect(parseEnv({ ...env, CNI_ARGS: 'junk', CNI_IFNAME: 'a/b' })).toEqual({
        command,
        path: ['/opt/cni/bin'],
      });
    },
  );

  it('VERSION with the exact libcni probe env', () => {
    const probe = {
      CNI_COMMAND: 'VERSION',
      CNI_NETNS: 'dummy',
      CNI_IFNAME: 'dummy',
      CNI_PATH: 'dummy',
      CNI_CONTAINERID: '',
    };
    expect(parseEnv(probe)).toEqual({ command: 'VERSION' });
    expect(parseEnv({ CNI_COMMAND: 'VERSION' })).toEqual({ command: 'VERSION' });
  });
});

describe('CNI_ARGS', () => {
  const want = {
    podNamespace: 'default',
    podName: 'web-0',
    podUid: '1234-5678',
    podInfraContainerId: 'abc123',
  };
  it.each([
    [
      'CRI-O order',
      'IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0;K8S_POD_INFRA_CONTAINER_ID=abc123;K8S_POD_UID=1234-5678',
    ],
    [
      'containerd order',
      'K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0;K8S_POD_INFRA_CONTAINER_ID=abc123;K8S_POD_UID=1234-5678;IgnoreUnknown=1',
    ],
    [
      'shuffled, trailing ;',
      'K8S_POD_UID=1234-5678;IgnoreUnknown=1;K8S_POD_INFRA_CONTAINER_ID=abc123;K8S_POD_NAME=web-0;K8S_POD_NAMESPACE=default;',
    ],
  ])('%s gives the same pod identity', (_name, raw) => {
    const args = parseCniArgs(raw);
    expect(args).toMatchObject(want);
    expect(args.pairs.get('IgnoreUnknown')).toBe('1');
    expect(args.pairs.size).toBe(5);
  });

  it('empty string: no pairs, no pod fields', () => {
    expect(parseCniArgs('')).toEqual({ pairs: new Map() });
  });

  it('a repeated key keeps the last value (CRI-O appends the runtime entries after its own)', () => {
    expect(parseCniArgs('K8S_POD_NAME=a;K8S_POD_NAME=b').podName).toBe('b');
  });

  it('an empty value is kept in pairs but does not set the typed field', () => {
    const args = parseCniArgs('K8S_POD_UID=;IP=10.0.0.9');
    expect(args.pairs.get('K8S_POD_UID')).toBe('');
    expect(args.podUid).toBeUndefined();
    expect(args.pairs.get('IP')).toBe('10.0.0.9');
  });
});

describe('interface names', () => {
  it.each(['eth0', 'abcdefghijklmno', 'a.b', '..a', 'veth-1_x', 'é'])('%j is accepted', (name) => {
    expect(() => validateIfName(name)).not.toThrow();
  });
  it.each([
    ['', /is empty/],
    ['abcdefghijklmnop', /longer than 15 bytes/],
    ['éééééééé', /longer than 15 bytes/], // 8 characters, 16 bytes
    ['.', /is \. or \.\./],
    ['..', /is \. or \.\./],
    ['a/b', /contains/],
    ['a:b', /contains/],
    ['a b', /contains/],
    ['a\tb', /contains/],
    ['eth0\n', /contains/],
    ['a\u00a0b', /contains/],
    ['a\u0085b', /contains/],
  ])('%j is rejected with code 4', (name, message) => {
    const err = cniError(() => validateIfName(name));
    expect(err.code).toBe(4);
    expect(err.msg).toMatch(/^CNI_IFNAME /);
    expect(err.msg).toMatch(message);
  });
});

const MINIMAL = { cniVersion: '1.1.0', name: 'sluice', type: 'sluice-cni' };
const conf = (extra: Record<string, unknown>) => JSON.stringify({ ...MINIMAL, ...extra });

describe('parseNetConf errors', () => {
  const unset = (key: string) => {
    const o: Record<string, unknown> = { ...MINIMAL };
    delete o[key];
    return JSON.stringify(o);
  };
  const cases: [string, string, number, RegExp][] = [
    ['malformed JSON', '{"cniVersion": "1.1.0",', 6, /^failed to decode network configuration/],
    ['empty stdin', '', 6, /failed to decode/],
    ['JSON null', 'null', 6, /not a JSON object/],
    ['JSON array', '[]', 6, /not a JSON object/],
    ['JSON string', '"x"', 6, /not a JSON object/],
    [
      'missing cniVersion',
      unset('cniVersion'),
      1,
      /cniVersion missing.*supported: 0\.3\.0, 0\.3\.1, 0\.4\.0, 1\.0\.0, 1\.1\.0/,
    ],
    ['cniVersion not a string', conf({ cniVersion: 1.1 }), 6, /cniVersion/],
    [
      'cniVersion 0.2.0',
      conf({ cniVersion: '0.2.0' }),
      1,
      /"0\.2\.0".*supported: 0\.3\.0, 0\.3\.1, 0\.4\.0, 1\.0\.0, 1\.1\.0/,
    ],
    ['cniVersion 2.0.0', conf({ cniVersion: '2.0.0' }), 1, /incompatible CNI version "2\.0\.0"/],
    ['cniVersion 1.1', conf({ cniVersion: '1.1' }), 1, /incompatible/],
    ['missing name', unset('name'), 7, /^missing network name$/],
    ['empty name', conf({ name: '' }), 7, /^missing network name$/],
    ['name with a space', conf({ name: 'my net' }), 7, /^name must match/],
    ['name with a slash', conf({ name: 'a/b' }), 7, /^name must match/],
    ['name not a string', conf({ name: 5 }), 7, /^name/],
    ['missing type', unset('type'), 7, /^missing type$/],
    ['type with a path', conf({ type: '../bin/x' }), 7, /^type must be a plugin name/],
    ['version checked before name', JSON.stringify({ cniVersion: '9.9.9' }), 1, /incompatible/],
    ['runtimeConfig not an object', conf({ runtimeConfig: [] }), 7, /^runtimeConfig must be an object/],
    ['args not an object', conf({ args: 'x' }), 7, /^args must be an object/],
    [
      'agentSocket relative',
      conf({ agentSocket: 'run/sluice.sock' }),
      7,
      /^agentSocket must be an absolute path/,
    ],
    ['agentSocket not a string', conf({ agentSocket: 1 }), 7, /^agentSocket must be a string/],
    ['mtu too small', conf({ mtu: 67 }), 7, /^mtu must be an integer in 68\.\.65535/],
    ['mtu too large', conf({ mtu: 65536 }), 7, /^mtu/],
    ['mtu fractional', conf({ mtu: 1500.5 }), 7, /^mtu/],
    ['mtu as a string', conf({ mtu: '1500' }), 7, /^mtu/],
    ['logFile relative', conf({ logFile: 'sluice.log' }), 7, /^logFile must be an absolute path/],
    ['logLevel unknown', conf({ logLevel: 'verbose' }), 7, /^logLevel must be one of/],
    [
      'portMapping without hostPort',
      conf({ runtimeConfig: { portMappings: [{ containerPort: 80 }] } }),
      7,
      /portMappings\[0\]\.hostPort is required/,
    ],
    [
      'portMapping port out of range',
      conf({ runtimeConfig: { PortMappings: [{ HostPort: 70000, ContainerPort: 80 }] } }),
      7,
      /runtimeConfig\.portMappings\[0\]\.hostPort must be an integer/,
    ],
    [
      'bandwidth negative',
      conf({ runtimeConfig: { bandwidth: { ingressRate: -1 } } }),
      7,
      /bandwidth\.ingressRate/,
    ],
    ['ips not strings', conf({ runtimeConfig: { ips: [1] } }), 7, /runtimeConfig\.ips\[0\] must be a string/],
    [
      'pod annotation not a string',
      conf({ runtimeConfig: { 'io.kubernetes.cri.pod-annotations': { a: 1 } } }),
      7,
      /pod-annotations\.a/,
    ],
    [
      'valid-attachments not a list',
      conf({ 'cni.dev/valid-attachments': {} }),
      7,
      /^cni\.dev\/valid-attachments must be a list/,
    ],
    [
      'attachment without containerID',
      conf({ 'cni.dev/attachments': [{ ifname: 'eth0' }] }),
      7,
      /cni\.dev\/attachments\[0\]\.containerID/,
    ],
  ];
  it.each(cases)('%s', (_name, stdin, code, message) => {
    const err = cniError(() => parseNetConf(stdin));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });
});

describe('parseNetConf', () => {
  it.each(SUPPORTED_VERSIONS)('accepts cniVersion %s', (v) => {
    expect(parseNetConf(conf({ cniVersion: v })).cniVersion).toBe(v);
  });

  it('minimal config', () => {
    expect(parseNetConf(conf({}))).toEqual({ ...MINIMAL, runtimeConfig: { raw: {} }, raw: MINIMAL });
  });

  it('keeps unknown fields, prevResult and args as given; reads the Sluice fields', () => {
    const prevResult = { cniVersion: '1.1.0', interfaces: [{ name: 'eth0' }] };
    const args = { cni: { labels: [{ key: 'a', value: 'b' }] } };
    const c = parseNetConf(
      conf({
        prevResult,
        args,
        ipam: { type: 'host-local' },
        capabilities: { portMappings: true },
        someVendorKey: [1, 2],
        agentSocket: '/run/sluice/agent.sock',
        mtu: 1450,
        logFile: '/var/log/sluice-cni.log',
        logLevel: 'debug',
      }),
    );
    expect(c.prevResult).toEqual(prevResult);
    expect(c.args).toEqual(args);
    expect(c.raw['someVendorKey']).toEqual([1, 2]);
    expect(c.raw['ipam']).toEqual({ type: 'host-local' });
    expect(c).toMatchObject({
      agentSocket: '/run/sluice/agent.sock',
      mtu: 1450,
      logFile: '/var/log/sluice-cni.log',
      logLevel: 'debug',
    });
    expect(c.validAttachments).toBeUndefined();
  });

  it('a null prevResult counts as none (DEL may come without one)', () => {
    expect(parseNetConf(conf({ prevResult: null })).prevResult).toBeUndefined();
  });

  const normalised = {
    portMappings: [
      { hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostPort: 5353, containerPort: 53, protocol: 'udp', hostIP: '10.0.0.1' },
    ],
    bandwidth: {
      ingressRate: 1000000,
      ingressBurst: 4294967295,
      egressRate: 2000000,
      egressBurst: 4294967295,
    },
    ips: ['10.1.2.3/24'],
    mac: 'c2:11:22:33:44:55',
    dns: { servers: ['10.96.0.10'], searches: ['svc.cluster.local'], options: ['ndots:5'] },
    cgroupPath: '/kubepods/pod1',
    podAnnotations: { 'Example.com/Key': 'v' },
  };
  it.each([
    [
      'containerd (Go field names)',
      {
        PortMappings: [
          { HostPort: 8080, ContainerPort: 80, Protocol: 'tcp', HostIP: '' },
          { HostPort: 5353, ContainerPort: 53, Protocol: 'udp', HostIP: '10.0.0.1' },
        ],
        Bandwidth: {
          IngressRate: 1000000,
          IngressBurst: 4294967295,
          EgressRate: 2000000,
          EgressBurst: 4294967295,
        },
        IPs: ['10.1.2.3/24'],
        MAC: 'c2:11:22:33:44:55',
        DNS: { Servers: ['10.96.0.10'], Searches: ['svc.cluster.local'], Options: ['ndots:5'] },
        CgroupPath: '/kubepods/pod1',
        'io.kubernetes.cri.pod-annotations': { 'Example.com/Key': 'v' },
      },
    ],
    [
      'CRI-O/cnitool (camelCase, bandwidth untagged)',
      {
        portMappings: [
          { hostPort: 8080, containerPort: 80, protocol: 'TCP' },
          { hostPort: 5353, containerPort: 53, protocol: 'udp', hostIP: '10.0.0.1' },
        ],
        bandwidth: {
          IngressRate: 1000000,
          IngressBurst: 4294967295,
          EgressRate: 2000000,
          EgressBurst: 4294967295,
        },
        ips: ['10.1.2.3/24'],
        mac: 'c2:11:22:33:44:55',
        dns: { servers: ['10.96.0.10'], searches: ['svc.cluster.local'], options: ['ndots:5'] },
        cgroupPath: '/kubepods/pod1',
        'io.kubernetes.cri.pod-annotations': { 'Example.com/Key': 'v' },
      },
    ],
  ])('runtimeConfig from %s is normalised', (_name, runtimeConfig) => {
    const rc = parseNetConf(conf({ runtimeConfig })).runtimeConfig;
    expect(rc).toEqual({ ...normalised, raw: runtimeConfig });
  });

  it('runtimeConfig keeps capabilities it does not interpret in raw', () => {
    const rc = parseNetConf(
      conf({ runtimeConfig: { ipRanges: [[{ subnet: '10.0.0.0/24' }]] } }),
    ).runtimeConfig;
    expect(rc).toEqual({ raw: { ipRanges: [[{ subnet: '10.0.0.0/24' }]] } });
  });

  const a = [{ containerID: 'c1', ifname: 'eth0' }];
  const b = [{ containerID: 'c2', ifname: 'eth0' }];
  it.each([
    [
      'both keys (libcni at HEAD): valid-attachments wins',
      { 'cni.dev/valid-attachments': a, 'cni.dev/attachments': b },
      a,
    ],
    ['only the legacy key (libcni v1.2.x)', { 'cni.dev/attachments': b }, b],
    ['only the new key', { 'cni.dev/valid-attachments': a }, a],
    ['valid-attachments null falls back', { 'cni.dev/valid-attachments': null, 'cni.dev/attachments': b }, b],
    ['an empty list stays empty (everything is stale)', { 'cni.dev/valid-attachments': [] }, []],
    ['neither (cnitool gc): undefined, not []', {}, undefined],
  ])('GC attachments: %s', (_name, extra, want) => {
    expect(parseNetConf(conf(extra)).validAttachments).toEqual(want);
  });
});

// Sluice's own wiring: host veth (no sandbox), pod eth0, a /32 behind the link-local gateway.
const RESULT: CniResult = {
  interfaces: [
    { name: 'lxc1a2b3c', mac: 'aa:aa:aa:aa:aa:01' },
    { name: 'eth0', mac: 'aa:aa:aa:aa:aa:02', sandbox: '/var/run/netns/cni-1234', mtu: 1450 },
  ],
  ips: [{ address: '10.0.0.5/32', gateway: '169.254.1.1', interface: 1 }],
  routes: [{ dst: '0.0.0.0/0', gw: '169.254.1.1', mtu: 1450, table: 254 }],
  dns: { nameservers: ['10.96.0.10'], search: ['svc.cluster.local'] },
};

const GOLDEN_PRE_1: Omit<Record<string, unknown>, 'cniVersion'> = {
  interfaces: [
    { name: 'lxc1a2b3c', mac: 'aa:aa:aa:aa:aa:01' },
    { name: 'eth0', mac: 'aa:aa:aa:aa:aa:02', sandbox: '/var/run/netns/cni-1234' },
  ],
  ips: [{ version: '4', interface: 1, address: '10.0.0.5/32', gateway: '169.254.1.1' }],
  routes: [{ dst: '0.0.0.0/0', gw: '169.254.1.1' }],
  dns: { nameservers: ['10.96.0.10'], search: ['svc.cluster.local'] },
};

const GOLDEN: Record<string, unknown> = {
  '0.3.0': { cniVersion: '0.3.0', ...GOLDEN_PRE_1 },
  '0.3.1': { cniVersion: '0.3.1', ...GOLDEN_PRE_1 },
  '0.4.0': { cniVersion: '0.4.0', ...GOLDEN_PRE_1 },
  '1.0.0': {
    cniVersion: '1.0.0',
    interfaces: [
      { name: 'lxc1a2b3c', mac: 'aa:aa:aa:aa:aa:01' },
      { name: 'eth0', mac: 'aa:aa:aa:aa:aa:02', sandbox: '/var/run/netns/cni-1234' },
    ],
    ips: [{ interface: 1, address: '10.0.0.5/32', gateway: '169.254.1.1' }],
    routes: [{ dst: '0.0.0.0/0', gw: '169.254.1.1' }],
    dns: { nameservers: ['10.96.0.10'], search: ['svc.cluster.local'] },
  },
  '1.1.0': {
    cniVersion: '1.1.0',
    interfaces: [
      { name: 'lxc1a2b3c', mac: 'aa:aa:aa:aa:aa:01' },
      { name: 'eth0', mac: 'aa:aa:aa:aa:aa:02', mtu: 1450, sandbox: '/var/run/netns/cni-1234' },
    ],
    ips: [{ interface: 1, address: '10.0.0.5/32', gateway: '169.254.1.1' }],
    routes: [{ dst: '0.0.0.0/0', gw: '169.254.1.1', mtu: 1450, table: 254 }],
    dns: { nameservers: ['10.96.0.10'], search: ['svc.cluster.local'] },
  },
};

/** What survives a trip through a version: the 1.1-only fields do not exist before 1.1.0. */
function projected(r: CniResult, v: string): CniResult {
  if (v === '1.1.0') return r;
  return {
    interfaces: r.interfaces.map(({ name, mac, sandbox }) => ({
      name,
      ...(mac ? { mac } : {}),
      ...(sandbox ? { sandbox } : {}),
    })),
    ips: r.ips,
    routes: r.routes.map(({ dst, gw }) => ({ dst, ...(gw ? { gw } : {}) })),
    dns: r.dns,
  };
}

describe('formatResult', () => {
  it.each(SUPPORTED_VERSIONS)('%s: golden shape', (v) => {
    const out = formatResult(RESULT, v);
    expect(out).toStrictEqual(GOLDEN[v]);
    // Key order as libcni marshals it; readers do not care, humans diffing output do.
    expect(Object.keys(out)).toEqual(['cniVersion', 'interfaces', 'ips', 'routes', 'dns']);
  });

  it('ips[].version follows the address family in 0.3.x/0.4.0', () => {
    const r: CniResult = {
      interfaces: [{ name: 'eth0', sandbox: '/ns' }],
      ips: [{ address: 'fd00::5/128', interface: 0 }],
      routes: [],
      dns: {},
    };
    expect(formatResult(r, '0.4.0').ips).toEqual([{ version: '6', interface: 0, address: 'fd00::5/128' }]);
    expect(formatResult(r, '1.0.0').ips).toEqual([{ interface: 0, address: 'fd00::5/128' }]);
  });

  it.each(SUPPORTED_VERSIONS)('%s: a dual-stack result (IPv4 first) survives a round trip', (v) => {
    const dual: CniResult = {
      interfaces: [{ name: 'lxc1a2b3c' }, { name: 'eth0', sandbox: '/ns' }],
      ips: [
        { address: '10.0.0.5/32', gateway: '169.254.1.1', interface: 1 },
        { address: 'fd00:10::5/128', gateway: 'fe80::1', interface: 1 },
      ],
      routes: [
        { dst: '0.0.0.0/0', gw: '169.254.1.1' },
        { dst: '::/0', gw: 'fe80::1' },
      ],
      dns: {},
    };
    const out = formatResult(dual, v);
    expect(out.ips!.map((i) => i.version)).toEqual(v.startsWith('0.') ? ['4', '6'] : [undefined, undefined]);
    expect(parsePrevResult(JSON.parse(JSON.stringify(out)), v)).toStrictEqual(dual);
  });

  it('empty lists are omitted and dns is always present, as libcni prints them', () => {
    const empty: CniResult = { interfaces: [], ips: [], routes: [], dns: {} };
    expect(formatResult(empty, '1.1.0')).toStrictEqual({ cniVersion: '1.1.0', dns: {} });
  });

  it('an empty sandbox (host interface) is omitted', () => {
    const r: CniResult = {
      interfaces: [{ name: 'veth0', mac: 'aa:aa:aa:aa:aa:01', sandbox: '' }],
      ips: [],
      routes: [],
      dns: {},
    };
    expect(formatResult(r, '1.1.0').interfaces).toStrictEqual([{ name: 'veth0', mac: 'aa:aa:aa:aa:aa:01' }]);
  });

  it('refuses an interface index out of range (containerd would)', () => {
    const r: CniResult = { ...RESULT, ips: [{ address: '10.0.0.5/32', interface: 2 }] };
    expect(cniError(() => formatResult(r, '1.1.0')).code).toBe(999);
  });

  it('refuses an unsupported version with code 1', () => {
    expect(cniError(() => formatResult(RESULT, '0.2.0')).code).toBe(1);
  });
});

describe('parsePrevResult', () => {
  it.each(SUPPORTED_VERSIONS)('%s: round trip through JSON', (v) => {
    const wire: unknown = JSON.parse(JSON.stringify(formatResult(RESULT, v)));
    expect(parsePrevResult(wire, v)).toStrictEqual(projected(RESULT, v));
  });

  it('reads a 0.4.0 result under a 1.1.0 config and prints it as 1.1.0', () => {
    const prev = parsePrevResult(GOLDEN['0.4.0'], '1.1.0');
    expect(prev).toBeDefined();
    if (!prev) return;
    expect(formatResult(prev, '1.1.0')).toStrictEqual({
      ...(GOLDEN['1.0.0'] as object),
      cniVersion: '1.1.0',
    });
  });

  it('a result without cniVersion is read in the config version', () => {
    const raw = { ips: [{ version: '4', address: '10.0.0.5/32' }] };
    expect(parsePrevResult(raw, '0.3.1')).toStrictEqual({
      interfaces: [],
      ips: [{ address: '10.0.0.5/32' }],
      routes: [],
      dns: {},
    });
  });

  it('a bridge-style result with the full 1.1.0 route fields', () => {
    const raw = {
      cniVersion: '1.1.0',
      interfaces: [
        { name: 'cni0', mac: '55:44:33:22:11:11' },
        { name: 'veth3243', mac: '55:44:33:22:11:12' },
        { name: 'eth0', mac: '99:88:77:66:55:44', mtu: 1450, sandbox: '/var/run/netns/cni-1234' },
      ],
      ips: [{ address: '10.1.0.5/16', gateway: '10.1.0.1', interface: 2 }],
      routes: [
        { dst: '0.0.0.0/0', gw: '10.1.0.1', mtu: 1450, advmss: 1410, priority: 0, table: 254, scope: 0 },
      ],
      dns: {
        nameservers: ['10.96.0.10'],
        domain: 'cluster.local',
        search: ['svc.cluster.local'],
        options: ['ndots:5'],
      },
    };
    const prev = parsePrevResult(raw, '1.1.0');
    expect(prev).toBeDefined();
    if (!prev) return;
    const { cniVersion: _v, ...body } = raw;
    expect(prev).toStrictEqual(body);
    expect(formatResult(prev, '1.1.0')).toStrictEqual(raw);
  });

  it.each([undefined, null])('%s: no prevResult', (raw) => {
    expect(parsePrevResult(raw, '1.1.0')).toBeUndefined();
  });

  it.each([
    ['not an object', 'x', 7, /^prevResult must be an object/],
    [
      '0.2.0 (ip4/ip6 shape)',
      { cniVersion: '0.2.0', ip4: { ip: '10.0.0.5/32' } },
      1,
      /"0\.2\.0" is not supported/,
    ],
    [
      'interfaces not a list',
      { cniVersion: '1.0.0', interfaces: {} },
      7,
      /prevResult\.interfaces must be a list/,
    ],
    [
      'interface without name',
      { cniVersion: '1.0.0', interfaces: [{ mac: 'x' }] },
      7,
      /interfaces\[0\]\.name is required/,
    ],
    [
      'address without prefix',
      { cniVersion: '1.0.0', ips: [{ address: '10.0.0.5' }] },
      7,
      /ips\[0\]\.address must be a CIDR/,
    ],
    [
      'address prefix too long',
      { cniVersion: '1.0.0', ips: [{ address: '10.0.0.5/33' }] },
      7,
      /must be a CIDR/,
    ],
    [
      'gateway not an IP',
      { cniVersion: '1.0.0', ips: [{ address: '10.0.0.5/32', gateway: 'x' }] },
      7,
      /gateway must be an IP/,
    ],
    [
      'interface index out of range',
      {
        cniVersion: '1.0.0',
        interfaces: [{ name: 'eth0' }],
        ips: [{ address: '10.0.0.5/32', interface: 1 }],
      },
      7,
      /ips\[0\]\.interface must index/,
    ],
    [
      '0.4.0 version contradicts the address',
      { cniVersion: '0.4.0', ips: [{ version: '6', address: '10.0.0.5/32' }] },
      7,
      /ips\[0\]\.version must be "4"/,
    ],
    [
      'route without dst',
      { cniVersion: '1.1.0', routes: [{ gw: '10.0.0.1' }] },
      7,
      /routes\[0\]\.dst must be a CIDR/,
    ],
  ])('%s → code %s', (_name, raw, code, message) => {
    const err = cniError(() => parsePrevResult(raw, '1.1.0'));
    expect(err.code).toBe(code);
    expect(err.msg).toMatch(message);
  });
});

describe('versions', () => {
  it('VERSION output for the libcni probe', () => {
    expect(versionResult('{"cniVersion":"1.1.0"}')).toStrictEqual({
      cniVersion: '1.1.0',
      supportedVersions: ['0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'],
    });
  });

  it.each([
    ['echoes the input version, as the spec says', '{"cniVersion":"0.4.0"}', '0.4.0'],
    ['empty stdin (skel ignores it)', '', '1.1.0'],
    ['junk stdin never fails', '{', '1.1.0'],
    ['no cniVersion key', '{}', '1.1.0'],
  ])('VERSION %s', (_name, stdin, cniVersion) => {
    expect(versionResult(stdin)).toMatchObject({ cniVersion, supportedVersions: [...SUPPORTED_VERSIONS] });
  });

  it.each([
    ['0.3.0', '0.3.1', -1],
    ['0.4.0', '0.10.0', -1],
    ['1.1.0', '1.0.0', 1],
    ['1.1.0', '1.1.0', 0],
  ])('compareVersions(%s, %s) = %s', (a, b, want) => {
    expect(compareVersions(a, b)).toBe(want);
  });

  it.each([
    ['CHECK', '0.3.1', 'config version does not allow CHECK'],
    ['CHECK', '0.3.0', 'config version does not allow CHECK'],
    ['GC', '1.0.0', 'config version does not allow GC'],
    ['STATUS', '1.0.0', 'config version does not allow STATUS'],
    ['STATUS', '0.4.0', 'config version does not allow STATUS'],
  ])('%s under %s is refused with code 1', (command, v, msg) => {
    const err = cniError(() => assertCommandAllowed(command, v));
    expect(err.code).toBe(1);
    expect(err.msg).toBe(msg);
  });

  it.each([
    ['CHECK', '0.4.0'],
    ['GC', '1.1.0'],
    ['STATUS', '1.1.0'],
    ['ADD', '0.3.0'],
    ['DEL', '0.3.0'],
  ])('%s under %s is allowed', (command, v) => {
    expect(() => assertCommandAllowed(command, v)).not.toThrow();
  });
});

describe('error object', () => {
  it('the spec example', () => {
    const err = new CniError(
      7,
      'Invalid Configuration',
      'Network 192.168.0.0/31 too small to allocate from.',
    );
    expect(toErrorJson(err, '1.1.0')).toStrictEqual({
      cniVersion: '1.1.0',
      code: 7,
      msg: 'Invalid Configuration',
      details: 'Network 192.168.0.0/31 too small to allocate from.',
    });
    expect(err.message).toBe('Invalid Configuration: Network 192.168.0.0/31 too small to allocate from.');
  });

  it('details is omitted when empty', () => {
    expect(toErrorJson(new CniError(50, 'agent unreachable'), '1.1.0')).toStrictEqual({
      cniVersion: '1.1.0',
      code: 50,
      msg: 'agent unreachable',
    });
  });

  it.each([
    ['an Error', new Error('boom'), 'boom'],
    ['a string', 'boom', 'boom'],
  ])('%s that is not a CniError becomes code 999 (skel ErrInternal)', (_name, thrown, msg) => {
    expect(toErrorJson(thrown, '0.4.0')).toStrictEqual({ cniVersion: '0.4.0', code: 999, msg });
  });

  it('errors from the parsers carry their code through', () => {
    const err = cniError(() => parseNetConf('{'));
    expect(toErrorJson(err, '1.1.0')).toMatchObject({
      code: 6,
      msg: 'failed to decode network configuration',
    });
  });
});
