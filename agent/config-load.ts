// The agent's config from a file (YAML or JSON), then the environment, then flags — later wins.
// Every key is validated here, at the boundary, with the source and the field in the message.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { defaultConfig, type SluiceConfig } from './config/config.js';
import type { Node } from './model/types.js';
import { formatCidr, parseCidr, parseIPv4 } from './net/ipv4.js';
import {
  cidrContainsV6,
  cidrFamily,
  formatCidrV6,
  ipFamily,
  ipv6Range,
  parseCidrV6,
  ROUTABLE_V6,
  routableV6,
} from './net/ipv6.js';
import { isDnsSubdomain, nodeClash, nodeIpV6 } from './sources/manifests.js';
import { UserError } from './sys/errors.js';

const ENV: Record<string, keyof SluiceConfig> = {
  SLUICE_PIN_ROOT: 'pinRoot',
  SLUICE_STATE_DIR: 'stateDir',
  SLUICE_SOCKET: 'socketPath',
  SLUICE_METRICS_PORT: 'metricsPort',
  SLUICE_ATTACH_MODE: 'attachMode',
  SLUICE_HOST_NETNS: 'hostNetns',
  SLUICE_POD_CIDR: 'podCidr',
  SLUICE_POD_CIDR_V6: 'podCidrV6',
  SLUICE_SERVICE_CIDR_V6: 'serviceCidrV6',
  SLUICE_NODEPORT_DEVICES: 'nodePortDevices',
  SLUICE_ROUTING: 'routing',
  // The DaemonSet sets it from spec.nodeName (the Downward API).
  K8S_NODE_NAME: 'nodeName',
};

function check(source: string, key: string, value: unknown): unknown {
  const where = `${source}: ${key}`;
  switch (key) {
    case 'pinRoot':
    case 'stateDir':
    case 'socketPath':
    case 'hostNetns':
    case 'bpfObject':
      if (typeof value !== 'string' || !value.startsWith('/'))
        throw new UserError(`${where} must be an absolute path, got ${JSON.stringify(value)}`);
      return value;
    case 'metricsHost':
    case 'interfacePrefix':
      if (
        typeof value !== 'string' ||
        value === '' ||
        (key === 'interfacePrefix' && !/^[a-z][a-z0-9]{0,5}$/.test(value))
      ) {
        throw new UserError(`${where}: invalid value ${JSON.stringify(value)}`);
      }
      return value;
    case 'metricsPort':
    case 'tunnelPort': {
      const n = Number(value);
      const min = key === 'tunnelPort' ? 1 : 0;
      if (!Number.isInteger(n) || n < min || n > 65535)
        throw new UserError(`${where} must be a port number (${min}-65535), got ${JSON.stringify(value)}`);
      return n;
    }
    case 'nodeName':
      if (typeof value !== 'string' || !isDnsSubdomain(value))
        throw new UserError(
          `${where} must be a node name (a DNS subdomain: lowercase letters, digits, '-' and '.'), got ${JSON.stringify(value)}`,
        );
      return value;
    case 'nodes':
      return checkNodes(where, value);
    case 'routing':
      if (value !== 'tunnel' && value !== 'native')
        throw new UserError(`${where} must be tunnel or native, got ${JSON.stringify(value)}`);
      return value;
    case 'tunnel':
      if (value !== 'vxlan')
        throw new UserError(`${where} must be vxlan (the only tunnel), got ${JSON.stringify(value)}`);
      return value;
    case 'attachMode':
      if (value !== 'tcx' && value !== 'tc' && value !== 'auto')
        throw new UserError(`${where} must be tcx, tc or auto, got ${JSON.stringify(value)}`);
      return value;
    case 'mapSizes': {
      if (typeof value !== 'object' || value === null) throw new UserError(`${where} must be a mapping`);
      const sizes = { ...defaultConfig().mapSizes };
      for (const [k, v] of Object.entries(value)) {
        if (!(k in sizes))
          throw new UserError(
            `${where}.${k}: unknown map (expected one of ${Object.keys(sizes).join(', ')})`,
          );
        if (!Number.isInteger(v) || (v as number) < 1)
          throw new UserError(`${where}.${k} must be a positive integer`);
        sizes[k as keyof typeof sizes] = v as number;
      }
      return sizes;
    }
    case 'nodePortDevices': {
      const list = Array.isArray(value) ? value : String(value).split(',').filter(Boolean);
      for (const d of list) {
        if (typeof d !== 'string' || !/^[a-zA-Z0-9_.@-]{1,15}$/.test(d))
          throw new UserError(`${where}: ${JSON.stringify(d)} is not an interface name`);
      }
      return list;
    }
    case 'podCidr':
      if (cidrFamily(String(value)) === 6)
        throw new UserError(
          `${where}: ${JSON.stringify(value)} is an IPv6 CIDR: podCidr is the IPv4 pool; an IPv6 pool is podCidrV6 (SLUICE_POD_CIDR_V6)`,
        );
      return checkCidr(where, value);
    case 'serviceCidr':
      if (cidrFamily(String(value)) === 6)
        throw new UserError(
          `${where}: ${JSON.stringify(value)} is an IPv6 CIDR: serviceCidr is the IPv4 range; the IPv6 one is serviceCidrV6 (SLUICE_SERVICE_CIDR_V6)`,
        );
      return checkCidr(where, value);
    case 'serviceCidrV6':
      return checkServiceCidrV6(where, value);
    case 'podCidrV6':
      return checkPodCidrV6(where, value);
    case 'nodeIps': {
      const list = Array.isArray(value) ? value : String(value).split(',');
      for (const ip of list) {
        try {
          parseIPv4(String(ip));
        } catch (err) {
          throw new UserError(`${where}: ${(err as Error).message}`);
        }
      }
      return list.map(String);
    }
    case 'mtu':
    case 'podWaitMs':
    case 'resyncIntervalMs':
    case 'ctSweepIntervalMs': {
      const n = Number(value);
      const [min, max] = key === 'mtu' ? [576, 65535] : key === 'podWaitMs' ? [0, 600_000] : [0, 86_400_000];
      if (!Number.isInteger(n) || n < min || n > max)
        throw new UserError(`${where} must be an integer in ${min}..${max}`);
      return n;
    }
    default:
      throw new UserError(`${source}: unknown key ${key}`);
  }
}

