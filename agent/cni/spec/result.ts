// ADD results (SPEC.md §5). The plugin works with one version-neutral shape; formatResult prints it in
// the request's cniVersion and parsePrevResult reads any supported version back (chaining, CHECK, DEL).
// The printed shape mirrors what libcni's Go types marshal to (types/040 for 0.3.x-0.4.0, types/100 for
// 1.x): empty lists and empty strings are omitted (`omitempty`), `dns` is always present.

import { isIP } from 'node:net';
import { CniError, ERR_INCOMPATIBLE_VERSION, ERR_INTERNAL } from './errors.js';
import { invalid, isObject, type JsonObject, optInteger, optString, optStringArray } from './json.js';
import { assertSupportedVersion, versionAtLeast, versionHasIpVersion } from './version.js';

export interface CniInterface {
  name: string;
  /** "If applicable": loopback-like interfaces have none. */
  mac?: string;
  /** The netns path for interfaces inside the container; absent for host-side ones. */
  sandbox?: string;
  /** 1.1.0+. */
  mtu?: number;
  /** 1.1.0+. */
  socketPath?: string;
  /** 1.1.0+. */
  pciID?: string;
}

export interface CniIpConfig {
  /** CIDR, e.g. "10.0.0.5/32". */
  address: string;
  gateway?: string;
  /** Index into `interfaces`. Absent in delegated (IPAM) results. */
  interface?: number;
}

export interface CniRoute {
  dst: string;
  gw?: string;
  /** 1.1.0+. */
  mtu?: number;
  /** 1.1.0+. */
  advmss?: number;
  /** 1.1.0+. */
  priority?: number;
  /** 1.1.0+. */
  table?: number;
  /** 1.1.0+: 0 global, 253 link, 254 host. */
  scope?: number;
}

export interface CniDns {
  nameservers?: string[];
  domain?: string;
  search?: string[];
  options?: string[];
}

export interface CniResult {
  interfaces: CniInterface[];
  ips: CniIpConfig[];
  routes: CniRoute[];
  dns: CniDns;
}

/** The printed form. `ips[].version` appears in 0.3.x/0.4.0 only. */
export interface CniIpConfigJson {
  version?: '4' | '6';
  interface?: number;
  address: string;
  gateway?: string;
}

export interface CniResultJson {
  cniVersion: string;
  interfaces?: CniInterface[];
  ips?: CniIpConfigJson[];
  routes?: CniRoute[];
  dns: CniDns;
}

function ipVersion(address: string): '4' | '6' {
  return address.includes(':') ? '6' : '4';
}

