// The labels that make up a pod's security identity: its namespace's name and labels and its own
// labels. Pods with the same set share one identity.

import { type Labels, NAMESPACE_NAME_LABEL, type Namespace, type Pod } from '../model/types.js';

export function namespaceLabels(namespaces: ReadonlyMap<string, Namespace>, name: string): Labels {
  return namespaces.get(name)?.labels ?? { [NAMESPACE_NAME_LABEL]: name };
}

/** Canonical, sorted form: "ns=<name>;nsl:<k>=<v>;...;pod:<k>=<v>;...". */
export function identityKey(pod: Pick<Pod, 'namespace' | 'labels'>, nsLabels: Labels): string {
  const parts = [`ns=${pod.namespace}`];
  for (const k of Object.keys(nsLabels).sort()) parts.push(`nsl:${k}=${nsLabels[k]}`);
  for (const k of Object.keys(pod.labels).sort()) parts.push(`pod:${k}=${pod.labels[k]}`);
  return parts.join(';');
}

/** Back from the canonical key to labels, for display ("k8s:" pod labels, "ns:" namespace). */
export function labelsOfKey(key: string): { namespace: string; namespaceLabels: Labels; podLabels: Labels } {
  const nsl: Record<string, string> = {};
  const pod: Record<string, string> = {};
  let namespace = '';
  for (const part of key.split(';')) {
    if (part.startsWith('ns=')) namespace = part.slice(3);
    const target = part.startsWith('nsl:') ? nsl : part.startsWith('pod:') ? pod : undefined;
    if (!target) continue;
    const body = part.slice(4);
    const eq = body.indexOf('=');
    target[body.slice(0, eq)] = body.slice(eq + 1);
  }
  return { namespace, namespaceLabels: nsl, podLabels: pod };
}