function checkCidr(where: string, value: unknown): string {
  try {
    parseCidr(String(value));
  } catch (err) {
    throw new UserError(`${where}: ${(err as Error).message}`);
  }
  return String(value);
}

/** An IPv6 pod CIDR, in its canonical form (host bits dropped, RFC 5952): a pool with at least one
 * address besides the subnet-router anycast address. */
function checkPodCidrV6(where: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new UserError(
      `${where} must be an IPv6 CIDR such as fd00:10:244:1::/64, got ${JSON.stringify(value)}`,
    );
  let cidr: ReturnType<typeof parseCidrV6>;
  try {
    cidr = parseCidrV6(value);
  } catch (err) {
    throw new UserError(`${where}: ${(err as Error).message}`);
  }
  if (cidr.len > 127)
    throw new UserError(
      `${where}: ${JSON.stringify(value)} holds no pod address (a /128's one address is its subnet-router anycast address): use a prefix of /127 or shorter, /64 to /120 as a rule`,
    );
  // Pods need addresses that route: global unicast (2000::/3) or unique local (fc00::/7), wholly.
  if (!routableV6(cidr)) {
    // A prefix that holds a routable range whole is too short, not wrongly placed.
    const holds = ROUTABLE_V6.find((r) => cidrContainsV6(cidr, r.cidr));
    const why = holds
      ? `it is wider than ${holds.text} (${holds.name}): use a longer prefix inside it (/64 to /120 as a rule)`
      : `it is ${ipv6Range(cidr.addr)}: pods need routable addresses`;
    throw new UserError(
      `${where}: ${JSON.stringify(value)} is not a global unicast (2000::/3) or unique local (fc00::/7) prefix: ${why}`,
    );
  }
  return formatCidrV6(cidr);
}

/** The IPv6 Service range, canonical: room for a clusterIP besides the addresses the allocator
 * keeps out (the network address, the kubernetes Service's, the last). */
function checkServiceCidrV6(where: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new UserError(
      `${where} must be an IPv6 CIDR such as fd00:10:96::/112, got ${JSON.stringify(value)}`,
    );
  if (cidrFamily(value) === 4)
    throw new UserError(
      `${where}: ${JSON.stringify(value)} is an IPv4 CIDR: serviceCidrV6 is the IPv6 range; the IPv4 one is serviceCidr`,
    );
  let cidr: ReturnType<typeof parseCidrV6>;
  try {
    cidr = parseCidrV6(value);
  } catch (err) {
    throw new UserError(`${where}: ${(err as Error).message}`);
  }
  if (cidr.len > 126)
    throw new UserError(
      `${where}: ${JSON.stringify(value)} holds no Service address: use a prefix of /126 or shorter (kind uses /112)`,
    );
  return formatCidrV6(cidr);
}

