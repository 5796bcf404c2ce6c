// The policy compiler: a cluster snapshot in, the desired contents of sluice_policy, sluice_cidr
// (and its IPv6 twin sluice_cidr6) and the endpoint flags out. Pure and deterministic: the agent
// diffs consecutive outputs against the maps, so the same snapshot must always give the same
// entries in the same order.

import type {
  IPBlock,
  LabelSelector,
  Labels,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Pod,
  Snapshot,
} from '../model/types.js';
import { podKey, policyKey } from '../model/types.js';
import { type PolicyError, refusing, validatePolicy } from '../model/validate-policy.js';
import { type Cidr, parseIPv4 } from '../net/ipv4.js';
import { type Cidr6, ipv6OrUndefined, isIPv6Text, parseIPv6 } from '../net/ipv6.js';
import { protocolNumber } from '../net/protocols.js';
import { fnv1a } from '../sys/hash.js';
import {
  type CidrFamily,
  IPV4_CIDRS,
  IPV6_CIDRS,
  type IpBlockSpan,
  inIpBlock,
  partitionIpBlocks,
} from './cidr.js';
import { portRangePrefixes } from './ports.js';
import { matchesSelector } from './selector.js';
import {
  type CidrEntry,
  type CompileInput,
  type CompileOutput,
  DIR_EGRESS,
  DIR_INGRESS,
  type Direction,
  EP_F_EGRESS_CIDR,
  EP_F_EGRESS_ENFORCED,
  EP_F_INGRESS_CIDR,
  EP_F_INGRESS_ENFORCED,
  ID_ANY,
  ID_CIDR_SET_BIT,
  ID_CLUSTER_PODS,
  POLICY_PREFIX_ANY_PORT,
  POLICY_PREFIX_ANY_PROTO,
  POLICY_PREFIX_FULL,
  type PolicyEntry,
  type RuleRef,
} from './types.js';

function directionName(direction: Direction): string {
  return direction === DIR_INGRESS ? 'ingress' : 'egress';
}

/** Deterministic non-zero id of spec.<direction>[index] of a policy: stable across restarts so
 * counters and flow records keep meaning the same rule. compilePolicies moves an id on only in the
 * (rare) case of two rules hashing alike; its rules map is the authority. */
export function ruleIdFor(policyKey: string, direction: Direction, index: number): number {
  return fnv1a(`${policyKey}/${directionName(direction)}/${index}`) || 1;
}

/** One policy-trie prefix below (endpoint, identity, direction): protocol and port bits. */
interface PortSpec {
  prefixLen: number;
  protocol: number;
  port: number;
}

const ANY_PORT_SPEC: PortSpec = { prefixLen: POLICY_PREFIX_ANY_PROTO, protocol: 0, port: 0 };

function policyTypesOf(p: NetworkPolicy): { ingress: boolean; egress: boolean } {
  // The API server's defaulting, for objects that did not go through it.
  if (!p.policyTypes || p.policyTypes.length === 0) {
    return { ingress: true, egress: (p.egress?.length ?? 0) > 0 };
  }
  return { ingress: p.policyTypes.includes('Ingress'), egress: p.policyTypes.includes('Egress') };
}

function appliesTo(p: NetworkPolicy, direction: Direction): boolean {
  const types = policyTypesOf(p);
  return direction === DIR_INGRESS ? types.ingress : types.egress;
}

function rulesOf(
  p: NetworkPolicy,
  direction: Direction,
): { peers?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[] {
  if (direction === DIR_INGRESS) return (p.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }));
  return (p.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
}

function protocolOf(port: NetworkPolicyPort): number {
  return protocolNumber(port.protocol ?? 'TCP')!;
}

