// sluice status | map list | datapath load|attach|detach: the datapath on this machine.

import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { callAgent } from '../../agent/api/client.js';
import type { SluiceConfig } from '../../agent/config/config.js';
import { bpftoolJson } from '../../agent/datapath/bpftool.js';
import { BPFFS, isBpffs, kernelSupportsTcx, Loader } from '../../agent/datapath/loader.js';
import { ALL_MAPS, mapsDir } from '../../agent/datapath/maps.js';
import { EnvironmentError } from '../../agent/sys/errors.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import type { Instance } from '../cli/context.js';
import { formatTable } from '../output.js';

interface MapRow {
  name: string;
  type: string;
  entries: number | null;
  maxEntries: number;
  pressure: number | null;
}

async function mapRows(cfg: SluiceConfig): Promise<MapRow[]> {
  const rows: MapRow[] = [];
  for (const spec of ALL_MAPS) {
    const pin = `${mapsDir(cfg.pinRoot)}/${spec.name}`;
    if (!existsSync(pin)) continue;
    const info = await bpftoolJson<{ max_entries: number; type: string }>(['map', 'show', 'pinned', pin]);
    const countable = ['hash', 'lru_hash', 'percpu_hash', 'lpm_trie'].includes(spec.type);
    const entries = countable
      ? ((await bpftoolJson<unknown[]>(['map', 'dump', 'pinned', pin])) ?? []).length
      : null;
    rows.push({
      name: spec.name,
      type: info.type,
      entries,
      maxEntries: info.max_entries,
      pressure: entries === null ? null : Math.round((entries / info.max_entries) * 1000) / 1000,
    });
  }
  return rows;
}

async function programRows(cfg: SluiceConfig): Promise<{ name: string; id: number; tag: string }[]> {
  const dir = `${cfg.pinRoot}/progs`;
  const rows: { name: string; id: number; tag: string }[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const info = await bpftoolJson<{ id: number; tag: string }>([
      'prog',
      'show',
      'pinned',
      `${dir}/${name}`,
    ]).catch(() => undefined);
    if (info) rows.push({ name, id: info.id, tag: info.tag });
  }
  return rows;
}

async function kernelFeatures(): Promise<Record<string, boolean>> {
  return {
    btf: existsSync('/sys/kernel/btf/vmlinux'),
    tcx: kernelSupportsTcx(),
    bpffs: await isBpffs(BPFFS),
  };
}

function requirePins(cfg: SluiceConfig): void {
  if (!existsSync(`${cfg.pinRoot}/maps`)) {
    throw new EnvironmentError(
      `no Sluice maps under ${cfg.pinRoot}/maps: is the agent running (sluice-agent) or the datapath loaded (sluice datapath load)?`,
    );
  }
}

export function registerDatapathCommands(program: Command, { config, socket }: Instance): void {
  defineCommand(program, {
    name: 'status',
    description: 'kernel features, attach mode, attached programs and map fill levels',
    output: { formats: TABLE_JSON_YAML },
    run: async () => {
      const cfg = config();
      const loader = new Loader(cfg);
      const loaded = existsSync(`${cfg.pinRoot}/progs`);
      const attachments = loaded ? await loader.attachments() : [];
      const maps = loaded ? await mapRows(cfg) : [];
      const programs = loaded ? await programRows(cfg) : [];
      const agent = await callAgent(socket(), { status: {} }, 3000).then(
        (r) => (r.status?.ready ? 'ready' : `not ready: ${r.status?.message ?? ''}`),
        (err: Error) => `unreachable (${err.message})`,
      );
      const features = await kernelFeatures();
      const data = {
        agent,
        kernel: os.release(),
        features,
        attachMode: loader.mode,
        pinRoot: cfg.pinRoot,
        loaded,
        programs,
        attachments,
        maps,
      };
      return {
        data,
        render: () =>
          `Agent:        ${data.agent}\nKernel:       ${data.kernel} (${Object.entries(features)
            .map(([k, v]) => `${k} ${v ? 'yes' : 'no'}`)
            .join(
              ', ',
            )})\nAttach mode:  ${data.attachMode}\nPin root:     ${data.pinRoot}${loaded ? '' : ' (not loaded)'}\nAttached:     ${new Set(attachments.map((a) => a.device)).size} devices\nPrograms:     ${programs.map((p) => `${p.name} (id ${p.id})`).join(', ') || '-'}\n\n` +
          formatTable(
            ['map', 'entries', 'max', 'pressure'],
            maps.map((m) => [
              m.name,
              m.entries ?? '-',
              m.maxEntries,
              m.pressure === null ? '-' : `${(m.pressure * 100).toFixed(1)}%`,
            ]),
          ),
      };
    },
  });

  defineCommand(defineGroup(program, 'map', 'BPF maps'), {
    name: 'list',
    description: 'every pinned map: type, entries, capacity, pressure',
    output: { formats: TABLE_JSON_YAML },
    run: async () => {
      const cfg = config();
      requirePins(cfg);
      const rows = await mapRows(cfg);
      return {
        data: rows,
        render: () =>
          formatTable(
            ['name', 'type', 'entries', 'max', 'pressure'],
            rows.map((m) => [
              m.name,
              m.type,
              m.entries ?? '-',
              m.maxEntries,
              m.pressure === null ? '-' : `${(m.pressure * 100).toFixed(1)}%`,
            ]),
          ),
      };
    },
  });

  const dp = defineGroup(program, 'datapath', 'load, attach and detach the per-pod programs by hand');
  defineCommand(dp, {
    name: 'load',
    description: 'load build/bpf/lxc.o and pin it (maps are created once and reused)',
    run: async () => {
      const { createdMaps } = await new Loader(config()).load();
      process.stderr.write(`loaded; created maps: ${createdMaps.join(', ') || 'none (reused)'}\n`);
      return undefined;
    },
  });
  defineCommand(dp, {
    name: 'attach',
    args: ['<device>'],
    description: 'attach from_pod/to_pod to a host-side device',
    run: async ({ args: [device] }) => {
      await new Loader(config()).attach(device!);
      return undefined;
    },
  });
  defineCommand(dp, {
    name: 'detach',
    args: ['<device>'],
    description: "remove Sluice's programs from a device",
    run: async ({ args: [device] }) => {
      await new Loader(config()).detach(device!);
      return undefined;
    },
  });
  defineCommand(dp, {
    name: 'unload',
    description: 'remove every pin (maps included) of this instance; attached programs stay until detached',
    run: async () => {
      await new Loader(config()).removePins();
      return undefined;
    },
  });
}
