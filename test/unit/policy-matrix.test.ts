// simulateMatrix: the reachability the compiler gives, per address family (an ipBlock of one
// family says nothing about connections of the other).

import { describe, expect, it } from 'vitest';
import type { NetworkPolicy, Pod, Snapshot } from '../../agent/model/types.js';
import { simulateMatrix } from '../../agent/policy/matrix.js';

const pod = (name: string, ip: string, ipv6: string): Pod => ({
  namespace: 'x',
  name,
  labels: { pod: name },
  ip,
  ipv6,
  ports: [],
});

const fromBlock: NetworkPolicy = {
  namespace: 'x',
  name: 'c-from-block',
  podSelector: { matchLabels: { pod: 'c' } },
  policyTypes: ['Ingress'],
  ingress: [
    {
      from: [{ ipBlock: { cidr: 'fd00:1::/64', except: ['fd00:1::2/128'] } }],
      ports: [{ protocol: 'TCP', port: 80 }],
    },
  ],
};

const snapshot: Snapshot = {
  namespaces: [{ name: 'x', labels: {} }],
  pods: [
    pod('a', '10.0.0.1', 'fd00:1::1'),
    pod('b', '10.0.0.2', 'fd00:1::2'),
    pod('c', '10.0.0.3', 'fd00:2::3'),
  ],
  policies: [fromBlock],
};

describe('simulateMatrix', () => {
  const cases = ['x/a', 'x/b'].map((from) => ({ from, to: 'x/c', port: 80, protocol: 'TCP' as const }));

  it('matches an IPv6 ipBlock and its except against the pods’ IPv6 addresses, over IPv6 only', () => {
    expect(simulateMatrix(snapshot, cases, 6).verdicts.map((v) => v.connected)).toEqual([true, false]);
    expect(simulateMatrix(snapshot, cases, 4).verdicts.map((v) => v.connected)).toEqual([false, false]);
  });

  it('says which pod lacks an address of the family', () => {
    const v4only: Snapshot = {
      ...snapshot,
      pods: snapshot.pods.map((p) => (p.name === 'b' ? { ...p, ipv6: undefined } : p)),
    };
    expect(() => simulateMatrix(v4only, cases, 6)).toThrow(/Pod x\/b: status.podIPs has no IPv6 address/);
  });
});
