// Small helpers for checking decoded JSON. Internal to agent/cni/spec.

import { CniError, ERR_INVALID_NETCONF } from './errors.js';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Code 7 naming the field by its path, e.g. `runtimeConfig.portMappings[0].hostPort`. */
export function invalid(path: string, what: string, value?: unknown): CniError {
  const shown = value === undefined ? undefined : JSON.stringify(value);
  return new CniError(ERR_INVALID_NETCONF, `${path} ${what}`, shown);
}

/**
 * Keys folded to lower case, later keys winning. Go's encoding/json matches struct fields
 * case-insensitively and the last duplicate wins; containerd relies on that (it sends `HostPort`).
 */
export function foldKeys(o: JsonObject): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [k, v] of Object.entries(o)) m.set(k.toLowerCase(), v);
  return m;
}

export function optString(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalid(path, 'must be a string', v);
  return v;
}

export function optStringArray(v: unknown, path: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid(path, 'must be a list of strings', v);
  return v.map((s, i) => {
    if (typeof s !== 'string') throw invalid(`${path}[${i}]`, 'must be a string', s);
    return s;
  });
}

export function optInteger(v: unknown, path: string, min: number, max: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalid(path, `must be an integer in ${min}..${max}`, v);
  }
  return v;
}
