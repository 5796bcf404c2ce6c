// Local manifests as a source: Namespace, Pod, NetworkPolicy, Service, EndpointSlice and Node
// objects from multi-document YAML files, in Kubernetes' own shapes. Every problem names the file,
// the object and the field.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  type ContainerPort,
  type EndpointSlice,
  type Namespace,
  type NetworkPolicy,
  type Node,
  type Pod,
  PROTOCOLS,
  type Protocol,
  SERVICE_NAME_LABEL,
  type Service,
  type ServicePort,
  type SliceEndpoint,
  type SlicePort,
  serviceClusterIPs,
} from '../model/types.js';
import { refusing, validatePolicy } from '../model/validate-policy.js';
import { fieldProblems, refused, validateEndpointSlice, validateService } from '../model/validate-service.js';
import { cidrContains, formatCidr, ipv4OrMinusOne, parseCidr } from '../net/ipv4.js';
import {
  cidrContainsV6,
  formatCidrV6,
  formatIPv6,
  ipv6OrUndefined,
  ipv6Range,
  parseCidrV6,
  parseIPv6,
  routableV6,
} from '../net/ipv6.js';
import { frontendKey } from '../services/compile.js';
import { assignServiceAddresses } from '../services/derive.js';
import type { Store } from '../state/store.js';
import { UserError } from '../sys/errors.js';

export interface Manifests {
  namespaces: Namespace[];
  pods: Pod[];
  policies: NetworkPolicy[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  nodes: Node[];
}

export function emptyManifests(): Manifests {
  return { namespaces: [], pods: [], policies: [], services: [], endpointSlices: [], nodes: [] };
}

export class ManifestError extends UserError {}

/** Binds a manifest Pod to a runtime container that sends no K8S_POD_* CNI args. */
export const CONTAINER_ID_ANNOTATION = 'sluice.dev/container-id';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

function labelsOf(v: unknown, where: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) throw new ManifestError(`${where}: must be a mapping of strings`);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string')
      throw new ManifestError(`${where}.${k}: label values must be strings (quote numbers and booleans)`);
    out[k] = val;
  }
  return out;
}

/**
 * A pod's addresses from status.podIPs (a list of {ip}) and status.podIP (the first of them): the
 * first that is not IPv6 as ip (an address that is neither family matches no traffic), the first
 * IPv6 one, canonical, as ipv6.
 */
export function podAddresses(podIPs: unknown, podIP: unknown): { ip?: string; ipv6?: string } {
  const listed = Array.isArray(podIPs) ? podIPs.map((x) => (isObj(x) ? x['ip'] : undefined)) : [];
  const texts = [...listed, podIP].filter((x): x is string => typeof x === 'string' && x !== '');
  const ip = texts.find((x) => !x.includes(':'));
  const v6 = texts.map(ipv6OrUndefined).find((x) => x !== undefined);
  return { ...(ip ? { ip } : {}), ...(v6 !== undefined ? { ipv6: formatIPv6(v6) } : {}) };
}

