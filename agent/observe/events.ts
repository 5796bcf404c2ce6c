// Datapath events (drops, verdicts of new connections) from the perf event array, read by
// build/sluice-events (large per-CPU rings, binary records) and decoded with the flow_event
// codec (flow_event6 for IPv6 packets). Samples the kernel could not write are counted and reported, never silently ignored.

import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { CFG_FLAGS, EVENT_TYPE } from '../abi/constants.js';
import { REPO_ROOT } from '../config/config.js';
import { bpftool } from '../datapath/bpftool.js';
import {
  type DecodedOf,
  dpConfigCodec,
  flowEvent6Codec,
  flowEventCodec,
  u32Codec,
} from '../datapath/codecs.js';
import { mapPin } from '../datapath/maps.js';

export type FlowEvent = DecodedOf<typeof flowEventCodec>;

/** One sample as the datapath wrote it: a flow_event, or (family 6) a flow_event6 whose
 * addresses replace the empty IPv4 ones. Undefined for a sample too short for its kind. */
export function decodeFlowEvent(payload: Buffer): FlowEvent | undefined {
  if (payload.length < flowEventCodec.size) return undefined;
  const event = flowEventCodec.decode(payload);
  if (event.family !== 6) return event;
  if (payload.length < flowEvent6Codec.size) return undefined;
  return { ...event, ...flowEvent6Codec.decode(payload) };
}

/** bpf/lib/common.h enum cfg_flags and event_type (agent/abi/constants.ts). */
export const { CFG_F_EVENTS_DROP, CFG_F_EVENTS_VERDICT } = CFG_FLAGS;
export const { EVENT_DROP, EVENT_VERDICT } = EVENT_TYPE;

/** Splits the event reader's binary stream (u8 kind, u32 LE length, payload) into records. */
export class RecordStream {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer, emit: (kind: number, payload: Buffer) => void): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    let off = 0;
    while (this.buf.length - off >= 5) {
      const len = this.buf.readUInt32LE(off + 1);
      if (this.buf.length - off - 5 < len) break;
      emit(this.buf[off]!, this.buf.subarray(off + 5, off + 5 + len));
      off += 5 + len;
    }
    this.buf = this.buf.subarray(off);
  }
}

/** Which events the datapath emits (sluice_config). */
export async function setEventFlags(pinRoot: string, flags: number): Promise<void> {
  const key = [...u32Codec.encode({ value: 0 })].map(String);
  const value = [...dpConfigCodec.encode({ flags, host_identity_check: 0 })].map(String);
  await bpftool(['map', 'update', 'pinned', mapPin(pinRoot, 'config'), 'key', ...key, 'value', ...value]);
}

export const EVENT_READER = path.join(REPO_ROOT, 'build', 'sluice-events');

export class EventReader {
  private child: ChildProcess | undefined;
  lost = 0;
  received = 0;

  constructor(
    private readonly pinRoot: string,
    private readonly onEvent: (e: FlowEvent) => void,
    /** Called when the kernel reports samples it could not write (the ring was full). */
    private readonly onLost: (n: number) => void = () => undefined,
    /** Called if the reader dies after it started: flows stop until the agent restarts. */
    private readonly onDied: (why: string) => void = () => undefined,
  ) {}

  /** Resolves once the reader has every CPU's ring open. */
  async start(): Promise<void> {
    // build/sluice-events (agent/observe/sluice-events.c): a 1 MiB ring per CPU and binary output;
    // it dies with this process.
    const child = spawn(EVENT_READER, [mapPin(this.pinRoot, 'events')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const stream = new RecordStream();
    child.stdout!.on('data', (chunk: Buffer) =>
      stream.push(chunk, (kind, payload) => {
        if (kind === 2) {
          const n = Number(payload.readBigUInt64LE(0));
          this.lost += n;
          this.onLost(n);
        } else if (kind === 1) {
          const event = decodeFlowEvent(payload);
          if (!event) return;
          this.received += 1;
          this.onEvent(event);
        }
      }),
    );
    await new Promise<void>((resolve, reject) => {
      let err = '';
      let ready = false;
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        if (!ready && err.includes('ready')) {
          ready = true;
          resolve();
        }
      });
      // A missing reader must not take the agent down: the caller logs "flow events unavailable".
      child.once('error', (e) => reject(new Error(`${EVENT_READER}: ${e.message}; run 'make build'`)));
      child.once('exit', (code) => {
        const why = `sluice-events exited with ${code}: ${err.trim().split('\n').slice(-3).join('; ')}`;
        if (ready && this.child === child) this.onDied(why);
        reject(new Error(why));
      });
    });
  }

  stop(): void {
    const pid = this.child?.pid;
    if (pid && this.child?.exitCode === null) process.kill(pid, 'SIGTERM');
    this.child = undefined;
  }
}
