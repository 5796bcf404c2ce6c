// sluice-agent: loads the datapath, reconciles the pinned maps with the cluster, serves the API.
// Sources: Kubernetes (--kubernetes, or in a pod) or local manifests (--manifests). Until the
// source has the cluster's state the maps keep their last contents and the agent is not ready.
// Shutting down leaves programs attached and maps pinned: traffic keeps flowing while it is away.

import { parseArgs } from 'node:util';
import { writeConflist } from './cni/install.js';
import { serviceCidrV6Of } from './config/config.js';
import { loadConfig } from './config-load.js';
import { AgentMetrics } from './metrics/registry.js';
import { Agent } from './node/agent.js';
import { startApiServer } from './server/api.js';
import { registerDatapathMetrics, startMetricsServer } from './server/metrics.js';
import { KubernetesSource, loadKubeConfig } from './sources/kubernetes.js';
import { applyManifests, emptyManifests, loadManifests } from './sources/manifests.js';
import { Store } from './state/store.js';
import { SluiceError, UserError } from './sys/errors.js';
import { createLogger } from './sys/log.js';

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
      /** This node's name (Kubernetes: K8S_NODE_NAME; local mode: its entry in the config's nodes). */
      'node-name': { type: 'string' },
      /** Local mode: Namespace, Pod and NetworkPolicy manifests instead of an API server; re-read on SIGHUP. */
      manifests: { type: 'string', multiple: true },
      /** Kubernetes mode (the default inside a pod): informers on the API server. */
      kubernetes: { type: 'boolean' },
      kubeconfig: { type: 'string' },
      /** Write the CNI conflist here once ready (the DaemonSet's /etc/cni/net.d). */
      'cni-conf-dir': { type: 'string' },
    },
  });
  const { config: cfg, explicit } = loadConfig({
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
      nodeName: values['node-name'],
    },
  });
  const log = createLogger();
  const manifests = values.manifests ?? [];
  const kubernetes = Boolean(
    values.kubernetes ||
      values.kubeconfig ||
      (process.env['KUBERNETES_SERVICE_HOST'] && manifests.length === 0),
  );
  if (kubernetes && manifests.length > 0)
    throw new UserError('--manifests and --kubernetes exclude each other: pick one source');
  let source: KubernetesSource | undefined;
  if (kubernetes) {
    // K8S_NODE_NAME (or --node-name) reaches cfg.nodeName through loadConfig.
    const nodeName = cfg.nodeName;
    if (!nodeName)
      throw new UserError(
        'K8S_NODE_NAME is not set: the agent needs its node name (the DaemonSet sets it from spec.nodeName; or give --node-name)',
      );
    const kc = loadKubeConfig(values.kubeconfig);
    const store = new Store();
    const metrics = new AgentMetrics();
    source = new KubernetesSource(kc, store, log.child({ subsystem: 'kubernetes' }), metrics);
    // The pools are the node's spec.podCIDRs (IPv4, and IPv6 on a dual-stack node) unless a flag,
    // the environment or the config file names them.
    const wantV4 = !explicit.has('podCidr');
    const wantV6 = !explicit.has('podCidrV6');
    for (let attempt = 0; wantV4 || wantV6; attempt++) {
      const cidrs = await source.nodePodCidrs(nodeName).then(
        (c) => {
          if (wantV4 && !c.podCidr)
            log.warn(
              { node: nodeName, attempt },
              `node ${nodeName} has no spec.podCIDR: set podCidr in the agent config (or SLUICE_POD_CIDR), or let the controller manager allocate node CIDRs (--allocate-node-cidrs); retrying`,
            );
          return c;
        },
        (err: Error) => {
          log.warn(
            { node: nodeName, err: err.message, attempt },
            'cannot read this node from the API server: retrying',
          );
          return undefined;
        },
      );
      if (cidrs && (!wantV4 || cidrs.podCidr)) {
        if (wantV4) cfg.podCidr = cidrs.podCidr!;
        if (wantV6 && cidrs.podCidrV6) cfg.podCidrV6 = cidrs.podCidrV6;
        if (!wantV6 && cidrs.podCidrV6 !== cfg.podCidrV6)
          log.warn(
            { node: nodeName, podCidrV6: cfg.podCidrV6, spec: cidrs.podCidrV6 ?? null },
            `podCidrV6 ${cfg.podCidrV6} (agent config or SLUICE_POD_CIDR_V6) is not node ${nodeName}'s IPv6 spec.podCIDRs entry (${cidrs.podCidrV6 ?? 'none'}), which other nodes route here: set it to that or remove it`,
          );
        break;
      }
      await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6))));
    }
    // The agent is built once the pod CIDR (its IPAM pool) is known.
    if (cfg.nodes.length > 0)
      log.warn('the config lists nodes: ignored in Kubernetes mode (the Node objects are read instead)');
    const agent = new Agent(cfg, log, store, metrics);
    // The API server's endpoint-slice controller writes the EndpointSlices: none are derived here.
    agent.deriveEndpointSlices = false;
    return run(agent, source, manifests, values['cni-conf-dir'], log);
  }
  return run(new Agent(cfg, log), undefined, manifests, values['cni-conf-dir'], log);
}

async function run(
  agent: Agent,
  source: KubernetesSource | undefined,
  manifests: string[],
  cniConfDir: string | undefined,
  log: ReturnType<typeof createLogger>,
): Promise<void> {
  const cfg = agent.cfg;
  agent.manifestPaths = manifests;
  await agent.startDatapath();
  const server = await startApiServer(agent, cfg.socketPath, log.child({ subsystem: 'api' }));
  log.info({ socket: cfg.socketPath }, 'API listening (not ready until the cluster state is in)');
  registerDatapathMetrics(agent);
  // Port 0 disables the metrics endpoint (isolated instances: tests, labs).
  const metrics = cfg.metricsPort
    ? await startMetricsServer(agent, cfg.metricsHost, cfg.metricsPort)
    : undefined;
  if (metrics) log.info({ address: `${cfg.metricsHost}:${cfg.metricsPort}` }, 'metrics listening');

  if (source) {
    // Retries with backoff until every informer has listed once.
    await source.start({
      nodeName: cfg.nodeName,
      onLocalPodGone: (ns, name) => {
        agent.cni
          .releasePod(ns, name)
          .catch((err: Error) => log.warn({ pod: `${ns}/${name}`, err: err.message }, 'release failed'));
      },
    });
  } else if (manifests.length > 0) {
    // The config's nodes too: a manifest Node of the same name replaces one.
    applyManifests(
      agent.store,
      await loadManifests(manifests, cfg.serviceCidr, serviceCidrV6Of(cfg)),
      cfg.nodes,
    );
  } else {
    applyManifests(agent.store, emptyManifests(), cfg.nodes);
  }
  await agent.startReconciling();
  if (cniConfDir) {
    const file = await writeConflist(cniConfDir, {
      socket: cfg.socketPath,
      logFile: '/var/log/sluice/cni.log',
    });
    log.info({ file }, 'CNI config written: the runtime may use sluice-cni now');
  }
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
  await source?.stop();
  await agent.stop();
  log.info('shutting down: programs stay attached, maps stay pinned');
}

main().catch((err: unknown) => {
  const code = err instanceof SluiceError ? err.exitCode : 5;
  process.stderr.write(`sluice-agent: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(code);
});
