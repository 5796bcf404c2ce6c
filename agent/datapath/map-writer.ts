// Writing map entries: one long-lived process (build/sluice-maps, one syscall per entry, an
// answer per entry) for the agent, or one bpftool batch per call (the baseline bench policy
// measures it against, and a fallback where the helper is not built). Both apply a batch in
// order and stop at the first failed write; the long-lived writer says which entry failed and
// why, and is started again if it dies.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../config/config.js';
import { SystemError } from '../sys/errors.js';
import { bpftoolBatch, dumpMap, hexArgs } from './bpftool.js';

function sweeps(s: Sweep, key: Buffer, value: Buffer): boolean {
  if (s.expiresOffset !== undefined && value.readUInt32LE(s.expiresOffset) < (s.now ?? monotonicSeconds()))
    return true;
  return (s.match ?? []).some((m) => (m.inKey ? key : value).readUInt32LE(m.offset) === m.value >>> 0);
}

export interface MapOp {
  /** Pinned map path. */
  pin: string;
  /** The key's bytes, or as hex (what the syncer holds: no buffer per entry). */
  key: Buffer | string;
  /** The new value; undefined deletes the key (a missing key is fine). */
  value?: Buffer;
  /** Prog arrays: the pinned program to put in the slot (instead of value). */
  prog?: string;
}

/** What became of each op: 0 written, else -errno (-ECANCELED: not tried after a failure). */
export type OpResults = number[];

export interface MapWriter {
  /** Applies the ops in order; stops at the first failure. Throws only when it could not try. */
  write(ops: readonly MapOp[]): Promise<OpResults>;
  /** Deletes what the sweep names in one pass over the map; how many it deleted. */
  sweep(s: Sweep): Promise<number>;
  /** tcx-attaches pinned programs to devices (of the node's namespace); 0 or -errno each
   * (-EEXIST: attached already). Undefined where the writer cannot: the caller uses bpftool. */
  attach?(
    requests: readonly { device: string; hook: 'ingress' | 'egress'; prog: string }[],
  ): Promise<number[]>;
  close(): void;
}

export const MAPS_TOOL = path.join(REPO_ROOT, 'build', 'sluice-maps');
const ECANCELED = 125;
/** Longest a batch may go unanswered (a 120,000-entry batch takes well under a second). */
const EXCHANGE_TIMEOUT_MS = 30_000;

const OP_OPEN = 1;
const OP_UPDATE = 2;
const OP_DELETE = 3;
const OP_PROG = 4;
const OP_SYNC = 5;
const OP_SWEEP = 6;
const OP_ATTACH = 7;

/** What a sweep deletes: entries whose value's u32 at expiresOffset is below now (seconds of
 * CLOCK_MONOTONIC, as bpf_ktime_get_ns), and entries with a u32 equal to one of `match`. */
export interface Sweep {
  pin: string;
  now?: number;
  expiresOffset?: number;
  match?: { inKey: boolean; offset: number; value: number }[];
}

/** Seconds of CLOCK_MONOTONIC: the datapath's clock (bpf_ktime_get_ns() / 1e9). */
export function monotonicSeconds(): number {
  return Number(process.hrtime.bigint() / 1_000_000_000n);
}

export function errnoText(code: number): string {
  const n = -code;
  const name = Object.entries(os.constants.errno).find(([, v]) => v === n)?.[0];
  return name ? `${name} (${n})` : `errno ${n}`;
}

/** One bpftool process per write: all or nothing as bpftool batch is. */
export class BpftoolWriter implements MapWriter {
  async write(ops: readonly MapOp[]): Promise<OpResults> {
    const lines = ops.map((op) => {
      const key = hexArgs(keyBytes(op));
      if (op.prog) return `map update pinned ${op.pin} key ${key} value pinned ${op.prog}`;
      if (op.value) return `map update pinned ${op.pin} key ${key} value ${hexArgs(op.value)}`;
      return `map delete pinned ${op.pin} key ${key}`;
    });
    await bpftoolBatch(lines);
    return ops.map(() => 0);
  }

