// sluice policy …: NetworkPolicy as the datapath enforces it (get: an endpoint's entries in the
// maps; explain: the agent's verdict for a pair of pods) and as the compiler alone computes it
// (simulate: the matrix from manifests, no kernel).

import type { Command } from 'commander';
import { ENDPOINT_FLAGS } from '../../agent/abi/constants.js';
import { AgentError, callAgent } from '../../agent/api/client.js';
import type { sluice } from '../../agent/api/gen/sluice.js';
import { defaultConfig } from '../../agent/config/config.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import {
  cidr6KeyCodec,
  cidrKeyCodec,
  cidrValueCodec,
  policyKeyCodec,
  policyValueCodec,
} from '../../agent/datapath/codecs.js';
import { formatGrid, matrixCases, simulateMatrix } from '../../agent/policy/matrix.js';
import { loadManifests } from '../../agent/sources/manifests.js';
import { EXIT_NEGATIVE, UserError } from '../../agent/sys/errors.js';
import { FILENAME_OPTION, matrixJson, ports, protocols } from '../cli/args.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import type { Instance } from '../cli/context.js';
import { isBadRequest } from '../cli/errors.js';
import { dumpIfPinned, fetchNames, identityText, pin, portText, resolveEndpoint } from '../cli/inspect.js';
import { formatTable } from '../output.js';

const { EP_F_INGRESS_ENFORCED, EP_F_EGRESS_ENFORCED } = ENDPOINT_FLAGS;

