// The cluster as the agent sees it: the fields of Namespaces, Pods and NetworkPolicies that
// networking needs, in Kubernetes' own shapes and names (networking.k8s.io/v1).

import { isIPv6Text } from '../net/ipv6.js';

export type Labels = Readonly<Record<string, string>>;

/** The label an API server gives every Namespace: its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface Namespace {
  name: string;
  /** Includes kubernetes.io/metadata.name, as the API server sets it. */
  labels: Labels;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
}

export interface Pod {
  namespace: string;
  name: string;
  labels: Labels;
  /** Pod IPv4 address; a pod without one yet is selected but matches no traffic. */
  ip?: string;
  /** Pod IPv6 address (canonical, RFC 5952) of a dual-stack pod. */
  ipv6?: string;
  ports: ContainerPort[];
  /** hostNetwork pods are neither selected nor matched by NetworkPolicy. */
  hostNetwork?: boolean;
  nodeName?: string;
  /** Local mode: the runtime's container (CNI_CONTAINERID) this pod is, for runtimes that send no
   * K8S_POD_* args (`ctr run --cni`). From the annotation sluice.dev/container-id. */
  containerId?: string;
}

/** A node of the cluster (Node object, or the agent config's `nodes:` in local mode). */
export interface Node {
  name: string;
  /** The node's InternalIP (status.addresses): the tunnel endpoint and next hop of its pods. */
  internalIp: string;
  /** Its IPv6 InternalIP (canonical), on a node with one: the next hop of its pods' IPv6 addresses
   * in native routing (the kernel takes no IPv4 gateway for an IPv6 route). */
  internalIpV6?: string;
  /** spec.podCIDR (the IPv4 one); a node without one yet is known but routes no pods. */
  podCidr?: string;
  /** The IPv6 entry of spec.podCIDRs (canonical) on a dual-stack node. */
  podCidrV6?: string;
}

export interface IPBlock {
  cidr: string;
  except?: string[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IPBlock;
}

export interface NetworkPolicyPort {
  /** Defaults to TCP. */
  protocol?: string;
  /** Number or IANA_SVC_NAME (a named containerPort); omitted = every port of the protocol. */
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicyEgressRule {
  to?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicy {
  namespace: string;
  name: string;
  podSelector: LabelSelector;
  /** Omitted: [Ingress], plus Egress when spec.egress is non-empty (as the API server defaults it). */
  policyTypes?: PolicyType[];
  ingress?: NetworkPolicyIngressRule[];
  egress?: NetworkPolicyEgressRule[];
}

export interface ServicePort {
  /** Required when a Service has more than one port; the key EndpointSlice ports match on. */
  name?: string;
  protocol: Protocol;
  port: number;
  /** Number, or the name of a containerPort of the backends; omitted = port. */
  targetPort?: number | string;
  /** NodePort and LoadBalancer Services (30000-32767). */
  nodePort?: number;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export type TrafficPolicy = 'Cluster' | 'Local';
export type IPFamily = 'IPv4' | 'IPv6';
export const IP_FAMILIES: readonly IPFamily[] = ['IPv4', 'IPv6'];
export type IPFamilyPolicy = 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';
export const IP_FAMILY_POLICIES: readonly IPFamilyPolicy[] = [
  'SingleStack',
  'PreferDualStack',
  'RequireDualStack',
];

/** The fields of a v1 Service that load balancing needs. */
export interface Service {
  namespace: string;
  name: string;
  type: ServiceType;
  /** The primary address (clusterIPs[0]): IPv4, IPv6 (canonical), or "None" for a headless
   * Service (no frontend). */
  clusterIP?: string;
  /** spec.clusterIPs: at most one address per family, the primary first; ["None"] when headless. */
  clusterIPs?: string[];
  /** spec.ipFamilies: the families of clusterIPs, in their order (set by the API server; a
   * manifest may ask for families whose address is to be allocated). */
  ipFamilies?: IPFamily[];
  /** Omitted: SingleStack (one family). */
  ipFamilyPolicy?: IPFamilyPolicy;
  /** Without a selector the Service's EndpointSlices are managed by someone else. */
  selector?: Record<string, string>;
  ports: ServicePort[];
  sessionAffinity?: 'None' | 'ClientIP';
  /** sessionAffinityConfig.clientIP.timeoutSeconds; default 10800. */
  affinityTimeoutSeconds?: number;
  internalTrafficPolicy?: TrafficPolicy;
  externalTrafficPolicy?: TrafficPolicy;
  publishNotReadyAddresses?: boolean;
}

export interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export interface SliceEndpoint {
  addresses: string[];
  conditions?: EndpointConditions;
  nodeName?: string;
  /** namespace/name of the pod behind it, when known (targetRef). */
  pod?: string;
}

export interface SlicePort {
  name?: string;
  protocol?: Protocol;
  port?: number;
}

/** The fields of a discovery.k8s.io/v1 EndpointSlice that load balancing needs. */
export interface EndpointSlice {
  namespace: string;
  name: string;
  /** The label kubernetes.io/service-name. */
  serviceName: string;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: SliceEndpoint[];
  ports: SlicePort[];
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Everything the compiler reads, at one instant. */
export interface Snapshot {
  namespaces: readonly Namespace[];
  pods: readonly Pod[];
  policies: readonly NetworkPolicy[];
  /** Omitted where only policy matters (the compiler's callers, older fixtures): none. */
  services?: readonly Service[];
  endpointSlices?: readonly EndpointSlice[];
  /** Omitted = this node alone. */
  nodes?: readonly Node[];
}

export function serviceKey(svc: { namespace: string; name: string }): string {
  return `${svc.namespace}/${svc.name}`;
}

/** A Service's addresses: spec.clusterIPs, or spec.clusterIP alone from a writer that knows no
 * clusterIPs (an older manifest); "None" and "" included as given. */
export function serviceClusterIPs(svc: Pick<Service, 'clusterIP' | 'clusterIPs'>): string[] {
  if (svc.clusterIPs && svc.clusterIPs.length > 0) return svc.clusterIPs;
  return svc.clusterIP === undefined ? [] : [svc.clusterIP];
}

/** The family of an address text, telling them apart as the compiler does (validation has
 * refused malformed ones). */
export function addressFamily(addr: string): IPFamily {
  return isIPv6Text(addr) ? 'IPv6' : 'IPv4';
}

/**
 * The families a Service has, primary first: spec.ipFamilies where given, else the families of its
 * addresses, else IPv4 alone (a Service from a writer that knows no families is IPv4, as before).
 * The policy is not read: it asks the allocator for families; what was allocated is here.
 */
export function serviceFamilies(svc: Pick<Service, 'clusterIP' | 'clusterIPs' | 'ipFamilies'>): IPFamily[] {
  const addrs = serviceClusterIPs(svc).filter((a) => a !== '' && a !== 'None');
  const out: IPFamily[] = [];
  for (let i = 0; i < 2; i++) {
    const given = svc.ipFamilies?.[i];
    const addr = addrs[i];
    const f = given ?? (addr === undefined ? undefined : addressFamily(addr));
    if (f && !out.includes(f)) out.push(f);
  }
  return out.length > 0 ? out : ['IPv4'];
}

export function podKey(pod: { namespace: string; name: string }): string {
  return `${pod.namespace}/${pod.name}`;
}

export function policyKey(policy: { namespace: string; name: string }): string {
  return `${policy.namespace}/${policy.name}`;
}
