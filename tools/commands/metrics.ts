// sluice metrics list: the datapath's counters, forwarded and dropped by reason, per endpoint.

import type { Command } from 'commander';
import { readMetrics } from '../../agent/datapath/metrics-map.js';
import { REASONS } from '../../agent/datapath/reasons.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import type { Instance } from '../cli/context.js';
import { fetchNames, pin } from '../cli/inspect.js';
import { formatTable } from '../output.js';

export function registerMetricsCommands(program: Command, { config, socket }: Instance): void {
  defineCommand(defineGroup(program, 'metrics', 'datapath counters'), {
    name: 'list',
    output: { formats: TABLE_JSON_YAML },
    run: async () => {
      const cfg = config();
      const names = await fetchNames(socket());
      pin(cfg, 'metrics');
      const rows = (await readMetrics(cfg.pinRoot))
        .map((m) => ({
          endpoint: m.endpointId,
          pod: names?.endpoints.get(m.endpointId)?.pod ?? (m.endpointId ? '<unavailable>' : '<none>'),
          direction: m.direction === 1 ? 'ingress' : 'egress',
          verdict: m.reason === 0 ? 'FORWARDED' : 'DROPPED',
          reason: REASONS[m.reason]?.text ?? `reason ${m.reason}`,
          packets: m.packets,
          bytes: m.bytes,
        }))
        .sort(
          (a, b) =>
            a.endpoint - b.endpoint ||
            a.direction.localeCompare(b.direction) ||
            a.reason.localeCompare(b.reason),
        );
      return {
        data: rows,
        render: () =>
          formatTable(
            ['endpoint', 'pod', 'direction', 'verdict', 'reason', 'packets', 'bytes'],
            rows.map((r) => [r.endpoint, r.pod, r.direction, r.verdict, r.reason, r.packets, r.bytes]),
          ),
      };
    },
  });
}
