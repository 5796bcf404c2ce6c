// The cluster as the agent sees it: the fields of Namespaces, Pods and NetworkPolicies that
// networking needs, in Kubernetes' own shapes and names (networking.k8s.io/v1).

export type Labels = Readonly<Record<string, string>>;

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
  ports: ContainerPort[];
  /** hostNetwork pods are neither selected nor matched by NetworkPolicy. */
  hostNetwork?: boolean;
  nodeName?: string;
  /** Local mode: the runtime's container (CNI_CONTAINERID) this pod is, for runtimes that send no
   * K8S_POD_* args (`ctr run --cni`). From the annotation sluice.dev/container-id. */
  containerId?: string;
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

/** Everything the compiler reads, at one instant. */
export interface Snapshot {
  namespaces: readonly Namespace[];
  pods: readonly Pod[];
  policies: readonly NetworkPolicy[];
}

export function podKey(pod: { namespace: string; name: string }): string {
  return `${pod.namespace}/${pod.name}`;
}

export function policyKey(policy: { namespace: string; name: string }): string {
  return `${policy.namespace}/${policy.name}`;
}
