// sluice endpoint list|get: pods on this node as the datapath holds them (endpoint map), with
// names from the agent.

import type { Command } from 'commander';
import { ENDPOINT_FLAGS } from '../../agent/abi/constants.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import type { Instance } from '../cli/context.js';
import { endpointsInMaps, fetchNames, identityText, resolveEndpoint } from '../cli/inspect.js';
import { formatTable } from '../output.js';

const { EP_F_INGRESS_ENFORCED, EP_F_EGRESS_ENFORCED } = ENDPOINT_FLAGS;

export function registerEndpointCommands(program: Command, { config, socket }: Instance): void {
  const endpoint = defineGroup(program, 'endpoint', 'endpoints: pods on this node in the datapath');
  const listEndpoints = async (only?: string) => {
    const cfg = config();
    const names = await fetchNames(socket());
    const eps = only ? [await resolveEndpoint(cfg, names, only)] : await endpointsInMaps(cfg);
    const rows = eps
      .sort((a, b) => a.endpoint_id - b.endpoint_id)
      .map((e) => ({
        id: e.endpoint_id,
        pod: names?.endpoints.get(e.endpoint_id)?.pod ?? '<unavailable>',
        ip: e.ip,
        ipv6: e.ipv6,
        identity: e.identity,
        identityLabels: identityText(e.identity, names),
        ingressEnforced: (e.flags & EP_F_INGRESS_ENFORCED) !== 0,
        egressEnforced: (e.flags & EP_F_EGRESS_ENFORCED) !== 0,
        hostInterface: names?.endpoints.get(e.endpoint_id)?.host_ifname ?? '',
        ifindex: e.ifindex,
      }));
    return {
      data: only ? rows[0] : rows,
      render: () =>
        formatTable(
          ['id', 'pod', 'ip', 'identity', 'labels', 'ingress', 'egress', 'ifindex'],
          rows.map((r) => [
            r.id,
            r.pod,
            r.ipv6 ? `${r.ip},${r.ipv6}` : r.ip,
            r.identity,
            r.identityLabels,
            r.ingressEnforced ? 'enforced' : 'open',
            r.egressEnforced ? 'enforced' : 'open',
            r.ifindex,
          ]),
        ),
    };
  };
  defineCommand(endpoint, {
    name: 'list',
    output: { formats: TABLE_JSON_YAML },
    run: () => listEndpoints(),
  });
  defineCommand(endpoint, {
    name: 'get',
    args: ['<endpoint>'],
    description: 'one endpoint, by pod (namespace/name), id or IP',
    output: { formats: TABLE_JSON_YAML },
    run: ({ args: [ref] }) => listEndpoints(ref),
  });
}
