// sluice identity list|get: security identities and their labels (from the agent).

import type { Command } from 'commander';
import { EnvironmentError, UserError } from '../../agent/sys/errors.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import type { Instance } from '../cli/context.js';
import { fetchNames, labelText } from '../cli/inspect.js';
import { formatTable } from '../output.js';

export function registerIdentityCommands(program: Command, { socket }: Instance): void {
  const identity = defineGroup(program, 'identity', 'security identities and their labels');
  const listIdentities = async (only?: string) => {
    const names = await fetchNames(socket());
    if (!names) throw new EnvironmentError('identity labels live in the agent, which is unreachable');
    let ids = [...names.identities.values()];
    if (only !== undefined) {
      ids = ids.filter((i) => String(i.id) === only);
      if (ids.length === 0) throw new UserError(`no identity ${only} (sluice identity list shows them all)`);
    }
    const rows = ids.map((i) => ({
      id: i.id ?? 0,
      kind: i.kind ?? '',
      namespace: i.namespace ?? '',
      labels: { ...(i.pod_labels ?? {}) },
      namespaceLabels: { ...(i.namespace_labels ?? {}) },
      pods: i.pods ?? [],
    }));
    return {
      data: only ? rows[0] : rows,
      render: () =>
        formatTable(
          ['id', 'kind', 'namespace', 'labels', 'pods'],
          rows.map((r) => [r.id, r.kind, r.namespace, labelText(r.labels) || '<none>', r.pods.length]),
        ),
    };
  };
  defineCommand(identity, {
    name: 'list',
    output: { formats: TABLE_JSON_YAML },
    run: () => listIdentities(),
  });
  defineCommand(identity, {
    name: 'get',
    args: ['<id>'],
    output: { formats: TABLE_JSON_YAML },
    run: ({ args: [id] }) => listIdentities(id),
  });
}
