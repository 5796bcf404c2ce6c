// What the API answers about the live state: names for the numbers in the maps, and why a
// connection is allowed or not.

import { ApiError, ApiErrorCode } from '../api/errors.js';
import type { sluice } from '../api/gen/sluice.js';
import { labelsOfKey } from '../identity/labels.js';
import type { Pod } from '../model/types.js';
import { protocolNumber } from '../net/protocols.js';
import { selectingPolicies } from '../policy/compile.js';
import { lookupPolicy } from '../policy/simulate.js';
import { DIR_EGRESS, DIR_INGRESS, type Direction } from '../policy/types.js';
import { LB_F_AFFINITY, LB_F_LOCAL_ONLY } from '../services/compile.js';
import type { Lifecycle } from './lifecycle.js';

export interface ExplainSide {
  pod: string;
  direction: string;
  local: boolean;
  selectedBy: string[];
  allowed: boolean;
  rule: string;
  via: string;
}

export class Queries {
  constructor(private readonly node: Lifecycle) {}

  /** Names for the numbers in the maps. */
  describe(): {
    endpoints: {
      id: number;
      pod: string;
      ip: string;
      /** '' for an IPv4-only pod */
      ipv6: string;
      hostIfName: string;
      identity: number;
      containerId: string;
    }[];
    identities: {
      id: number;
      kind: string;
      namespace: string;
      namespaceLabels: Record<string, string>;
      podLabels: Record<string, string>;
      pods: string[];
    }[];
    rules: { ruleId: number; policy: string; direction: string; index: number }[];
    frontends: sluice.v1.IFrontendName[];
    serviceProblems: sluice.v1.IServiceProblem[];
  } {
    const plan = this.node.reconciler.last?.plan;
    const podIds = plan?.podIdentities ?? new Map<string, number>();
    const podsOf = new Map<number, string[]>();
    for (const [pod, id] of podIds) podsOf.set(id, [...(podsOf.get(id) ?? []), pod]);
    const identities = [...this.node.reconciler.identityTable()].map(([key, id]) => {
      const l = labelsOfKey(key);
      return {
        id,
        kind: 'labels',
        namespace: l.namespace,
        namespaceLabels: { ...l.namespaceLabels },
        podLabels: { ...l.podLabels },
        pods: (podsOf.get(id) ?? []).sort(),
      };
    });
    for (const [ns, id] of this.node.reconciler.namespaceIdentityTable()) {
      identities.push({
        id,
        kind: 'namespace',
        namespace: ns,
        namespaceLabels: { ...(this.node.store.getNamespace(ns)?.labels ?? {}) },
        podLabels: {},
        pods: [],
      });
    }
    return {
      endpoints: this.node.endpoints.list().map((e) => ({
        id: e.id,
        pod: e.podKey,
        ip: e.ip,
        ipv6: e.ipv6 ?? '',
        hostIfName: e.hostIfName,
        identity: podIds.get(e.podKey) ?? 0,
        containerId: e.containerId ?? '',
      })),
      identities: identities.sort((a, b) => a.id - b.id),
      rules: [...(plan?.compiled.rules.values() ?? [])].map((r) => ({
        ruleId: r.ruleId,
        policy: r.policy,
        direction: r.direction === 1 ? 'ingress' : 'egress',
        index: r.index,
      })),
      frontends: (plan?.frontends ?? []).map((f) => ({
        id: plan?.frontendIds.get(f.key) ?? 0,
        service: f.service,
        port_name: f.portName,
        service_port: f.servicePort,
        kind: f.kind,
        address: f.addr,
        port: f.port,
        protocol: f.protocol,
        affinity: (f.flags & LB_F_AFFINITY) !== 0,
        affinity_timeout: f.affinityTimeout,
        local_only: (f.flags & LB_F_LOCAL_ONLY) !== 0,
        backends: f.backends.map((b) => ({
          address: b.addr,
          port: b.port,
          state: b.state,
          pod: b.pod ?? '',
          node: b.nodeName ?? '',
        })),
      })),
      serviceProblems: (plan?.serviceProblems ?? []).map((p) => ({ ...p, warning: p.warning === true })),
    };
  }

  /** The verdict for a new connection from one pod to another, and why, from the live state. */
  explain(
    from: string,
    to: string,
    port: number,
    protocol: string,
  ): {
    source: ExplainSide;
    destination: ExplainSide;
    allowed: boolean;
  } {
    const snap = this.node.store.snapshot();
    const src = this.node.store.getPod(from);
    const dst = this.node.store.getPod(to);
    for (const [ref, pod] of [
      [from, src],
      [to, dst],
    ] as const) {
      if (!pod) throw new ApiError(ApiErrorCode.NOT_FOUND, `no pod ${ref} known to the agent`);
      if (!pod.ip) throw new ApiError(ApiErrorCode.INVALID_ARGUMENT, `pod ${ref} has no IP yet`);
    }
    const proto = protocolNumber(protocol);
    if (proto === undefined)
      throw new ApiError(ApiErrorCode.INVALID_ARGUMENT, `protocol ${protocol}: expected TCP, UDP or SCTP`);
    const plan = this.node.reconciler.last?.plan;
    if (!plan) throw new ApiError(ApiErrorCode.UNAVAILABLE, 'no policy computed yet');
    const nsIds = this.node.reconciler.namespaceIdentityTable();
    const eps = new Map(this.node.endpoints.list().map((e) => [e.podKey, e.id]));
    const side = (pod: Pod, peer: Pod, direction: Direction): ExplainSide => {
      const key = `${pod.namespace}/${pod.name}`;
      const endpointId = eps.get(key);
      const selectedBy = selectingPolicies(snap.policies, pod, direction)
        .map((p) => `${p.namespace}/${p.name}`)
        .sort();
      const base = {
        pod: key,
        direction: direction === DIR_INGRESS ? 'ingress' : 'egress',
        local: endpointId !== undefined,
        selectedBy,
      };
      if (endpointId === undefined) return { ...base, allowed: true, rule: '', via: 'not-local' };
      const peerKey = `${peer.namespace}/${peer.name}`;
      const v = lookupPolicy(
        plan.compiled,
        endpointId,
        direction,
        plan.podIdentities.get(peerKey) ?? 0,
        peer.ip!,
        proto,
        port,
        nsIds.get(peer.namespace) ?? 0,
      );
      const r = plan.compiled.rules.get(v.ruleId);
      return {
        ...base,
        allowed: v.allowed,
        rule: r ? `${r.policy} ${r.direction === DIR_INGRESS ? 'ingress' : 'egress'}[${r.index}]` : '',
        via: v.via,
      };
    };
    const source = side(src!, dst!, DIR_EGRESS);
    const destination = side(dst!, src!, DIR_INGRESS);
    return { source, destination, allowed: source.allowed && destination.allowed };
  }
}