/** The port specs of the numeric (or absent) ports of a rule; omitted or empty ports = any. */
function numericPortSpecs(ports: readonly NetworkPolicyPort[]): PortSpec[] {
  if (ports.length === 0) return [ANY_PORT_SPEC];
  const out: PortSpec[] = [];
  for (const p of ports) {
    const protocol = protocolOf(p);
    if (p.port === undefined) {
      out.push({ prefixLen: POLICY_PREFIX_ANY_PORT, protocol, port: 0 });
    } else if (typeof p.port === 'number') {
      for (const prefix of portRangePrefixes(p.port, p.endPort ?? p.port)) {
        out.push({ prefixLen: POLICY_PREFIX_ANY_PORT + prefix.bits, protocol, port: prefix.port });
      }
    }
  }
  return out;
}

/** Named ports resolved against the destination pod: name and protocol must both match. */
function resolveNamedPorts(ports: readonly NetworkPolicyPort[], destination: Pod): PortSpec[] {
  const out: PortSpec[] = [];
  for (const p of ports) {
    if (typeof p.port !== 'string') continue;
    const protocolText = p.protocol ?? 'TCP';
    for (const cp of destination.ports) {
      if (cp.name === p.port && cp.protocol === protocolText) {
        out.push({ prefixLen: POLICY_PREFIX_FULL, protocol: protocolOf(p), port: cp.containerPort });
      }
    }
  }
  return out;
}

/** One endpoint's share of the output. */
export interface EndpointResult {
  flags: number;
  /** Sorted. */
  policy: PolicyEntry[];
  /** Sorted. */
  cidr: CidrEntry[];
}

/** What every endpoint's compilation shares. */
interface Context extends PeerContext {
  ruleIds: Map<string, number>;
  rules: Map<number, RuleRef>;
}

/** The peer universe: depends on pods, namespaces and identities only. */
interface PeerContext {
  /** Pods that can be peers (not hostNetwork, with an identity), sorted by key, with their
   * addresses parsed for ipBlocks (undefined: none, or not a valid one of its family). */
  peerPods: { pod: Pod; identity: number; ip: number | undefined; ipv6: bigint | undefined }[];
  namespaceLabels: Map<string, Labels>;
  /** peerPods of each namespace (in key order), so a selector looks only where it can match. */
  podsByNamespace: Map<string, Context['peerPods']>;
  /** Every namespace that has pods or an object, sorted. */
  namespaces: string[];
  /** Every pod of the snapshot by "namespace/name", hostNetwork ones included. */
  podsByKey: Map<string, Pod>;
  namespaceIdentities: ReadonlyMap<string, number> | undefined;
  /** selectorPeers by selector text (and policy namespace where it matters): policies share them. */
  selected: Map<string, Context['peerPods']>;
}

function ruleKey(policy: string, direction: Direction, index: number): string {
  return `${policy}/${directionName(direction)}/${index}`;
}

function assignRuleIds(policies: readonly NetworkPolicy[]): {
  ids: Map<string, number>;
  refs: Map<number, RuleRef>;
} {
  const ids = new Map<string, number>();
  const refs = new Map<number, RuleRef>();
  for (const p of policies) {
    const policy = policyKey(p);
    for (const direction of [DIR_EGRESS, DIR_INGRESS] as const) {
      rulesOf(p, direction).forEach((_, index) => {
        let id = ruleIdFor(policy, direction, index);
        while (refs.has(id)) id = (id + 1) >>> 0 || 1;
        ids.set(ruleKey(policy, direction, index), id);
        refs.set(id, { ruleId: id, policy, direction, index });
      });
    }
  }
  return { ids, refs };
}

