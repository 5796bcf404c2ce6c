// The agent's config from a file (YAML or JSON), then the environment, then flags — later wins.
// Every key is validated here, at the boundary, with the source and the field in the message.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { defaultConfig, type SluiceConfig } from './config.js';
import { UserError } from './errors.js';
import { parseCidr, parseIPv4 } from './policy/cidr.js';

const ENV: Record<string, keyof SluiceConfig> = {
  SLUICE_PIN_ROOT: 'pinRoot',
  SLUICE_STATE_DIR: 'stateDir',
  SLUICE_SOCKET: 'socketPath',
  SLUICE_METRICS_PORT: 'metricsPort',
  SLUICE_ATTACH_MODE: 'attachMode',
  SLUICE_HOST_NETNS: 'hostNetns',
  SLUICE_POD_CIDR: 'podCidr',
  SLUICE_NODEPORT_DEVICES: 'nodePortDevices',
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
    case 'metricsPort': {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new UserError(`${where} must be a port number, got ${JSON.stringify(value)}`);
      return n;
    }
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
    case 'serviceCidr':
    case 'podCidr':
      try {
        parseCidr(String(value));
      } catch (err) {
        throw new UserError(`${where}: ${(err as Error).message}`);
      }
      return String(value);
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
