// What the compiler refuses to enforce. Mostly what the API server rejects too, so a policy that
// reaches us from a lenient source (a file, an old API server) cannot be half-applied.

import { type Cidr, CidrError, cidrContains, parseCidr } from '../net/ipv4.js';
import { type Cidr6, cidrContainsV6, isIPv6Text, parseCidrV6 } from '../net/ipv6.js';
import { protocolNumber } from '../net/protocols.js';
import type {
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  PolicyType,
} from './types.js';
import { policyKey } from './types.js';

const POLICY_TYPES: readonly PolicyType[] = ['Ingress', 'Egress'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

type Report = (field: string, message: string, warning?: boolean) => void;

/** Errors refuse the policy; warnings only name a part that is ignored. */
export function refusing(problems: readonly PolicyError[]): PolicyError[] {
  return problems.filter((p) => !p.warning);
}

export function validatePolicy(p: NetworkPolicy): PolicyError[] {
  const errors: PolicyError[] = [];
  const policy = policyKey(p);
  const report: Report = (field, message, warning) =>
    errors.push({ policy, field, message, ...(warning ? { warning } : {}) });

  validateSelector(p.podSelector, 'spec.podSelector', report);
  (p.policyTypes ?? []).forEach((t, i) => {
    if (!POLICY_TYPES.includes(t)) {
      report(`spec.policyTypes[${i}]`, `unsupported value "${String(t)}": must be Ingress or Egress`);
    }
  });
  (p.ingress ?? []).forEach((rule, i) => {
    validateRule(`spec.ingress[${i}]`, 'from', rule.from, rule.ports, report);
  });
  (p.egress ?? []).forEach((rule, i) => {
    validateRule(`spec.egress[${i}]`, 'to', rule.to, rule.ports, report);
  });
  return errors;
}

/** IANA_SVC_NAME: 1-15 lowercase alphanumerics or '-', at least one letter, '-' only between others. */
export function isValidPortName(name: string): boolean {
  return IANA_SVC_NAME.test(name) && /[a-z]/.test(name) && !name.includes('--');
}

function validateRule(
  path: string,
  peersField: 'from' | 'to',
  peers: NetworkPolicyPeer[] | undefined,
  ports: NetworkPolicyPort[] | undefined,
  report: Report,
): void {
  (peers ?? []).forEach((peer, i) => {
    validatePeer(peer, `${path}.${peersField}[${i}]`, report);
  });
  (ports ?? []).forEach((port, i) => {
    validatePort(port, `${path}.ports[${i}]`, report);
  });
}

function validatePeer(peer: NetworkPolicyPeer, path: string, report: Report): void {
  const hasSelector = peer.podSelector !== undefined || peer.namespaceSelector !== undefined;
  if (!hasSelector && peer.ipBlock === undefined) {
    report(path, 'must specify one of podSelector, namespaceSelector or ipBlock');
    return;
  }
  if (hasSelector && peer.ipBlock !== undefined) {
    report(path, 'ipBlock cannot be combined with podSelector or namespaceSelector');
  }
  if (peer.podSelector) validateSelector(peer.podSelector, `${path}.podSelector`, report);
  if (peer.namespaceSelector) validateSelector(peer.namespaceSelector, `${path}.namespaceSelector`, report);
  if (!peer.ipBlock) return;

  const block = peer.ipBlock;
  let cidr: FamilyCidr | undefined;
  try {
    cidr = parseFamilyCidr(block.cidr);
  } catch (e) {
    report(`${path}.ipBlock.cidr`, cidrMessage(e));
  }
  const v6 = isIPv6Text(block.cidr);
  (block.except ?? []).forEach((text, i) => {
    const field = `${path}.ipBlock.except[${i}]`;
    let except: FamilyCidr;
    try {
      except = parseFamilyCidr(text);
    } catch (e) {
      report(field, cidrMessage(e));
      return;
    }
    if (except.v6 !== v6) {
      const [its, cidrs] = v6 ? ['IPv4', 'IPv6'] : ['IPv6', 'IPv4'];
      report(field, `"${text}" is ${its}, inside an ${cidrs} cidr: it excludes nothing and is ignored`, true);
    } else if (cidr && !strictSubset(cidr, except)) {
      report(field, `"${text}" must be a strict subset of cidr "${block.cidr}"`);
    }
  });
}

type FamilyCidr = { v6: false; cidr: Cidr } | { v6: true; cidr: Cidr6 };

function parseFamilyCidr(text: string): FamilyCidr {
  return isIPv6Text(text) ? { v6: true, cidr: parseCidrV6(text) } : { v6: false, cidr: parseCidr(text) };
}

function strictSubset(outer: FamilyCidr, inner: FamilyCidr): boolean {
  if (inner.cidr.len <= outer.cidr.len) return false;
  if (outer.v6 && inner.v6) return cidrContainsV6(outer.cidr, inner.cidr);
  if (!outer.v6 && !inner.v6) return cidrContains(outer.cidr, inner.cidr);
  return false;
}

function cidrMessage(e: unknown): string {
  if (e instanceof CidrError) return e.message;
  throw e;
}

function validatePort(port: NetworkPolicyPort, path: string, report: Report): void {
  if (port.protocol !== undefined && protocolNumber(port.protocol) === undefined) {
    report(`${path}.protocol`, `unsupported protocol "${port.protocol}": must be TCP, UDP or SCTP`);
  }
  if (typeof port.port === 'number') {
    if (!isPortNumber(port.port)) report(`${path}.port`, `${port.port} is not a port number in 1..65535`);
  } else if (typeof port.port === 'string') {
    if (!isValidPortName(port.port)) {
      report(`${path}.port`, `"${port.port}" is neither a port number nor a valid port name (IANA_SVC_NAME)`);
    }
  } else if (port.port !== undefined) {
    report(`${path}.port`, 'must be a number or a port name');
  }
  if (port.endPort === undefined) return;
  const field = `${path}.endPort`;
  if (port.port === undefined) report(field, 'endPort requires port');
  else if (typeof port.port === 'string') report(field, 'endPort cannot be used with a named port');
  else if (!isPortNumber(port.endPort)) report(field, `${port.endPort} is not a port number in 1..65535`);
  else if (port.endPort < port.port) report(field, `endPort ${port.endPort} is less than port ${port.port}`);
}

function isPortNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

function validateSelector(selector: LabelSelector, path: string, report: Report): void {
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const field = `${path}.matchExpressions[${i}]`;
    const count = req.values?.length ?? 0;
    switch (req.operator) {
      case 'In':
      case 'NotIn':
        if (count === 0) report(`${field}.values`, `must be non-empty for operator ${req.operator}`);
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (count > 0) report(`${field}.values`, `must be empty for operator ${req.operator}`);
        break;
      default:
        report(
          `${field}.operator`,
          `unsupported operator "${String(req.operator)}": must be one of ${OPERATORS.join(', ')}`,
        );
    }
  });
}

/** A NetworkPolicy the compiler cannot enforce; the object and the field, for logs and events. */
export interface PolicyError {
  policy: string;
  /** JSON path into the object, e.g. spec.ingress[0].ports[1].endPort */
  field: string;
  message: string;
  /** The policy still applies; only this part of it is ignored (an except of the other address
   * family than its ipBlock's cidr, which excludes nothing). Without it, the whole policy is
   * refused. */
  warning?: boolean;
}
