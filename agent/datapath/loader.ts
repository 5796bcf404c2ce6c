// Loads lxc.o, pins it under <pinRoot>/{maps,progs}, and attaches the entry programs to devices
// with tcx (kernel >= 6.6) or tc clsact. Maps are created once at their configured sizes and
// reused by every later load, so a restart or upgrade never loses their contents; programs are
// swapped through sluice_calls, so devices keep their attachment across upgrades.

import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AttachMode, SluiceConfig } from '../config/config.js';
import { EnvironmentError, SystemError } from '../sys/errors.js';
import { CommandError, run } from '../sys/exec.js';
import { bpftool, bpftoolBatch, bpftoolJson } from './bpftool.js';
import { BpftoolWriter, describeFailure, errnoText, type MapWriter } from './map-writer.js';

const EEXIST = 17;

import { ALL_MAPS, ENTRY_PROGRAMS, type MapId, mapCapacity, mapPin, mapsDir, PROGRAMS } from './maps.js';
import { dropOldMaps, type MigrationResult, migrateMaps } from './migrate.js';

export type ConcreteAttachMode = Exclude<AttachMode, 'auto'>;

export interface Attachment {
  device: string;
  ifindex: number;
  /** ingress = from_pod, egress = to_pod (host-side veth's view). */
  hook: 'ingress' | 'egress';
  mode: ConcreteAttachMode;
  progId: number;
  progName: string;
}

/** tcx arrived in 6.6; older kernels use tc clsact (both attach the same programs). */
export function kernelSupportsTcx(release = os.release()): boolean {
  const [major, minor] = release.split(/[.-]/).map(Number);
  return (major ?? 0) > 6 || ((major ?? 0) === 6 && (minor ?? 0) >= 6);
}

export function resolveAttachMode(mode: AttachMode): ConcreteAttachMode {
  if (mode !== 'auto') return mode;
  return kernelSupportsTcx() ? 'tcx' : 'tc';
}

const TC_PREF = '1';
const TC_HANDLE = '0x5c1';

interface NetShowEntry {
  tc?: { devname: string; ifindex: number; kind: string; name: string; prog_id?: number; id?: number }[];
}

export const BPFFS = '/sys/fs/bpf';
const BPF_FS_MAGIC = 0xcafe4a11;

/** Whether path is on a bpf filesystem (without starting a process). */
export async function isBpffs(p: string): Promise<boolean> {
  return (await statfs(p).catch(() => undefined))?.type === BPF_FS_MAGIC;
}

/** Whether a pinned map holds no entry: its first key is not there (ENOENT); any other failure
 * is reported, not read as empty. */
async function mapIsEmpty(pin: string): Promise<boolean> {
  try {
    await bpftool(['map', 'getnext', 'pinned', pin]);
    return false;
  } catch (err) {
    if (err instanceof CommandError && /No such file or directory/.test(err.stderr)) return true;
    throw err;
  }
}

export class Loader {
  readonly mode: ConcreteAttachMode;

  constructor(
    private readonly cfg: SluiceConfig,
    /** Writes the prog arrays (the agent's long-lived writer; one bpftool process without it). */
    private readonly writer: MapWriter = new BpftoolWriter(),
  ) {
    this.mode = resolveAttachMode(cfg.attachMode);
  }

  mapPath(id: MapId): string {
    return mapPin(this.cfg.pinRoot, id);
  }

  progPath(name: string): string {
    return path.join(this.cfg.pinRoot, 'progs', name);
  }

  /** Mounts bpffs at the parent of pinRoot's bpffs when it is missing. */
  async ensureBpffs(): Promise<void> {
    const mountPoint = BPFFS;
    if (await isBpffs(mountPoint)) return;
    if (!existsSync(mountPoint))
      throw new EnvironmentError(`${mountPoint} does not exist: is sysfs mounted?`);
    await run(['mount', '-t', 'bpf', 'bpf', mountPoint]);
  }

  /** Creates the maps that are not pinned yet, and re-creates an empty IPv6 twin whose size is not
   * this node's (idle on a node now dual-stack, full on one that is not); returns the names it
   * created. A map holding entries keeps its size, as every pinned map does. */
  async ensureMaps(): Promise<string[]> {
    await mkdir(mapsDir(this.cfg.pinRoot), { recursive: true });
    const created: string[] = [];
    const lines: string[] = [];
    const resize = await this.twinsToResize();
    for (const spec of ALL_MAPS) {
      const pin = `${mapsDir(this.cfg.pinRoot)}/${spec.name}`;
      if (existsSync(pin) && !resize.has(spec.name)) continue;
      await rm(pin, { force: true });
      created.push(spec.name);
      lines.push(
        [
          'map create',
          pin,
          `type ${spec.type}`,
          `key ${spec.keySize}`,
          `value ${spec.valueSize}`,
          `entries ${mapCapacity(spec, this.cfg)}`,
          `name ${spec.name}`,
          `flags ${spec.flags}`,
        ].join(' '),
      );
    }
    await bpftoolBatch(lines);
    return created;
  }