  /** Dumps the map and deletes in one batch (slow for large maps: the agent uses the helper). */
  async sweep(s: Sweep): Promise<number> {
    const doomed: Buffer[] = (await dumpMap(s.pin))
      .filter((e) => sweeps(s, e.key, e.value))
      .map((e) => e.key);
    await this.write(doomed.map((key) => ({ pin: s.pin, key })));
    return doomed.length;
  }

  close(): void {}
}

function keyBytes(op: MapOp): Buffer {
  return typeof op.key === 'string' ? Buffer.from(op.key, 'hex') : op.key;
}

const keyLength = (op: MapOp) => (typeof op.key === 'string' ? op.key.length >> 1 : op.key.length);

function frame(op: number, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = op;
  head.writeUInt32LE(body.length, 1);
  return Buffer.concat([head, body]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** The agent's writer: build/sluice-maps kept open on a pipe. Calls are serialised. */
export class PinnedMapWriter implements MapWriter {
  private child: ChildProcess | undefined;
  private handles = new Map<string, number>();
  private pending: { count: number; resolve: (r: number[]) => void; reject: (e: Error) => void } | undefined;
  private received: number[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  private queue: Promise<unknown> = Promise.resolve();
  /** How often the helper was started (1 + restarts after it died). */
  starts = 0;

  /** netns: the node's network namespace (path), where attach finds devices; undefined = ours. */
  constructor(
    private readonly netns?: string,
    private readonly tool = MAPS_TOOL,
  ) {}

  attach(
    requests: readonly { device: string; hook: 'ingress' | 'egress'; prog: string }[],
  ): Promise<number[]> {
    const next = this.queue.then(async () => {
      if (requests.length === 0) return [];
      const child = this.child ?? this.start();
      const frames = requests.map((r) => {
        const name = Buffer.from(r.device);
        return frame(
          OP_ATTACH,
          Buffer.concat([u32(r.hook === 'egress' ? 1 : 0), u32(name.length), name, Buffer.from(r.prog)]),
        );
      });
      const answers = await this.exchange(child, [...frames, frame(OP_SYNC, Buffer.alloc(0))]);
      return answers.slice(0, requests.length);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  write(ops: readonly MapOp[]): Promise<OpResults> {
    const next = this.queue.then(() => this.writeNow(ops));
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.child?.kill('SIGTERM');
    this.child = undefined;
  }

  private start(): ChildProcess {
    if (!existsSync(this.tool)) throw new SystemError(`${this.tool} is missing: run 'make build'`);
    const child = spawn(this.tool, this.netns ? [this.netns] : [], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.starts += 1;
    this.handles = new Map();
    this.buffered = Buffer.alloc(0);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout!.on('data', (d: Buffer) => this.onData(d));
    child.stdin!.on('error', () => undefined); // reported through exit
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      const p = this.pending;
      this.pending = undefined;
      p?.reject(
        new SystemError(
          `the map writer (${this.tool}) exited (${signal ?? `code ${code}`})${stderr ? `: ${stderr.trim()}` : ''}; it is started again on the next write`,
        ),
      );
    });
    this.child = child;
    return child;
  }

  private onData(d: Buffer): void {
    const buf = this.buffered.length ? Buffer.concat([this.buffered, d]) : d;
    let o = 0;
    for (; o + 5 <= buf.length; o += 5) this.received.push(buf.readInt32LE(o + 1));
    this.buffered = buf.subarray(o);
    const p = this.pending;
    if (p && this.received.length >= p.count) {
      this.pending = undefined;
      const answers = this.received.splice(0, p.count);
      p.resolve(answers);
    }
  }

  /** Sends requests (the last one a SYNC) and waits for every answer (`count`: one per request). */
  private exchange(child: ChildProcess, requests: Buffer[], count = requests.length): Promise<number[]> {
    return new Promise<number[]>((resolve, reject) => {
      this.received = [];
      // A writer that stops answering is ended (by its pid, ours) and started again next time:
      // a sync must fail, not hang.
      const timer = setTimeout(() => {
        if (this.child === child && child.pid) child.kill('SIGKILL');
      }, EXCHANGE_TIMEOUT_MS);
      const done = () => clearTimeout(timer);
      this.pending = {
        count,
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      child.stdin!.write(Buffer.concat(requests));
    });
  }

  sweep(s: Sweep): Promise<number> {
    const next = this.queue.then(async () => {
      const child = await this.open([s.pin]);
      const match = s.match ?? [];
      const body = Buffer.concat([
        u32(this.handles.get(s.pin)!),
        u32(s.now ?? monotonicSeconds()),
        u32(s.expiresOffset ?? 0xffffffff),
        u32(match.length),
        ...match.flatMap((m) => [u32(m.inKey ? 1 : 0), u32(m.offset), u32(m.value)]),
      ]);
      const [n] = await this.exchange(child, [frame(OP_SWEEP, body), frame(OP_SYNC, Buffer.alloc(0))]);
      if (n! < 0) throw new SystemError(`sweep of ${path.basename(s.pin)} failed: ${errnoText(n!)}`);
      return n!;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The running helper, with every pin of `pins` open. */
  private async open(pins: readonly string[]): Promise<ChildProcess> {
    const child = this.child ?? this.start();
    const unopened: string[] = [];
    for (const p of pins) if (!this.handles.has(p) && !unopened.includes(p)) unopened.push(p);
    if (unopened.length > 0) {
      const answers = await this.exchange(child, [
        ...unopened.map((p) => frame(OP_OPEN, Buffer.from(p))),
        frame(OP_SYNC, Buffer.alloc(0)),
      ]);
      unopened.forEach((p, i) => {
        const h = answers[i]!;
        if (h < 0)
          throw new SystemError(
            `cannot open pinned map ${p}: ${errnoText(h)}${h === -2 ? ' (the datapath is not loaded there: start the agent, or check pinRoot)' : ''}`,
          );
        this.handles.set(p, h);
      });
    }
    return child;
  }

  private async writeNow(ops: readonly MapOp[]): Promise<OpResults> {
    if (ops.length === 0) return [];
    const pins: string[] = [];
    for (const op of ops) if (pins[pins.length - 1] !== op.pin && !pins.includes(op.pin)) pins.push(op.pin);
    const child = await this.open(pins);
    const answers = await this.exchange(
      child,
      [this.encode(ops), frame(OP_SYNC, Buffer.alloc(0))],
      ops.length + 1,
    );
    return answers.slice(0, ops.length);
  }

  /** Every request of a batch in one buffer (a batch can be 100,000 entries: no buffer per entry). */
  private encode(ops: readonly MapOp[]): Buffer {
    let size = 0;
    for (const op of ops) {
      const tail = op.prog ? Buffer.byteLength(op.prog) : (op.value?.length ?? 0);
      size += 9 + (op.value || op.prog ? 4 : 0) + keyLength(op) + tail;
    }
    const buf = Buffer.allocUnsafe(size);
    let o = 0;
    for (const op of ops) {
      const withLen = Boolean(op.value || op.prog);
      const tail = op.prog ? Buffer.from(op.prog) : op.value;
      const klen = keyLength(op);
      buf[o] = op.prog ? OP_PROG : op.value ? OP_UPDATE : OP_DELETE;
      buf.writeUInt32LE(4 + (withLen ? 4 : 0) + klen + (tail?.length ?? 0), o + 1);
      buf.writeUInt32LE(this.handles.get(op.pin)!, o + 5);
      o += 9;
      if (withLen) {
        buf.writeUInt32LE(klen, o);
        o += 4;
      }
      o += typeof op.key === 'string' ? buf.write(op.key, o, 'hex') : op.key.copy(buf, o);
      if (tail) o += tail.copy(buf, o);
    }
    return buf;
  }
}

/** A failed write with the entry that failed: map, key, why; and how many were not tried. */
export function describeFailure(ops: readonly MapOp[], results: OpResults): string | undefined {
  const i = results.findIndex((r) => r < 0 && r !== -ECANCELED);
  if (i < 0) return undefined;
  const op = ops[i]!;
  const skipped = results.filter((r) => r === -ECANCELED).length;
  const what = op.value || op.prog ? 'update' : 'delete';
  return `${what} of ${path.basename(op.pin)} key ${keyBytes(op).toString('hex')} failed: ${errnoText(results[i]!)}${skipped ? `; the ${skipped} writes after it were not made` : ''}`;
}
