// Policies through the agent's chain in a test: stored (refused ones fail the test), then one
// reconcile, so the maps hold them when the call returns.

import { expect } from 'vitest';
import type { NetworkPolicy } from '../../agent/model/types.js';
import type { Reconciler } from '../../agent/reconciler/reconciler.js';
import type { Store } from '../../agent/state/store.js';

export async function applyPolicies(
  store: Store,
  reconciler: Reconciler,
  ...policies: NetworkPolicy[]
): Promise<void> {
  for (const p of policies) expect(store.upsertPolicy(p)).toEqual([]);
  await reconciler.reconcile();
}

export async function clearPolicies(store: Store, reconciler: Reconciler): Promise<void> {
  for (const p of store.snapshot().policies) store.deletePolicy(p.namespace, p.name);
  await reconciler.reconcile();
}
