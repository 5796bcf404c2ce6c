// The node agent: its parts and their lifecycle (lifecycle.ts), the operations the CNI plugin
// asks for (cni-ops.ts) and the queries the API answers (queries.ts). Sources (manifests,
// Kubernetes) feed its store; the API server (agent/server/api.ts) calls the operations.

import { CniOps } from './cni-ops.js';
import { Lifecycle } from './lifecycle.js';
import { Queries } from './queries.js';

export class Agent extends Lifecycle {
  /** What sluice-cni asks of the agent (agent/cni/plugin.ts). */
  readonly cni = new CniOps(this);
  /** Describe and explain, from the live state. */
  readonly queries = new Queries(this);
}