function buildPeerContext(
  snapshot: Snapshot,
  identities: ReadonlyMap<string, number>,
  namespaceIdentities: ReadonlyMap<string, number> | undefined,
): PeerContext {
  const peerPods: Context['peerPods'] = [];
  for (const pod of [...snapshot.pods].sort(byKey)) {
    const identity = identities.get(podKey(pod));
    if (pod.hostNetwork || identity === undefined) continue;
    let ip: number | undefined;
    try {
      ip = pod.ip === undefined ? undefined : parseIPv4(pod.ip);
    } catch {
      // An IPv6 or malformed pod IP cannot fall inside an IPv4 ipBlock; the pod still has its identity.
      ip = undefined;
    }
    const ipv6 = pod.ipv6 === undefined ? undefined : ipv6OrUndefined(pod.ipv6);
    peerPods.push({ pod, identity, ip, ipv6 });
  }
  const namespaceLabels = new Map(snapshot.namespaces.map((ns) => [ns.name, ns.labels] as const));
  const podsByNamespace = new Map<string, Context['peerPods']>();
  for (const peer of peerPods) {
    const list = podsByNamespace.get(peer.pod.namespace);
    if (list) list.push(peer);
    else podsByNamespace.set(peer.pod.namespace, [peer]);
  }
  const namespaces = [...new Set([...namespaceLabels.keys(), ...podsByNamespace.keys()])].sort(
    compareStrings,
  );
  const podsByKey = new Map(snapshot.pods.map((pod) => [podKey(pod), pod] as const));
  return {
    peerPods,
    namespaceLabels,
    podsByNamespace,
    namespaces,
    podsByKey,
    namespaceIdentities,
    selected: new Map(),
  };
}

function byKey(a: { namespace: string; name: string }, b: { namespace: string; name: string }): number {
  return compareStrings(podKey(a), podKey(b));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function labelsOfNamespace(ctx: Context, namespace: string): Labels {
  return ctx.namespaceLabels.get(namespace) ?? { 'kubernetes.io/metadata.name': namespace };
}

/** Pods a selector peer of a policy in policyNamespace matches. */
function selectorPeers(ctx: Context, policyNamespace: string, peer: NetworkPolicyPeer): Context['peerPods'] {
  const key = peer.namespaceSelector
    ? `ns:${JSON.stringify(peer.namespaceSelector)}|pod:${JSON.stringify(peer.podSelector ?? null)}`
    : `in:${policyNamespace}|pod:${JSON.stringify(peer.podSelector ?? null)}`;
  const cached = ctx.selected.get(key);
  if (cached) return cached;
  // Namespaces first (few), then only the pods of the namespaces that match: namespaces are
  // sorted and so are pods within each, so the result keeps the global key order.
  const inNamespaces = peer.namespaceSelector
    ? ctx.namespaces.filter((ns) => matchesSelector(peer.namespaceSelector!, labelsOfNamespace(ctx, ns)))
    : [policyNamespace];
  const matched: Context['peerPods'] = [];
  for (const ns of inNamespaces) {
    for (const candidate of ctx.podsByNamespace.get(ns) ?? []) {
      if (!peer.podSelector || matchesSelector(peer.podSelector, candidate.pod.labels))
        matched.push(candidate);
    }
  }
  ctx.selected.set(key, matched);
  return matched;
}

function isEmptySelector(s: LabelSelector | undefined): boolean {
  return !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);
}

/**
 * A peer that selects whole namespaces (no pod selector, or an empty one) as identities the
 * datapath matches without enumerating pods: ID_CLUSTER_PODS for every namespace, else the
 * namespace identity of each matching namespace. Undefined when the peer needs pod identities
 * (a pod selector, or namespace identities were not given).
 */
function namespacePeerIdentities(ctx: Context, peer: NetworkPolicyPeer): number[] | undefined {
  const ids = ctx.namespaceIdentities;
  if (!ids || !peer.namespaceSelector || !isEmptySelector(peer.podSelector)) return undefined;
  if (isEmptySelector(peer.namespaceSelector)) return [ID_CLUSTER_PODS];
  const out: number[] = [];
  for (const ns of ctx.namespaces) {
    if (!matchesSelector(peer.namespaceSelector, labelsOfNamespace(ctx, ns))) continue;
    const id = ids.get(ns);
    if (id === undefined) return undefined;
    out.push(id);
  }
  return out;
}

