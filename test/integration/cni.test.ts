// sluice-cni invoked exactly as libcni invokes it, against a real agent: every advertised version,
// repeated ADD, CHECK, DEL idempotence, STATUS and GC, every error case with its code, rollback of
// failed ADDs, and 50 parallel ADD/DEL cycles without collisions or leaks.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAgent } from '../../agent/api/client.js';
import { frame, readFrames } from '../../agent/api/framing.js';
import { sluice } from '../../agent/api/gen/sluice.js';
import { SUPPORTED_VERSIONS, versionResult } from '../../agent/cni/spec/index.js';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import { run } from '../../agent/sys/exec.js';
import { wirePod } from '../../tools/net/wire-pod.js';
import { TestNode } from '../harness/agent.js';

// Every version the plugin advertises is exercised.
const VERSIONS = [...SUPPORTED_VERSIONS];
let node: TestNode;

beforeAll(async () => {
  node = await TestNode.start({ podCidr: '10.249.0.0/24' });
}, 60_000);
afterAll(async () => {
  await node?.stop();
});

async function podIp(netns: string): Promise<string[]> {
  const { stdout } = await run(['ip', '-j', '-4', 'addr', 'show', 'dev', 'eth0'], { netns });
  return (JSON.parse(stdout) as { addr_info: { local: string }[] }[])[0]!.addr_info.map((a) => a.local);
}

describe('VERSION', () => {
  it('advertises every supported version and echoes the config version', async () => {
    const r = await node.cni(
      { command: 'VERSION', netns: 'dummy', containerId: '', ifname: '' },
      { cniVersion: '1.0.0' },
    );
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ cniVersion: '1.0.0', supportedVersions: expect.arrayContaining(VERSIONS) });
  });

  it('answers exactly what the agent validates configs against, with or without an agent', async () => {
    // sluice-cni answers VERSION itself (a runtime may probe it before the agent runs): its list
    // must be the one agent/cni/spec validates with.
    for (const stdin of ['{"cniVersion":"0.4.0"}', '', 'junk']) {
      const r = await node.cni({ command: 'VERSION' }, stdin);
      expect(r.json).toEqual(versionResult(stdin));
    }
    expect(versionResult('').supportedVersions).toEqual([...SUPPORTED_VERSIONS]);
  });
});