export function parseObject(doc: Obj, where: string, into: Manifests): void {
  const kind = doc['kind'];
  const meta = isObj(doc['metadata']) ? doc['metadata'] : undefined;
  if (!meta || typeof meta['name'] !== 'string' || meta['name'] === '')
    throw new ManifestError(`${where}: metadata.name is required`);
  const name = meta['name'];
  const ns = typeof meta['namespace'] === 'string' ? meta['namespace'] : 'default';
  const clusterScoped = kind === 'Namespace' || kind === 'Node';
  const id = `${kind} ${clusterScoped ? name : `${ns}/${name}`}`;
  const at = `${where} (${id})`;
  switch (kind) {
    case 'Namespace':
      if (!DNS_LABEL.test(name)) throw new ManifestError(`${at}: metadata.name must be a DNS label`);
      into.namespaces.push({ name, labels: labelsOf(meta['labels'], `${at}: metadata.labels`) });
      return;
    case 'Pod': {
      if (!DNS_SUBDOMAIN.test(name)) throw new ManifestError(`${at}: metadata.name must be a DNS subdomain`);
      const spec = isObj(doc['spec']) ? doc['spec'] : {};
      const containers = Array.isArray(spec['containers']) ? spec['containers'] : [];
      const ports: ContainerPort[] = [];
      containers.forEach((c, ci) => {
        const list = isObj(c) && Array.isArray(c['ports']) ? c['ports'] : [];
        list.forEach((p, pi) => {
          const f = `${at}: spec.containers[${ci}].ports[${pi}]`;
          if (!isObj(p)) throw new ManifestError(`${f}: must be a mapping`);
          const port = p['containerPort'];
          if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) {
            throw new ManifestError(`${f}.containerPort: must be a port number (1-65535)`);
          }
          const protocol = (p['protocol'] ?? 'TCP') as Protocol;
          if (!PROTOCOLS.includes(protocol))
            throw new ManifestError(`${f}.protocol: must be TCP, UDP or SCTP`);
          ports.push({
            containerPort: port as number,
            protocol,
            ...(typeof p['name'] === 'string' ? { name: p['name'] } : {}),
          });
        });
      });
      const status = isObj(doc['status']) ? doc['status'] : {};
      into.pods.push({
        namespace: ns,
        name,
        labels: labelsOf(meta['labels'], `${at}: metadata.labels`),
        ports,
        ...(spec['hostNetwork'] === true ? { hostNetwork: true } : {}),
        ...(typeof spec['nodeName'] === 'string' ? { nodeName: spec['nodeName'] } : {}),
        ...podAddresses(status['podIPs'], status['podIP']),
        ...(isObj(meta['annotations']) && typeof meta['annotations'][CONTAINER_ID_ANNOTATION] === 'string'
          ? { containerId: meta['annotations'][CONTAINER_ID_ANNOTATION] as string }
          : {}),
      });
      return;
    }
    case 'NetworkPolicy': {
      if (doc['apiVersion'] !== 'networking.k8s.io/v1')
        throw new ManifestError(`${at}: apiVersion must be networking.k8s.io/v1`);
      const spec = isObj(doc['spec']) ? doc['spec'] : undefined;
      if (!spec) throw new ManifestError(`${at}: spec is required`);
      const policy = { ...(spec as object), namespace: ns, name } as NetworkPolicy;
      if (!isObj(spec['podSelector']))
        throw new ManifestError(`${at}: spec.podSelector is required (use {} for every pod)`);
      const errors = refusing(validatePolicy(policy));
      if (errors.length > 0)
        throw new ManifestError(`${at}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
      into.policies.push(policy);
      return;
    }
    case 'Service': {
      const svc = parseService(doc, ns, name, at);
      const errors = refused(validateService(svc));
      if (errors.length > 0) throw new ManifestError(`${at}: ${fieldProblems(errors)}`);
      into.services.push(svc);
      return;
    }
    case 'EndpointSlice': {
      if (doc['apiVersion'] !== 'discovery.k8s.io/v1')
        throw new ManifestError(`${at}: apiVersion must be discovery.k8s.io/v1`);
      const slice = parseEndpointSlice(doc, meta, ns, name);
      const errors = refused(validateEndpointSlice(slice));
      if (errors.length > 0) throw new ManifestError(`${at}: ${fieldProblems(errors)}`);
      into.endpointSlices.push(slice);
      return;
    }
    case 'Node': {
      if (doc['apiVersion'] !== 'v1') throw new ManifestError(`${at}: apiVersion must be v1`);
      const node = parseNode(doc, name);
      if ('field' in node) throw new ManifestError(`${at}: ${node.field}: ${node.message}`);
      into.nodes.push(node);
      return;
    }
    default:
      throw new ManifestError(
        `${at}: unsupported kind ${JSON.stringify(kind)} (expected Namespace, Pod, NetworkPolicy, Service, EndpointSlice or Node)`,
      );
  }
}

/** An IPv6 address text in its canonical form (RFC 5952), so equal addresses are equal strings;
 * anything else as it is, for validation to name. */
function canonicalIfIPv6(v: unknown): unknown {
  const n = typeof v === 'string' && v.includes(':') ? ipv6OrUndefined(v) : undefined;
  return n === undefined ? v : formatIPv6(n);
}

/** A v1 Service manifest (or API object) in the shape load balancing reads. Types are checked by
 * validateService; this only picks the fields (IPv6 addresses made canonical, and clusterIP from
 * clusterIPs[0] when only clusterIPs is written, as the API server defaults it). */
export function parseService(doc: Obj, namespace: string, name: string, at: string): Service {
  const spec = isObj(doc['spec']) ? doc['spec'] : undefined;
  if (!spec) throw new ManifestError(`${at}: spec is required`);
  const clusterIPs = Array.isArray(spec['clusterIPs'])
    ? (spec['clusterIPs'].map(canonicalIfIPv6) as string[])
    : (spec['clusterIPs'] as string[] | undefined);
  const clusterIP =
    canonicalIfIPv6(spec['clusterIP']) ?? (Array.isArray(clusterIPs) ? clusterIPs[0] : undefined);
  const ports = Array.isArray(spec['ports']) ? spec['ports'] : [];
  const affinity = isObj(spec['sessionAffinityConfig']) ? spec['sessionAffinityConfig'] : {};
  const clientIP = isObj(affinity['clientIP']) ? affinity['clientIP'] : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const opt = <K extends string, V>(k: K, v: V | undefined) =>
    v === undefined ? {} : ({ [k]: v } as Record<K, V>);
  return {
    namespace,
    name,
    type: (str(spec['type']) ?? 'ClusterIP') as Service['type'],
    ...opt('clusterIP', str(clusterIP)),
    ...opt('clusterIPs', clusterIPs ?? undefined),
    ...opt('ipFamilies', (spec['ipFamilies'] ?? undefined) as Service['ipFamilies']),
    ...opt('ipFamilyPolicy', (spec['ipFamilyPolicy'] ?? undefined) as Service['ipFamilyPolicy']),
    ...opt(
      'selector',
      isObj(spec['selector']) ? labelsOf(spec['selector'], `${at}: spec.selector`) : undefined,
    ),
    ports: ports.map((p, i): ServicePort => {
      if (!isObj(p)) throw new ManifestError(`${at}: spec.ports[${i}]: must be a mapping`);
      const target = p['targetPort'];
      return {
        ...opt('name', str(p['name'])),
        protocol: (p['protocol'] ?? 'TCP') as Protocol,
        port: p['port'] as number,
        ...opt('targetPort', typeof target === 'number' || typeof target === 'string' ? target : undefined),
        ...opt('nodePort', typeof p['nodePort'] === 'number' ? p['nodePort'] : undefined),
      };
    }),
    ...opt('sessionAffinity', str(spec['sessionAffinity']) as Service['sessionAffinity']),
    ...opt('affinityTimeoutSeconds', clientIP['timeoutSeconds'] as number | undefined),
    ...opt('internalTrafficPolicy', str(spec['internalTrafficPolicy']) as Service['internalTrafficPolicy']),
    ...opt('externalTrafficPolicy', str(spec['externalTrafficPolicy']) as Service['externalTrafficPolicy']),
    ...opt('publishNotReadyAddresses', spec['publishNotReadyAddresses'] === true ? true : undefined),
  };
}

/** A discovery.k8s.io/v1 EndpointSlice manifest (or API object), IPv6 addresses made canonical
 * here, once: load balancing compares and keys backends by their text. */
export function parseEndpointSlice(doc: Obj, meta: Obj, namespace: string, name: string): EndpointSlice {
  const labels = isObj(meta['labels']) ? meta['labels'] : {};
  const endpoints = Array.isArray(doc['endpoints']) ? doc['endpoints'] : [];
  const ports = Array.isArray(doc['ports']) ? doc['ports'] : [];
  return {
    namespace,
    name,
    serviceName: typeof labels[SERVICE_NAME_LABEL] === 'string' ? (labels[SERVICE_NAME_LABEL] as string) : '',
    addressType: doc['addressType'] as EndpointSlice['addressType'],
    endpoints: endpoints.filter(isObj).map((e): SliceEndpoint => {
      const c = isObj(e['conditions']) ? e['conditions'] : {};
      const ref = isObj(e['targetRef']) ? e['targetRef'] : undefined;
      const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
      const conditions = Object.fromEntries(
        (['ready', 'serving', 'terminating'] as const).flatMap((k) =>
          bool(c[k]) === undefined ? [] : [[k, c[k]]],
        ),
      );
      return {
        addresses: Array.isArray(e['addresses']) ? e['addresses'].map((a) => String(canonicalIfIPv6(a))) : [],
        conditions,
        ...(typeof e['nodeName'] === 'string' ? { nodeName: e['nodeName'] } : {}),
        ...(ref && ref['kind'] === 'Pod' && typeof ref['name'] === 'string'
          ? { pod: `${typeof ref['namespace'] === 'string' ? ref['namespace'] : namespace}/${ref['name']}` }
          : {}),
      };
    }),
    ports: ports.filter(isObj).map(
      (p): SlicePort => ({
        ...(typeof p['name'] === 'string' && p['name'] !== '' ? { name: p['name'] } : {}),
        protocol: (p['protocol'] ?? 'TCP') as Protocol,
        ...(typeof p['port'] === 'number' ? { port: p['port'] } : {}),
      }),
    ),
  };
}

/** Why a Node object cannot be used: the field (in the object's own names) and what is wrong. */
export interface NodeProblem {
  field: string;
  message: string;
}

/** Whether name is a DNS subdomain (RFC 1123), as Node names are. */
export function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && DNS_SUBDOMAIN.test(name);
}

/**
 * A node's IPv6 address (an InternalIP, a `nodes:` entry's internalIpV6) in its canonical form, or
 * why it is none other nodes can route to.
 */
export function nodeIpV6(text: string): { ip: string } | { message: string } {
  let n: bigint;
  try {
    n = parseIPv6(text);
  } catch (err) {
    return { message: (err as Error).message };
  }
  const range = ipv6Range(n);
  if (range === 'IPv4-mapped')
    return {
      message: `${JSON.stringify(text)} is an IPv4-mapped address: give its IPv4 address as the IPv4 InternalIP`,
    };
  if (!routableV6({ addr: n, len: 128 }))
    return {
      message: `${JSON.stringify(text)} is ${range}: other nodes cannot route to it (give a global unicast or unique local address)`,
    };
  return { ip: formatIPv6(n) };
}

/**
 * A v1 Node manifest (or API object) in the store's shape: its first IPv4 InternalIP, its first
 * IPv6 InternalIP (canonical; native routing's next hop for IPv6), its first IPv4 pod CIDR
 * (spec.podCIDR, then spec.podCIDRs: an IPv6-primary dual-stack node has the IPv4 one second) and
 * its first IPv6 pod CIDR (a dual-stack node's); a value that is neither is a problem. With
 * skippedIpv6 an IPv6 InternalIP no node can route to (link-local, malformed) is passed over and
 * listed there instead: the node is still usable over IPv4.
 */
export function parseNode(doc: Obj, name: string, skippedIpv6?: NodeProblem[]): Node | NodeProblem {
  if (!isDnsSubdomain(name)) return { field: 'metadata.name', message: 'must be a DNS subdomain' };
  const status = isObj(doc['status']) ? doc['status'] : {};
  const addresses = status['addresses'] ?? [];
  if (!Array.isArray(addresses)) return { field: 'status.addresses', message: 'must be a list' };
  let internalIp: string | undefined;
  let internalIpV6: string | undefined;
  for (const [i, a] of addresses.entries()) {
    const field = `status.addresses[${i}]`;
    if (!isObj(a) || typeof a['type'] !== 'string' || typeof a['address'] !== 'string')
      return { field, message: 'must be a mapping with type and address' };
    if (a['type'] !== 'InternalIP') continue;
    if (a['address'].includes(':')) {
      if (internalIpV6 !== undefined) continue;
      const v6 = nodeIpV6(a['address']);
      if ('message' in v6) {
        // A Node from the API server keeps its IPv4 part; a manifest is refused (it is ours to fix).
        if (!skippedIpv6) return { field: `${field}.address`, message: v6.message };
        skippedIpv6.push({ field: `${field}.address`, message: v6.message });
        continue;
      }
      internalIpV6 = v6.ip;
      continue;
    }
    if (internalIp !== undefined) continue;
    if (ipv4OrMinusOne(a['address']) < 0)
      return { field: `${field}.address`, message: `${JSON.stringify(a['address'])} is not an IPv4 address` };
    internalIp = a['address'];
  }
  if (internalIp === undefined)
    return {
      field: 'status.addresses',
      message: 'no InternalIP with an IPv4 address (other nodes reach this one through it)',
    };
  const cidrs = nodePodCidrs(doc['spec']);
  if ('field' in cidrs) return cidrs;
  return { name, internalIp, ...(internalIpV6 ? { internalIpV6 } : {}), ...cidrs };
}

/** A Node's pod CIDRs from its spec: the first IPv4 one (spec.podCIDR, then spec.podCIDRs) and the
 * first IPv6 one, canonical; or the field that is not a CIDR. */
export function nodePodCidrs(specValue: unknown): { podCidr?: string; podCidrV6?: string } | NodeProblem {
  const spec = isObj(specValue) ? specValue : {};
  const candidates: [string, unknown][] = [];
  if (spec['podCIDR'] !== undefined && spec['podCIDR'] !== '')
    candidates.push(['spec.podCIDR', spec['podCIDR']]);
  if (spec['podCIDRs'] !== undefined) {
    if (!Array.isArray(spec['podCIDRs'])) return { field: 'spec.podCIDRs', message: 'must be a list' };
    spec['podCIDRs'].forEach((c, i) => {
      candidates.push([`spec.podCIDRs[${i}]`, c]);
    });
  }
  let podCidr: string | undefined;
  let podCidrV6: string | undefined;
  for (const [field, value] of candidates) {
    if (typeof value !== 'string') return { field, message: 'must be a CIDR string' };
    try {
      // Every entry is checked, not only the first of each family.
      if (value.includes(':')) {
        const cidr = formatCidrV6(parseCidrV6(value));
        podCidrV6 ??= cidr;
      } else {
        const cidr = formatCidr(parseCidr(value));
        podCidr ??= cidr;
      }
    } catch (err) {
      return { field, message: (err as Error).message };
    }
  }
  return { ...(podCidr ? { podCidr } : {}), ...(podCidrV6 ? { podCidrV6 } : {}) };
}

/** Two nodes that cannot both be: one name, one InternalIP (of either family), or overlapping pod
 * CIDRs (a pod address must lead to one node). */
export interface NodeClash {
  /** The later node of the two (index into the list), and the field that clashes. */
  index: number;
  field: 'name' | 'internalIp' | 'internalIpV6' | 'podCidr' | 'podCidrV6';
  /** Names the earlier node. */
  message: string;
}

export function nodeClash(nodes: readonly Node[]): NodeClash | undefined {
  for (const [index, n] of nodes.entries()) {
    for (const other of nodes.slice(0, index)) {
      if (n.name === other.name) return { index, field: 'name', message: `node ${n.name} is defined twice` };
      if (n.internalIp === other.internalIp)
        return {
          index,
          field: 'internalIp',
          message: `${n.internalIp} is the InternalIP of node ${other.name} too`,
        };
      if (n.internalIpV6 && n.internalIpV6 === other.internalIpV6)
        return {
          index,
          field: 'internalIpV6',
          message: `${n.internalIpV6} is the IPv6 InternalIP of node ${other.name} too`,
        };
      if (n.podCidr && other.podCidr) {
        const [a, b] = [parseCidr(n.podCidr), parseCidr(other.podCidr)];
        if (cidrContains(a, b) || cidrContains(b, a))
          return {
            index,
            field: 'podCidr',
            message: `${n.podCidr} overlaps the pod CIDR of node ${other.name} (${other.podCidr})`,
          };
      }
      if (n.podCidrV6 && other.podCidrV6) {
        const [a, b] = [parseCidrV6(n.podCidrV6), parseCidrV6(other.podCidrV6)];
        if (cidrContainsV6(a, b) || cidrContainsV6(b, a))
          return {
            index,
            field: 'podCidrV6',
            message: `${n.podCidrV6} overlaps the IPv6 pod CIDR of node ${other.name} (${other.podCidrV6})`,
          };
      }
    }
  }
  return undefined;
}

export function parseManifests(
  text: string,
  file: string,
  into: Manifests = emptyManifests(),
  /** Called with every object as written (a List's items one by one) and its document. */
  onObject?: (raw: Record<string, unknown>, where: string) => void,
): Manifests {
  const docs = parseAllDocuments(text);
  docs.forEach((doc, i) => {
    const where = `${file}: document ${i + 1}`;
    if (doc.errors.length > 0) throw new ManifestError(`${where}: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) return;
    if (!isObj(value)) throw new ManifestError(`${where}: not a Kubernetes object`);
    if (value['kind'] === 'List' && Array.isArray(value['items'])) {
      value['items'].forEach((item, j) => {
        if (!isObj(item)) throw new ManifestError(`${where}: items[${j}] is not an object`);
        parseObject(item, `${where} items[${j}]`, into);
        onObject?.(item, where);
      });
      return;
    }
    parseObject(value, where, into);
    onObject?.(value, where);
  });
  return into;
}