/** Entries of one endpoint and direction, keyed by the trie key so duplicates collapse. */
class EntrySet {
  readonly entries = new Map<string, PolicyEntry>();

  constructor(
    private readonly endpointId: number,
    private readonly direction: Direction,
  ) {}

  add(identity: number, specs: readonly PortSpec[], ruleId: number): void {
    for (const s of specs) {
      const key = `${identity}|${s.prefixLen}|${s.protocol}|${s.port}`;
      const existing = this.entries.get(key);
      if (existing && existing.ruleId <= ruleId) continue;
      this.entries.set(key, {
        prefixLen: s.prefixLen,
        endpointId: this.endpointId,
        identity,
        direction: this.direction,
        protocol: s.protocol,
        port: s.port,
        ruleId,
      });
    }
  }
}

interface DirectionResult {
  policy: PolicyEntry[];
  cidr: CidrEntry[];
  hasIpBlocks: boolean;
}

function compileDirection(
  ctx: Context,
  pod: Pod,
  endpointId: number,
  direction: Direction,
  policies: readonly NetworkPolicy[],
): DirectionResult {
  const entries = new EntrySet(endpointId, direction);
  const spans: IpBlockSpan<Cidr>[] = [];
  const spans6: IpBlockSpan<Cidr6>[] = [];
  /** Ports each ipBlock rule allows to whatever its blocks cover. */
  const spanSpecs = new Map<number, PortSpec[]>();
  const ingress = direction === DIR_INGRESS;

  for (const p of policies) {
    const policy = policyKey(p);
    rulesOf(p, direction).forEach((rule, index) => {
      const ruleId = ctx.ruleIds.get(ruleKey(policy, direction, index))!;
      const ports = rule.ports ?? [];
      const numeric = numericPortSpecs(ports);
      const hasNamed = ports.some((port) => typeof port.port === 'string');
      // For ingress the destination is this pod, so named ports resolve the same for every peer.
      const own = ingress ? [...numeric, ...resolveNamedPorts(ports, pod)] : numeric;
      // For egress the destination is the peer: a named port resolves per peer pod, keyed by its
      // identity, and never matches a non-pod.
      const namedTo = (peers: Context['peerPods']) => {
        if (ingress || !hasNamed) return;
        for (const peer of peers) entries.add(peer.identity, resolveNamedPorts(ports, peer.pod), ruleId);
      };

      if (!rule.peers || rule.peers.length === 0) {
        entries.add(ID_ANY, own, ruleId);
        namedTo(ctx.peerPods);
        return;
      }
      for (const peer of rule.peers) {
        const byNamespace = peer.namespaceSelector ? namespacePeerIdentities(ctx, peer) : undefined;
        if (byNamespace) {
          for (const id of byNamespace) entries.add(id, own, ruleId);
          if (!ingress && hasNamed) namedTo(selectorPeers(ctx, p.namespace, peer));
          continue;
        }
        if (!peer.ipBlock) {
          const matched = selectorPeers(ctx, p.namespace, peer);
          for (const m of matched) entries.add(m.identity, own, ruleId);
          namedTo(matched);
          continue;
        }
        spanSpecs.set(ruleId, own);
        // The CIDR trie cannot carry a port that differs per destination, so an egress named port
        // through an ipBlock is granted to the identities of the pods whose IP (of the block's
        // family) lies in the block. Pods sharing such an identity outside the block get the port
        // too, and so does a dual-stack pod at its address of the other family.
        if (isIPv6Text(peer.ipBlock.cidr)) {
          const span = spanOf(IPV6_CIDRS, ruleId, peer.ipBlock, true);
          spans6.push(span);
          if (!ingress && hasNamed) {
            namedTo(
              ctx.peerPods.filter(
                (p) => p.ipv6 !== undefined && inIpBlock(IPV6_CIDRS, span, { addr: p.ipv6, len: 128 }),
              ),
            );
          }
        } else {
          const span = spanOf(IPV4_CIDRS, ruleId, peer.ipBlock, false);
          spans.push(span);
          if (!ingress && hasNamed) {
            namedTo(
              ctx.peerPods.filter(
                (p) => p.ip !== undefined && inIpBlock(IPV4_CIDRS, span, { addr: p.ip, len: 32 }),
              ),
            );
          }
        }
      }
    });
  }

  const cidr = partitionToEntries(spans, spans6, spanSpecs, endpointId, direction, entries);
  return {
    policy: [...entries.entries.values()],
    cidr,
    hasIpBlocks: spans.length > 0 || spans6.length > 0,
  };
}

