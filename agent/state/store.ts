// The agent's view of the cluster, fed by a source (Kubernetes informers or local manifests).
// Policies are validated here, at the boundary: an invalid update is refused and the previous
// valid version stays in force, so nothing already enforced is lost and nothing is half-applied.

import {
  type EndpointSlice,
  NAMESPACE_NAME_LABEL,
  type Namespace,
  type NetworkPolicy,
  type Node,
  type Pod,
  podKey,
  policyKey,
  type Service,
  type Snapshot,
  serviceKey,
} from '../model/types.js';
import type { PolicyError } from '../model/validate-policy.js';
import { refusing, validatePolicy } from '../model/validate-policy.js';
import {
  refused,
  type ServiceProblem,
  validateEndpointSlice,
  validateService,
} from '../model/validate-service.js';

export type StoreListener = () => void;

/** Stores value under key unless an equal value is there already; whether it stored. */
function setIfDifferent<T>(map: Map<string, T>, key: string, value: T): boolean {
  const old = map.get(key);
  if (old !== undefined && JSON.stringify(old) === JSON.stringify(value)) return false;
  map.set(key, value);
  return true;
}

export class Store {
  private readonly namespaces = new Map<string, Namespace>();
  private readonly pods = new Map<string, Pod>();
  private readonly policies = new Map<string, NetworkPolicy>();
  private readonly services = new Map<string, Service>();
  private readonly slices = new Map<string, EndpointSlice>();
  private readonly nodes = new Map<string, Node>();
  private readonly listeners = new Set<StoreListener>();
  private cached: Snapshot | undefined;
  // Per-kind arrays survive changes to the other kinds, so consumers can memoise on them.
  private namespaceList: Namespace[] | undefined;
  private podList: Pod[] | undefined;
  private policyList: NetworkPolicy[] | undefined;
  private serviceList: Service[] | undefined;
  private sliceList: EndpointSlice[] | undefined;
  private nodeList: Node[] | undefined;
  /** Increments on every change. */
  version = 0;

  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(kind: 'namespace' | 'pod' | 'policy' | 'service' | 'slice' | 'node'): void {
    this.version += 1;
    this.cached = undefined;
    if (kind === 'namespace') this.namespaceList = undefined;
    if (kind === 'pod') this.podList = undefined;
    if (kind === 'policy') this.policyList = undefined;
    if (kind === 'service') this.serviceList = undefined;
    if (kind === 'slice') this.sliceList = undefined;
    if (kind === 'node') this.nodeList = undefined;
    for (const l of this.listeners) l();
  }

  upsertNamespace(ns: Namespace): void {
    // The API server sets this label on every namespace; selectors rely on it.
    const labels = { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name };
    if (setIfDifferent(this.namespaces, ns.name, { name: ns.name, labels })) this.changed('namespace');
  }

  deleteNamespace(name: string): void {
    if (this.namespaces.delete(name)) this.changed('namespace');
  }

  /** An update that changes nothing the store holds (a pod's readiness, say) is not a change. */
  upsertPod(pod: Pod): void {
    if (setIfDifferent(this.pods, podKey(pod), pod)) this.changed('pod');
  }

  deletePod(namespace: string, name: string): void {
    if (this.pods.delete(podKey({ namespace, name }))) this.changed('pod');
  }

  /**
   * Returns the policy's problems. With an error the policy is not stored (the last valid version
   * stays); warnings (parts ignored, such as an IPv6 ipBlock) are returned and the policy stored.
   */
  upsertPolicy(policy: NetworkPolicy): PolicyError[] {
    const key = policyKey(policy);
    const problems = validatePolicy(policy);
    if (refusing(problems).length > 0) return problems;
    if (setIfDifferent(this.policies, key, policy)) this.changed('policy');
    return problems;
  }

  deletePolicy(namespace: string, name: string): void {
    if (this.policies.delete(policyKey({ namespace, name }))) this.changed('policy');
  }

  /** Like upsertPolicy: a Service with an error is refused (the last valid version stays). */
  upsertService(svc: Service): ServiceProblem[] {
    const problems = validateService(svc);
    if (refused(problems).length > 0) return problems;
    if (setIfDifferent(this.services, serviceKey(svc), svc)) this.changed('service');
    return problems;
  }

  deleteService(namespace: string, name: string): void {
    if (this.services.delete(serviceKey({ namespace, name }))) this.changed('service');
  }

  upsertEndpointSlice(slice: EndpointSlice): ServiceProblem[] {
    const problems = validateEndpointSlice(slice);
    if (refused(problems).length > 0) return problems;
    if (setIfDifferent(this.slices, `${slice.namespace}/${slice.name}`, slice)) this.changed('slice');
    return problems;
  }

  deleteEndpointSlice(namespace: string, name: string): void {
    if (this.slices.delete(`${namespace}/${name}`)) this.changed('slice');
  }

  /** Sources validate nodes (an InternalIP, an IPv4 pod CIDR); the store takes them as they are. */
  upsertNode(node: Node): void {
    if (setIfDifferent(this.nodes, node.name, node)) this.changed('node');
  }

  deleteNode(name: string): void {
    if (this.nodes.delete(name)) this.changed('node');
  }

  getNode(name: string): Node | undefined {
    return this.nodes.get(name);
  }

  getPod(key: string): Pod | undefined {
    return this.pods.get(key);
  }

  getNamespace(name: string): Namespace | undefined {
    return this.namespaces.get(name);
  }

  snapshot(): Snapshot {
    this.namespaceList ??= [...this.namespaces.values()];
    this.podList ??= [...this.pods.values()];
    this.policyList ??= [...this.policies.values()];
    this.serviceList ??= [...this.services.values()];
    this.sliceList ??= [...this.slices.values()];
    this.nodeList ??= [...this.nodes.values()];
    this.cached ??= {
      namespaces: this.namespaceList,
      pods: this.podList,
      policies: this.policyList,
      services: this.serviceList,
      endpointSlices: this.sliceList,
      nodes: this.nodeList,
    };
    return this.cached;
  }
}
