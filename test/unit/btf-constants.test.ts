// Every constant the datapath shares with TypeScript is a C enum (bpf/lib/common.h,
// bpf/lib/drop_reasons.h; sluice_btf_enums() in bpf/lib/events.h puts them into the BTF) and is
// defined once in agent/abi/constants.ts. Here the two must agree both ways: every TS constant
// is an enumerator of its C enum with the same value, every enumerator has its TS constant (or is
// listed as C-only), and every enum in the object is one of the shared ones.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { C_ONLY_ENUMERATORS, SHARED_ENUMS } from '../../agent/abi/constants.js';
import { REPO_ROOT } from '../../agent/config/config.js';

interface BtfEnum {
  id: number;
  kind: 'ENUM' | 'ENUM64';
  name: string;
  encoding: 'SIGNED' | 'UNSIGNED';
  size: number;
  values: { name: string; val: string }[];
}

const object = path.join(REPO_ROOT, 'build', 'bpf', 'lxc.o');
// Values are read as text, not JSON numbers: bpftool prints 64-bit values (and sign-extends a
// 32-bit value with the top bit set, 0x80000000 becomes 0xffffffff80000000 even in an UNSIGNED enum),
// beyond what a double holds exactly.
const json = execFileSync('bpftool', ['btf', 'dump', 'file', object, '-j'], { encoding: 'utf8' }).replace(
  /("val":\s*)(-?\d+)/g,
  '$1"$2"',
);
const btfEnums = (JSON.parse(json) as { types: { kind: string }[] }).types.filter(
  (t): t is BtfEnum => t.kind === 'ENUM' || t.kind === 'ENUM64',
);

/** An enumerator's value as the C enum's type holds it: `size` bytes, signed or not. */
function enumValue(e: BtfEnum, val: string): number {
  const bits = BigInt(e.size * 8);
  const v = BigInt.asUintN(Number(bits), BigInt(val));
  return Number(e.encoding === 'SIGNED' ? BigInt.asIntN(Number(bits), v) : v);
}

function cEnum(name: string): Map<string, number> | undefined {
  const e = btfEnums.find((t) => t.name === name);
  return e && new Map(e.values.map((v) => [v.name, enumValue(e, v.val)]));
}

describe('enums of bpf/lib/*.h in the BTF vs agent/abi/constants.ts', () => {
  it.each(Object.entries(SHARED_ENUMS))('enum %s', (name, ts) => {
    const c = cEnum(name);
    expect(c, `enum ${name} is not in the BTF of ${object} (is it in struct sluice_enums?)`).toBeDefined();
    for (const [constant, value] of Object.entries(ts)) {
      expect(c!.has(constant), `${constant} is an enumerator of enum ${name}`).toBe(true);
      expect(value, `value of ${constant}`).toBe(c!.get(constant));
    }
    const missing = [...c!.keys()].filter((n) => !(n in ts) && !(n in C_ONLY_ENUMERATORS));
    expect(missing, `enumerators of enum ${name} without a constant in constants.ts`).toEqual([]);
  });

  it('lists only C-only enumerators that C has and TypeScript does not', () => {
    for (const constant of Object.keys(C_ONLY_ENUMERATORS)) {
      const owner = Object.keys(SHARED_ENUMS).find((name) => cEnum(name)?.has(constant));
      expect(owner, `${constant} is an enumerator of a shared enum`).toBeDefined();
      expect(constant in SHARED_ENUMS[owner!]!, `${constant} is C-only`).toBe(false);
    }
  });

  it('covers every enum the object defines', () => {
    const cNames = btfEnums.map((t) => t.name).sort();
    expect(cNames).toEqual(Object.keys(SHARED_ENUMS).sort());
  });
});
