// A probe target as the lab, the harness and the probe tools write it: "ip:port/PROTO", an IPv6
// address in brackets ("[addr]:port/PROTO"). No imports: probe.js starts in every probe.

export interface ProbeTarget {
  host: string;
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

export function parseTarget(target: string): ProbeTarget | undefined {
  const m = /^(?:([0-9.]+)|\[([0-9a-fA-F:.]+)\]):(\d+)\/(TCP|UDP|SCTP)$/i.exec(target);
  if (!m) return undefined;
  const [, ipv4, ipv6, port, protocol] = m;
  return {
    host: (ipv4 ?? ipv6)!,
    port: Number(port),
    protocol: protocol!.toUpperCase() as ProbeTarget['protocol'],
  };
}