export function registerPolicyCommands(program: Command, { config, socket }: Instance): void {
  const policy = defineGroup(program, 'policy', 'NetworkPolicy tools');

  defineCommand(policy, {
    name: 'get',
    args: ['<endpoint>'],
    description: "an endpoint's policy entries (pod namespace/name, endpoint id or IP)",
    output: { formats: TABLE_JSON_YAML },
    run: async ({ args: [ref] }) => {
      const cfg = config();
      const names = await fetchNames(socket());
      const ep = await resolveEndpoint(cfg, names, ref!);
      const rows = (await dumpMap(pin(cfg, 'policy')))
        .map((e) => ({ k: policyKeyCodec.decode(e.key), v: policyValueCodec.decode(e.value) }))
        .filter(({ k }) => k.endpoint_id === ep.endpoint_id)
        .map(({ k, v }) => {
          const rule = names?.rules.get(v.rule_id);
          return {
            direction: k.direction === 1 ? 'ingress' : 'egress',
            peerIdentity: k.identity,
            peer: identityText(k.identity, names),
            ...portText(k.prefixlen, k.protocol, k.dport),
            packets: v.packets,
            bytes: v.bytes,
            policy: rule
              ? `${rule.policy} ${rule.direction}[${rule.index}]`
              : names
                ? `rule ${v.rule_id}`
                : '<unavailable>',
          };
        })
        .sort(
          (a, b) =>
            a.direction.localeCompare(b.direction) ||
            a.peerIdentity - b.peerIdentity ||
            a.port.localeCompare(b.port),
        );
      const cidrs = [
        ...(await dumpMap(pin(cfg, 'cidr'))).map((e) => ({
          k: cidrKeyCodec.decode(e.key),
          v: cidrValueCodec.decode(e.value),
        })),
        ...(await dumpIfPinned(cfg, 'cidr6')).map((e) => ({
          k: cidr6KeyCodec.decode(e.key),
          v: cidrValueCodec.decode(e.value),
        })),
      ]
        .filter(({ k }) => k.endpoint_id === ep.endpoint_id)
        .map(({ k, v }) => ({
          direction: k.direction === 1 ? 'ingress' : 'egress',
          cidr: `${k.addr}/${k.prefixlen - 64}`,
          set: v.set_identity ? identityText(v.set_identity, names) : 'none (except)',
        }));
      const enforced = {
        ingress: (ep.flags & EP_F_INGRESS_ENFORCED) !== 0,
        egress: (ep.flags & EP_F_EGRESS_ENFORCED) !== 0,
      };
      return {
        data: { endpoint: ep.endpoint_id, enforced, entries: rows, cidrs },
        render: () =>
          `Endpoint ${ep.endpoint_id} (${names?.endpoints.get(ep.endpoint_id)?.pod ?? ep.ip}): ingress ${enforced.ingress ? 'enforced' : 'open'}, egress ${enforced.egress ? 'enforced' : 'open'}\n\n` +
          formatTable(
            ['direction', 'peer', 'protocol', 'port', 'packets', 'bytes', 'policy'],
            rows.map((r) => [r.direction, r.peer, r.protocol, r.port, r.packets, r.bytes, r.policy]),
          ) +
          (cidrs.length
            ? `\n${formatTable(
                ['direction', 'cidr', 'rule set'],
                cidrs.map((c) => [c.direction, c.cidr, c.set]),
              )}`
            : ''),
      };
    },
  });

  defineCommand<{ port: string; protocol: string }, 'text' | 'json' | 'yaml'>(policy, {
    name: 'explain',
    args: ['<from>', '<to>'],
    description:
      'which policies select each side, which rule would allow, and the verdict, from the live state',
    options: [
      { flags: '--port <port>', description: 'destination port', required: true },
      { flags: '--protocol <protocol>', description: 'TCP, UDP or SCTP', default: 'TCP' },
    ],
    output: { formats: ['text', 'json', 'yaml'] },
    run: async ({ args: [from, to], opts: o }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new UserError(`--port ${o.port}: expected a port number`);
      if (!['TCP', 'UDP', 'SCTP'].includes(o.protocol.toUpperCase()))
        throw new UserError(`--protocol ${o.protocol}: expected TCP, UDP or SCTP`);
      for (const [role, ref] of [
        ['FROM', from],
        ['TO', to],
      ]) {
        if (!/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(ref!))
          throw new UserError(`${role} ${JSON.stringify(ref)}: expected namespace/pod`);
      }
      let e: sluice.v1.IExplainResponse;
      try {
        e = (await callAgent(socket(), { explain: { from, to, port, protocol: o.protocol.toUpperCase() } }))
          .explain!;
      } catch (err) {
        // A pod the agent does not know is bad input (exit 2); "not ready yet" and the like keep
        // the agent's own exit code, which scripts can retry on.
        if (err instanceof AgentError && isBadRequest(err)) throw new UserError(err.message);
        throw err;
      }
      const data = {
        from,
        to,
        port,
        protocol: o.protocol.toUpperCase(),
        verdict: e.allowed ? 'ALLOWED' : 'DENIED',
        source: e.source,
        destination: e.destination,
      };
      const line = (s: sluice.v1.IExplainSide | null | undefined, what: string) => {
        if (!s) return '';
        const head = `${what} ${s.pod} (${s.direction}${s.local ? '' : ', not on this node: enforced by its own node'})`;
        if (!s.selected_by?.length) return `${head}: not isolated, no policy selects it for ${s.direction}\n`;
        const by = `selected by ${s.selected_by.join(', ')}`;
        return s.allowed
          ? `${head}: ${by}; allowed by ${s.rule || s.via}\n`
          : `${head}: ${by}; no rule allows ${port}/${data.protocol} from this peer\n`;
      };
      return {
        data,
        render: () =>
          `${line(e.source, 'source')}${line(e.destination, 'destination')}verdict: ${data.verdict}\n`,
        exitCode: e.allowed ? 0 : EXIT_NEGATIVE,
      };
    },
  });

  defineCommand<{ filename: string[]; ports: string; protocols: string }, 'table' | 'json'>(policy, {
    name: 'simulate',
    description: 'the reachability matrix computed from manifests by the compiler alone (no kernel)',
    options: [
      FILENAME_OPTION,
      { flags: '--ports <list>', description: 'ports', default: '80,81' },
      { flags: '--protocols <list>', description: 'TCP, UDP, SCTP', default: 'TCP' },
    ],
    output: { formats: ['table', 'json'] },
    run: async ({ opts }) => {
      // The matrix reads no Service: they need only load. Both default ranges, as on a dual-stack
      // node, so no Service that a cluster of either kind accepts is refused here.
      const cfg = defaultConfig();
      const m = await loadManifests(opts.filename, cfg.serviceCidr, cfg.serviceCidrV6);
      // Pods without status.podIP get addresses in order, as a fresh lab would give them.
      let next = 1;
      m.pods = m.pods.map((p) =>
        p.ip ? p : { ...p, ip: `10.240.${Math.floor(next / 256)}.${next++ % 256}` },
      );
      const keys = m.pods
        .filter((p) => !p.hostNetwork)
        .map((p) => `${p.namespace}/${p.name}`)
        .sort();
      const { verdicts } = simulateMatrix(m, matrixCases(keys, ports(opts.ports), protocols(opts.protocols)));
      return { data: matrixJson(verdicts), render: () => formatGrid(verdicts) };
    },
  });
}