describe.each(VERSIONS)('cniVersion %s', (version) => {
  const id = `ctr-${version.replace(/\./g, '')}`;
  let netns: string;

  beforeAll(async () => {
    netns = await node.podNetns(`v${version.replace(/\./g, '')}`);
  });

  it('ADD wires the pod and answers in the requested version', async () => {
    const r = await node.cni(
      {
        command: 'ADD',
        containerId: id,
        netns,
        ifname: 'eth0',
        args: 'IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=p',
      },
      node.conf(version),
    );
    expect(r.stderr).toBe('');
    expect(r.code, r.stdout).toBe(0);
    // stdout is the one result document; the log is in the config's logFile.
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const log = await readFile(path.join(node.dir, 'cni.log'), 'utf8');
    expect(log).toMatch(new RegExp(`"containerId":"${id}".*"msg":"ADD"`));
    const result = r.json!;
    expect(result['cniVersion']).toBe(version);
    const ips = result['ips'] as { address: string; version?: string; gateway: string; interface: number }[];
    expect(ips).toHaveLength(1);
    expect(ips[0]!.gateway).toBe('169.254.1.1');
    if (version.startsWith('0.')) expect(ips[0]!.version).toBe('4');
    else expect(ips[0]).not.toHaveProperty('version');
    const ip = ips[0]!.address.replace('/32', '');
    expect(await podIp(netns)).toEqual([ip]);
    const interfaces = result['interfaces'] as { name: string; sandbox?: string }[];
    expect(interfaces[ips[0]!.interface]).toMatchObject({ name: 'eth0', sandbox: netns });
    // The node reaches the pod's address through its host-side veth.
    expect(
      await run(['ping', '-c', '1', '-W', '1', ip], { netns: node.hostNetns }).then(
        () => true,
        () => false,
      ),
    ).toBe(true);
  });

  it('a second ADD of the same attachment returns the same address and makes nothing new', async () => {
    const before = await node.hostVeths();
    const first = await podIp(netns);
    const r = await node.cni({ command: 'ADD', containerId: id, netns, ifname: 'eth0' }, node.conf(version));
    expect(r.code, r.stdout).toBe(0);
    expect((r.json!['ips'] as { address: string }[])[0]!.address).toBe(`${first[0]}/32`);
    expect(await node.hostVeths()).toEqual(before);
  });

  it(
    version.startsWith('0.3.')
      ? `CHECK is refused: ${version} has no CHECK`
      : 'CHECK passes for the wired attachment and fails when the pod lost its address',
    async () => {
      const [ip] = await podIp(netns);
      if (version.startsWith('0.3.')) {
        const r = await node.cni(
          { command: 'CHECK', containerId: id, netns, ifname: 'eth0' },
          node.conf(version),
        );
        expect(r.json).toMatchObject({ code: 1 });
        return;
      }
      const prevResult = {
        cniVersion: version,
        ips: [{ address: `${ip}/32`, ...(version.startsWith('0.') ? { version: '4' } : {}) }],
      };
      const ok = await node.cni(
        { command: 'CHECK', containerId: id, netns, ifname: 'eth0' },
        node.conf(version, { prevResult }),
      );
      expect(ok.code, ok.stdout).toBe(0);
      expect(ok.stdout).toBe('');
      await run(['ip', 'addr', 'del', `${ip}/32`, 'dev', 'eth0'], { netns });
      const bad = await node.cni(
        { command: 'CHECK', containerId: id, netns, ifname: 'eth0' },
        node.conf(version, { prevResult }),
      );
      expect(bad.code).toBe(1);
      expect(String(bad.json!['msg'])).toContain(`does not have ${ip}/32`);
      await run(['ip', 'addr', 'add', `${ip}/32`, 'dev', 'eth0'], { netns });
    },
  );

  it('DEL removes interface and address; a second DEL and a DEL without netns succeed', async () => {
    const del = await node.cni(
      { command: 'DEL', containerId: id, netns, ifname: 'eth0' },
      node.conf(version),
    );
    expect(del.code, del.stdout).toBe(0);
    expect(del.stdout).toBe('');
    expect(await node.hostVeths()).toEqual([]);
    expect(
      (await node.cni({ command: 'DEL', containerId: id, netns, ifname: 'eth0' }, node.conf(version))).code,
    ).toBe(0);
    expect(
      (await node.cni({ command: 'DEL', containerId: id, netns: '', ifname: 'eth0' }, node.conf(version)))
        .code,
    ).toBe(0);
    expect(
      (
        await node.cni(
          { command: 'DEL', containerId: 'never-seen', netns: '/run/netns/gone', ifname: 'eth0' },
          node.conf(version),
        )
      ).code,
    ).toBe(0);
  });
});

