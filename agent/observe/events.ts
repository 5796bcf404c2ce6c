// Datapath events (drops, verdicts of new connections) from the perf event array, read with
// `bpftool map event_pipe` and decoded with the flow_event codec. Lost samples are counted, never
// silently ignored.

import { type ChildProcess, spawn } from 'node:child_process';
import { bpftool } from '../datapath/bpftool.js';
import { type DecodedOf, dpConfigCodec, flowEventCodec, u32Codec } from '../datapath/codecs.js';

export type FlowEvent = DecodedOf<typeof flowEventCodec>;

export const CFG_F_EVENTS_DROP = 1 << 0;
export const CFG_F_EVENTS_VERDICT = 1 << 1;
export const EVENT_DROP = 1;
export const EVENT_VERDICT = 2;

interface PipeRecord {
  type?: number;
  cpu?: number;
  index?: number;
  data?: number[];
  lost?: { cpu: number; index: number; lost: number };
}

/** Splits bpftool's JSON stream (one array, objects separated by commas, no newlines) into
 * complete top-level objects as they arrive. bpftool writes an object's closing brace only when
 * the next one starts, so an object whose last member is complete is emitted without waiting. */
export class JsonObjectStream {
  private buf = '';
  private depth = 0;
  private start = -1;
  private emitted = false;

  push(chunk: string, emit: (json: string) => void): void {
    const base = this.buf.length;
    this.buf += chunk;
    for (let i = base; i < this.buf.length; i++) {
      const c = this.buf[i];
      if (c === '{') {
        if (this.depth === 0) {
          this.start = i;
          this.emitted = false;
        }
        this.depth += 1;
      } else if (c === '}') {
        this.depth -= 1;
        if (this.depth === 0 && this.start >= 0) {
          if (!this.emitted) emit(this.buf.slice(this.start, i + 1));
          this.start = -1;
        }
      }
    }
    if (this.depth === 1 && this.start >= 0 && !this.emitted) {
      const text = this.buf.slice(this.start);
      if (text.endsWith(']') || text.endsWith('}')) {
        try {
          JSON.parse(`${text}}`);
          emit(`${text}}`);
          this.emitted = true;
        } catch {
          // not complete yet
        }
      }
    }
    if (this.depth === 0) this.buf = '';
    else if (this.start > 0) {
      this.buf = this.buf.slice(this.start);
      this.start = 0;
    }
  }
}

/** Which events the datapath emits (sluice_config). */
export async function setEventFlags(pinRoot: string, flags: number): Promise<void> {
  const key = [...u32Codec.encode({ value: 0 })].map(String);
  const value = [...dpConfigCodec.encode({ flags, host_identity_check: 0 })].map(String);
  await bpftool([
    'map',
    'update',
    'pinned',
    `${pinRoot}/maps/sluice_config`,
    'key',
    ...key,
    'value',
    ...value,
  ]);
}

export function decodeEventData(bytes: readonly number[]): FlowEvent | undefined {
  const buf = Buffer.from(bytes);
  return buf.length >= flowEventCodec.size ? flowEventCodec.decode(buf) : undefined;
}

export class EventReader {
  private child: ChildProcess | undefined;
  lost = 0;
  received = 0;

  constructor(
    private readonly pinRoot: string,
    private readonly onEvent: (e: FlowEvent) => void,
  ) {}

  /** Resolves once bpftool has the perf buffers open. */
  async start(): Promise<void> {
    // stdbuf: bpftool's stdout is a pipe here, and its JSON has no newlines to flush on.
    // setpriv --pdeathsig: if this process dies (even by SIGKILL), bpftool goes with it.
    const argv = [
      '--pdeathsig',
      'KILL',
      '--',
      'stdbuf',
      '-o0',
      'bpftool',
      '-j',
      'map',
      'event_pipe',
      'pinned',
      `${this.pinRoot}/maps/sluice_events`,
    ];
    const child = spawn('setpriv', argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const stream = new JsonObjectStream();
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => stream.push(chunk, (json) => this.onRecord(json)));
    // bpftool opens every CPU's buffer before it reads; give it that moment, or fail loudly.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, 300);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`bpftool map event_pipe exited with ${code}`));
      });
    });
  }

  private onRecord(json: string): void {
    let rec: PipeRecord;
    try {
      rec = JSON.parse(json) as PipeRecord;
    } catch {
      return;
    }
    if (rec.lost) {
      this.lost += rec.lost.lost;
      return;
    }
    const ev = rec.data ? decodeEventData(rec.data) : undefined;
    if (!ev) return;
    this.received += 1;
    this.onEvent(ev);
  }

  stop(): void {
    const pid = this.child?.pid;
    if (pid && this.child?.exitCode === null) process.kill(pid, 'SIGTERM');
    this.child = undefined;
  }
}