  /** The pinned IPv6 twins whose size is not the one this node creates them with and that hold
   * nothing (a `map show` of each pin, side by side, not of every map on the node; a `getnext`
   * for each of another size). */
  private async twinsToResize(): Promise<Set<string>> {
    const twins = ALL_MAPS.filter((m) => m.ipv6 && existsSync(`${mapsDir(this.cfg.pinRoot)}/${m.name}`));
    const resize = await Promise.all(
      twins.map(async (spec) => {
        const pin = `${mapsDir(this.cfg.pinRoot)}/${spec.name}`;
        const shown = await bpftoolJson<{ max_entries: number }>(['map', 'show', 'pinned', pin]);
        return shown.max_entries !== mapCapacity(spec, this.cfg) && (await mapIsEmpty(pin));
      }),
    );
    return new Set(twins.filter((_, i) => resize[i]).map((m) => m.name));
  }

  /**
   * Loads the object against the pinned maps and points sluice_calls at its programs. Entry stubs
   * already pinned (and maybe attached) are kept: they only tail-call.
   */
  async load(): Promise<{ createdMaps: string[]; migrated: MigrationResult[] }> {
    if (!existsSync(this.cfg.bpfObject)) {
      throw new EnvironmentError(`BPF object ${this.cfg.bpfObject} is missing: run 'make build'`);
    }
    await this.ensureBpffs();
    const createdMaps = await this.ensureMaps();
    // Entries of maps whose layout changed move to their successors before the programs swap.
    const migrated = await migrateMaps(mapsDir(this.cfg.pinRoot));
    const stage = path.join(this.cfg.pinRoot, `load_${process.pid}_${Date.now()}`);
    const progsDir = path.join(this.cfg.pinRoot, 'progs');
    await mkdir(progsDir, { recursive: true });
    await mkdir(stage);
    try {
      const reuse = ALL_MAPS.flatMap((m) => [
        'map',
        'name',
        m.name,
        'pinned',
        `${mapsDir(this.cfg.pinRoot)}/${m.name}`,
      ]);
      await bpftool(['prog', 'loadall', this.cfg.bpfObject, path.join(stage, 'progs'), ...reuse]);
      const staged = await readdir(path.join(stage, 'progs'));
      for (const name of staged) {
        if (ENTRY_PROGRAMS.has(name) && existsSync(path.join(progsDir, name))) continue;
        await rm(path.join(progsDir, name), { force: true });
        await rename(path.join(stage, 'progs', name), path.join(progsDir, name));
      }
      const slot = (n: number) => {
        const b = Buffer.alloc(4);
        b.writeUInt32LE(n);
        return b;
      };
      const ops = [
        ...PROGRAMS.calls.map((c) => ({
          pin: this.mapPath('calls'),
          key: slot(c.slot),
          prog: this.progPath(c.name),
        })),
        ...PROGRAMS.netdevCalls.map((c) => ({
          pin: this.mapPath('netdevCalls'),
          key: slot(c.slot),
          prog: this.progPath(c.name),
        })),
        ...PROGRAMS.overlayCalls.map((c) => ({
          pin: this.mapPath('overlayCalls'),
          key: slot(c.slot),
          prog: this.progPath(c.name),
        })),
      ];
      const failure = describeFailure(ops, await this.writer.write(ops));
      if (failure) throw new SystemError(`programs not swapped in: ${failure}`);
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
    await dropOldMaps(mapsDir(this.cfg.pinRoot));
    return { createdMaps, migrated };
  }

  /**
   * Attaches both entry programs to a device; a no-op where they are attached already. `fresh`:
   * the device was just created, so there is nothing to look at first (one process, not three).
   */
  async attach(device: string, opts: { fresh?: boolean } = {}): Promise<void> {
    if (this.mode === 'tcx' && this.writer.attach) {
      // One request to the long-lived writer; attached already answers EEXIST.
      await this.attachTcx(
        (['ingress', 'egress'] as const).map((hook) => ({
          device,
          hook,
          prog: this.progPath(hook === 'ingress' ? PROGRAMS.entryIngress : PROGRAMS.entryEgress),
        })),
        this.cfg.hostNetns,
      );
      return;
    }
    const current = opts.fresh ? [] : await this.attachments(device);
    await this.attachMissing([device], current, opts.fresh ? undefined : await this.entryProgIds());
  }

  /**
   * Attaches both entry programs wherever they are missing on the given devices: one look at
   * every device and one batch (an agent start re-attaching all its endpoints). If the batch
   * fails (a device vanished meanwhile), each device is tried alone; returns those that failed.
   */
  async attachAll(devices: readonly string[]): Promise<{ device: string; error: string }[]> {
    if (devices.length === 0) return [];
    try {
      await this.attachMissing(devices, await this.attachments(), await this.entryProgIds());
      return [];
    } catch {
      const failed: { device: string; error: string }[] = [];
      for (const device of devices) {
        await this.attach(device).catch((err: Error) => failed.push({ device, error: err.message }));
      }
      return failed;
    }
  }

  private async attachMissing(
    devices: readonly string[],
    current: readonly Attachment[],
    ids: { ingress: number; egress: number } | undefined,
  ): Promise<void> {
    const pin = (hook: 'ingress' | 'egress') =>
      this.progPath(hook === 'ingress' ? PROGRAMS.entryIngress : PROGRAMS.entryEgress);
    const todo = devices.flatMap((device) =>
      (['ingress', 'egress'] as const)
        .filter(
          (hook) => !current.some((a) => a.device === device && a.hook === hook && a.progId === ids?.[hook]),
        )
        .map((hook) => ({ device, hook })),
    );
    if (todo.length === 0) return;
    const netns = this.cfg.hostNetns;
    if (this.mode === 'tcx') {
      await this.attachTcx(
        todo.map(({ device, hook }) => ({ device, hook, prog: pin(hook) })),
        netns,
      );
      return;
    }
    const lines: string[] = [];
    for (const device of new Set(todo.map((t) => t.device))) lines.push(`qdisc replace dev ${device} clsact`);
    for (const { device, hook } of todo) {
      lines.push(
        `filter replace dev ${device} ${hook} pref ${TC_PREF} handle ${TC_HANDLE} bpf direct-action object-pinned ${pin(hook)}`,
      );
    }
    await run(['tc', '-batch', '-'], { netns, input: `${lines.join('\n')}\n` });
  }

  /** tcx attachments through the long-lived writer (no process per attach: a CNI ADD's attach
   * was a bpftool start), or one bpftool batch where the writer cannot. */
  private async attachTcx(
    todo: readonly { device: string; hook: 'ingress' | 'egress'; prog: string }[],
    netns: string | undefined,
  ): Promise<void> {
    if (!this.writer.attach) {
      await bpftoolBatch(
        todo.map(({ device, hook, prog }) => `net attach tcx_${hook} pinned ${prog} dev ${device}`),
        netns,
      );
      return;
    }
    const results = await this.writer.attach(todo);
    const failed = results.findIndex((r) => r < 0 && r !== -EEXIST);
    if (failed >= 0) {
      const t = todo[failed]!;
      throw new SystemError(
        `cannot attach ${path.basename(t.prog)} to ${t.device} (tcx ${t.hook}): ${errnoText(results[failed]!)}`,
      );
    }
  }

  private entryIds: { ingress: number; egress: number } | undefined;

  /** Ids of the pinned entry programs (they never change once pinned). */
  private async entryProgIds(): Promise<{ ingress: number; egress: number }> {
    this.entryIds ??= {
      ingress: await this.progId(this.progPath(PROGRAMS.entryIngress)),
      egress: await this.progId(this.progPath(PROGRAMS.entryEgress)),
    };
    return this.entryIds;
  }

  /**
   * Attaches from_netdev (its entry stub) at tcx ingress of the node's own devices, where clients
   * from outside reach NodePorts; a no-op where it is attached. tc mode: clsact ingress.
   */
  async attachNetdev(devices: readonly string[]): Promise<void> {
    if (devices.length === 0) return;
    const pin = this.progPath(PROGRAMS.entryNetdev);
    if (this.mode === 'tcx' && this.writer.attach) {
      // Attached already answers EEXIST: nothing to look up first.
      await this.attachTcx(
        devices.map((device) => ({ device, hook: 'ingress' as const, prog: pin })),
        this.cfg.hostNetns,
      );
      return;
    }
    const id = await this.progId(pin);
    const shown = (await bpftoolJson<NetShowEntry[]>(['net', 'show'], this.cfg.hostNetns)) ?? [];
    const attached = new Set(
      shown.flatMap((e) =>
        (e.tc ?? [])
          .filter((t) => (t.prog_id ?? t.id) === id && t.kind.endsWith('ingress'))
          .map((t) => t.devname),
      ),
    );
    const todo = devices.filter((d) => !attached.has(d));
    if (todo.length === 0) return;
    const netns = this.cfg.hostNetns;
    if (this.mode === 'tcx') {
      await this.attachTcx(
        todo.map((device) => ({ device, hook: 'ingress' as const, prog: pin })),
        netns,
      );
      return;
    }
    const lines = todo.flatMap((d) => [
      `qdisc replace dev ${d} clsact`,
      `filter replace dev ${d} ingress pref ${TC_PREF} handle ${TC_HANDLE} bpf direct-action object-pinned ${pin}`,
    ]);
    await run(['tc', '-batch', '-'], { netns, input: `${lines.join('\n')}\n` });
  }

  /** Attaches from_overlay and to_overlay (their entry stubs) to the tunnel device: tcx ingress
   * and egress (tc mode: clsact). A no-op where they are attached. */
  async attachOverlay(device: string): Promise<void> {
    const hooks = [
      { hook: 'ingress' as const, prog: this.progPath(PROGRAMS.entryOverlayIngress) },
      { hook: 'egress' as const, prog: this.progPath(PROGRAMS.entryOverlayEgress) },
    ];
    const netns = this.cfg.hostNetns;
    if (this.mode === 'tcx' && this.writer.attach) {
      await this.attachTcx(
        hooks.map((h) => ({ device, ...h })),
        netns,
      );
      return;
    }
    const current = await this.attachments(device);
    const todo = [];
    for (const h of hooks) {
      const id = await this.progId(h.prog);
      if (!current.some((a) => a.hook === h.hook && a.progId === id)) todo.push(h);
    }
    if (todo.length === 0) return;
    if (this.mode === 'tcx') {
      await this.attachTcx(
        todo.map((h) => ({ device, ...h })),
        netns,
      );
      return;
    }
    const lines = [
      `qdisc replace dev ${device} clsact`,
      ...todo.map(
        (h) =>
          `filter replace dev ${device} ${h.hook} pref ${TC_PREF} handle ${TC_HANDLE} bpf direct-action object-pinned ${h.prog}`,
      ),
    ];
    await run(['tc', '-batch', '-'], { netns, input: `${lines.join('\n')}\n` });
  }

  /** Removes Sluice's programs from a device (and nothing else). A vanished device is fine. */
  async detach(device: string): Promise<void> {
    const netns = this.cfg.hostNetns;
    const current = await this.attachments(device).catch(() => []);
    for (const a of current) {
      if (a.mode === 'tcx') {
        await bpftool(['net', 'detach', `tcx_${a.hook}`, 'dev', device], netns);
      } else {
        await run(
          ['tc', 'filter', 'del', 'dev', device, a.hook, 'pref', TC_PREF, 'handle', TC_HANDLE, 'bpf'],
          { netns },
        );
      }
    }
  }

  /** Sluice's entry programs attached in the host namespace, on one device or all. */
  async attachments(device?: string): Promise<Attachment[]> {
    const args = ['net', 'show', ...(device ? ['dev', device] : [])];
    const shown = (await bpftoolJson<NetShowEntry[]>(args, this.cfg.hostNetns)) ?? [];
    const out: Attachment[] = [];
    for (const entry of shown) {
      for (const t of entry.tc ?? []) {
        const progName = t.name.replace(/:\[.*$/, '');
        if (!ENTRY_PROGRAMS.has(progName)) continue;
        out.push({
          device: t.devname,
          ifindex: t.ifindex,
          hook: t.kind.endsWith('ingress') ? 'ingress' : 'egress',
          mode: t.kind.startsWith('tcx') ? 'tcx' : 'tc',
          progId: t.prog_id ?? t.id ?? 0,
          progName,
        });
      }
    }
    return out;
  }

  private async progId(pin: string): Promise<number> {
    const info = await bpftoolJson<{ id: number }>(['prog', 'show', 'pinned', pin]);
    if (!info?.id) throw new SystemError(`no program pinned at ${pin}: was the datapath loaded?`);
    return info.id;
  }

  /** Removes every pin of this instance (maps included). For tests and `lab down`, not upgrades. */
  async removePins(): Promise<void> {
    await rm(this.cfg.pinRoot, { recursive: true, force: true });
  }
}