/**
 * The files behind paths: files as given, and the .yaml/.yml/.json files directly in directories.
 * `nonEmpty`: a directory without any is an error (the lab); the agent may start from an empty one.
 */
export async function manifestFiles(paths: readonly string[], nonEmpty = false): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (!st) throw new ManifestError(`${p}: no such file or directory`);
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const files: string[] = [];
    for (const f of (await readdir(p)).filter((n) => /\.(ya?ml|json)$/.test(n)).sort()) {
      // Links count (a ConfigMap volume is links into ..data); directories named *.yaml do not.
      if ((await stat(path.join(p, f)).catch(() => undefined))?.isFile()) files.push(path.join(p, f));
    }
    if (nonEmpty && files.length === 0) throw new ManifestError(`${p}: no .yaml, .yml or .json files`);
    out.push(...files);
  }
  return out;
}

/** Files (and .yaml/.yml/.json files directly in directories) into manifests, their Services with
 * the addresses the API server would give them (withServiceAddresses). serviceCidr, serviceCidrV6:
 * the agent's ranges, serviceCidrV6Of its config (null: an IPv4-only node). */
export async function loadManifests(
  paths: readonly string[],
  serviceCidr: string,
  serviceCidrV6: string | null,
): Promise<Manifests> {
  const out = emptyManifests();
  for (const f of await manifestFiles(paths)) parseManifests(await readFile(f, 'utf8'), f, out);
  checkManifests(out);
  out.services = withServiceAddresses(out.services, serviceCidr, serviceCidrV6);
  return out;
}

