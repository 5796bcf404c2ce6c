// The import rule of docs/architecture.md: no folder imports one above it. LAYERS is the
// diagram's list, top first; a file belongs to the longest listed folder that holds it (`agent`
// itself holds only the files directly in it). Imports within a folder are free; test/ is outside
// the rule.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';

const LAYERS = [
  'tools', // the sluice CLI, the lab, benchmarks
  'cni', // sluice-cni: C, no TypeScript
  'agent', // main.ts, config-load.ts: the process
  'agent/server', // the API and metrics servers
  'agent/cni', // what the agent runs for sluice-cni: the CNI spec, the commands, the conversation
  'agent/node', // the agent: lifecycle, CNI operations, queries
  'agent/sources', // manifests, Kubernetes
  'agent/reconciler', // store -> maps
  'agent/metrics',
  'agent/observe', // flows
  'agent/services', // Services -> frontends and backends
  'agent/datapath', // maps, loader, routing
  'agent/policy', // NetworkPolicy compiler
  'agent/identity',
  'agent/endpoints',
  'agent/ipam',
  'agent/state', // the store
  'agent/config',
  'agent/model', // Kubernetes objects and their validation
  'agent/api', // the protocol: client, framing, error codes
  'agent/api/gen', // generated from sluice.proto
  'agent/abi', // constants shared with bpf/lib
  'agent/net', // IPv4 addresses and prefixes, protocol numbers
  'agent/sys', // errors, exec, log
] as const;

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g;

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The listed folder a file or directory belongs to, or undefined. */
function layerOf(file: string): string | undefined {
  const dir = path.posix.dirname(file);
  let best: string | undefined;
  for (const l of LAYERS) {
    const holds = l === 'agent' ? dir === 'agent' : dir === l || dir.startsWith(`${l}/`);
    if (holds && (!best || l.length > best.length)) best = l;
  }
  return best;
}

/** Every relative import of a file, resolved to a repository path. */
function importsOf(file: string): { spec: string; target: string }[] {
  const src = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return [...src.matchAll(IMPORT)].map((m) => ({
    spec: m[1]!,
    target: path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)),
  }));
}

const RANK = new Map<string, number>(LAYERS.map((l, i) => [l, i]));

/** Why file may not import target, or undefined when it may. */
function violation(file: string, spec: string, target: string): string | undefined {
  const from = layerOf(file);
  const to = layerOf(target);
  if (from === undefined || to === undefined) return `${file}: '${spec}' is outside the layers`;
  if (to !== from && RANK.get(to)! < RANK.get(from)!)
    return `${file} (${from}) imports '${spec}' (${to}, above it)`;
  return undefined;
}

const FILES = ['agent', 'tools', 'cni'].flatMap(tsFiles);

describe('import direction (docs/architecture.md)', () => {
  it('finds the code', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(FILES).toContain('agent/node/agent.ts');
  });

  it('lists the folder of every file', () => {
    const unlisted = FILES.filter((f) => layerOf(f) === undefined);
    expect(unlisted).toEqual([]);
  });

  it('no folder imports one above it', () => {
    const violations = FILES.flatMap((file) =>
      importsOf(file).flatMap(({ spec, target }) => violation(file, spec, target) ?? []),
    );
    expect(violations).toEqual([]);
  });

  it('names the file and the import that break the rule', () => {
    expect(violation('agent/state/store.ts', '../policy/types.js', 'agent/policy/types.js')).toBe(
      "agent/state/store.ts (agent/state) imports '../policy/types.js' (agent/policy, above it)",
    );
    expect(violation('agent/node/agent.ts', '../cni/plugin.js', 'agent/cni/plugin.js')).toMatch(/above it/);
    expect(violation('agent/cni/spec/env.ts', '../../node/agent.js', 'agent/node/agent.js')).toBeUndefined();
    expect(violation('agent/cni/spec/env.ts', './errors.js', 'agent/cni/spec/errors.js')).toBeUndefined();
    expect(violation('agent/main.ts', '../x.js', 'x.js')).toMatch(/outside the layers/);
  });

  it('cni/ holds no TypeScript: what runs in the agent for the plugin is agent/cni/', () => {
    expect(FILES.filter((f) => f.startsWith('cni/'))).toEqual([]);
  });
});
