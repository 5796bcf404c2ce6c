// `sluice cni install` writes the plugin and the conflist atomically: no temp files left, the
// binary executable and working, the conflist valid, a re-install replaces both in place.

import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sluice-install-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('installs binary and conflist, and again over them', async () => {
  const binDir = path.join(dir, 'bin');
  const confDir = path.join(dir, 'net.d');
  const cli = path.join(REPO_ROOT, 'bin', 'sluice');
  for (let i = 0; i < 2; i++) {
    execFileSync(
      cli,
      ['cni', 'install', '--bin-dir', binDir, '--conf-dir', confDir, '--agent-socket', '/run/x/agent.sock'],
      { stdio: 'pipe' },
    );
  }
  expect(await readdir(binDir)).toEqual(['sluice-cni']);
  expect(await readdir(confDir)).toEqual(['05-sluice.conflist']);
  expect((await stat(path.join(binDir, 'sluice-cni'))).mode & 0o777).toBe(0o755);
  const conf = JSON.parse(await readFile(path.join(confDir, '05-sluice.conflist'), 'utf8'));
  expect(conf.plugins.map((p: { type: string }) => p.type)).toEqual(['sluice-cni', 'portmap', 'bandwidth']);
  expect(conf.plugins[0].agentSocket).toBe('/run/x/agent.sock');
  // The installed copy runs on its own: in a root directory holding nothing else (no Node.js, no
  // shared libraries, no loader).
  const root = path.join(dir, 'empty-root');
  await mkdir(root);
  await copyFile(path.join(binDir, 'sluice-cni'), path.join(root, 'sluice-cni'));
  await chmod(path.join(root, 'sluice-cni'), 0o755);
  const version = execFileSync('/usr/sbin/chroot', [root, '/sluice-cni'], {
    env: { CNI_COMMAND: 'VERSION' },
    input: '{"cniVersion":"1.1.0"}',
  });
  expect(JSON.parse(version.toString()).supportedVersions).toContain('1.1.0');
  // And with no agent there, an ADD says so with the spec's try-again code.
  let failed: { status: number; stdout: Buffer } | undefined;
  try {
    execFileSync('/usr/sbin/chroot', [root, '/sluice-cni'], {
      env: { CNI_COMMAND: 'ADD', CNI_CONTAINERID: 'c', CNI_NETNS: '/x', CNI_IFNAME: 'eth0', CNI_PATH: '/' },
      input: '{"cniVersion":"1.0.0","name":"n","type":"sluice-cni"}',
    });
  } catch (err) {
    failed = err as { status: number; stdout: Buffer };
  }
  expect(failed?.status).toBe(1);
  expect(JSON.parse(failed!.stdout.toString())).toMatchObject({ cniVersion: '1.0.0', code: 11 });
});
