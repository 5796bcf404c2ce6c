// Kubernetes label selectors (metav1.LabelSelector), as NetworkPolicy uses them for pods and
// namespaces.

import type { LabelSelector, Labels } from '../model/types.js';

/** matchLabels AND every matchExpression; the empty selector {} matches everything. */
export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(labels[req.key] as string)) return false;
        break;
      case 'NotIn':
        // An object without the key is "not in" any set, as in Kubernetes.
        if (has && values.includes(labels[req.key] as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        // validatePolicy rejects unknown operators; never let one widen a selector.
        return false;
    }
  }
  return true;
}
