// sluice-cni.c speaks protobuf by hand: every field it reads or writes is a constant
// PB_<Message>_<field> made from its PB_FIELDS table, X(Message, field, number, wire type). The
// table must match agent/api/sluice.proto (message, field, number, wire type), every entry must be
// used, and no pb_* call or `.num` comparison may use anything but such a constant.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';

const PROTO = path.join(REPO_ROOT, 'agent', 'api', 'sluice.proto');
const C_SOURCE = path.join(REPO_ROOT, 'cni', 'sluice-cni.c');
const PACKAGE = 'sluice.v1';

// Protobuf's wire types, by the names the C gives them.
const WIRE_TYPES: Record<string, number> = { PB_VARINT: 0, PB_I64: 1, PB_LEN: 2, PB_I32: 5 };
const WIRE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(WIRE_TYPES).map(([name, n]) => [n, name]),
);

interface Entry {
  message: string;
  field: string;
  number: number;
  wireType: string;
  line: number;
}

// The C source without comments (strings and character literals kept), same length and lines.
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

interface Parsed {
  entries: Entry[];
  wireDefines: Map<string, number>;
  // The source without comments and with the PB_FIELDS table blanked out.
  code: string;
  problems: string[];
}

function parseC(src: string): Parsed {
  const text = stripComments(src);
  const problems: string[] = [];
  const wireDefines = new Map<string, number>();
  for (const m of text.matchAll(/^#define\s+(PB_(?:VARINT|I64|LEN|I32))\s+(\d+)\s*$/gm)) {
    wireDefines.set(m[1]!, Number(m[2]));
  }
  const start = text.search(/^#define\s+PB_FIELDS\(X\)/m);
  if (start < 0) return { entries: [], wireDefines, code: text, problems: ['no #define PB_FIELDS(X) table'] };
  // The table: its #define line and every line continued from it with a backslash.
  let end = start;
  for (;;) {
    const nl = text.indexOf('\n', end);
    const lineEnd = nl < 0 ? text.length : nl;
    const continued = text.slice(end, lineEnd).trimEnd().endsWith('\\');
    end = nl < 0 ? text.length : nl + 1;
    if (!continued || nl < 0) break;
  }
  const table = text.slice(start, end);
  const entries: Entry[] = [];
  const firstLine = lineOf(text, start);
  table.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\\\s*$/, '').trim();
    if (i === 0) {
      // Entries may follow the macro's name on its own line too.
      if (line === '#define PB_FIELDS(X)') return;
    }
    const body = i === 0 ? line.replace(/^#define\s+PB_FIELDS\(X\)\s*/, '') : line;
    if (body === '') return;
    const m = /^X\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\d+)\s*,\s*(\w+)\s*\)$/.exec(body);
    if (!m) {
      problems.push(
        `sluice-cni.c:${firstLine + i}: not a PB_FIELDS entry X(message, field, number, wire type): ${body}`,
      );
      return;
    }
    entries.push({
      message: m[1]!,
      field: m[2]!,
      number: Number(m[3]),
      wireType: m[4]!,
      line: firstLine + i,
    });
  });
  // The constants must be made from the table, as PB_<message>_<field> = number.
  const maker =
    /#define\s+(\w+)\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*,\s*\w+\s*\)\s+PB_##(\w+)##_##(\w+)\s*=\s*(\w+)\s*,/.exec(
      text,
    );
  if (!maker || maker[5] !== maker[2] || maker[6] !== maker[3] || maker[7] !== maker[4]) {
    problems.push('the PB_<message>_<field> = number constants are not made from PB_FIELDS');
  } else if (!new RegExp(`enum\\s*(\\w+\\s*)?\\{\\s*PB_FIELDS\\(\\s*${maker[1]}\\s*\\)\\s*\\}`).test(text)) {
    problems.push(`no enum { PB_FIELDS(${maker[1]}) }`);
  }
  const code = text.slice(0, start) + table.replace(/[^\n]/g, ' ') + text.slice(end);
  return { entries, wireDefines, code, problems };
}

// The wire type a field of the .proto is written with.
function protoWireType(field: protobuf.Field): number {
  if (field.map) return 2;
  const scalar = protobuf.types.basic[field.type as keyof typeof protobuf.types.basic];
  const isEnum = field.resolvedType instanceof protobuf.Enum;
  if (field.repeated && field.packed && (isEnum || (scalar !== undefined && scalar !== 2))) return 2;
  if (field.resolvedType instanceof protobuf.Type) return 2;
  if (isEnum) return 0;
  if (scalar === undefined) throw new Error(`${field.fullName}: unknown type ${field.type}`);
  return scalar;
}

// What the C does with a field, read from the code right after `at` up to the end of the statement:
// a varint read (.v), a length-delimited one (.data, pb_copy, pb_sub), or undetermined.
function decodeUse(code: string, at: number, variable: string, statementEnd: RegExp): string | undefined {
  const rest = code.slice(at);
  const stop = rest.search(statementEnd);
  const stmt = stop < 0 ? rest : rest.slice(0, stop + 1);
  const v = variable.replace(/\W/g, '');
  if (new RegExp(`\\b${v}(\\.|->)v\\b`).test(stmt)) return 'PB_VARINT';
  if (
    new RegExp(`\\b${v}(\\.|->)data\\b|\\bpb_copy(_prefix)?\\(\\s*&?${v}\\b|\\bpb_sub\\(\\s*&?${v}\\b`).test(
      stmt,
    )
  ) {
    return 'PB_LEN';
  }
  return undefined;
}

