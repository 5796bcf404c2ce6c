// Agent configuration: file, then environment, then flags; every bad value names its source and
// key; the ConfigMap shipped in deploy/ is a valid config.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../agent/config.js';
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

  it('names the environment variable of a bad value', () => {
    expect(() => loadConfig({ env: { SLUICE_METRICS_PORT: 'http' } })).toThrow(
      /environment SLUICE_METRICS_PORT: metricsPort must be a port number/,
    );
  });
});