/** A valid ipBlock of one family as a span; excepts of the other family exclude nothing
 * (validation warned about them) and are left out. */
function spanOf<C>(family: CidrFamily<C>, member: number, block: IPBlock, v6: boolean): IpBlockSpan<C> {
  const except = (block.except ?? []).filter((e) => isIPv6Text(e) === v6).map(family.parse);
  return { member, cidr: family.parse(block.cidr), except };
}

/** One family's partition with the members that allow something here, addresses as text. */
function partsOf<C extends { len: number }>(
  family: CidrFamily<C>,
  spans: readonly IpBlockSpan<C>[],
  spanSpecs: ReadonlyMap<number, PortSpec[]>,
): { addr: string; len: number; members: number[] }[] {
  if (spans.length === 0) return [];
  // A rule whose ports resolve to nothing here (a named port this pod lacks) joins no set, but its
  // prefixes stay: every prefix must be in the trie for the longest match to be right.
  return partitionIpBlocks(spans, family).map((part) => ({
    addr: family.formatAddr(part.prefix),
    len: part.prefix.len,
    members: part.members.filter((m) => (spanSpecs.get(m)?.length ?? 0) > 0),
  }));
}

/** CidrEntries for every ipBlock prefix of both families, and the policy entries of each distinct
 * rule set: the families are partitioned apart but draw on one set of identities, so a rule set
 * covering IPv4 and IPv6 prefixes alike is one identity with its policy entries once. */
function partitionToEntries(
  spans: readonly IpBlockSpan<Cidr>[],
  spans6: readonly IpBlockSpan<Cidr6>[],
  spanSpecs: ReadonlyMap<number, PortSpec[]>,
  endpointId: number,
  direction: Direction,
  entries: EntrySet,
): CidrEntry[] {
  const parts = [...partsOf(IPV4_CIDRS, spans, spanSpecs), ...partsOf(IPV6_CIDRS, spans6, spanSpecs)];

  const sets = allocateSetIdentities(parts.map((part) => part.members));
  const out: CidrEntry[] = [];
  for (const part of parts) {
    const canonical = part.members.join(',');
    const setIdentity = part.members.length === 0 ? 0 : sets.get(canonical)!;
    out.push({ endpointId, direction, addr: part.addr, len: part.len, setIdentity });
  }
  for (const part of parts) {
    if (part.members.length === 0) continue;
    const setIdentity = sets.get(part.members.join(','))!;
    for (const ruleId of part.members) entries.add(setIdentity, spanSpecs.get(ruleId)!, ruleId);
  }
  return out;
}

/** ID_CIDR_SET_BIT | n per distinct non-empty member set, n hashed from the set itself so an
 * unrelated policy change rarely renumbers it; collisions within one endpoint and direction probe
 * onwards in the canonical order. */
function allocateSetIdentities(memberSets: readonly number[][]): Map<string, number> {
  const canonical = [...new Set(memberSets.filter((m) => m.length > 0).map((m) => m.join(',')))].sort(
    compareStrings,
  );
  const out = new Map<string, number>();
  const taken = new Set<number>();
  for (const key of canonical) {
    let n = fnv1a(key) & 0x7fffffff || 1;
    while (taken.has(n)) n = (n % 0x7fffffff) + 1;
    taken.add(n);
    out.set(key, (ID_CIDR_SET_BIT | n) >>> 0);
  }
  return out;
}