describe('errors: the spec code, a message that says what to fix, and nothing left behind', () => {
  const cases: {
    name: string;
    call: Parameters<TestNode['cni']>[0];
    conf?: string | Record<string, unknown>;
    code: number;
    msg: RegExp;
  }[] = [
    {
      name: 'malformed JSON',
      call: { command: 'ADD', containerId: 'e1', netns: '/run/netns/x', ifname: 'eth0' },
      conf: '{"cniVersion":',
      code: 6,
      msg: /decode|JSON/i,
    },
    {
      name: 'unknown command',
      call: { command: 'FROB', containerId: 'e1', netns: '/x', ifname: 'eth0' },
      code: 4,
      msg: /CNI_COMMAND/,
    },
    {
      name: 'missing CNI_COMMAND',
      call: { command: 'ADD', env: { CNI_COMMAND: undefined } },
      code: 4,
      msg: /CNI_COMMAND/,
    },
    {
      name: 'missing container id',
      call: { command: 'ADD', containerId: '', netns: '/x', ifname: 'eth0' },
      code: 4,
      msg: /CNI_CONTAINERID/,
    },
    {
      name: 'bad container id',
      call: { command: 'ADD', containerId: '-bad id', netns: '/x', ifname: 'eth0' },
      code: 4,
      msg: /CNI_CONTAINERID|container id/i,
    },
    {
      name: 'invalid ifname',
      call: { command: 'ADD', containerId: 'e1', netns: '/x', ifname: 'eth0/../x' },
      code: 4,
      msg: /CNI_IFNAME|interface name/i,
    },
    {
      name: 'too long ifname',
      call: { command: 'ADD', containerId: 'e1', netns: '/x', ifname: 'a-very-long-ifname' },
      code: 4,
      msg: /CNI_IFNAME|interface name/i,
    },
    {
      name: 'unsupported cniVersion',
      call: { command: 'ADD', containerId: 'e1', netns: '/x', ifname: 'eth0' },
      conf: { cniVersion: '9.9.9', name: 'n', type: 'sluice-cni' },
      code: 1,
      msg: /9\.9\.9/,
    },
    {
      name: 'agentSocket not an absolute path',
      call: { command: 'ADD', containerId: 'e1', netns: '/x', ifname: 'eth0' },
      conf: { cniVersion: '1.0.0', name: 'n', type: 'sluice-cni', agentSocket: 'agent.sock' },
      code: 7,
      msg: /agentSocket/,
    },
    {
      name: 'malformed CNI_ARGS',
      call: { command: 'ADD', containerId: 'e1', netns: '/x', ifname: 'eth0', args: 'K8S_POD_NAME' },
      code: 4,
      msg: /CNI_ARGS/,
    },
  ];
  it.each(cases)('$name', async ({ call, conf, code, msg }) => {
    const given = typeof conf === 'object' ? { agentSocket: node.socket, ...conf } : conf;
    const r = await node.cni(call, given ?? node.conf('1.0.0'));
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ code });
    expect(String(r.json!['msg']) + String(r.json!['details'] ?? '')).toMatch(msg);
  });

  it('a vanished netns fails the ADD and rolls back the address and the interface', async () => {
    const r = await node.cni(
      { command: 'ADD', containerId: 'vanished', netns: '/run/netns/does-not-exist', ifname: 'eth0' },
      node.conf('1.0.0'),
    );
    expect(r.code).toBe(1);
    expect(String(r.json!['msg'])).toMatch(/does-not-exist/);
    expect(await node.hostVeths()).toEqual([]);
    const state = (
      await callAgent(node.socket, { check: { attachment: { container_id: 'vanished', ifname: 'eth0' } } })
    ).check!;
    expect(state.found).toBe(false);
  });
});

describe('a plugin that goes away mid-call', () => {
  /** Speaks sluice-cni's side of an ADD by hand: sends the invocation, returns the first step. */
  async function startAdd(containerId: string, netns: string) {
    const sock = connect(node.socket);
    await new Promise((r) => sock.once('connect', r));
    const vars = { CNI_COMMAND: 'ADD', CNI_CONTAINERID: containerId, CNI_NETNS: netns, CNI_IFNAME: 'eth0' };
    const env = [...Object.entries(vars).map(([k, v]) => `${k}=${v}`), 'CNI_ARGS=', 'CNI_PATH=/opt/cni/bin'];
    const stdin = Buffer.from(JSON.stringify(node.conf('1.1.0')));
    sock.write(frame(sluice.v1.Request.encode({ version: 1, cni: { env, stdin } }).finish()));
    const step = await new Promise<sluice.v1.Response>((resolve) =>
      readFrames(
        sock,
        (p) => resolve(sluice.v1.Response.decode(p)),
        () => undefined,
      ),
    );
    return { sock, wire: step.cni!.wire! };
  }
  const ipamOwners = async () =>
    JSON.stringify(JSON.parse(await readFile(path.join(node.dir, 'state', 'ipam.json'), 'utf8')));
  const registered = async (id: string) =>
    (await callAgent(node.socket, { check: { attachment: { container_id: id, ifname: 'eth0' } } })).check!
      .found;

  it('before wiring: the agent rolls back (no address, no endpoint, no interface)', async () => {
    const netns = await node.podNetns('gone');
    const { sock, wire } = await startAdd('gone', netns);
    expect(wire.pod_netns).toBe(netns);
    expect(await ipamOwners()).toContain('"gone"');
    sock.destroy();
    await expect.poll(ipamOwners, { timeout: 5000 }).not.toContain('"gone"');
    expect(await node.hostVeths()).toEqual([]);
    expect(await registered('gone')).toBe(false);
  });

  it('after wiring, while the agent registers the endpoint: rolled back too', async () => {
    const netns = await node.podNetns('late');
    const { sock, wire } = await startAdd('late', netns);
    // Wire as asked (with the real plugin's wiring), answer, and hang up at once: the runtime
    // that killed its plugin takes the ADD as failed, so the agent must not keep it.
    const wired = await wirePod({
      hostNetns: wire.host_netns || undefined,
      podNetns: wire.pod_netns!,
      hostIfName: wire.host_ifname!,
      podIfName: wire.pod_ifname!,
      ip: wire.ip!,
    });
    sock.end(
      frame(sluice.v1.Request.encode({ version: 1, cni_step: { host_ifindex: wired.hostIfindex } }).finish()),
    );
    sock.destroy();
    await expect.poll(ipamOwners, { timeout: 10_000 }).not.toContain('"late"');
    await expect.poll(() => node.hostVeths(), { timeout: 5000 }).toEqual([]);
    expect(await registered('late')).toBe(false);
    expect(await dumpMap(`${node.pinRoot}/maps/sluice_endpoints`)).toEqual([]);
  });
});

