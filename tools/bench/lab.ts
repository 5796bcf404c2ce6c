// `sluice bench lab`: how long a 27-pod lab takes to come up, and a 27 x 26 x 2-port TCP matrix,
// all through the same code the CLI runs.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Lab } from '../lab/lab.js';

export interface LabBenchResult {
  pods: number;
  up_s: number;
  matrix_probes: number;
  matrix_s: number;
  matrix_connected: number;
  down_s: number;
}

/** Three namespaces of nine pods, each serving TCP 80 and 81. */
export function labBenchManifests(): string {
  const docs: string[] = [];
  for (const ns of ['x', 'y', 'z']) docs.push(`apiVersion: v1\nkind: Namespace\nmetadata: { name: ${ns} }\n`);
  for (const ns of ['x', 'y', 'z']) {
    for (let i = 0; i < 9; i++) {
      docs.push(
        `apiVersion: v1\nkind: Pod\nmetadata: { name: p${i}, namespace: ${ns}, labels: { pod: p${i} } }\nspec:\n  containers:\n    - name: c\n      ports: [{ containerPort: 80 }, { containerPort: 81 }]\n`,
      );
    }
  }
  return docs.join('---\n');
}

export async function runLabBench(): Promise<LabBenchResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sluice-bench-lab-'));
  const name = `bench${process.pid}`;
  const file = path.join(dir, 'cluster.yaml');
  await writeFile(file, labBenchManifests());
  let lab: Lab | undefined;
  try {
    let t = performance.now();
    lab = await Lab.up(name, [file]);
    const up = (performance.now() - t) / 1000;
    t = performance.now();
    const verdicts = await lab.matrix([80, 81], ['TCP'], 1000);
    const matrix = (performance.now() - t) / 1000;
    t = performance.now();
    await lab.down();
    lab = undefined;
    const down = (performance.now() - t) / 1000;
    const r = (n: number) => Math.round(n * 100) / 100;
    return {
      pods: 27,
      up_s: r(up),
      matrix_probes: verdicts.length,
      matrix_s: r(matrix),
      matrix_connected: verdicts.filter((v) => v.connected).length,
      down_s: r(down),
    };
  } finally {
    await lab?.down().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
