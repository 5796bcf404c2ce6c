// Numeric identities for label sets, the same on every node: a tunnel carries the source pod's
// identity to other nodes, which enforce policy on it without asking anyone. Each node derives
// them alone, from the label sets it sees (every node sees the same ones): a label set's number is
// a hash of its canonical key, and label sets whose hashes collide take the next free numbers in
// the order of their keys. So an identity is a pure function of the cluster's label sets: stable
// across agent restarts, equal across nodes, and changed only when a colliding label set comes or
// goes (decision 20 in docs/decisions.md).

import { SLUICE_IDENTITY } from '../abi/constants.js';
import { fnv1a } from '../sys/hash.js';

const { SLUICE_ID_FIRST_LABELS: ID_FIRST_LABELS, SLUICE_ID_NAMESPACE_BIT: ID_NAMESPACE_BIT } =
  SLUICE_IDENTITY;

/** The number ranges of the two kinds of identity. Label identities fit a VXLAN VNI (24 bits,
 * whose top bit the datapath keeps for itself). */
export const IDENTITY_SPACES = {
  labels: { first: ID_FIRST_LABELS, last: SLUICE_IDENTITY.SLUICE_ID_LAST_LABELS },
  namespaces: { first: ID_NAMESPACE_BIT + 1, last: ID_NAMESPACE_BIT + 0x00ffffff },
} as const;
export type IdentitySpace = keyof typeof IDENTITY_SPACES;

/** Where a key's identity is when nothing collides with it. */
export function homeOf(key: string, space: { first: number; last: number }): number {
  return space.first + (fnv1a(key) % (space.last - space.first + 1));
}

/** Pure: the identity of every key. Keys are placed in sorted order, each at its home or the
 * next free number after it (wrapping in the space). */
export function assignIdentities(
  keys: Iterable<string>,
  space: { first: number; last: number } = IDENTITY_SPACES.labels,
): Map<string, number> {
  const wanted = [...new Set(keys)].sort();
  const size = space.last - space.first + 1;
  if (wanted.length > size) throw new Error('identity space exhausted');
  const used = new Set<number>();
  const byKey = new Map<string, number>();
  for (const k of wanted) {
    let id = homeOf(k, space);
    while (used.has(id)) id = id === space.last ? space.first : id + 1;
    used.add(id);
    byKey.set(k, id);
  }
  return byKey;
}

/** The identities of the label sets (or namespaces) in use, recomputed when they change. */
export class IdentityAllocator {
  private byKey: ReadonlyMap<string, number> = new Map();
  private readonly space: { first: number; last: number };

  constructor(kind: IdentitySpace = 'labels') {
    this.space = IDENTITY_SPACES[kind];
  }

  /** Identities for exactly these keys; the same map object when nothing changed. */
  assign(keys: Iterable<string>): ReadonlyMap<string, number> {
    const next = assignIdentities(keys, this.space);
    const changed = next.size !== this.byKey.size || [...next].some(([k, id]) => this.byKey.get(k) !== id);
    if (changed) this.byKey = next;
    return this.byKey;
  }

  current(): ReadonlyMap<string, number> {
    return this.byKey;
  }
}
