// The request configuration on stdin (SPEC.md §1 plugin object plus what the runtime injects, §3).
// Check order follows skel: decode (6), then cniVersion (1), then name (7), then the rest (7).
// Unknown keys are allowed (the runtime passes plugin-specific keys through); `raw` keeps them all so
// a delegate (IPAM) can be handed the complete config, as the spec requires.

import { CniError, ERR_DECODING, ERR_INCOMPATIBLE_VERSION, ERR_INVALID_NETCONF } from './errors.js';
import { invalid, isObject, type JsonObject, optInteger, optString } from './json.js';
import { parseRuntimeConfig, type RuntimeConfig } from './runtime-config.js';
import { assertSupportedVersion, SUPPORTED_VERSIONS, type SupportedVersion } from './version.js';

export { SUPPORTED_VERSIONS } from './version.js';

/** pino's levels; the plugin logs to a file or stderr, never stdout. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One still-valid attachment in a GC request. */
export interface GcAttachment {
  containerID: string;
  ifname: string;
}

export interface NetConf {
  cniVersion: SupportedVersion;
  name: string;
  type: string;
  /** Always present; empty (only `raw: {}`) when the runtime sent none. */
  runtimeConfig: RuntimeConfig;
  /** As received; normalise with parsePrevResult(prevResult, cniVersion). */
  prevResult?: unknown;
  /** Config-level args (`{"cni": {...}}`); they win over CNI_ARGS for the same key. */
  args?: JsonObject;
  /** Sluice: the agent's API socket. */
  agentSocket?: string;
  /** Sluice: MTU of the pod's veth pair. */
  mtu?: number;
  /** Sluice: where the plugin logs (stdout is reserved for the result). */
  logFile?: string;
  logLevel?: LogLevel;
  /**
   * GC only: attachments to keep. undefined means the runtime sent no list (cnitool's `gc` does
   * that), which is not the same as an empty list.
   */
  validAttachments?: GcAttachment[];
  /** The whole decoded object, unknown keys included. */
  raw: JsonObject;
}

/** SPEC.md: network names follow the container ID rules and must be usable in file paths. */
const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

function absolutePath(v: unknown, key: string): string | undefined {
  const s = optString(v, key);
  if (s === undefined) return undefined;
  if (!s.startsWith('/')) throw invalid(key, 'must be an absolute path', s);
  return s;
}

function attachments(v: unknown, key: string): GcAttachment[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid(key, 'must be a list', v);
  return v.map((item, i) => {
    const p = `${key}[${i}]`;
    if (!isObject(item)) throw invalid(p, 'must be an object', item);
    const containerID = item['containerID'];
    const ifname = item['ifname'];
    if (typeof containerID !== 'string' || containerID === '') {
      throw invalid(`${p}.containerID`, 'must be a non-empty string', containerID);
    }
    if (typeof ifname !== 'string') throw invalid(`${p}.ifname`, 'must be a string', ifname);
    return { containerID, ifname };
  });
}

/**
 * The GC list. libcni at HEAD sends both keys; older libcni (spec 1.1.0 as tagged in v1.2.0) sends
 * only the legacy `cni.dev/attachments` (renamed in containernetworking/cni#1101).
 */
function validAttachments(conf: JsonObject): GcAttachment[] | undefined {
  return (
    attachments(conf['cni.dev/valid-attachments'], 'cni.dev/valid-attachments') ??
    attachments(conf['cni.dev/attachments'], 'cni.dev/attachments')
  );
}

function decode(stdin: string): JsonObject {
  let conf: unknown;
  try {
    conf = JSON.parse(stdin);
  } catch (err) {
    throw new CniError(ERR_DECODING, 'failed to decode network configuration', (err as Error).message, {
      cause: err,
    });
  }
  if (!isObject(conf)) {
    throw new CniError(ERR_DECODING, 'failed to decode network configuration', 'not a JSON object');
  }
  return conf;
}

function version(conf: JsonObject): SupportedVersion {
  const v = conf['cniVersion'];
  // libcni reads a missing cniVersion as the legacy "0.1.0", which we do not speak: so code 1.
  if (v === undefined || v === null || v === '') {
    throw new CniError(
      ERR_INCOMPATIBLE_VERSION,
      `cniVersion missing (implies 0.1.0); supported: ${SUPPORTED_VERSIONS.join(', ')}`,
    );
  }
  if (typeof v !== 'string') {
    throw new CniError(ERR_DECODING, 'failed to decode cniVersion', `not a string: ${JSON.stringify(v)}`);
  }
  return assertSupportedVersion(v);
}

export function parseNetConf(stdin: string): NetConf {
  const conf = decode(stdin);
  const cniVersion = version(conf);

  const name = conf['name'];
  if (name === undefined || name === null || name === '') {
    throw new CniError(ERR_INVALID_NETCONF, 'missing network name');
  }
  if (typeof name !== 'string' || !NAME_RE.test(name)) {
    throw invalid('name', `must match ${NAME_RE.source}`, name);
  }

  const type = conf['type'];
  if (type === undefined || type === null || type === '')
    throw new CniError(ERR_INVALID_NETCONF, 'missing type');
  // `type` names a binary looked up in CNI_PATH; a separator would escape it.
  if (typeof type !== 'string' || /[/\\]/.test(type)) {
    throw invalid('type', 'must be a plugin name without / or \\', type);
  }

  const out: NetConf = {
    cniVersion,
    name,
    type,
    runtimeConfig: parseRuntimeConfig(conf['runtimeConfig']),
    raw: conf,
  };
  if (conf['prevResult'] !== undefined && conf['prevResult'] !== null) out.prevResult = conf['prevResult'];
  const args = conf['args'];
  if (args !== undefined && args !== null) {
    if (!isObject(args)) throw invalid('args', 'must be an object', args);
    out.args = args;
  }

  const agentSocket = absolutePath(conf['agentSocket'], 'agentSocket');
  if (agentSocket !== undefined) out.agentSocket = agentSocket;
  // 68 is the smallest MTU IPv4 allows (RFC 791); 65535 the largest an IPv4 packet can use.
  const mtu = optInteger(conf['mtu'], 'mtu', 68, 65535);
  if (mtu !== undefined) out.mtu = mtu;
  const logFile = absolutePath(conf['logFile'], 'logFile');
  if (logFile !== undefined) out.logFile = logFile;
  const logLevel = optString(conf['logLevel'], 'logLevel');
  if (logLevel !== undefined) {
    if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
      throw invalid('logLevel', `must be one of ${LOG_LEVELS.join(', ')}`, logLevel);
    }
    out.logLevel = logLevel as LogLevel;
  }

  const valid = validAttachments(conf);
  if (valid !== undefined) out.validAttachments = valid;
  return out;
}