/** Copies the defined, non-empty fields of `src` named in `keys`, in that order. */
function pick<T extends object, K extends keyof T>(src: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) {
    const v = src[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

function formatDns(dns: CniDns): CniDns {
  const out: CniDns = {};
  if (dns.nameservers?.length) out.nameservers = [...dns.nameservers];
  if (dns.domain) out.domain = dns.domain;
  if (dns.search?.length) out.search = [...dns.search];
  if (dns.options?.length) out.options = [...dns.options];
  return out;
}

/**
 * The result JSON for `cniVersion`. Fields the version does not define are dropped (mtu, socketPath,
 * pciID and the route extras before 1.1.0). An `ips[].interface` out of range is a bug here, and
 * containerd would reject it anyway (ErrInvalidResult), so it throws.
 */
export function formatResult(result: CniResult, cniVersion: string): CniResultJson {
  const v = assertSupportedVersion(cniVersion);
  const v11 = versionAtLeast(v, '1.1.0');
  const withIpVersion = versionHasIpVersion(v);

  const interfaces = result.interfaces.map((i) =>
    v11
      ? pick(i, ['name', 'mac', 'mtu', 'sandbox', 'socketPath', 'pciID'])
      : pick(i, ['name', 'mac', 'sandbox']),
  );
  const ips = result.ips.map((ip, n): CniIpConfigJson => {
    if (ip.interface !== undefined && (ip.interface < 0 || ip.interface >= result.interfaces.length)) {
      throw new CniError(
        ERR_INTERNAL,
        'result ips[].interface out of range',
        `ips[${n}].interface=${ip.interface}`,
      );
    }
    const body = pick(ip, ['interface', 'address', 'gateway']);
    return withIpVersion ? { version: ipVersion(ip.address), ...body } : body;
  });
  const routes = result.routes.map((r) =>
    v11 ? pick(r, ['dst', 'gw', 'mtu', 'advmss', 'priority', 'table', 'scope']) : pick(r, ['dst', 'gw']),
  );

  return {
    cniVersion: v,
    ...(interfaces.length ? { interfaces } : {}),
    ...(ips.length ? { ips } : {}),
    ...(routes.length ? { routes } : {}),
    dns: formatDns(result.dns),
  };
}

// --- prevResult --------------------------------------------------------------------------------

function isCidr(s: string): boolean {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return false;
  const family = isIP(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (family === 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

function cidr(v: unknown, path: string): string {
  if (typeof v !== 'string' || !isCidr(v)) throw invalid(path, 'must be a CIDR', v);
  return v;
}

function optIp(v: unknown, path: string): string | undefined {
  const s = optString(v, path);
  if (s === undefined || s === '') return undefined;
  if (isIP(s) === 0) throw invalid(path, 'must be an IP address', s);
  return s;
}

function list(v: unknown, path: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalid(path, 'must be a list', v);
  return v;
}

function entry(v: unknown, path: string): JsonObject {
  if (!isObject(v)) throw invalid(path, 'must be an object', v);
  return v;
}

const U32 = 0xffffffff;

function setDefined<T extends object, K extends keyof T>(out: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') out[key] = value;
}

function parseInterface(v: unknown, path: string): CniInterface {
  const o = entry(v, path);
  const name = optString(o['name'], `${path}.name`);
  if (!name) throw invalid(`${path}.name`, 'is required');
  const out: CniInterface = { name };
  setDefined(out, 'mac', optString(o['mac'], `${path}.mac`));
  setDefined(out, 'sandbox', optString(o['sandbox'], `${path}.sandbox`));
  setDefined(out, 'mtu', optInteger(o['mtu'], `${path}.mtu`, 0, U32));
  setDefined(out, 'socketPath', optString(o['socketPath'], `${path}.socketPath`));
  setDefined(out, 'pciID', optString(o['pciID'], `${path}.pciID`));
  return out;
}

function parseIp(v: unknown, path: string, interfaceCount: number, withIpVersion: boolean): CniIpConfig {
  const o = entry(v, path);
  const address = cidr(o['address'], `${path}.address`);
  // Pre-1.0 results say the family; a wrong one means the producer is confused, not just old.
  if (withIpVersion && o['version'] !== undefined && o['version'] !== ipVersion(address)) {
    throw invalid(`${path}.version`, `must be "${ipVersion(address)}" for ${address}`, o['version']);
  }
  const out: CniIpConfig = { address };
  setDefined(out, 'gateway', optIp(o['gateway'], `${path}.gateway`));
  const index = optInteger(o['interface'], `${path}.interface`, 0, U32);
  if (index !== undefined && index >= interfaceCount) {
    throw invalid(`${path}.interface`, `must index interfaces (0..${interfaceCount - 1})`, index);
  }
  setDefined(out, 'interface', index);
  return out;
}

function parseRoute(v: unknown, path: string): CniRoute {
  const o = entry(v, path);
  const out: CniRoute = { dst: cidr(o['dst'], `${path}.dst`) };
  setDefined(out, 'gw', optIp(o['gw'], `${path}.gw`));
  for (const k of ['mtu', 'advmss', 'priority', 'table', 'scope'] as const) {
    setDefined(out, k, optInteger(o[k], `${path}.${k}`, 0, U32));
  }
  return out;
}

function parseDns(v: unknown, path: string): CniDns {
  if (v === undefined || v === null) return {};
  const o = entry(v, path);
  const out: CniDns = {};
  setDefined(out, 'nameservers', optStringArray(o['nameservers'], `${path}.nameservers`));
  setDefined(out, 'domain', optString(o['domain'], `${path}.domain`));
  setDefined(out, 'search', optStringArray(o['search'], `${path}.search`));
  setDefined(out, 'options', optStringArray(o['options'], `${path}.options`));
  return out;
}

/**
 * The neutral form of a `prevResult`, or undefined when there is none (DEL may come without one).
 * A result without `cniVersion` is in the config's version, as libcni assumes for pre-1.0 results.
 * Shape errors are code 7 (the config decoded but this field is invalid); a result in a version we do
 * not speak (e.g. 0.2.0's ip4/ip6) is code 1.
 */
export function parsePrevResult(raw: unknown, cniVersion: string): CniResult | undefined {
  if (raw === undefined || raw === null) return undefined;
  const o = entry(raw, 'prevResult');
  const declared = o['cniVersion'];
  const version = typeof declared === 'string' && declared !== '' ? declared : cniVersion;
  try {
    assertSupportedVersion(version);
  } catch (err) {
    throw new CniError(
      ERR_INCOMPATIBLE_VERSION,
      `prevResult version "${version}" is not supported`,
      undefined,
      {
        cause: err,
      },
    );
  }
  const withIpVersion = versionHasIpVersion(version);
  const interfaces = list(o['interfaces'], 'prevResult.interfaces').map((v, i) =>
    parseInterface(v, `prevResult.interfaces[${i}]`),
  );
  return {
    interfaces,
    ips: list(o['ips'], 'prevResult.ips').map((v, i) =>
      parseIp(v, `prevResult.ips[${i}]`, interfaces.length, withIpVersion),
    ),
    routes: list(o['routes'], 'prevResult.routes').map((v, i) => parseRoute(v, `prevResult.routes[${i}]`)),
    dns: parseDns(o['dns'], 'prevResult.dns'),
  };
}