/**
 * Services with the clusterIPs and nodePorts the API server would allocate (assignServiceAddresses)
 * from these ranges (serviceCidrV6 null: an IPv4-only node). A Service it would refuse there (one
 * that requires IPv6 on an IPv4-only node) is a ManifestError naming the object and the field.
 */
export function withServiceAddresses(
  services: readonly Service[],
  serviceCidr: string,
  serviceCidrV6: string | null,
): Service[] {
  const { services: out, problems } = assignServiceAddresses(services, serviceCidr, serviceCidrV6);
  const errors = refused(problems);
  if (errors.length > 0)
    throw new ManifestError(errors.map((p) => `${p.object}: ${p.field}: ${p.message}`).join('; '));
  return out;
}

/** Cross-object checks: nothing defined twice, every namespaced object's namespace exists. */
export function checkManifests(out: Manifests): void {
  const seen = new Set<string>();
  for (const o of [
    ...out.namespaces.map((n) => `Namespace ${n.name}`),
    ...out.pods.map((p) => `Pod ${p.namespace}/${p.name}`),
    ...out.policies.map((p) => `NetworkPolicy ${p.namespace}/${p.name}`),
    ...out.services.map((p) => `Service ${p.namespace}/${p.name}`),
    ...out.endpointSlices.map((p) => `EndpointSlice ${p.namespace}/${p.name}`),
    ...out.nodes.map((n) => `Node ${n.name}`),
  ]) {
    if (seen.has(o)) throw new ManifestError(`${o} is defined twice`);
    seen.add(o);
  }
  const clash = nodeClash(out.nodes);
  if (clash) {
    const field =
      clash.field === 'internalIp' || clash.field === 'internalIpV6'
        ? 'status.addresses'
        : clash.field === 'podCidrV6'
          ? 'spec.podCIDRs'
          : 'spec.podCIDR';
    throw new ManifestError(`Node ${out.nodes[clash.index]!.name}: ${field}: ${clash.message}`);
  }
  const known = new Set(out.namespaces.map((n) => n.name));
  const objects: [string, { namespace: string; name: string }][] = [
    ...out.pods.map((o) => ['Pod', o] as [string, Pod]),
    ...out.policies.map((o) => ['NetworkPolicy', o] as [string, NetworkPolicy]),
    ...out.services.map((o) => ['Service', o] as [string, Service]),
    ...out.endpointSlices.map((o) => ['EndpointSlice', o] as [string, EndpointSlice]),
  ];
  for (const [kind, o] of objects) {
    if (!known.has(o.namespace)) {
      throw new ManifestError(
        `${kind} ${o.namespace}/${o.name}: namespace ${o.namespace} does not exist (add a Namespace manifest)`,
      );
    }
  }
  // Frontends are the cluster's: two Services cannot share one (the API server refuses it too).
  const frontends = new Map<string, string>();
  for (const svc of out.services) {
    svc.ports.forEach((p, i) => {
      const claims: [string, string][] = [];
      for (const ip of serviceClusterIPs(svc))
        if (ip && ip !== 'None') claims.push([frontendKey(ip, p.port, p.protocol), `spec.ports[${i}].port`]);
      if (p.nodePort) claims.push([`nodePort ${p.nodePort}/${p.protocol}`, `spec.ports[${i}].nodePort`]);
      for (const [claim, field] of claims) {
        const owner = frontends.get(claim);
        if (owner)
          throw new ManifestError(
            `Service ${svc.namespace}/${svc.name}: ${field}: duplicate frontend ${claim}: ${owner} has it already`,
          );
        frontends.set(claim, `Service ${svc.namespace}/${svc.name}`);
      }
    });
  }
}