/** Local mode's nodes: a list of {name, internalIp, internalIpV6?, podCidr?, podCidrV6?}, none
 * clashing with another. */
function checkNodes(where: string, value: unknown): Node[] {
  if (!Array.isArray(value)) throw new UserError(`${where} must be a list of {${NODE_FIELDS.join(', ')}}`);
  const nodes = value.map((entry, i): Node => {
    const at = `${where}[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new UserError(
        `${at} must be a mapping with name, internalIp and optionally ${NODE_FIELDS.slice(2).join(', ')}`,
      );
    for (const k of Object.keys(entry))
      if (!NODE_FIELDS.includes(k))
        throw new UserError(`${at}.${k}: unknown field (expected ${NODE_FIELDS.join(', ')})`);
    const { name, internalIp, internalIpV6, podCidr, podCidrV6 } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || !isDnsSubdomain(name))
      throw new UserError(`${at}.name must be a node name (a DNS subdomain), got ${JSON.stringify(name)}`);
    if (typeof internalIp !== 'string')
      throw new UserError(`${at}.internalIp is required: the node's IPv4 address other nodes reach it at`);
    try {
      parseIPv4(internalIp);
    } catch (err) {
      throw new UserError(`${at}.internalIp: ${(err as Error).message}`);
    }
    const v6 = {
      ...(internalIpV6 === undefined || internalIpV6 === null
        ? {}
        : { internalIpV6: checkInternalIpV6(`${at}.internalIpV6`, internalIpV6) }),
      ...(podCidrV6 === undefined || podCidrV6 === null
        ? {}
        : { podCidrV6: checkPodCidrV6(`${at}.podCidrV6`, podCidrV6) }),
    };
    if (podCidr === undefined || podCidr === null) return { name, internalIp, ...v6 };
    if (cidrFamily(String(podCidr)) === 6)
      throw new UserError(
        `${at}.podCidr: ${JSON.stringify(podCidr)} is an IPv6 CIDR: it belongs in podCidrV6`,
      );
    try {
      // Host bits are dropped (10.244.1.1/24 is 10.244.1.0/24): the value becomes a route.
      return { name, internalIp, podCidr: formatCidr(parseCidr(String(podCidr))), ...v6 };
    } catch (err) {
      throw new UserError(`${at}.podCidr: ${(err as Error).message}`);
    }
  });
  const clash = nodeClash(nodes);
  if (clash) throw new UserError(`${where}[${clash.index}].${clash.field}: ${clash.message}`);
  return nodes;
}

const NODE_FIELDS = ['name', 'internalIp', 'internalIpV6', 'podCidr', 'podCidrV6'];

/** A node's IPv6 address, canonical: native routing's next hop to its pods' IPv6 addresses. */
function checkInternalIpV6(where: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new UserError(`${where} must be an IPv6 address such as fd00:10::1, got ${JSON.stringify(value)}`);
  if (ipFamily(value) === 4)
    throw new UserError(`${where}: ${JSON.stringify(value)} is an IPv4 address: it belongs in internalIp`);
  const v6 = nodeIpV6(value);
  if ('message' in v6) throw new UserError(`${where}: ${v6.message}`);
  return v6.ip;
}

/** The merged config, and the keys a source set (the rest are defaults). */
export interface LoadedConfig {
  config: SluiceConfig;
  explicit: ReadonlySet<string>;
}

export function loadConfig(opts: {
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
  flags?: Partial<Record<keyof SluiceConfig, unknown>>;
}): LoadedConfig {
  const cfg: Record<string, unknown> = { ...defaultConfig() };
  const explicit = new Set<string>();
  const set = (k: string, v: unknown) => {
    cfg[k] = v;
    explicit.add(k);
  };
  if (opts.file) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(opts.file, 'utf8'));
    } catch (err) {
      throw new UserError(`config ${opts.file}: ${(err as Error).message}`);
    }
    if (doc !== null && doc !== undefined) {
      if (typeof doc !== 'object' || Array.isArray(doc))
        throw new UserError(`config ${opts.file}: must be a mapping`);
      for (const [k, v] of Object.entries(doc)) set(k, check(`config ${opts.file}`, k, v));
    }
  }
  for (const [name, key] of Object.entries(ENV)) {
    const v = opts.env?.[name];
    if (v !== undefined && v !== '') set(key, check(`environment ${name}`, key, v));
  }
  for (const [k, v] of Object.entries(opts.flags ?? {})) {
    if (v !== undefined) set(k, check('flag', k, v));
  }
  return { config: cfg as unknown as SluiceConfig, explicit };
}
