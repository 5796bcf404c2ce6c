// Spec versions: which ones we answer in, the VERSION output, and which commands a config's
// cniVersion allows (skel refuses CHECK below 0.4.0 and GC/STATUS below 1.1.0, with code 1).

import { CniError, ERR_INCOMPATIBLE_VERSION } from './errors.js';

/**
 * Versions we can answer in. 0.1.0/0.2.0 are left out: their results use the `ip4`/`ip6` shape and
 * no runtime we target sends them; libcni then reports the mismatch up front.
 */
export const SUPPORTED_VERSIONS = ['0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'] as const;
export type SupportedVersion = (typeof SUPPORTED_VERSIONS)[number];

/** The spec version this plugin implements (what libcni's `version.Current()` returns). */
export const CURRENT_VERSION: SupportedVersion = '1.1.0';

export interface VersionResult {
  cniVersion: string;
  supportedVersions: string[];
}

export function isSupportedVersion(v: string): v is SupportedVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(v);
}

/** Throws code 1 naming the supported versions, as skel does for every command but VERSION. */
export function assertSupportedVersion(v: string): SupportedVersion {
  if (isSupportedVersion(v)) return v;
  throw new CniError(
    ERR_INCOMPATIBLE_VERSION,
    `incompatible CNI version "${v}"; supported: ${SUPPORTED_VERSIONS.join(', ')}`,
  );
}

function parts(v: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  if (!m) throw new CniError(ERR_INCOMPATIBLE_VERSION, `invalid CNI version "${v}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Numeric comparison of `major.minor.patch` (string order gets "0.10.0" < "0.4.0" wrong). */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export function versionAtLeast(v: string, min: string): boolean {
  return compareVersions(v, min) >= 0;
}

/** CHECK exists from 0.4.0 on. */
export function versionHasCheck(v: string): boolean {
  return versionAtLeast(v, '0.4.0');
}

/** GC and STATUS exist from 1.1.0 on. */
export function versionHasGcAndStatus(v: string): boolean {
  return versionAtLeast(v, '1.1.0');
}

/** Results carry `ips[].version` in 0.3.x and 0.4.0 only. */
export function versionHasIpVersion(v: string): boolean {
  return versionAtLeast(v, '0.3.0') && !versionAtLeast(v, '1.0.0');
}

/**
 * Refuses a command the config's cniVersion does not define, with skel's wording and code 1.
 * ADD and DEL exist in every supported version; VERSION ignores the config altogether.
 */
export function assertCommandAllowed(command: string, cniVersion: string): void {
  const allowed =
    command === 'CHECK'
      ? versionHasCheck(cniVersion)
      : command === 'GC' || command === 'STATUS'
        ? versionHasGcAndStatus(cniVersion)
        : true;
  if (!allowed) {
    throw new CniError(ERR_INCOMPATIBLE_VERSION, `config version does not allow ${command}`, cniVersion);
  }
}

/**
 * The VERSION answer. The spec says to echo the input's cniVersion; skel ignores stdin and prints its
 * own. We echo when stdin names a version and fall back to ours, and never throw: a failed VERSION
 * probe makes libcni assume 0.1.0 and CRI-O drop the whole network file.
 */
export function versionResult(stdin = ''): VersionResult {
  let cniVersion: string = CURRENT_VERSION;
  try {
    const conf: unknown = JSON.parse(stdin);
    if (conf && typeof conf === 'object' && !Array.isArray(conf)) {
      const v = (conf as Record<string, unknown>)['cniVersion'];
      if (typeof v === 'string' && v !== '') cniVersion = v;
    }
  } catch {
    // Empty or junk stdin is fine for VERSION.
  }
  return { cniVersion, supportedVersions: [...SUPPORTED_VERSIONS] };
}
