// What every command of an instance needs from the global options: the datapath's config
// (--pin-root, --attach-mode, --host-netns, or --lab/--node) and the agent's socket.

import type { SluiceConfig } from '../../agent/config/config.js';

export interface Instance {
  config: () => SluiceConfig;
  socket: () => string;
}
