// sluice-cni with no agent to talk to (agentSocket a path nothing listens on): it checks the CNI_*
// variables and the config before it reaches for the agent, so a bad invocation gets its spec code
// (4, 6, 1, 7) and only a valid one "agent unreachable" (11; STATUS 50). The agent's agent/cni/spec stays
// the authority: every input is also run through the agent's own invoke(), and the plugin may
// refuse only what the agent refuses, with the same code and message.

import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../agent/cni/invocation.js';
import type { PluginSteps } from '../../agent/cni/plugin.js';
import { SUPPORTED_VERSIONS, versionResult } from '../../agent/cni/spec/index.js';
import type { CniOps } from '../../agent/node/cni-ops.js';
import { type CniCall, type CniOutcome, invokePlugin } from '../../tools/net/cni-invoke.js';
import { CNI_BINARY } from '../../tools/net/wire-pod.js';

const SUPPORTED = SUPPORTED_VERSIONS.join(', ');
const ADD: CniCall = { command: 'ADD', containerId: 'c1', netns: '/run/netns/x', ifname: 'eth0' };
// Nothing listens here: the directory is never made.
const socket = path.join(tmpdir(), `sluice-cni-noagent-${randomBytes(6).toString('hex')}`, 'agent.sock');

/** A config with our unreachable socket; `overrides` values of undefined drop the key. */
function conf(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const c: Record<string, unknown> = {
    cniVersion: '1.0.0',
    name: 'sluice',
    type: 'sluice-cni',
    agentSocket: socket,
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete c[k];
    else c[k] = v;
  }
  return c;
}

const plugin = (call: CniCall, config: Record<string, unknown> | string) =>
  invokePlugin(CNI_BINARY, call, config);

// What the agent answers for the same invocation. Its Agent and the plugin's steps are stand-ins that
// throw on first use: an answer naming REACHED means the agent's checks passed and it went on to work.
const REACHED = 'the agent accepted the invocation and went on to use the agent';
const stub = new Proxy(
  {},
  {
    get() {
      throw new Error(REACHED);
    },
  },
);

