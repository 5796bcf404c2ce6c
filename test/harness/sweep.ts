// Removes whatever a test run left: network namespaces (after ending the processes inside them,
// which are ours: they run in namespaces only this run created), links in the root namespace
// (underlay bridges and their veths) and bpffs pins.

import { readdir, rm } from 'node:fs/promises';
import { run } from '../../agent/sys/exec.js';
import { TEST_NETNS_PREFIX, TEST_PIN_PREFIX } from './names.js';

export async function pidsInNetns(nsPath: string): Promise<number[]> {
  const { stdout } = await run(['ip', 'netns', 'pids', nsPath.split('/').at(-1)!]).catch(() => ({
    stdout: '',
  }));
  return stdout
    .split('\n')
    .map(Number)
    .filter((n) => n > 0);
}

export async function deleteNetns(name: string): Promise<void> {
  for (const pid of await pidsInNetns(name)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await run(['ip', 'netns', 'del', name]).catch(() => undefined);
}

export async function sweepRun(id: string): Promise<string[]> {
  const left: string[] = [];
  const names = await readdir('/run/netns').catch(() => [] as string[]);
  for (const n of names) {
    if (n.startsWith(`${TEST_NETNS_PREFIX}${id}`)) {
      left.push(`netns ${n}`);
      await deleteNetns(n);
    }
  }
  const { stdout } = await run(['ip', '-j', 'link', 'show']).catch(() => ({ stdout: '[]' }));
  for (const { ifname } of JSON.parse(stdout || '[]') as { ifname: string }[]) {
    if (ifname.startsWith(`${TEST_NETNS_PREFIX}${id}`)) {
      left.push(`link ${ifname}`);
      // A veth may already be gone with its peer's namespace.
      await run(['ip', 'link', 'del', ifname]).catch(() => undefined);
    }
  }
  const pins = await readdir('/sys/fs/bpf').catch(() => [] as string[]);
  for (const p of pins) {
    const full = `/sys/fs/bpf/${p}`;
    if (full.startsWith(`${TEST_PIN_PREFIX}${id}`)) {
      left.push(`pins ${full}`);
      await rm(full, { recursive: true, force: true });
    }
  }
  return left;
}
