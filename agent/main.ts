// sluice-agent: loads the datapath, reconciles the pinned maps with the cluster, serves the API.
// Shutting down leaves programs attached and maps pinned: traffic keeps flowing while it is away.

import { parseArgs } from 'node:util';
import { Agent } from './agent.js';
import { startApiServer } from './api/server.js';
import { loadConfig } from './config-load.js';
import { SluiceError } from './errors.js';
import { createLogger } from './log.js';
import { registerDatapathMetrics, startMetricsServer } from './metrics/server.js';
import { applyManifests, loadManifests } from './sources/manifests.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      'pin-root': { type: 'string' },
      'state-dir': { type: 'string' },
      socket: { type: 'string' },
      'attach-mode': { type: 'string' },
      'host-netns': { type: 'string' },
      'pod-cidr': { type: 'string' },
      'node-ip': { type: 'string', multiple: true },
      'pod-wait-ms': { type: 'string' },
      'metrics-port': { type: 'string' },
      /** Local mode: Namespace, Pod and NetworkPolicy manifests instead of an API server; re-read on SIGHUP. */
      manifests: { type: 'string', multiple: true },
    },
  });
  const cfg = loadConfig({
    file: values.config,
    env: process.env,
    flags: {
      pinRoot: values['pin-root'],
      stateDir: values['state-dir'],
      socketPath: values.socket,
      attachMode: values['attach-mode'],
      hostNetns: values['host-netns'],
      podCidr: values['pod-cidr'],
      nodeIps: values['node-ip'],
      podWaitMs: values['pod-wait-ms'],
      metricsPort: values['metrics-port'],
    },
  });
  const log = createLogger();
  const agent = new Agent(cfg, log);
  const manifests = values.manifests ?? [];
  agent.manifestPaths = manifests;
  if (manifests.length > 0) applyManifests(agent.store, await loadManifests(manifests));
  await agent.start();
  const server = await startApiServer(agent, cfg.socketPath, log.child({ subsystem: 'api' }));
  log.info({ socket: cfg.socketPath }, 'API listening');
  registerDatapathMetrics(agent);
  // Port 0 disables the metrics endpoint (isolated instances: tests, labs).
  const metrics = cfg.metricsPort
    ? await startMetricsServer(agent, cfg.metricsHost, cfg.metricsPort)
    : undefined;
  if (metrics) log.info({ address: `${cfg.metricsHost}:${cfg.metricsPort}` }, 'metrics listening');
  if (manifests.length > 0) {
    process.on('SIGHUP', () => {
      agent.reloadManifests().then(
        () => log.info('manifests reloaded'),
        (err: Error) => log.error({ err: err.message }, 'manifests not reloaded: the running state stays'),
      );
    });
  }
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  server.close();
  metrics?.close();
  await agent.stop();
  log.info('shutting down: programs stay attached, maps stay pinned');
}

main().catch((err: unknown) => {
  const code = err instanceof SluiceError ? err.exitCode : 5;
  process.stderr.write(`sluice-agent: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(code);
});