/** The CNI_* variables exactly as invokePlugin sets them for the plugin. */
function envOf(call: CniCall): Record<string, string> {
  const env: Record<string, string | undefined> = {
    CNI_COMMAND: call.command,
    CNI_CONTAINERID: call.containerId ?? '',
    CNI_NETNS: call.netns ?? '',
    CNI_IFNAME: call.ifname ?? '',
    CNI_ARGS: call.args ?? '',
    CNI_PATH: path.dirname(CNI_BINARY),
    ...call.env,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

interface Verdict {
  /** undefined: the agent accepted the invocation. */
  error?: { code: number; msg: string; details?: string };
  stdout: string;
}

async function agentVerdict(call: CniCall, config: Record<string, unknown> | string): Promise<Verdict> {
  const stdin = typeof config === 'string' ? config : JSON.stringify(config);
  const out = await invoke(stub as CniOps, { env: envOf(call), stdin }, stub as PluginSteps);
  if (out.exitCode === 0) return { stdout: out.stdout };
  const error = JSON.parse(out.stdout) as { code: number; msg: string; details?: string };
  return error.code === 999 && error.msg === REACHED ? { stdout: '' } : { error, stdout: out.stdout };
}

/** What the plugin checks itself: the variables, the config's syntax, cniVersion, name and type. */
function pluginChecks(error: { code: number; msg: string }): boolean {
  if (error.code === 4 || error.code === 6) return true;
  if (error.code === 1) return !error.msg.startsWith('config version does not allow');
  return error.code === 7 && /^(missing network name|name must|missing type|type must)/.test(error.msg);
}

/**
 * The plugin and the agent agree: whatever the agent accepts the plugin takes to the agent (11, or
 * 50 for STATUS; VERSION is answered identically), and whatever the plugin refuses itself the agent
 * refuses with the same code and message (and details, unless `details` is false: the JSON syntax
 * error is worded by V8 there, and numbers and key order in a non-string value are not normalised).
 */
async function expectAgreement(
  call: CniCall,
  config: Record<string, unknown> | string,
  opts: { details?: boolean } = {},
): Promise<{ c: CniOutcome; ts: Verdict }> {
  const [c, ts] = await Promise.all([plugin(call, config), agentVerdict(call, config)]);
  const label = `${JSON.stringify(call)} ${typeof config === 'string' ? config : JSON.stringify(config)}`;
  expect(c.json, `${label}: plugin stdout ${c.stdout}`).toBeDefined();
  if (call.command === 'VERSION' && c.code === 0) {
    expect(c.json, label).toEqual(JSON.parse(ts.stdout));
    return { c, ts };
  }
  expect(c.code, label).toBe(1);
  const code = c.json!['code'];
  if (code === 11 || code === 50) {
    expect(code, label).toBe(call.command === 'STATUS' ? 50 : 11);
    // Left to the agent: fine, unless the agent's answer is one the plugin is meant to give itself.
    expect(
      ts.error && pluginChecks(ts.error),
      `${label}: the plugin left ${ts.stdout.trim()} to the agent`,
    ).toBeFalsy();
    return { c, ts };
  }
  expect(ts.error, `${label}: the plugin refused (${c.stdout.trim()}) what the agent accepts`).toBeDefined();
  expect({ code, msg: c.json!['msg'] }, label).toEqual({ code: ts.error!.code, msg: ts.error!.msg });
  const syntax = ts.error!.code === 6 && ts.error!.msg === 'failed to decode network configuration';
  if (opts.details !== false && !(syntax && ts.error!.details !== 'not a JSON object')) {
    expect(c.json!['details'], label).toEqual(ts.error!.details);
  }
  return { c, ts };
}

describe('without an agent: the spec code for a bad invocation, 11 only for a good one', () => {
  const cases: {
    name: string;
    call?: CniCall;
    config: Record<string, unknown> | string;
    /** The whole error object the plugin prints. */
    want: Record<string, unknown>;
  }[] = [
    {
      name: 'bad JSON: 6',
      config: '{"cniVersion":"1.0.0","name":',
      want: {
        cniVersion: '1.1.0',
        code: 6,
        msg: 'failed to decode network configuration',
        details: 'not valid JSON: unexpected end of input',
      },
    },
    {
      name: 'JSON that is not an object: 6',
      config: '["sluice"]',
      want: {
        cniVersion: '1.1.0',
        code: 6,
        msg: 'failed to decode network configuration',
        details: 'not a JSON object',
      },
    },
    {
      name: 'missing cniVersion: 1',
      config: conf({ cniVersion: undefined }),
      want: {
        cniVersion: '1.1.0',
        code: 1,
        msg: `cniVersion missing (implies 0.1.0); supported: ${SUPPORTED}`,
      },
    },
    {
      name: 'unsupported cniVersion: 1',
      config: conf({ cniVersion: '0.2.0' }),
      want: {
        cniVersion: '1.1.0',
        code: 1,
        msg: `incompatible CNI version "0.2.0"; supported: ${SUPPORTED}`,
      },
    },
    {
      name: 'cniVersion not a string: 6',
      config: conf({ cniVersion: 1 }),
      want: { cniVersion: '1.1.0', code: 6, msg: 'failed to decode cniVersion', details: 'not a string: 1' },
    },
    {
      name: 'missing name: 7',
      config: conf({ name: undefined }),
      want: { cniVersion: '1.0.0', code: 7, msg: 'missing network name' },
    },
    {
      name: 'bad name: 7',
      config: conf({ name: 'my net' }),
      want: {
        cniVersion: '1.0.0',
        code: 7,
        msg: 'name must match ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$',
        details: '"my net"',
      },
    },
    {
      name: 'type with a path separator: 7',
      config: conf({ type: '../sluice-cni' }),
      want: {
        cniVersion: '1.0.0',
        code: 7,
        msg: 'type must be a plugin name without / or \\',
        details: '"../sluice-cni"',
      },
    },
    {
      name: 'unknown CNI_COMMAND: 4',
      call: { ...ADD, command: 'FROB' },
      config: conf(),
      want: {
        cniVersion: '1.1.0',
        code: 4,
        msg: 'unknown CNI_COMMAND: FROB',
        details: 'expected one of ADD, DEL, CHECK, VERSION, STATUS, GC',
      },
    },
    {
      name: 'missing CNI_CONTAINERID and CNI_NETNS: 4',
      call: { ...ADD, containerId: '', netns: '' },
      config: conf(),
      want: {
        cniVersion: '1.1.0',
        code: 4,
        msg: 'required env variables [CNI_CONTAINERID,CNI_NETNS] missing',
      },
    },
    {
      name: 'bad CNI_IFNAME: 4 (before a bad config: the variables come first)',
      call: { ...ADD, ifname: 'eth0:1' },
      config: '{',
      want: {
        cniVersion: '1.1.0',
        code: 4,
        msg: 'CNI_IFNAME contains / or : or whitespace',
        details: '"eth0:1"',
      },
    },
  ];
  it.each(cases)('$name', async ({ call, config, want }) => {
    const r = await plugin(call ?? ADD, config);
    expect(r.code).toBe(1);
    expect(r.json).toEqual(want);
    expect(r.stdout).toBe(`${JSON.stringify(want)}\n`);
    await expectAgreement(call ?? ADD, config);
  });

  it('a valid config: 11 naming the socket, in the config version; STATUS 50', async () => {
    for (const version of SUPPORTED_VERSIONS) {
      const r = await plugin(ADD, conf({ cniVersion: version }));
      expect(r.code).toBe(1);
      expect(r.json).toMatchObject({ cniVersion: version, code: 11 });
      expect(String(r.json!['msg'])).toContain(socket);
      expect(r.ms).toBeLessThan(5000);
    }
    const status = await plugin({ command: 'STATUS' }, conf({ cniVersion: '1.1.0' }));
    expect(status.json).toMatchObject({ cniVersion: '1.1.0', code: 50 });
  });
});

describe('the plugin refuses only what the agent refuses, with the same code and message', () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  // Inputs the agent accepts: the plugin must take every one of them to the agent.
  const accepted: [string, CniCall, Record<string, unknown> | string][] = [
    ['plain ADD', ADD, conf()],
    ['DEL without a netns', { command: 'DEL', containerId: 'c1', ifname: 'eth0' }, conf()],
    ['CHECK', { ...ADD, command: 'CHECK' }, conf({ prevResult: { cniVersion: '1.0.0', ips: [] } })],
    [
      'GC ignores the attachment variables',
      { command: 'GC', containerId: '-bad', ifname: 'x/y' },
      conf({ cniVersion: '1.1.0' }),
    ],
    ['STATUS', { command: 'STATUS' }, conf({ cniVersion: '1.1.0' })],
    [
      'escaped keys and values',
      ADD,
      `{"cni\\u0056ersion":"\\u0031.0.0","n\\u0061me":"a\\u002d1","type":"t","agentSocket":"${socket.replace(/\//g, '\\/')}"}`,
    ],
    [
      'the last of duplicate keys',
      ADD,
      `{"name":"bad name","cniVersion":"9","cniVersion":"1.1.0","name":"ok","type":"t","agentSocket":"${socket}"}`,
    ],
    [
      'deep nesting, odd numbers and strings',
      ADD,
      `{"x":${deep},"n":[-0,0.5e-3,1E+9,-12.25],"s":"\\ud800 \\"\\\\\\/\\b\\f\\n\\r\\t é","cniVersion":"1.0.0","name":"n","type":"t","agentSocket":"${socket}"}`,
    ],
    [
      'whitespace around everything',
      ADD,
      ` \t\r\n{ "cniVersion" : "0.3.1" ,\n"name":"n" , "type" : "t", "agentSocket" : "${socket}" } \n`,
    ],
    ['agentSocket null: the default socket', ADD, conf({ agentSocket: null, name: '0' })],
    [
      'a 15-byte ifname, CNI_ARGS with an empty value and a trailing ;',
      { ...ADD, ifname: 'abcdefghijklmno', args: 'K8S_POD_NAME=;IgnoreUnknown=1;' },
      conf(),
    ],
    ['CNI_PATH with empty entries', { ...ADD, env: { CNI_PATH: '::/opt/cni/bin:' } }, conf()],
    ['container id with every allowed character', { ...ADD, containerId: 'aZ09_.-x' }, conf()],
    [
      'unknown keys, numbers, nulls, objects',
      ADD,
      conf({ mtu: 1400, args: { cni: {} }, extra: [null, true, false, { a: 'b' }] }),
    ],
  ];
  it.each(accepted)('%s: taken to the agent', async (_name, call, config) => {
    const { c, ts } = await expectAgreement(call, config);
    expect(ts.error).toBeUndefined();
    expect(c.json!['code']).toBe(call.command === 'STATUS' ? 50 : 11);
  });

  // Inputs the agent refuses; the plugin refuses each with the same code and message, or takes it to
  // the agent (the keys it leaves to the agent, the version a command needs).
  const refused: [string, CniCall, Record<string, unknown> | string, number | 'agent'][] = [
    ['empty stdin', ADD, '', 6],
    ['trailing comma', ADD, '{"cniVersion":"1.0.0","name":"n",}', 6],
    ['leading zero', ADD, '{"a":01}', 6],
    ['bad escape', ADD, '{"a":"\\x"}', 6],
    ['raw control character in a string', ADD, '{"a":"\t"}', 6],
    ['single quotes', ADD, "{'a':1}", 6],
    ['junk after the object', ADD, `${JSON.stringify(conf())} x`, 6],
    ['two objects', ADD, '{}{}', 6],
    ['a byte order mark', ADD, `\ufeff${JSON.stringify(conf())}`, 6],
    ['null', ADD, 'null', 6],
    ['cniVersion null', ADD, conf({ cniVersion: null }), 1],
    ['cniVersion ""', ADD, conf({ cniVersion: '' }), 1],
    ['cniVersion 0.1.0', ADD, conf({ cniVersion: '0.1.0' }), 1],
    ['cniVersion 1.0', ADD, conf({ cniVersion: '1.0' }), 1],
    ['cniVersion with a NUL', ADD, conf({ cniVersion: '1.0.0\u0000' }), 1],
    ['cniVersion an object', ADD, conf({ cniVersion: { v: 'x y' } }), 6],
    ['name ""', ADD, conf({ name: '' }), 7],
    ['name null', ADD, conf({ name: null }), 7],
    ['name with a trailing newline', ADD, conf({ name: 'n\n' }), 7],
    ['name starting with a dot', ADD, conf({ name: '.n' }), 7],
    ['name not ASCII', ADD, conf({ name: 'né' }), 7],
    ['name a number', ADD, conf({ name: 7 }), 7],
    ['name false', ADD, conf({ name: false }), 7],
    ['missing type', ADD, conf({ type: undefined }), 7],
    ['type with a backslash', ADD, conf({ type: 'a\\b' }), 7],
    ['type a list', ADD, conf({ type: ['t'] }), 7],
    ['agentSocket relative', ADD, conf({ agentSocket: 'agent.sock' }), 7],
    ['agentSocket ""', ADD, conf({ agentSocket: '' }), 7],
    ['agentSocket a number', ADD, conf({ agentSocket: 1 }), 7],
    ['bad version wins over bad name', ADD, conf({ cniVersion: '2.0.0', name: undefined }), 1],
    ['bad name wins over bad type', ADD, conf({ name: '-', type: undefined }), 7],
    ['missing CNI_COMMAND', { ...ADD, env: { CNI_COMMAND: undefined } }, conf(), 4],
    ['empty CNI_COMMAND', { ...ADD, command: '' }, conf(), 4],
    ['lower-case command', { ...ADD, command: 'add' }, conf(), 4],
    ['missing CNI_PATH', { ...ADD, env: { CNI_PATH: '::' } }, conf(), 4],
    ['GC without CNI_PATH', { command: 'GC', env: { CNI_PATH: undefined } }, conf(), 4],
    ['DEL missing everything', { command: 'DEL', env: { CNI_PATH: '' } }, conf(), 4],
    ['container id with a space', { ...ADD, containerId: 'a b' }, conf(), 4],
    ['container id starting with _', { ...ADD, containerId: '_a' }, conf(), 4],
    ['ifname of 16 bytes', { ...ADD, ifname: 'abcdefghijklmnop' }, conf(), 4],
    ['ifname of 8 two-byte characters', { ...ADD, ifname: 'éééééééé' }, conf(), 4],
    ['ifname ..', { ...ADD, ifname: '..' }, conf(), 4],
    ['ifname with a slash', { ...ADD, ifname: 'a/b' }, conf(), 4],
    ['ifname with a tab', { ...ADD, ifname: 'a\tb' }, conf(), 4],
    ['ifname with U+0085', { ...ADD, ifname: 'a\u0085b' }, conf(), 4],
    ['ifname with U+3000', { ...ADD, ifname: 'a\u3000b' }, conf(), 4],
    ['ifname with U+FEFF', { ...ADD, ifname: '\ufeffa' }, conf(), 4],
    ['CNI_ARGS pair without =', { ...ADD, args: 'A=1;B' }, conf(), 4],
    ['CNI_ARGS pair with two =', { ...ADD, args: 'A=1=2' }, conf(), 4],
    ['CNI_ARGS pair without a key', { ...ADD, args: '=1' }, conf(), 4],
    ['a bad variable wins over a bad config', { ...ADD, containerId: '' }, '{', 4],
    // Left to the agent: keys after type, and what the version allows.
    ['mtu out of range', ADD, conf({ mtu: 1 }), 'agent'],
    ['logLevel unknown', ADD, conf({ logLevel: 'loud' }), 'agent'],
    ['CHECK in 0.3.1', { ...ADD, command: 'CHECK' }, conf({ cniVersion: '0.3.1' }), 'agent'],
    ['STATUS in 1.0.0', { command: 'STATUS' }, conf({ cniVersion: '1.0.0' }), 'agent'],
  ];
  it.each(refused)('%s', async (_name, call, config, want) => {
    const { c, ts } = await expectAgreement(call, config);
    expect(ts.error).toBeDefined();
    if (want === 'agent') expect(c.json!['code']).toBe(call.command === 'STATUS' ? 50 : 11);
    else expect(c.json!['code']).toBe(want);
  });

  it('VERSION answers what the agent answers, for any stdin', async () => {
    for (const stdin of [
      '',
      'junk',
      '{"cniVersion":"0.4.0"}',
      '{"cniVersion":"0.4.0",',
      '{"cniVersion":"abc"}',
      '{"cniVersion":"\\u0031.0.0"}',
      '{"cniVersion":""}',
      '{"cniVersion":1}',
      '["1.0.0"]',
    ]) {
      const r = await expectAgreement({ command: 'VERSION', netns: 'dummy', ifname: 'dummy' }, stdin);
      expect(r.c.json).toEqual(versionResult(stdin));
    }
  });

  it('random CNI_* variables: the same verdict on each', async () => {
    let seed = 0xc41;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >>> 16) % n;
    };
    // Characters either side of every rule: allowed ones, separators, ASCII and Unicode whitespace
    // (U+180E and U+200B are not whitespace to JavaScript), multi-byte ones.
    const chars = [...'aZ0_.-/: \t=;é\u0085\u00a0\u2000\u200a\u200b\u180e\u2028\u3000\ufeff\u{1f600}'];
    const word = (max: number) =>
      Array.from({ length: rand(max + 1) }, () => chars[rand(chars.length)]).join('');
    const commands = ['ADD', 'DEL', 'CHECK', 'GC', 'STATUS', 'VERSION', 'ADD ', 'del', ''];
    const calls: CniCall[] = [];
    for (let i = 0; i < 300; i++) {
      calls.push({
        command: commands[rand(commands.length)]!,
        containerId: rand(4) ? word(6) : 'c1',
        netns: rand(5) ? '/run/netns/x' : '',
        ifname: rand(4) ? word(9) : 'eth0',
        args: rand(3) ? word(8) : '',
        env: { CNI_PATH: rand(6) ? '/opt/cni/bin' : word(2).replace(/[^:]/g, '') },
      });
    }
    const config = conf({ cniVersion: '1.1.0' });
    for (let i = 0; i < calls.length; i += 16) {
      await Promise.all(calls.slice(i, i + 16).map((call) => expectAgreement(call, config)));
    }
  }, 120_000);

  it('random corruptions of a config: the same verdict on each', async () => {
    // A seeded generator: the same inputs on every run.
    let seed = 0x5eed;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >>> 16) % n;
    };
    const pieces = [...'"{}[],:\\ \n1-e.u/é', 'null', ''];
    const bases = [
      JSON.stringify(conf()),
      JSON.stringify(conf({ cniVersion: '0.3.1', name: 'a.b-c', args: { cni: { x: [1, 2] } } })),
      `{"cniVersion":"1.1.0","name":"n","type":"t","agentSocket":"${socket}","runtimeConfig":{"portMappings":[]}}`,
    ];
    const inputs: string[] = [];
    for (let i = 0; i < 400; i++) {
      let s = bases[rand(bases.length)]!;
      for (let k = 1 + rand(2); k > 0; k--) {
        const at = rand(s.length + 1);
        const cut = rand(3);
        s = s.slice(0, at) + pieces[rand(pieces.length)] + s.slice(at + cut);
      }
      inputs.push(s);
    }
    const codes = new Map<unknown, number>();
    for (let i = 0; i < inputs.length; i += 16) {
      const batch = await Promise.all(
        inputs.slice(i, i + 16).map((s) => expectAgreement(ADD, s, { details: false })),
      );
      for (const { c } of batch) codes.set(c.json!['code'], (codes.get(c.json!['code']) ?? 0) + 1);
    }
    // The corruptions reach every kind of verdict, not just one.
    expect([...codes.keys()].sort()).toEqual(expect.arrayContaining([1, 11, 6, 7]));
  }, 120_000);
});