describe('an agent that goes away mid-call', () => {
  it('gets a try-again error from the plugin, not a silent death', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sluice-cni-gone-'));
    const socketPath = path.join(dir, 'agent.sock');
    // Asks for a probe, then hangs up before the answer.
    const server = createServer((sock) =>
      readFrames(
        sock,
        () => {
          const step = { probe: { netns: '/proc/self/ns/net', ifname: 'lo' } };
          sock.end(frame(sluice.v1.Response.encode({ version: 1, cni: step }).finish()));
          sock.destroy();
        },
        () => undefined,
      ),
    );
    try {
      await new Promise<void>((r) => server.listen(socketPath, r));
      const r = await node.cni(
        { command: 'CHECK', containerId: 'x', netns: '/proc/self/ns/net', ifname: 'lo' },
        { cniVersion: '1.1.0', name: 'n', type: 'sluice-cni', agentSocket: socketPath },
      );
      expect(r.code).toBe(1);
      expect(r.json).toMatchObject({ cniVersion: '1.1.0', code: 11 });
      expect(String(r.json!['msg'])).toContain(socketPath);
    } finally {
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a pod namespace that already has a default route', () => {
  it('fails the ADD instead of taking the route over, and leaves nothing behind', async () => {
    const netns = await node.podNetns('routed');
    await run(['ip', '-batch', '-'], {
      netns,
      input:
        'link add other type veth peer name other-peer\nlink set other up\nroute add default dev other\n',
    });
    const r = await node.cni(
      { command: 'ADD', containerId: 'routed', netns, ifname: 'eth0' },
      node.conf('1.1.0'),
    );
    expect(r.code).toBe(1);
    expect(String(r.json!['msg'])).toMatch(/default route via 169\.254\.1\.1 on eth0: File exists/);
    expect(await node.hostVeths()).toEqual([]);
    const { stdout } = await run(['ip', '-j', 'route', 'show', 'default'], { netns });
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ dev: 'other' })]);
    const ipam = JSON.parse(await readFile(path.join(node.dir, 'state', 'ipam.json'), 'utf8'));
    expect(JSON.stringify(ipam)).not.toContain('"routed"');
  });
});