function check(src: string, root: protobuf.Root): string[] {
  const { entries, wireDefines, code, problems } = parseC(src);
  const where = (e: Entry) =>
    `sluice-cni.c:${e.line}: X(${e.message}, ${e.field}, ${e.number}, ${e.wireType})`;

  for (const [name, value] of Object.entries(WIRE_TYPES)) {
    const got = wireDefines.get(name);
    if (got !== undefined && got !== value) problems.push(`#define ${name} ${got}: protobuf's is ${value}`);
  }
  if (entries.length === 0) problems.push('PB_FIELDS has no entries');

  const byName = new Map<string, Entry>();
  const byNumber = new Map<string, Entry>();
  for (const e of entries) {
    const name = `PB_${e.message}_${e.field}`;
    if (byName.has(name)) problems.push(`${where(e)}: ${e.message}.${e.field} is in the table twice`);
    byName.set(name, e);
    const key = `${e.message}#${e.number}`;
    if (byNumber.has(key))
      problems.push(`${where(e)}: ${e.message} field number ${e.number} is in the table twice`);
    byNumber.set(key, e);

    if (!(e.wireType in WIRE_TYPES)) {
      problems.push(`${where(e)}: unknown wire type ${e.wireType}`);
    } else if (!wireDefines.has(e.wireType)) {
      problems.push(`${where(e)}: ${e.wireType} is not #defined`);
    }
    const type = root.lookup(`${PACKAGE}.${e.message}`);
    if (!(type instanceof protobuf.Type)) {
      problems.push(`${where(e)}: no message ${e.message} in sluice.proto`);
      continue;
    }
    const field = type.fields[e.field];
    if (!field) {
      const reserved = (type.reserved ?? []).some((r) => r === e.field);
      problems.push(
        `${where(e)}: ${e.message} has no field ${e.field}${reserved ? ' (it is reserved)' : ''}`,
      );
      continue;
    }
    if (field.id !== e.number)
      problems.push(`${where(e)}: ${e.message}.${e.field} is ${field.id} in sluice.proto`);
    const want = protoWireType(field);
    if (WIRE_TYPES[e.wireType] !== want) {
      problems.push(
        `${where(e)}: ${e.message}.${e.field} (${field.repeated ? 'repeated ' : ''}${field.type}) is ${WIRE_NAMES[want] ?? want} on the wire`,
      );
    }
  }

  // Every constant the C uses for a field, with the wire type the use implies when it shows one.
  const uses: { name: string; wireType: string | undefined; line: number; what: string }[] = [];
  const bare = (what: string, value: string, index: number) =>
    problems.push(
      `sluice-cni.c:${lineOf(code, index)}: ${what} uses ${value}, not a PB_<message>_<field> constant`,
    );

  // Writes: pb_uint (varint), pb_string and pb_bytes (length-delimited); not their definitions,
  // and not a helper handing its own `field` parameter on.
  for (const m of code.matchAll(/\b(pb_uint|pb_string|pb_bytes)\s*\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*,/g)) {
    const before = code.slice(0, m.index).trimEnd();
    if (/\bvoid$/.test(before)) continue;
    const value = m[3]!;
    if (value === 'field') continue;
    const what = `${m[1]}(${m[2]}, ${value}, ...)`;
    if (!byName.has(value)) {
      bare(what, value, m.index);
      continue;
    }
    uses.push({
      name: value,
      wireType: m[1] === 'pb_uint' ? 'PB_VARINT' : 'PB_LEN',
      line: lineOf(code, m.index),
      what,
    });
  }
  // Reads: comparisons of a field's number (x.num == N, N == x.num, and !=).
  for (const m of code.matchAll(/\b(\w+)\s*(\.|->)\s*num\s*(==|!=)\s*([^\s&|;)]+)/g)) {
    const value = m[4]!;
    const what = `${m[1]}${m[2]}num ${m[3]} ${value}`;
    if (!byName.has(value)) {
      bare(what, value, m.index);
      continue;
    }
    uses.push({
      name: value,
      wireType: decodeUse(code, m.index, m[1]!, /;/),
      line: lineOf(code, m.index),
      what,
    });
  }
  for (const m of code.matchAll(/([^\s(!&|]+)\s*(==|!=)\s*(\w+)\s*(\.|->)\s*num\b/g)) {
    const value = m[1]!;
    const what = `${value} ${m[2]} ${m[3]}${m[4]}num`;
    if (!byName.has(value)) {
      bare(what, value, m.index);
      continue;
    }
    uses.push({
      name: value,
      wireType: decodeUse(code, m.index, m[3]!, /;/),
      line: lineOf(code, m.index),
      what,
    });
  }
  // Reads: the case labels of a switch on a field's number.
  for (const m of code.matchAll(/\bswitch\s*\(\s*(\w+)\s*(?:\.|->)\s*num\s*\)\s*\{/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < code.length && depth > 0; i++) {
      if (code[i] === '{') depth++;
      else if (code[i] === '}') depth--;
    }
    const body = code.slice(m.index + m[0].length, i - 1);
    const offset = m.index + m[0].length;
    for (const c of body.matchAll(/\b(case\s+([^:]+?)\s*:|default\s*:)/g)) {
      if (c[2] === undefined) continue;
      const value = c[2];
      const what = `case ${value}: (switch on ${m[1]}.num)`;
      if (!byName.has(value)) {
        bare(what, value, offset + c.index);
        continue;
      }
      const wireType = decodeUse(body, c.index + c[0].length, m[1]!, /\bbreak\s*;|\bcase\b|\bdefault\b/);
      uses.push({ name: value, wireType, line: lineOf(code, offset + c.index), what });
    }
  }

  for (const u of uses) {
    const e = byName.get(u.name)!;
    if (u.wireType !== undefined && u.wireType !== e.wireType) {
      problems.push(
        `sluice-cni.c:${u.line}: ${u.what} treats ${e.message}.${e.field} as ${u.wireType}, the table says ${e.wireType}`,
      );
    }
  }
  // An entry nothing uses is stale (or its use hides behind a bare number).
  for (const [name, e] of byName) {
    if (!new RegExp(`\\b${name}\\b`).test(code)) problems.push(`${where(e)}: ${name} is not used`);
  }
  return problems;
}

// keepCase: the .proto's field names (protobufjs would otherwise camelCase them).
const root = new protobuf.Root().loadSync(PROTO, { keepCase: true }).resolveAll() as protobuf.Root;
const source = readFileSync(C_SOURCE, 'utf8');

describe('sluice-cni.c protobuf fields against sluice.proto', () => {
  it('has a PB_FIELDS table covering the CNI messages', () => {
    const { entries } = parseC(source);
    const messages = new Set(entries.map((e) => e.message));
    for (const m of [
      'Request',
      'Response',
      'Error',
      'CniRequest',
      'CniStep',
      'CniDone',
      'WirePod',
      'ProbePod',
      'CniStepResult',
    ]) {
      expect(messages, m).toContain(m);
    }
  });

  it('names, numbers and wire types match the .proto, and no field is used by a bare number', () => {
    expect(check(source, root)).toEqual([]);
  });

  // The check itself: each kind of drift in the C is caught.
  const mutate = (from: string | RegExp, to: string) => {
    const changed = source.replace(from, to);
    expect(changed, `${from} not in sluice-cni.c`).not.toBe(source);
    return check(changed, root);
  };
  it.each([
    [
      'a wrong number',
      /X\(WirePod, mtu, 10, PB_VARINT\)/,
      'X(WirePod, mtu, 11, PB_VARINT)',
      /WirePod\.mtu is 10 in sluice.proto/,
    ],
    [
      'a wrong wire type',
      /X\(WirePod, mtu, 10, PB_VARINT\)/,
      'X(WirePod, mtu, 10, PB_LEN)',
      /WirePod\.mtu \(uint32\) is PB_VARINT/,
    ],
    [
      'an unknown field',
      /X\(WirePod, mtu, 10, PB_VARINT\)/,
      'X(WirePod, mtu_bytes, 10, PB_VARINT)',
      /WirePod has no field mtu_bytes/,
    ],
    [
      'an unknown message',
      /X\(ProbePod, netns, 1, PB_LEN\)/,
      'X(ProbePods, netns, 1, PB_LEN)',
      /no message ProbePods/,
    ],
    [
      'a bare number in a write',
      'pb_uint(&inner, PB_CniStepResult_link_exists,',
      'pb_uint(&inner, 8,',
      /pb_uint\(&inner, 8, \.\.\.\) uses 8/,
    ],
    ['a bare number in a comparison', 'f.num == PB_Response_cni', 'f.num == 21', /f\.num == 21 uses 21/],
    ['a bare number in a switch', 'case PB_WirePod_mtu:', 'case 10:', /case 10: .* uses 10/],
    [
      'a write of the wrong kind',
      'pb_uint(&inner, PB_CniStepResult_link_exists,',
      'pb_string(&inner, PB_CniStepResult_link_exists,',
      /treats CniStepResult\.link_exists as PB_LEN/,
    ],
    [
      'a read of the wrong kind',
      'case PB_WirePod_mtu: w->mtu = (uint32_t)f.v;',
      'case PB_WirePod_ip: w->mtu = (uint32_t)f.v;',
      /treats WirePod\.ip as PB_VARINT/,
    ],
    [
      'an unused entry',
      'case PB_WirePod_mtu: w->mtu = (uint32_t)f.v; break;',
      '',
      /PB_WirePod_mtu is not used/,
    ],
  ])('fails on %s', (_what, from, to, problem) => {
    expect(mutate(from, to).join('\n')).toMatch(problem);
  });
});
