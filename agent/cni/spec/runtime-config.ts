// `runtimeConfig` (CONVENTIONS.md capabilities), normalised to camelCase. containerd's go-cni structs
// have no JSON tags, so it sends Go field names (`PortMappings`, `HostPort`, `IngressRate`, `Servers`);
// CRI-O and cnitool send camelCase. Go plugins cope because encoding/json folds case; we fold too.
// Capabilities we do not interpret stay in `raw`, untouched.

import {
  foldKeys,
  invalid,
  isObject,
  type JsonObject,
  optInteger,
  optString,
  optStringArray,
} from './json.js';

export interface PortMapping {
  hostPort: number;
  containerPort: number;
  /** Lower-cased (CRI runtimes already do; cnitool users may write "TCP"). */
  protocol?: string;
  /** Omitted when empty (containerd sends `"HostIP":""` for "all addresses"). */
  hostIP?: string;
}

/** Rates in bits per second, bursts in bits. containerd sets bursts to MaxUint32. */
export interface Bandwidth {
  ingressRate?: number;
  ingressBurst?: number;
  egressRate?: number;
  egressBurst?: number;
}

export interface RuntimeDns {
  servers?: string[];
  searches?: string[];
  options?: string[];
}

export interface RuntimeConfig {
  portMappings?: PortMapping[];
  bandwidth?: Bandwidth;
  /** Requested IPs, prefix optional ("10.1.2.3/24" or "10.1.2.3"). */
  ips?: string[];
  mac?: string;
  dns?: RuntimeDns;
  cgroupPath?: string;
  /** `io.kubernetes.cri.pod-annotations`: both runtimes send every pod annotation under this key. */
  podAnnotations?: Record<string, string>;
  /** The object as received, original key case. */
  raw: JsonObject;
}

const POD_ANNOTATIONS_KEY = 'io.kubernetes.cri.pod-annotations';

function object(v: unknown, path: string): Map<string, unknown> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw invalid(path, 'must be an object', v);
  return foldKeys(v);
}

function portMappings(v: unknown, path: string): PortMapping[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid(path, 'must be a list', v);
  return v.map((item, i) => {
    const p = `${path}[${i}]`;
    const f = object(item, p);
    if (!f) throw invalid(p, 'must be an object', item);
    const hostPort = optInteger(f.get('hostport'), `${p}.hostPort`, 0, 65535);
    const containerPort = optInteger(f.get('containerport'), `${p}.containerPort`, 0, 65535);
    if (hostPort === undefined) throw invalid(`${p}.hostPort`, 'is required');
    if (containerPort === undefined) throw invalid(`${p}.containerPort`, 'is required');
    const out: PortMapping = { hostPort, containerPort };
    const protocol = optString(f.get('protocol'), `${p}.protocol`);
    if (protocol) out.protocol = protocol.toLowerCase();
    const hostIP = optString(f.get('hostip'), `${p}.hostIP`);
    if (hostIP) out.hostIP = hostIP;
    return out;
  });
}

function bandwidth(v: unknown, path: string): Bandwidth | undefined {
  const f = object(v, path);
  if (!f) return undefined;
  const out: Bandwidth = {};
  // Go uses uint64 here; above 2^53 precision is lost, far beyond any real rate.
  for (const k of ['ingressRate', 'ingressBurst', 'egressRate', 'egressBurst'] as const) {
    const n = optInteger(f.get(k.toLowerCase()), `${path}.${k}`, 0, Number.MAX_SAFE_INTEGER);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

function dns(v: unknown, path: string): RuntimeDns | undefined {
  const f = object(v, path);
  if (!f) return undefined;
  const out: RuntimeDns = {};
  for (const k of ['servers', 'searches', 'options'] as const) {
    const list = optStringArray(f.get(k), `${path}.${k}`);
    if (list) out[k] = list;
  }
  return out;
}

function annotations(v: unknown, path: string): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw invalid(path, 'must be an object', v);
  // Annotation keys are data, not field names: keep their case.
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) {
    if (typeof s !== 'string') throw invalid(`${path}.${k}`, 'must be a string', s);
    out[k] = s;
  }
  return out;
}

export function parseRuntimeConfig(v: unknown, path = 'runtimeConfig'): RuntimeConfig {
  if (v === undefined || v === null) return { raw: {} };
  if (!isObject(v)) throw invalid(path, 'must be an object', v);
  const f = foldKeys(v);
  const out: RuntimeConfig = { raw: v };
  const pm = portMappings(f.get('portmappings'), `${path}.portMappings`);
  if (pm) out.portMappings = pm;
  const bw = bandwidth(f.get('bandwidth'), `${path}.bandwidth`);
  if (bw) out.bandwidth = bw;
  const ips = optStringArray(f.get('ips'), `${path}.ips`);
  if (ips) out.ips = ips;
  const mac = optString(f.get('mac'), `${path}.mac`);
  if (mac) out.mac = mac;
  const d = dns(f.get('dns'), `${path}.dns`);
  if (d) out.dns = d;
  const cg = optString(f.get('cgrouppath'), `${path}.cgroupPath`);
  if (cg) out.cgroupPath = cg;
  const ann = annotations(f.get(POD_ANNOTATIONS_KEY), `${path}.${POD_ANNOTATIONS_KEY}`);
  if (ann) out.podAnnotations = ann;
  return out;
}
