// The CNI_* environment (SPEC.md "Parameters"), validated the way skel does it, so that the plugin
// rejects exactly what a Go plugin would and names the offending variable (code 4).
//
// libcni sets all six CNI_* variables on every call, possibly empty, so "empty" counts as "missing".

import { CniError, ERR_INVALID_ENV } from './errors.js';

export const CNI_COMMANDS = ['ADD', 'DEL', 'CHECK', 'VERSION', 'STATUS', 'GC'] as const;
export type CniCommand = (typeof CNI_COMMANDS)[number];

/** CNI_ARGS, parsed. Pod identity comes from here (containerd and CRI-O both send it). */
export interface CniArgs {
  /** Every pair; a repeated key keeps its last value, as Go's LoadArgs does. */
  readonly pairs: ReadonlyMap<string, string>;
  readonly podNamespace?: string;
  readonly podName?: string;
  readonly podUid?: string;
  readonly podInfraContainerId?: string;
}

/** ADD and CHECK need the whole attachment: container, netns and interface. */
export interface AddCheckEnv {
  command: 'ADD' | 'CHECK';
  containerId: string;
  netns: string;
  ifName: string;
  args: CniArgs;
  path: string[];
}

/** DEL may come without a netns (containerd sends "" once the netns is gone). */
export interface DelEnv {
  command: 'DEL';
  containerId: string;
  netns: string | undefined;
  ifName: string;
  args: CniArgs;
  path: string[];
}

/** GC and STATUS are per network, not per attachment: libcni sends the attachment vars empty. */
export interface NetworkEnv {
  command: 'GC' | 'STATUS';
  path: string[];
}

/** VERSION needs nothing but the command (libcni probes it with dummy values). */
export interface VersionEnv {
  command: 'VERSION';
}

export type CniRequestEnv = AddCheckEnv | DelEnv | NetworkEnv | VersionEnv;

/** SPEC.md: CNI_CONTAINERID must match this. */
export const CONTAINER_ID_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** IFNAMSIZ is 16 bytes including the NUL. */
export const MAX_IFNAME_BYTES = 15;

// Which variables skel insists on per command. CNI_PATH is stricter than the spec (skel requires it
// for everything but VERSION) and libcni always sets it, so requiring it costs nothing.
const REQUIRED: Record<CniCommand, readonly string[]> = {
  ADD: ['CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_PATH'],
  CHECK: ['CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_PATH'],
  DEL: ['CNI_CONTAINERID', 'CNI_IFNAME', 'CNI_PATH'],
  GC: ['CNI_PATH'],
  STATUS: ['CNI_PATH'],
  VERSION: [],
};

function isCommand(s: string): s is CniCommand {
  return (CNI_COMMANDS as readonly string[]).includes(s);
}

function missing(names: readonly string[]): CniError {
  // skel's exact wording, so operators can grep for the same text whatever the plugin's language.
  return new CniError(ERR_INVALID_ENV, `required env variables [${names.join(',')}] missing`);
}

export function validateContainerId(id: string): void {
  if (!CONTAINER_ID_RE.test(id)) {
    throw new CniError(
      ERR_INVALID_ENV,
      'CNI_CONTAINERID has invalid characters',
      `${JSON.stringify(id)} does not match ${CONTAINER_ID_RE.source}`,
    );
  }
}

/** skel's ValidateInterfaceName: the kernel would refuse these names, or they would break sysfs paths. */
export function validateIfName(name: string): void {
  const bad = (what: string): never => {
    throw new CniError(ERR_INVALID_ENV, `CNI_IFNAME ${what}`, JSON.stringify(name));
  };
  if (name === '') bad('is empty');
  // Bytes, not UTF-16 units: the kernel limit is on the byte length.
  if (new TextEncoder().encode(name).length > MAX_IFNAME_BYTES)
    bad(`is longer than ${MAX_IFNAME_BYTES} bytes`);
  if (name === '.' || name === '..') bad('is . or ..');
  // \s lacks U+0085, which Go's unicode.IsSpace counts as whitespace.
  if (/[/:\s\u0085]/u.test(name)) bad('contains / or : or whitespace');
}

const POD_FIELDS = [
  ['podNamespace', 'K8S_POD_NAMESPACE'],
  ['podName', 'K8S_POD_NAME'],
  ['podUid', 'K8S_POD_UID'],
  ['podInfraContainerId', 'K8S_POD_INFRA_CONTAINER_ID'],
] as const satisfies readonly (readonly [keyof CniArgs, string])[];

/**
 * `K=V;K=V` in any order (containerd builds it from a Go map, so the order is random). Empty segments
 * (a trailing `;`) are skipped; a segment without exactly one `=` or with an empty key is an error.
 * Unknown keys are kept and ignored, which is what `IgnoreUnknown=1` asks for anyway.
 */
export function parseCniArgs(raw: string): CniArgs {
  const pairs = new Map<string, string>();
  for (const segment of raw.split(';')) {
    if (segment === '') continue;
    const kv = segment.split('=');
    const [key, value] = kv;
    if (kv.length !== 2 || key === undefined || value === undefined || key === '') {
      throw new CniError(ERR_INVALID_ENV, 'CNI_ARGS has an invalid pair', JSON.stringify(segment));
    }
    pairs.set(key, value);
  }
  // An empty value means "not given": a pod field of "" would only mislead the lookups downstream.
  const typed: Record<string, string> = {};
  for (const [field, key] of POD_FIELDS) {
    const v = pairs.get(key);
    if (v) typed[field] = v;
  }
  return { pairs, ...typed };
}

/** CNI_PATH is a `:`-separated list (Linux); empty entries carry no directory and are dropped. */
export function splitCniPath(raw: string): string[] {
  return raw.split(':').filter((p) => p !== '');
}

/**
 * Reads and validates the CNI_* variables for the command they name. Variables a command does not use
 * are not looked at, so libcni's dummy or empty values for GC/STATUS/VERSION never cause an error.
 */
export function parseEnv(env: Record<string, string | undefined>): CniRequestEnv {
  const value = (k: string): string => env[k] ?? '';
  const command = value('CNI_COMMAND');
  if (command === '') throw missing(['CNI_COMMAND']);
  if (!isCommand(command)) {
    throw new CniError(
      ERR_INVALID_ENV,
      `unknown CNI_COMMAND: ${command}`,
      `expected one of ${CNI_COMMANDS.join(', ')}`,
    );
  }

  // skel reports every missing variable at once, in this order; so do we.
  const absent = REQUIRED[command].filter(
    (k) => (k === 'CNI_PATH' ? splitCniPath(value(k)) : value(k)).length === 0,
  );
  if (absent.length > 0) throw missing(absent);

  if (command === 'VERSION') return { command };
  const path = splitCniPath(value('CNI_PATH'));
  if (command === 'GC' || command === 'STATUS') return { command, path };

  const containerId = value('CNI_CONTAINERID');
  validateContainerId(containerId);
  const ifName = value('CNI_IFNAME');
  validateIfName(ifName);
  const args = parseCniArgs(value('CNI_ARGS'));
  if (command === 'DEL') {
    const netns = value('CNI_NETNS');
    return { command, containerId, netns: netns === '' ? undefined : netns, ifName, args, path };
  }
  return { command, containerId, netns: value('CNI_NETNS'), ifName, args, path };
}
