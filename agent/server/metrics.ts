// Prometheus metrics on 127.0.0.1:9962 (/metrics), and /healthz, /readyz. Datapath counters are
// read from the per-CPU metrics and Service stats maps at scrape time (summed over CPUs), so they never
// lag.

import { createServer, type Server } from 'node:http';
import { Counter, Gauge } from 'prom-client';
import { MAPS, mapCapacity } from '../datapath/maps.js';
import { readMetrics } from '../datapath/metrics-map.js';
import { REASONS } from '../datapath/reasons.js';
import type { Agent } from '../node/agent.js';
import { servicePortLabel } from '../services/compile.js';
import { readLbStats } from '../services/stats.js';

/**
 * One map read shared by the counters filled from it: prom-client collects metrics concurrently,
 * so each counter awaits the read itself (setting one counter from another's collect raced the
 * scrape: its samples were missing or a scrape behind).
 */
function sharedRead<T>(read: () => Promise<T | undefined>): () => Promise<T | undefined> {
  let inflight: Promise<T | undefined> | undefined;
  return () => {
    inflight ??= read().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
}

type Totals = Map<string, { labels: Record<string, string>; packets: number; bytes: number }>;

/** The synced maps whose fill level sluice_map_pressure reports. */
const MAP_PRESSURE_MAPS = [
  'endpoints',
  'endpoints6',
  'ipcache',
  'ipcache6',
  'policy',
  'cidr',
  'cidr6',
  'lbFrontends',
  'lbBackends',
  'lbFrontends6',
  'lbBackends6',
] as const;

export function registerDatapathMetrics(agent: Agent): void {
  const registry = agent.metrics.registry;
  // Unreadable map: keep the last values (a reset to zero would look like a counter reset).
  const datapathTotals = sharedRead(async (): Promise<Totals | undefined> => {
    const read = await readMetrics(agent.cfg.pinRoot).catch((err: Error) => {
      agent.log.warn({ err: err.message }, 'cannot read sluice_metrics for /metrics');
      return undefined;
    });
    if (!read) return undefined;
    const totals: Totals = new Map();
    for (const m of read) {
      const labels = {
        verdict: m.reason === 0 ? 'forwarded' : 'dropped',
        reason: REASONS[m.reason]?.name.toLowerCase() ?? String(m.reason),
        direction: m.direction === 1 ? 'ingress' : 'egress',
      };
      const id = JSON.stringify(labels);
      const t = totals.get(id) ?? { labels, packets: 0, bytes: 0 };
      t.packets += m.packets;
      t.bytes += m.bytes;
      totals.set(id, t);
    }
    return totals;
  });
  const fromTotals = (field: 'packets' | 'bytes') =>
    async function collect(this: Counter<string>) {
      const totals = await datapathTotals();
      if (!totals) return;
      this.reset();
      for (const t of totals.values()) this.inc(t.labels, t[field]);
    };
  new Counter({
    name: 'sluice_datapath_packets_total',
    help: 'Packets seen by the datapath, by verdict, reason and direction (from sluice_metrics)',
    labelNames: ['verdict', 'reason', 'direction'],
    registers: [registry],
    collect: fromTotals('packets'),
  });
  new Counter({
    name: 'sluice_datapath_bytes_total',
    help: 'Bytes seen by the datapath, by verdict, reason and direction',
    labelNames: ['verdict', 'reason', 'direction'],
    registers: [registry],
    collect: fromTotals('bytes'),
  });
  new Gauge({
    name: 'sluice_map_pressure',
    help: 'Fill level of each synced map (entries / max entries)',
    labelNames: ['map'],
    registers: [registry],
    collect() {
      for (const id of MAP_PRESSURE_MAPS) {
        this.set({ map: MAPS[id].name }, agent.syncer.appliedSize(id) / mapCapacity(MAPS[id], agent.cfg));
      }
    },
  });
  const lbStats = sharedRead(async () => {
    const read = await readLbStats(agent.cfg.pinRoot).catch((err: Error) => {
      agent.log.warn({ err: err.message }, 'cannot read sluice_lb_stats for /metrics');
      return undefined;
    });
    if (!read) return undefined;
    const plan = agent.reconciler?.last?.plan;
    const names = new Map<number, { service: string; frontend: string }>();
    for (const f of plan?.frontends ?? [])
      names.set(plan?.frontendIds.get(f.key) ?? 0, {
        service: servicePortLabel(f),
        frontend: f.key,
      });
    return read.map((s) => ({
      ...s,
      labels: names.get(s.frontendId) ?? { service: '', frontend: `id ${s.frontendId}` },
    }));
  });
  const fromLbStats = (field: 'translations' | 'noBackend') =>
    async function collect(this: Counter<string>) {
      const rows = await lbStats();
      if (!rows) return;
      this.reset();
      for (const r of rows) if (r[field]) this.inc(r.labels, r[field]);
    };
  new Counter({
    name: 'sluice_service_translations_total',
    help: 'New connections to a Service frontend given a backend (from sluice_lb_stats)',
    labelNames: ['service', 'frontend'],
    registers: [registry],
    collect: fromLbStats('translations'),
  });
  new Counter({
    name: 'sluice_service_no_backend_total',
    help: 'New connections to a Service frontend dropped or rejected because it had no backend',
    labelNames: ['service', 'frontend'],
    registers: [registry],
    collect: fromLbStats('noBackend'),
  });
}

export function startMetricsServer(agent: Agent, host: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics') {
      agent.metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': agent.metrics.registry.contentType });
          res.end(text);
        },
        (err: Error) => {
          res.writeHead(500);
          res.end(err.message);
        },
      );
    } else if (path === '/healthz') {
      res.writeHead(200);
      res.end('ok\n');
    } else if (path === '/readyz') {
      const s = agent.status();
      res.writeHead(s.ready ? 200 : 503);
      res.end(`${s.message}\n`);
    } else {
      res.writeHead(404);
      res.end('not found: /metrics, /healthz, /readyz\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
