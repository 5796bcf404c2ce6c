// bpftool, the one way Sluice talks to BPF objects: JSON output parsed, updates in batches.

import { run } from '../sys/exec.js';

export async function bpftool(args: readonly string[], netns?: string): Promise<string> {
  return (await run(['bpftool', ...args], { netns })).stdout;
}

export async function bpftoolJson<T = unknown>(args: readonly string[], netns?: string): Promise<T> {
  const out = await bpftool(['-j', ...args], netns);
  return JSON.parse(out || 'null') as T;
}

/** Runs bpftool commands (without the leading "bpftool") in one process, fed on stdin. */
export async function bpftoolBatch(lines: readonly string[], netns?: string): Promise<void> {
  if (lines.length === 0) return;
  await run(['bpftool', 'batch', 'file', '-'], { input: `${lines.join('\n')}\n`, netns });
}

export function hexArgs(buf: Buffer): string {
  let s = 'hex';
  for (const b of buf) s += ` ${b.toString(16).padStart(2, '0')}`;
  return s;
}

interface RawDumpEntry {
  key: string[];
  value?: string[];
  values?: { cpu: number; value: string[] }[];
}

function bytes(hex: readonly string[]): Buffer {
  return Buffer.from(hex.map((h) => Number.parseInt(h, 16)));
}

export interface DumpEntry {
  key: Buffer;
  value: Buffer;
}

export interface PerCpuDumpEntry {
  key: Buffer;
  values: Buffer[];
}

/** Entries of a pinned map without BTF formatting (Sluice decodes with its own codecs). */
export async function dumpMap(pinPath: string): Promise<DumpEntry[]> {
  const raw = (await bpftoolJson<RawDumpEntry[]>(['map', 'dump', 'pinned', pinPath])) ?? [];
  return raw.filter((e) => e.value).map((e) => ({ key: bytes(e.key), value: bytes(e.value!) }));
}

export async function dumpPerCpuMap(pinPath: string): Promise<PerCpuDumpEntry[]> {
  const raw = (await bpftoolJson<RawDumpEntry[]>(['map', 'dump', 'pinned', pinPath])) ?? [];
  return raw.map((e) => ({ key: bytes(e.key), values: (e.values ?? []).map((v) => bytes(v.value)) }));
}
