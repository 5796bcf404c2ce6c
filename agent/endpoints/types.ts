// A local endpoint: one pod attachment on this node, wired and known to the datapath.

export interface Endpoint {
  /** Never 0; stable for the attachment's lifetime (and across agent restarts). */
  id: number;
  /** "namespace/name" of the pod. */
  podKey: string;
  ip: string;
  /** The IPv6 address (canonical) of a dual-stack pod. */
  ipv6?: string;
  hostIfName: string;
  hostIfindex: number;
  hostMac: string;
  podMac: string;
  /** CNI attachment, when the endpoint came from the CNI plugin. */
  containerId?: string;
  ifName?: string;
}