/** Local mode's nodes: the config's `nodes`, each replaced by the manifests' Node of its name, then
 * the manifests' other Nodes. */
export function localNodes(configNodes: readonly Node[], manifestNodes: readonly Node[]): Node[] {
  const fromManifests = new Map(manifestNodes.map((n) => [n.name, n]));
  const inConfig = new Set(configNodes.map((n) => n.name));
  return [
    ...configNodes.map((n) => fromManifests.get(n.name) ?? n),
    ...manifestNodes.filter((n) => !inConfig.has(n.name)),
  ];
}

/**
 * Makes the store hold exactly these manifests (objects not in them are removed). configNodes (the
 * agent config's `nodes`) are held too, unless a manifest Node of the same name replaces one; if
 * the two together clash (a shared InternalIP, overlapping pod CIDRs) nothing changes and a
 * ManifestError says which node and field.
 */
export function applyManifests(store: Store, m: Manifests, configNodes: readonly Node[] = []): void {
  const nodes = localNodes(configNodes, m.nodes);
  const clash = nodeClash(nodes);
  if (clash) {
    throw new ManifestError(
      `node ${nodes[clash.index]!.name} (the config's nodes with the manifests' Nodes): ${clash.field}: ${clash.message}`,
    );
  }
  const snap = store.snapshot();
  for (const n of nodes) store.upsertNode(n);
  const want = {
    ns: new Set(m.namespaces.map((n) => n.name)),
    pods: new Set(m.pods.map((p) => `${p.namespace}/${p.name}`)),
    pol: new Set(m.policies.map((p) => `${p.namespace}/${p.name}`)),
  };
  for (const n of m.namespaces) store.upsertNamespace(n);
  for (const p of m.pods) {
    const current = store.getPod(`${p.namespace}/${p.name}`);
    // An address the agent learned from CNI stays unless the manifest names one (per family).
    store.upsertPod({
      ...p,
      ...(!p.ip && current?.ip ? { ip: current.ip } : {}),
      ...(!p.ipv6 && current?.ipv6 ? { ipv6: current.ipv6 } : {}),
    });
  }
  for (const p of m.policies) store.upsertPolicy(p);
  for (const s of m.services) store.upsertService(s);
  for (const s of m.endpointSlices) store.upsertEndpointSlice(s);
  const wantSvc = new Set(m.services.map((s) => `${s.namespace}/${s.name}`));
  const wantSlice = new Set(m.endpointSlices.map((s) => `${s.namespace}/${s.name}`));
  for (const s of snap.services ?? [])
    if (!wantSvc.has(`${s.namespace}/${s.name}`)) store.deleteService(s.namespace, s.name);
  for (const s of snap.endpointSlices ?? [])
    if (!wantSlice.has(`${s.namespace}/${s.name}`)) store.deleteEndpointSlice(s.namespace, s.name);
  for (const p of snap.policies)
    if (!want.pol.has(`${p.namespace}/${p.name}`)) store.deletePolicy(p.namespace, p.name);
  for (const p of snap.pods)
    if (!want.pods.has(`${p.namespace}/${p.name}`)) store.deletePod(p.namespace, p.name);
  for (const n of snap.namespaces) if (!want.ns.has(n.name)) store.deleteNamespace(n.name);
  const wantNodes = new Set(nodes.map((n) => n.name));
  for (const n of snap.nodes ?? []) if (!wantNodes.has(n.name)) store.deleteNode(n.name);
}
