// The API server harness on its own, without Sluice: a private etcd + kube-apiserver, RBAC that
// lets a ServiceAccount only read pods (with a token from the TokenRequest API), state surviving an
// API server restart, and an etcd compaction the API server lives through.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestApiServer } from '../harness/apiserver.js';

const NS = 'x';
const SA = 'pod-reader';

let api: TestApiServer | undefined;
let token = '';

const server = (): TestApiServer => {
  if (!api) throw new Error('the API server did not start');
  return api;
};

async function ok(args: string[], opts: { input?: string; token?: string } = {}): Promise<string> {
  const r = await server().kubectl(args, opts);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr.trim()}`);
  return r.stdout;
}

// The first run builds kube-apiserver, kubectl and etcd from source (minutes).
beforeAll(async () => {
  api = await TestApiServer.start();
}, 1_800_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

it('serves the API with the admin token', async () => {
  const version = JSON.parse(await ok(['version', '-o', 'json'])) as {
    serverVersion?: { gitVersion?: string };
  };
  expect(version.serverVersion?.gitVersion).toMatch(/^v1\.\d+\.\d+/);
  await ok(['create', 'namespace', NS]);
  expect(await ok(['get', 'namespace', NS, '-o', 'jsonpath={.metadata.name}'])).toBe(NS);
});

it('mints a ServiceAccount token that RBAC limits to reading pods', async () => {
  await ok(['create', 'serviceaccount', SA, '-n', NS]);
  await ok(['create', 'clusterrole', 'sluice-smoke-pod-reader', '--verb=get,list,watch', '--resource=pods']);
  await ok([
    'create',
    'clusterrolebinding',
    'sluice-smoke-pod-reader',
    '--clusterrole=sluice-smoke-pod-reader',
    `--serviceaccount=${NS}:${SA}`,
  ]);
  token = (await ok(['create', 'token', SA, '-n', NS, '--duration=1h'])).trim();
  expect(token.split('.')).toHaveLength(3); // a JWT

  const whoami = JSON.parse(await ok(['auth', 'whoami', '-o', 'json'], { token })) as {
    status?: { userInfo?: { username?: string } };
  };
  expect(whoami.status?.userInfo?.username).toBe(`system:serviceaccount:${NS}:${SA}`);

  const canList = await server().kubectl(['auth', 'can-i', 'list', 'pods', '-n', NS], { token });
  expect(canList.stdout.trim()).toBe('yes');
  expect(canList.code).toBe(0);
  const canCreate = await server().kubectl(['auth', 'can-i', 'create', 'pods', '-n', NS], { token });
  expect(canCreate.stdout.trim()).toBe('no');
  expect(canCreate.code).not.toBe(0);

  await ok(['get', 'pods', '-n', NS], { token });
  const secrets = await server().kubectl(['get', 'secrets', '-n', NS], { token });
  expect(secrets.code).not.toBe(0);
  expect(secrets.stderr).toMatch(/Forbidden|forbidden/);
  expect(secrets.stderr).toContain('secrets');
});

it('keeps its state across an API server restart', async () => {
  await server().restart();
  expect(await ok(['get', 'namespace', NS, '-o', 'jsonpath={.metadata.name}'])).toBe(NS);
  // The token is still valid: the signing key and the ServiceAccount are unchanged.
  const canList = await server().kubectl(['auth', 'can-i', 'list', 'pods', '-n', NS], { token });
  expect(canList.stdout.trim()).toBe('yes');
});

it('survives an etcd compaction', async () => {
  const before = await server().etcdRevision();
  await ok(['create', 'configmap', 'after-restart', '-n', NS, '--from-literal=k=v']);
  const compacted = await server().compactEtcd();
  expect(compacted).toBeGreaterThan(before);
  // History before the compacted revision is gone in etcd itself...
  await expect(
    server().etcdRequest('/v3/kv/range', {
      key: Buffer.from('/registry/').toString('base64'),
      revision: String(before),
      limit: 1,
    }),
  ).rejects.toThrow(/compacted/);
  // ...and the API server carries on.
  await ok(['create', 'configmap', 'after-compaction', '-n', NS, '--from-literal=k=v']);
  expect(await ok(['get', 'configmaps', '-n', NS, '-o', 'name'])).toContain('configmap/after-compaction');
});
