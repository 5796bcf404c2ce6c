// Pods come and go under policies already in force: a new pod is enforced from its first packet,
// a removed pod leaves nothing behind in any map.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import {
  cidrKeyCodec,
  endpointKeyCodec,
  ipcacheKeyCodec,
  policyKeyCodec,
} from '../../agent/datapath/codecs.js';
import type { Reconciler } from '../../agent/reconciler/reconciler.js';
import { Store } from '../../agent/state/store.js';
import { TestCluster } from '../harness/cluster.js';

let cluster: TestCluster;
let store: Store;
let reconciler: Reconciler;

beforeAll(async () => {
  cluster = await TestCluster.start();
  store = new Store();
  store.upsertNamespace({ name: 'shop', labels: {} });
  reconciler = cluster.reconciler(store);
  // In force before any pod exists: db only from api, and only from 10.254.0.0/24 addresses.
  store.upsertPolicy({
    namespace: 'shop',
    name: 'db',
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [
      { from: [{ podSelector: { matchLabels: { app: 'api' } } }, { ipBlock: { cidr: '10.254.0.0/24' } }] },
    ],
  });
  await reconciler.reconcile();
});
afterAll(async () => {
  await cluster?.destroy();
});

async function addPod(name: string, ip: string, app: string) {
  store.upsertPod({ namespace: 'shop', name, labels: { app }, ip, ports: [] });
  await cluster.addPod(`shop/${name}`, ip, { tcp: [80] });
  await reconciler.reconcile();
}

it('enforces policy on a pod from its first connection, and cleans every map when it goes', async () => {
  await addPod('db', '10.254.1.1', 'db');
  await addPod('web', '10.254.1.2', 'web');
  await addPod('api', '10.254.1.3', 'api');
  const web = cluster.pod('shop/web');
  const api = cluster.pod('shop/api');
  expect((await cluster.probe(web, '10.254.1.1', 80)).connected).toBe(false);
  expect(await cluster.probe(api, '10.254.1.1', 80)).toMatchObject({ connected: true, reply: 'shop/db' });

  const db = cluster.pod('shop/db').endpoint;
  store.deletePod('shop', 'db');
  await cluster.removePod('shop/db');
  await reconciler.reconcile();

  const pins = `${cluster.cfg.pinRoot}/maps`;
  const endpoints = (await dumpMap(`${pins}/sluice_endpoints`)).map(
    (e) => endpointKeyCodec.decode(e.key).addr,
  );
  expect(endpoints.sort()).toEqual(['10.254.1.2', '10.254.1.3']);
  const ipcache = (await dumpMap(`${pins}/sluice_ipcache_v2`)).map((e) => ipcacheKeyCodec.decode(e.key).addr);
  expect(ipcache).not.toContain(db.ip);
  const policyOwners = (await dumpMap(`${pins}/sluice_policy`)).map(
    (e) => policyKeyCodec.decode(e.key).endpoint_id,
  );
  expect(policyOwners).not.toContain(db.id);
  const cidrOwners = (await dumpMap(`${pins}/sluice_cidr`)).map(
    (e) => cidrKeyCodec.decode(e.key).endpoint_id,
  );
  expect(cidrOwners).not.toContain(db.id);
  expect(policyOwners.length + cidrOwners.length).toBe(0);
});
