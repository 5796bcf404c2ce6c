// Local manifests as a source: Namespace, Pod and NetworkPolicy objects from multi-document YAML
// files, in Kubernetes' own shapes. Every problem names the file, the object and the field.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { UserError } from '../errors.js';
import { refusing, validatePolicy } from '../policy/validate.js';
import type { Store } from '../state/store.js';
import {
  type ContainerPort,
  type Namespace,
  type NetworkPolicy,
  type Pod,
  PROTOCOLS,
  type Protocol,
} from '../state/types.js';

export interface Manifests {
  namespaces: Namespace[];
  pods: Pod[];
  policies: NetworkPolicy[];
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

export function parseObject(doc: Obj, where: string, into: Manifests): void {
  const kind = doc['kind'];
  const meta = isObj(doc['metadata']) ? doc['metadata'] : undefined;
  if (!meta || typeof meta['name'] !== 'string' || meta['name'] === '')
    throw new ManifestError(`${where}: metadata.name is required`);
  const name = meta['name'];
  const ns = typeof meta['namespace'] === 'string' ? meta['namespace'] : 'default';
  const id = `${kind} ${kind === 'Namespace' ? name : `${ns}/${name}`}`;
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
        ...(typeof status['podIP'] === 'string' ? { ip: status['podIP'] } : {}),
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
    default:
      throw new ManifestError(
        `${at}: unsupported kind ${JSON.stringify(kind)} (expected Namespace, Pod or NetworkPolicy)`,
      );
  }
}

export function parseManifests(
  text: string,
  file: string,
  into: Manifests = { namespaces: [], pods: [], policies: [] },
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

/** Files (and .yaml/.yml/.json files directly in directories) into manifests. */
export async function loadManifests(paths: readonly string[]): Promise<Manifests> {
  const out: Manifests = { namespaces: [], pods: [], policies: [] };
  for (const f of await manifestFiles(paths)) parseManifests(await readFile(f, 'utf8'), f, out);
  checkManifests(out);
  return out;
}

/** Cross-object checks: nothing defined twice, every namespaced object's namespace exists. */
export function checkManifests(out: Manifests): void {
  const seen = new Set<string>();
  for (const o of [
    ...out.namespaces.map((n) => `Namespace ${n.name}`),
    ...out.pods.map((p) => `Pod ${p.namespace}/${p.name}`),
    ...out.policies.map((p) => `NetworkPolicy ${p.namespace}/${p.name}`),
  ]) {
    if (seen.has(o)) throw new ManifestError(`${o} is defined twice`);
    seen.add(o);
  }
  const known = new Set(out.namespaces.map((n) => n.name));
  for (const o of [...out.pods, ...out.policies]) {
    if (!known.has(o.namespace)) {
      throw new ManifestError(
        `${'ports' in o ? 'Pod' : 'NetworkPolicy'} ${o.namespace}/${o.name}: namespace ${o.namespace} does not exist (add a Namespace manifest)`,
      );
    }
  }
}

/** Makes the store hold exactly these manifests (objects not in them are removed). */
export function applyManifests(store: Store, m: Manifests): void {
  const snap = store.snapshot();
  const want = {
    ns: new Set(m.namespaces.map((n) => n.name)),
    pods: new Set(m.pods.map((p) => `${p.namespace}/${p.name}`)),
    pol: new Set(m.policies.map((p) => `${p.namespace}/${p.name}`)),
  };
  for (const n of m.namespaces) store.upsertNamespace(n);
  for (const p of m.pods) {
    const current = store.getPod(`${p.namespace}/${p.name}`);
    // An address the agent learned from CNI stays unless the manifest names one.
    store.upsertPod(p.ip || !current?.ip ? p : { ...p, ip: current.ip });
  }
  for (const p of m.policies) store.upsertPolicy(p);
  for (const p of snap.policies)
    if (!want.pol.has(`${p.namespace}/${p.name}`)) store.deletePolicy(p.namespace, p.name);
  for (const p of snap.pods)
    if (!want.pods.has(`${p.namespace}/${p.name}`)) store.deletePod(p.namespace, p.name);
  for (const n of snap.namespaces) if (!want.ns.has(n.name)) store.deleteNamespace(n.name);
}
