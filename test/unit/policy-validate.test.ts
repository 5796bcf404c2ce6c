import { describe, expect, it } from 'vitest';
import type { NetworkPolicy } from '../../agent/model/types.js';
import { isValidPortName, refusing, validatePolicy } from '../../agent/model/validate-policy.js';

function policy(spec: Partial<NetworkPolicy>): NetworkPolicy {
  return { namespace: 'x', name: 'p', podSelector: {}, ...spec };
}

/** Field paths and a message fragment of the expected errors; [] = valid. */
const cases: { name: string; policy: NetworkPolicy; want: [field: string, message: RegExp][] }[] = [
  { name: 'empty policy (deny all ingress)', policy: policy({}), want: [] },
  {
    name: 'a full valid policy',
    policy: policy({
      podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { podSelector: { matchLabels: { app: 'db' } }, namespaceSelector: {} },
            { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4/32'] } },
          ],
          ports: [
            { port: 80 },
            { protocol: 'UDP', port: 1000, endPort: 2000 },
            { protocol: 'SCTP' },
            { port: 'http' },
          ],
        },
      ],
      egress: [
        { to: [{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] } }] },
        {},
      ],
    }),
    want: [],
  },
  {
    name: 'bad cidr',
    policy: policy({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/40' } }] }] }),
    want: [['spec.ingress[0].from[0].ipBlock.cidr', /prefix length/]],
  },
  {
    name: 'cidr without a prefix length',
    policy: policy({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.1' } }] }] }),
    want: [['spec.egress[0].to[0].ipBlock.cidr', /not a CIDR/]],
  },
  {
    name: 'IPv6 cidrs and excepts (host bits dropped, as for IPv4)',
    policy: policy({
      egress: [
        {
          to: [
            { ipBlock: { cidr: 'fd00::/64', except: ['fd00::/80', 'fd00::1/128'] } },
            { ipBlock: { cidr: '::/0', except: ['fd00::/8'] } },
            { ipBlock: { cidr: '2001:DB8::1/32' } },
            { ipBlock: { cidr: '::ffff:10.0.0.0/104' } },
            { ipBlock: { cidr: '10.0.0.0/8' } },
          ],
        },
      ],
    }),
    want: [],
  },
  {
    name: 'malformed IPv6 cidrs',
    policy: policy({
      ingress: [
        {
          from: [
            { ipBlock: { cidr: 'fd00::/129' } },
            { ipBlock: { cidr: 'fd00::' } },
            { ipBlock: { cidr: 'fd00::g/64' } },
            { ipBlock: { cidr: '1:2:3:4:5:6:7:8:9/64' } },
            { ipBlock: { cidr: 'fd00::1::/64' } },
            { ipBlock: { cidr: 'fe80::1%eth0/64' } },
          ],
        },
      ],
    }),
    want: [
      ['spec.ingress[0].from[0].ipBlock.cidr', /bad prefix length \(0-128\)/],
      ['spec.ingress[0].from[1].ipBlock.cidr', /not a CIDR: missing \/prefix-length/],
      ['spec.ingress[0].from[2].ipBlock.cidr', /not an IPv6 CIDR: "g" is not a group/],
      ['spec.ingress[0].from[3].ipBlock.cidr', /not an IPv6 CIDR: 9 groups/],
      ['spec.ingress[0].from[4].ipBlock.cidr', /not an IPv6 CIDR: '::' appears more than once/],
      ['spec.ingress[0].from[5].ipBlock.cidr', /not an IPv6 CIDR: a zone index/],
    ],
  },
  {
    name: 'IPv6 excepts outside cidr, equal to cidr, malformed',
    policy: policy({
      egress: [
        {
          to: [
            {
              ipBlock: {
                cidr: 'fd00:1::/32',
                except: ['fd00:2::/48', 'fd00:1::/32', 'fd00::/16', 'fd00:1::/200', 'fd00:1::x/64'],
              },
            },
          ],
        },
      ],
    }),
    want: [
      [
        'spec.egress[0].to[0].ipBlock.except[0]',
        /"fd00:2::\/48" must be a strict subset of cidr "fd00:1::\/32"/,
      ],
      ['spec.egress[0].to[0].ipBlock.except[1]', /strict subset/],
      ['spec.egress[0].to[0].ipBlock.except[2]', /strict subset/],
      ['spec.egress[0].to[0].ipBlock.except[3]', /bad prefix length/],
      ['spec.egress[0].to[0].ipBlock.except[4]', /not an IPv6 CIDR/],
    ],
  },
  {
    name: 'IPv4 except in an IPv6 cidr, malformed IPv6 except in an IPv4 one',
    policy: policy({
      ingress: [
        {
          from: [
            { ipBlock: { cidr: 'fd00::/8', except: ['10.0.0.0/8', 'x'] } },
            { ipBlock: { cidr: '10.0.0.0/8', except: ['fd00::/200'] } },
          ],
        },
      ],
    }),
    want: [
      ['spec.ingress[0].from[0].ipBlock.except[0]', /IPv4, inside an IPv6 cidr: it excludes nothing/],
      ['spec.ingress[0].from[0].ipBlock.except[1]', /not a CIDR/],
      ['spec.ingress[0].from[1].ipBlock.except[0]', /bad prefix length \(0-128\)/],
    ],
  },
  {
    name: 'IPv6 except',
    policy: policy({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['fd00::/64'] } }] }] }),
    want: [['spec.egress[0].to[0].ipBlock.except[0]', /IPv6, inside an IPv4 cidr: it excludes nothing/]],
  },
  {
    name: 'except outside cidr, equal to cidr, malformed',
    policy: policy({
      ingress: [
        {
          from: [
            { ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24', '10.0.0.0/16', '10.0.0.0/8', 'x'] } },
          ],
        },
      ],
    }),
    want: [
      ['spec.ingress[0].from[0].ipBlock.except[0]', /strict subset/],
      ['spec.ingress[0].from[0].ipBlock.except[1]', /strict subset/],
      ['spec.ingress[0].from[0].ipBlock.except[2]', /strict subset/],
      ['spec.ingress[0].from[0].ipBlock.except[3]', /not a CIDR/],
    ],
  },
  {
    name: 'ipBlock with a selector in one peer',
    policy: policy({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] }),
    want: [['spec.ingress[0].from[0]', /cannot be combined/]],
  },
  {
    name: 'ipBlock with a namespaceSelector in one peer',
    policy: policy({ egress: [{}, { to: [{ namespaceSelector: {}, ipBlock: { cidr: '10.0.0.0/8' } }] }] }),
    want: [['spec.egress[1].to[0]', /cannot be combined/]],
  },
  {
    name: 'empty peer',
    policy: policy({ ingress: [{ from: [{ podSelector: {} }, {}] }] }),
    want: [['spec.ingress[0].from[1]', /must specify one of/]],
  },
  {
    name: 'unknown and lowercase protocols',
    policy: policy({
      ingress: [{ ports: [{ protocol: 'ICMP' }, { protocol: 'tcp', port: 80 }, { protocol: 'SCTP' }] }],
    }),
    want: [
      ['spec.ingress[0].ports[0].protocol', /unsupported protocol "ICMP"/],
      ['spec.ingress[0].ports[1].protocol', /unsupported protocol "tcp"/],
    ],
  },
  {
    name: 'port numbers out of range',
    policy: policy({ egress: [{ ports: [{ port: 0 }, { port: 65536 }, { port: 65535 }, { port: 1.5 }] }] }),
    want: [
      ['spec.egress[0].ports[0].port', /not a port number/],
      ['spec.egress[0].ports[1].port', /not a port number/],
      ['spec.egress[0].ports[3].port', /not a port number/],
    ],
  },
  {
    name: 'endPort below port, above 65535, with a named port, without port',
    policy: policy({
      ingress: [
        {
          ports: [
            { port: 81, endPort: 80 },
            { port: 80, endPort: 70000 },
            { port: 'http', endPort: 90 },
            { endPort: 90 },
            { port: 80, endPort: 80 },
          ],
        },
      ],
    }),
    want: [
      ['spec.ingress[0].ports[0].endPort', /less than port/],
      ['spec.ingress[0].ports[1].endPort', /not a port number/],
      ['spec.ingress[0].ports[2].endPort', /named port/],
      ['spec.ingress[0].ports[3].endPort', /requires port/],
    ],
  },
  {
    name: 'invalid port names',
    policy: policy({
      ingress: [
        {
          ports: [
            { port: 'HTTP' },
            { port: '8080' },
            { port: '-http' },
            { port: 'http-' },
            { port: 'ht--tp' },
            { port: 'a-very-long-name' },
            { port: '' },
            { port: 'serve-80-tcp' },
          ],
        },
      ],
    }),
    want: [0, 1, 2, 3, 4, 5, 6].map((i) => [`spec.ingress[0].ports[${i}].port`, /IANA_SVC_NAME/]),
  },
  {
    name: 'label selector operators and values',
    policy: policy({
      podSelector: { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      ingress: [
        {
          from: [
            {
              podSelector: { matchExpressions: [{ key: 'a', operator: 'NotIn' }] },
              namespaceSelector: {
                matchExpressions: [
                  { key: 'a', operator: 'Exists', values: ['x'] },
                  { key: 'a', operator: 'DoesNotExist', values: ['x'] },
                  { key: 'a', operator: 'Equals' as 'In', values: ['x'] },
                  { key: 'a', operator: 'DoesNotExist', values: [] },
                ],
              },
            },
          ],
        },
      ],
    }),
    want: [
      ['spec.podSelector.matchExpressions[0].values', /non-empty for operator In/],
      ['spec.ingress[0].from[0].podSelector.matchExpressions[0].values', /non-empty for operator NotIn/],
      ['spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values', /empty for operator Exists/],
      [
        'spec.ingress[0].from[0].namespaceSelector.matchExpressions[1].values',
        /empty for operator DoesNotExist/,
      ],
      [
        'spec.ingress[0].from[0].namespaceSelector.matchExpressions[2].operator',
        /unsupported operator "Equals"/,
      ],
    ],
  },
  {
    name: 'unknown policyTypes value',
    policy: policy({ policyTypes: ['Ingress', 'ingress' as 'Ingress'] }),
    want: [['spec.policyTypes[1]', /unsupported value "ingress"/]],
  },
];

