// One request, one response over the agent socket. Used by sluice-cni and the CLI.

import { connect } from 'node:net';
import { EXIT_UNAVAILABLE, SluiceError } from '../sys/errors.js';
import { ApiErrorCode } from './errors.js';
import { frame, readFrames } from './framing.js';
import { sluice } from './gen/sluice.js';

export const API_VERSION = 1;

export type RequestBody = Omit<sluice.v1.IRequest, 'version'>;

export class AgentUnavailableError extends SluiceError {
  constructor(socketPath: string, cause: unknown) {
    super(
      `cannot reach the Sluice agent at ${socketPath}: ${(cause as Error).message ?? cause}; is sluice-agent running on this node?`,
      EXIT_UNAVAILABLE,
      { cause },
    );
  }
}

/** An error the agent answered with: its API code (apiCode, errors.ts), the CNI code it maps to
 * for sluice-cni (code), and its message. */
export class AgentError extends SluiceError {
  constructor(
    readonly code: number,
    message: string,
    readonly apiCode: ApiErrorCode = ApiErrorCode.ERROR_CODE_UNSPECIFIED,
  ) {
    super(message, 5);
  }
}

function agentError(e: sluice.v1.IError): AgentError {
  return new AgentError(
    e.code ?? 0,
    e.message ?? 'agent error',
    e.api_code ?? ApiErrorCode.ERROR_CODE_UNSPECIFIED,
  );
}

export function callAgent(
  socketPath: string,
  body: RequestBody,
  timeoutMs = 30_000,
): Promise<sluice.v1.Response> {
  return new Promise((resolve, reject) => {
    const sock = connect(socketPath);
    let done = false;
    const finish = (err: Error | undefined, res?: sluice.v1.Response) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(res!);
    };
    const timer = setTimeout(
      () => finish(new AgentUnavailableError(socketPath, new Error(`no answer in ${timeoutMs} ms`))),
      timeoutMs,
    );
    sock.once('error', (err) => finish(new AgentUnavailableError(socketPath, err)));
    sock.once('connect', () => {
      const req = sluice.v1.Request.encode(
        sluice.v1.Request.create({ version: API_VERSION, ...body }),
      ).finish();
      sock.write(frame(req));
    });
    readFrames(
      sock,
      (payload) => {
        let res: sluice.v1.Response;
        try {
          res = sluice.v1.Response.decode(payload);
        } catch (err) {
          finish(new AgentUnavailableError(socketPath, err));
          return;
        }
        if (res.error) finish(agentError(res.error));
        else finish(undefined, res);
      },
      (err) => finish(new AgentUnavailableError(socketPath, err)),
    );
    sock.once('end', () =>
      finish(new AgentUnavailableError(socketPath, new Error('connection closed before an answer'))),
    );
  });
}

/** A request answered by a stream of responses (observe): onResponse for each, until close(). */
export function streamAgent(
  socketPath: string,
  body: RequestBody,
  onResponse: (res: sluice.v1.Response) => void,
): { done: Promise<void>; close: () => void } {
  const sock = connect(socketPath);
  const done = new Promise<void>((resolve, reject) => {
    sock.once('error', (err) => reject(new AgentUnavailableError(socketPath, err)));
    sock.once('connect', () => {
      sock.write(
        frame(sluice.v1.Request.encode(sluice.v1.Request.create({ version: API_VERSION, ...body })).finish()),
      );
    });
    readFrames(
      sock,
      (payload) => {
        const res = sluice.v1.Response.decode(payload);
        if (res.error) {
          reject(agentError(res.error));
          sock.destroy();
          return;
        }
        onResponse(res);
      },
      (err) => reject(new AgentUnavailableError(socketPath, err)),
    );
    sock.once('close', () => resolve());
  });
  return { done, close: () => sock.destroy() };
}
