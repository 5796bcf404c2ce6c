// Node-local numeric identities for label sets, stable across agent restarts (persisted in
// <stateDir>/identities.json). Released numbers are not handed out again until the space wraps,
// so a stale reference never silently names another set of labels.

import path from 'node:path';
import { ID_FIRST_LABELS, ID_NAMESPACE_BIT } from '../policy/types.js';
import { readJsonIfExists, writeFileAtomic } from '../state/atomic-file.js';

/** The number ranges of the two kinds of identity. */
export const IDENTITY_SPACES = {
  labels: { first: ID_FIRST_LABELS, last: 0x00ffffff, file: 'identities.json' },
  namespaces: {
    first: ID_NAMESPACE_BIT + 1,
    last: ID_NAMESPACE_BIT + 0x00ffffff,
    file: 'namespace-identities.json',
  },
} as const;
export type IdentitySpace = keyof typeof IDENTITY_SPACES;

export interface IdentityTable {
  byKey: Map<string, number>;
  next: number;
}

/** Pure: keeps the ids of keys still in use, gives new keys fresh ids, drops the rest. */
export function assignIdentities(
  prev: IdentityTable,
  keys: Iterable<string>,
  space: { first: number; last: number } = IDENTITY_SPACES.labels,
): IdentityTable {
  const byKey = new Map<string, number>();
  const wanted = [...new Set(keys)].sort();
  const used = new Set<number>();
  for (const k of wanted) {
    const id = prev.byKey.get(k);
    if (id !== undefined) {
      byKey.set(k, id);
      used.add(id);
    }
  }
  let next = prev.next;
  for (const k of wanted) {
    if (byKey.has(k)) continue;
    for (let tries = 0; used.has(next) || next > space.last || next < space.first; tries++) {
      next = next >= space.last || next < space.first ? space.first : next + 1;
      if (tries > space.last - space.first + 1) throw new Error('identity space exhausted');
    }
    byKey.set(k, next);
    used.add(next);
    next += 1;
  }
  return { byKey, next };
}

interface StateFile {
  version: 1;
  next: number;
  identities: Record<string, number>;
}

export class IdentityAllocator {
  private table: IdentityTable;
  private readonly file: string;
  private readonly space: (typeof IDENTITY_SPACES)[IdentitySpace];

  constructor(stateDir: string, kind: IdentitySpace = 'labels') {
    this.space = IDENTITY_SPACES[kind];
    this.file = path.join(stateDir, this.space.file);
    this.table = { byKey: new Map(), next: this.space.first };
  }

  async load(): Promise<void> {
    const state = await readJsonIfExists<StateFile>(this.file);
    if (state?.version === 1)
      this.table = { byKey: new Map(Object.entries(state.identities)), next: state.next };
  }

  /** Identities for exactly these keys; persists when anything changed. */
  async assign(keys: Iterable<string>): Promise<ReadonlyMap<string, number>> {
    const next = assignIdentities(this.table, keys, this.space);
    const changed =
      next.byKey.size !== this.table.byKey.size ||
      [...next.byKey].some(([k, id]) => this.table.byKey.get(k) !== id);
    if (!changed) return this.table.byKey;
    this.table = next;
    {
      const state: StateFile = { version: 1, next: next.next, identities: Object.fromEntries(next.byKey) };
      await writeFileAtomic(this.file, `${JSON.stringify(state)}\n`);
    }
    return next.byKey;
  }

  current(): ReadonlyMap<string, number> {
    return this.table.byKey;
  }
}
