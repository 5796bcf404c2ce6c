// The agent's Prometheus metrics (prom-client), one registry per agent instance so tests and
// simulated nodes do not share counters.

import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export class AgentMetrics {
  readonly registry = new Registry();

  readonly policySyncDuration = new Histogram({
    name: 'sluice_policy_sync_duration_seconds',
    help: 'Time from a cluster change to the maps holding it (identities, compile, map sync)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly mapSyncErrors = new Counter({
    name: 'sluice_map_sync_errors_total',
    help: 'Map syncs that failed, by map and reason (full, bpftool)',
    labelNames: ['map', 'reason'],
    registers: [this.registry],
  });

  readonly mapRepairs = new Counter({
    name: 'sluice_map_repairs_total',
    help: 'Entries the periodic full resync rewrote or removed because a map differed from what the agent had written',
    labelNames: ['map'],
    registers: [this.registry],
  });

  readonly garbageDeleted = new Counter({
    name: 'sluice_gc_deleted_total',
    help: 'Datapath entries the agent deleted: expired (conntrack sweeper) or of an endpoint that is gone',
    labelNames: ['map', 'reason'],
    registers: [this.registry],
  });

  readonly reconcileRetries = new Counter({
    name: 'sluice_reconcile_retries_total',
    help: 'Reconciles run again (with backoff) after one failed',
    registers: [this.registry],
  });

  readonly mapEntries = new Gauge({
    name: 'sluice_map_entries',
    help: 'Entries the agent keeps in each synced map',
    labelNames: ['map'],
    registers: [this.registry],
  });

  readonly policyRejected = new Counter({
    name: 'sluice_policy_rejected_total',
    help: 'NetworkPolicy versions refused as invalid (the previous version stays enforced)',
    registers: [this.registry],
  });

  readonly endpoints = new Gauge({
    name: 'sluice_endpoints',
    help: 'Local endpoints in the datapath',
    registers: [this.registry],
  });

  readonly identities = new Gauge({
    name: 'sluice_identities',
    help: 'Label identities allocated on this node',
    registers: [this.registry],
  });

  readonly kubernetesEvents = new Counter({
    name: 'sluice_kubernetes_events_total',
    help: 'Watch events from the API server, by resource and type',
    labelNames: ['resource', 'type'],
    registers: [this.registry],
  });

  readonly kubernetesApiCalls = new Counter({
    name: 'sluice_kubernetes_api_calls_total',
    help: 'Calls to the API server (lists, reads, event creation)',
    labelNames: ['call'],
    registers: [this.registry],
  });

  readonly kubernetesWatchRestarts = new Counter({
    name: 'sluice_kubernetes_watch_restarts_total',
    help: 'Watches restarted, by resource and reason (error, silent)',
    labelNames: ['resource', 'reason'],
    registers: [this.registry],
  });
}