function comparePolicyEntries(a: PolicyEntry, b: PolicyEntry): number {
  return (
    a.endpointId - b.endpointId ||
    a.direction - b.direction ||
    a.identity - b.identity ||
    a.protocol - b.protocol ||
    a.port - b.port ||
    a.prefixLen - b.prefixLen ||
    a.ruleId - b.ruleId
  );
}

/** IPv4 entries before IPv6 ones, each family by address, then length. */
function compareCidrEntries(a: CidrEntry, b: CidrEntry): number {
  return a.endpointId - b.endpointId || a.direction - b.direction || compareAddrs(a, b) || a.len - b.len;
}

function compareAddrs(a: CidrEntry, b: CidrEntry): number {
  const v6 = isIPv6Text(a.addr);
  if (v6 !== isIPv6Text(b.addr)) return v6 ? 1 : -1;
  if (!v6) return parseIPv4(a.addr) - parseIPv4(b.addr);
  const x = parseIPv6(a.addr);
  const y = parseIPv6(b.addr);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Memo of earlier compilations, owned by the caller. Results are identical with or without it:
 * it only skips work whose inputs are the same objects as last time (store objects are
 * immutable: an update replaces them). A policy change recompiles only the endpoints whose
 * applicable policies changed; a pod, namespace or identity change rebuilds the peer context.
 */
export interface CompileCache {
  peers?: {
    pods: readonly Pod[];
    namespaces: Snapshot['namespaces'];
    identities: ReadonlyMap<string, number>;
    namespaceIdentities: ReadonlyMap<string, number> | undefined;
    ctx: PeerContext;
  };
  validity: WeakMap<NetworkPolicy, PolicyError[]>;
  endpoints: Map<number, EndpointMemo>;
}

interface EndpointMemo {
  pod: Pod | undefined;
  peers: PeerContext;
  policies: NetworkPolicy[];
  ruleIds: number[];
  result: EndpointResult;
}

export function newCompileCache(): CompileCache {
  return { validity: new WeakMap(), endpoints: new Map() };
}

function sameRefs<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function compileEndpoint(
  ctx: Context,
  pod: Pod | undefined,
  endpointId: number,
  selecting: NetworkPolicy[],
): EndpointResult {
  let flags = 0;
  const policy: PolicyEntry[] = [];
  const cidr: CidrEntry[] = [];
  if (pod && !pod.hostNetwork) {
    for (const direction of [DIR_EGRESS, DIR_INGRESS] as const) {
      const applicable = selecting.filter((p) => appliesTo(p, direction));
      if (applicable.length === 0) continue;
      const result = compileDirection(ctx, pod, endpointId, direction, applicable);
      const ingress = direction === DIR_INGRESS;
      flags |= ingress ? EP_F_INGRESS_ENFORCED : EP_F_EGRESS_ENFORCED;
      if (result.hasIpBlocks) flags |= ingress ? EP_F_INGRESS_CIDR : EP_F_EGRESS_CIDR;
      policy.push(...result.policy);
      cidr.push(...result.cidr);
    }
  }
  policy.sort(comparePolicyEntries);
  cidr.sort(compareCidrEntries);
  return { flags, policy, cidr };
}

/** Policies in key order (the JSON tiebreak only matters for odd input with duplicate keys). */
function sortedPolicies(policies: readonly NetworkPolicy[]): NetworkPolicy[] {
  const keyed = policies.map((p) => ({ p, key: policyKey(p) }));
  keyed.sort(
    (a, b) => compareStrings(a.key, b.key) || compareStrings(JSON.stringify(a.p), JSON.stringify(b.p)),
  );
  return keyed.map((k) => k.p);
}

/** The policies in the pod's namespace that select it for a direction (what isolates it). */
export function selectingPolicies(
  policies: readonly NetworkPolicy[],
  pod: Pod,
  direction: Direction,
): NetworkPolicy[] {
  if (pod.hostNetwork) return [];
  return policies.filter(
    (p) =>
      p.namespace === pod.namespace && matchesSelector(p.podSelector, pod.labels) && appliesTo(p, direction),
  );
}

export function compilePolicies(
  input: CompileInput,
  cache: CompileCache = newCompileCache(),
): { output: CompileOutput; errors: PolicyError[] } {
  const { snapshot, endpoints, identities, namespaceIdentities } = input;
  const errors: PolicyError[] = [];
  const valid: NetworkPolicy[] = [];
  for (const p of sortedPolicies(snapshot.policies)) {
    let problems = cache.validity.get(p);
    if (!problems) {
      problems = validatePolicy(p);
      cache.validity.set(p, problems);
    }
    errors.push(...problems);
    if (refusing(problems).length === 0) valid.push(p);
  }

  const c = cache.peers;
  const peers =
    c &&
    c.pods === snapshot.pods &&
    c.namespaces === snapshot.namespaces &&
    c.identities === identities &&
    c.namespaceIdentities === namespaceIdentities
      ? c.ctx
      : buildPeerContext(snapshot, identities, namespaceIdentities);
  cache.peers = {
    pods: snapshot.pods,
    namespaces: snapshot.namespaces,
    identities,
    namespaceIdentities,
    ctx: peers,
  };
  const { ids, refs } = assignRuleIds(valid);
  const ctx: Context = { ...peers, ruleIds: ids, rules: refs };

  const pods = peers.podsByKey;
  const byNamespace = new Map<string, NetworkPolicy[]>();
  for (const p of valid) {
    const list = byNamespace.get(p.namespace);
    if (list) list.push(p);
    else byNamespace.set(p.namespace, [p]);
  }
  const endpointFlags = new Map<number, number>();
  const byEndpoint = new Map<number, EndpointResult>();
  const memos = new Map<number, EndpointMemo>();
  const policy: PolicyEntry[] = [];
  const cidr: CidrEntry[] = [];

  const locals = [...endpoints].sort((a, b) => a[1] - b[1] || compareStrings(a[0], b[0]));
  for (const [key, endpointId] of locals) {
    const pod = pods.get(key);
    const selecting =
      pod && !pod.hostNetwork
        ? (byNamespace.get(pod.namespace) ?? []).filter((p) => matchesSelector(p.podSelector, pod.labels))
        : [];
    const ruleIds = selecting.flatMap((p) =>
      [DIR_EGRESS, DIR_INGRESS].flatMap((d) =>
        rulesOf(p, d as Direction).map((_, i) => ids.get(ruleKey(policyKey(p), d as Direction, i))!),
      ),
    );
    const memo = cache.endpoints.get(endpointId);
    const reuse =
      memo &&
      memo.pod === pod &&
      memo.peers === peers &&
      sameRefs(memo.policies, selecting) &&
      sameRefs(memo.ruleIds, ruleIds);
    const result = reuse ? memo.result : compileEndpoint(ctx, pod, endpointId, selecting);
    memos.set(endpointId, { pod, peers, policies: selecting, ruleIds, result });
    endpointFlags.set(endpointId, (endpointFlags.get(endpointId) ?? 0) | result.flags);
    byEndpoint.set(endpointId, result);
    // Endpoints go in id order and each result is sorted, so the concatenation is sorted too.
    for (const e of result.policy) policy.push(e);
    for (const e of result.cidr) cidr.push(e);
  }
  cache.endpoints = memos;

  const rules = new Map<number, RuleRef>();
  for (const id of [...new Set(policy.map((e) => e.ruleId))].sort((a, b) => a - b)) {
    rules.set(id, ctx.rules.get(id)!);
  }
  return { output: { endpointFlags, policy, cidr, rules, byEndpoint }, errors };
}
