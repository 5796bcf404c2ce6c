// sluice-agent: loads the datapath, reconciles the pinned maps with the cluster, serves the API.
// Shutting down leaves programs attached and maps pinned: traffic keeps flowing while it is away.

import { parseArgs } from 'node:util';
import { loadConfig } from './config-load.js';
import { Loader } from './datapath/loader.js';
import { MapSyncer } from './datapath/map-sync.js';
import { SluiceError } from './errors.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      'pin-root': { type: 'string' },
      'state-dir': { type: 'string' },
      'attach-mode': { type: 'string' },
      'host-netns': { type: 'string' },
    },
  });
  const cfg = loadConfig({
    file: values.config,
    env: process.env,
    flags: {
      pinRoot: values['pin-root'],
      stateDir: values['state-dir'],
      attachMode: values['attach-mode'],
      hostNetns: values['host-netns'],
    },
  });
  const log = createLogger();
  const loader = new Loader(cfg);
  const { createdMaps } = await loader.load();
  log
    .child({ subsystem: 'datapath' })
    .info({ pinRoot: cfg.pinRoot, attachMode: loader.mode, createdMaps }, 'datapath loaded');
  const syncer = new MapSyncer(cfg);
  await syncer.refresh();
  log.info('agent ready');

  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  log.info('shutting down: programs stay attached, maps stay pinned');
}

main().catch((err: unknown) => {
  const code = err instanceof SluiceError ? err.exitCode : 5;
  process.stderr.write(`sluice-agent: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(code);
});