describe('STATUS, GC and an unreachable agent', () => {
  it('STATUS is 0 with the agent up', async () => {
    expect((await node.cni({ command: 'STATUS' }, node.conf('1.1.0'))).code).toBe(0);
  });

  it('GC releases every attachment not listed as valid', async () => {
    const keep = await node.podNetns('gc-keep');
    const drop = await node.podNetns('gc-drop');
    expect(
      (
        await node.cni(
          { command: 'ADD', containerId: 'gc-keep', netns: keep, ifname: 'eth0' },
          node.conf('1.1.0'),
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await node.cni(
          { command: 'ADD', containerId: 'gc-drop', netns: drop, ifname: 'eth0' },
          node.conf('1.1.0'),
        )
      ).code,
    ).toBe(0);
    expect(await node.hostVeths()).toHaveLength(2);
    const gc = await node.cni(
      { command: 'GC' },
      node.conf('1.1.0', { 'cni.dev/valid-attachments': [{ containerID: 'gc-keep', ifname: 'eth0' }] }),
    );
    expect(gc.code, gc.stdout).toBe(0);
    expect(await node.hostVeths()).toHaveLength(1);
    expect(
      (await callAgent(node.socket, { check: { attachment: { container_id: 'gc-drop', ifname: 'eth0' } } }))
        .check!.found,
    ).toBe(false);
    expect(
      (
        await node.cni(
          { command: 'DEL', containerId: 'gc-keep', netns: keep, ifname: 'eth0' },
          node.conf('1.1.0'),
        )
      ).code,
    ).toBe(0);
  });

  it('with the agent down, ADD fails fast (11, names the socket) and STATUS reports 50', async () => {
    await node.stopAgent();
    try {
      const netns = await node.podNetns('down');
      const add = await node.cni(
        { command: 'ADD', containerId: 'down', netns, ifname: 'eth0' },
        node.conf('1.1.0'),
      );
      expect(add.code).toBe(1);
      expect(add.json).toMatchObject({ code: 11 });
      expect(String(add.json!['msg'])).toContain(node.socket);
      expect(add.ms).toBeLessThan(5000);
      const status = await node.cni({ command: 'STATUS' }, node.conf('1.1.0'));
      expect(status.json).toMatchObject({ code: 50 });
    } finally {
      await node.startAgent();
    }
  });
});

describe('under load', () => {
  it('50 parallel ADD/DEL cycles: distinct addresses, nothing leaked', async () => {
    const netns = await Promise.all(Array.from({ length: 50 }, (_, i) => node.podNetns(`par${i}`)));
    const adds = await Promise.all(
      netns.map((ns, i) =>
        node.cni({ command: 'ADD', containerId: `par-${i}`, netns: ns, ifname: 'eth0' }, node.conf('1.0.0')),
      ),
    );
    for (const a of adds) expect(a.code, a.stdout).toBe(0);
    const ips = adds.map((a) => (a.json!['ips'] as { address: string }[])[0]!.address);
    expect(new Set(ips).size).toBe(50);
    expect(await node.hostVeths()).toHaveLength(50);
    const dels = await Promise.all(
      netns.map((ns, i) =>
        node.cni({ command: 'DEL', containerId: `par-${i}`, netns: ns, ifname: 'eth0' }, node.conf('1.0.0')),
      ),
    );
    for (const d of dels) expect(d.code, d.stdout).toBe(0);
    expect(await node.hostVeths()).toEqual([]);
    expect(await dumpMap(`${node.pinRoot}/maps/sluice_endpoints`)).toEqual([]);
    const ipam = (
      await callAgent(node.socket, { check: { attachment: { container_id: 'par-0', ifname: 'eth0' } } })
    ).check!;
    expect(ipam.found).toBe(false);
  }, 120_000);

  it('an exhausted pool fails ADD with code 11 and leaves no interface', async () => {
    const small = await TestNode.start({ podCidr: '10.248.0.0/30' });
    try {
      const a = await small.podNetns('a');
      const b = await small.podNetns('b');
      const c = await small.podNetns('c');
      expect(
        (await small.cni({ command: 'ADD', containerId: 'a', netns: a, ifname: 'eth0' }, small.conf('1.0.0')))
          .code,
      ).toBe(0);
      expect(
        (await small.cni({ command: 'ADD', containerId: 'b', netns: b, ifname: 'eth0' }, small.conf('1.0.0')))
          .code,
      ).toBe(0);
      const full = await small.cni(
        { command: 'ADD', containerId: 'c', netns: c, ifname: 'eth0' },
        small.conf('1.0.0'),
      );
      expect(full.json).toMatchObject({ code: 11 });
      expect(String(full.json!['msg'])).toMatch(/no free address in 10\.248\.0\.0\/30/);
      expect(await small.hostVeths()).toHaveLength(2);
    } finally {
      await small.stop();
    }
  }, 60_000);
});
