// The manifests ask for the least privilege that works: read-only RBAC (plus creating events),
// only the capabilities the agent needs, and the host paths DESIGN.md names.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../../agent/config/config.js';

// biome-ignore lint/suspicious/noExplicitAny: manifest shapes are checked field by field below
type Doc = Record<string, any>;

const docs = (file: string) =>
  parseAllDocuments(readFileSync(path.join(REPO_ROOT, 'deploy', file), 'utf8')).map((d) => d.toJS() as Doc);

describe('deploy/', () => {
  it('RBAC: get/list/watch on what the agent reads, create on events, nothing else', () => {
    const role = docs('rbac.yaml').find((d) => d['kind'] === 'ClusterRole')!;
    const grants = role['rules'].flatMap((r: { resources: string[]; verbs: string[] }) =>
      r.resources.flatMap((res) => r.verbs.map((v) => `${v} ${res}`)),
    );
    expect(grants.sort()).toEqual(
      [
        'create events',
        'get endpointslices',
        'get namespaces',
        'get networkpolicies',
        'get nodes',
        'get pods',
        'get services',
        'list endpointslices',
        'list namespaces',
        'list networkpolicies',
        'list nodes',
        'list pods',
        'list services',
        'watch endpointslices',
        'watch namespaces',
        'watch networkpolicies',
        'watch nodes',
        'watch pods',
        'watch services',
      ].sort(),
    );
    expect(JSON.stringify(role)).not.toContain('*');
  });

  it('DaemonSet: host network, node-critical, named capabilities only, the design host paths', () => {
    const ds = docs('daemonset.yaml')[0]!;
    const spec = ds['spec']['template']['spec'];
    expect(spec.hostNetwork).toBe(true);
    expect(spec.priorityClassName).toBe('system-node-critical');
    const agent = spec.containers[0];
    expect(agent.securityContext.privileged).toBeUndefined();
    expect(agent.securityContext.capabilities).toEqual({
      drop: ['ALL'],
      add: ['BPF', 'NET_ADMIN', 'PERFMON', 'SYS_ADMIN', 'SYS_RESOURCE'],
    });
    const paths = spec.volumes
      .filter((v: { hostPath?: { path: string } }) => v.hostPath)
      .map((v: { hostPath: { path: string } }) => v.hostPath.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/sys/fs/bpf',
        '/run/sluice',
        '/var/lib/sluice',
        '/opt/cni/bin',
        '/etc/cni/net.d',
      ]),
    );
    expect(agent.env).toContainEqual({
      name: 'K8S_NODE_NAME',
      valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
    });
    expect(spec.initContainers[0].securityContext.capabilities.drop).toEqual(['ALL']);
  });

  it('the kustomization lists every manifest', () => {
    const k = docs('kustomization.yaml')[0]!;
    expect(k['resources']).toEqual(['rbac.yaml', 'configmap.yaml', 'daemonset.yaml']);
  });
});
