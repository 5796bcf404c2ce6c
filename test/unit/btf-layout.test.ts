// Every TS codec must match its C struct in the object's BTF: size, and each field's offset and
// width. Moving a field in bpf/lib/common.h without updating agent/datapath/codecs.ts fails here.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';
import { fieldSize, SHARED_STRUCTS } from '../../agent/datapath/codecs.js';

interface BtfType {
  id: number;
  kind: string;
  name: string;
  size?: number;
  type_id?: number;
  nr_elems?: number;
  members?: { name: string; type_id: number; bits_offset: number }[];
}

const object = path.join(REPO_ROOT, 'build', 'bpf', 'lxc.o');
const btf = JSON.parse(
  execFileSync('bpftool', ['btf', 'dump', 'file', object, '-j'], { encoding: 'utf8' }),
) as {
  types: BtfType[];
};
const byId = new Map(btf.types.map((t) => [t.id, t]));

function sizeOf(id: number): number {
  const t = byId.get(id);
  if (!t) throw new Error(`BTF type ${id} missing`);
  switch (t.kind) {
    case 'INT':
    case 'STRUCT':
    case 'UNION':
    case 'ENUM':
      return t.size!;
    case 'ARRAY':
      return t.nr_elems! * sizeOf(t.type_id!);
    case 'TYPEDEF':
    case 'VOLATILE':
    case 'CONST':
      return sizeOf(t.type_id!);
    default:
      throw new Error(`unexpected BTF kind ${t.kind}`);
  }
}

describe('BTF layout of bpf/lib/common.h vs agent/datapath/codecs.ts', () => {
  it.each(SHARED_STRUCTS.map((c) => [c.cName, c] as const))('struct %s', (name, codec) => {
    const struct = btf.types.find((t) => t.kind === 'STRUCT' && t.name === name);
    expect(struct, `struct ${name} is not in the BTF of ${object}`).toBeDefined();
    expect(codec.size, `sizeof(struct ${name})`).toBe(struct!.size);
    const members = new Map(struct!.members!.map((m) => [m.name, m]));
    for (const f of codec.fields) {
      const m = members.get(f.name);
      expect(m, `${name}.${f.name} exists in C`).toBeDefined();
      expect(f.offset, `offset of ${name}.${f.name}`).toBe(m!.bits_offset / 8);
      expect(fieldSize(f.type), `size of ${name}.${f.name}`).toBe(sizeOf(m!.type_id));
    }
    // Every C member is decoded, except explicit padding and a member that is a shared struct of
    // its own (flow_event6.base), which that struct's codec decodes.
    const decoded = new Set(codec.fields.map((f) => f.name));
    const sharedNames = new Set(SHARED_STRUCTS.map((c) => c.cName));
    const isShared = (id: number) => {
      const t = byId.get(id);
      return t?.kind === 'STRUCT' && sharedNames.has(t.name);
    };
    const missing = [...members.values()]
      .filter((m) => !m.name.startsWith('pad') && !decoded.has(m.name) && !isShared(m.type_id))
      .map((m) => m.name);
    expect(missing, `members of ${name} without a codec field`).toEqual([]);
  });

  it('covers every Sluice struct the object defines', () => {
    // struct sluice_enums is no layout: it only puts the shared enums into the BTF (events.h).
    // packet and verdict are the programs' own (parse.h, events.h), in the BTF as arguments of the
    // global functions events_emit and deliver_routed; no map or event holds them.
    const PROGRAM_ONLY = new Set(['sluice_enums', 'packet', 'verdict']);
    const cStructs = btf.types
      .filter((t) => t.kind === 'STRUCT' && t.name !== '(anon)' && !t.name.startsWith('__'))
      .filter((t) => !PROGRAM_ONLY.has(t.name))
      .map((t) => t.name)
      .sort();
    expect(cStructs).toEqual(SHARED_STRUCTS.map((c) => c.cName).sort());
  });
});
