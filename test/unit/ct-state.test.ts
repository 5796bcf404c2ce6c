// `sluice ct list`'s state column: TCP's states, and SCTP's, whose chunks the datapath tracks as
// TCP flags (bpf/lib/parse.h sctp_as_tcp_flags).

import { describe, expect, it } from 'vitest';
import { CT_FLAGS } from '../../agent/abi/constants.js';
import { ctState } from '../../tools/commands/ct.js';

const { CT_F_SEEN_REPLY, CT_F_FIN_FWD, CT_F_FIN_REV, CT_F_RST, CT_F_SYN_ONLY } = CT_FLAGS;

describe('ct list state', () => {
  it('names TCP and SCTP states each in their own terms', () => {
    const cases: [number, string, string][] = [
      [CT_F_SYN_ONLY, 'syn-sent', 'init-sent'],
      [CT_F_SEEN_REPLY, 'established', 'established'],
      [CT_F_SEEN_REPLY | CT_F_FIN_FWD, 'half-closed', 'shutting-down'],
      [CT_F_SEEN_REPLY | CT_F_FIN_FWD | CT_F_FIN_REV, 'closing', 'shut-down'],
      [CT_F_SEEN_REPLY | CT_F_RST, 'reset', 'aborted'],
    ];
    for (const [flags, tcp, sctp] of cases) {
      expect(ctState(flags, 6)).toBe(tcp);
      expect(ctState(flags, 132)).toBe(sctp);
    }
  });

  it('says only new or replied for protocols without states', () => {
    expect(ctState(0, 17)).toBe('new');
    expect(ctState(CT_F_SEEN_REPLY, 1)).toBe('replied');
  });
});