describe('validatePolicy', () => {
  for (const c of cases) {
    it(c.name, () => {
      const errors = validatePolicy(c.policy);
      expect(errors.map((e) => e.field)).toEqual(c.want.map(([field]) => field));
      errors.forEach((e, i) => {
        expect(e.policy).toBe('x/p');
        expect(e.message).toMatch(c.want[i]![1]);
      });
    });
  }
});

describe('warnings', () => {
  it('an except of the other family is ignored (a warning); malformed ones refuse the policy', () => {
    const errors = validatePolicy(
      policy({
        egress: [
          {
            to: [
              { ipBlock: { cidr: '10.0.0.0/8', except: ['fd00::/64', 'fd00::/200'] } },
              { ipBlock: { cidr: 'fd00::/8', except: ['10.0.0.0/8', 'fd00::/4'] } },
            ],
          },
        ],
      }),
    );
    expect(errors.map((e) => [e.field, e.warning ?? false])).toEqual([
      ['spec.egress[0].to[0].ipBlock.except[0]', true],
      ['spec.egress[0].to[0].ipBlock.except[1]', false],
      ['spec.egress[0].to[1].ipBlock.except[0]', true],
      ['spec.egress[0].to[1].ipBlock.except[1]', false],
    ]);
    expect(refusing(errors).map((e) => e.field)).toEqual([
      'spec.egress[0].to[0].ipBlock.except[1]',
      'spec.egress[0].to[1].ipBlock.except[1]',
    ]);
  });

  it('a well-formed IPv6 ipBlock is not warned about any more', () => {
    expect(validatePolicy(policy({ egress: [{ to: [{ ipBlock: { cidr: 'fd00::/64' } }] }] }))).toEqual([]);
  });
});

describe('isValidPortName', () => {
  it.each(['http', 'h', 'a1', 'serve-80-tcp', 'abcdefghijklmno', 'x-y-z', '1a'])('accepts %j', (n) => {
    expect(isValidPortName(n)).toBe(true);
  });
  it.each(['', '1', '80', 'Http', 'h_p', '-a', 'a-', 'a--b', 'abcdefghijklmnop', 'a.b'])(
    'rejects %j',
    (n) => {
      expect(isValidPortName(n)).toBe(false);
    },
  );
});
