// The agent's API on a unix socket (root only: the directory 0700, the socket 0600). Each
// connection carries one framed Request and gets one framed Response; but observe (a stream of
// responses) and cni (a conversation with sluice-cni, agent/cni/conversation.ts).

import { chmod, mkdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { API_VERSION } from '../api/client.js';
import { ApiError, ApiErrorCode, apiCodeOf } from '../api/errors.js';
import { frame, readFrames } from '../api/framing.js';
import { sluice } from '../api/gen/sluice.js';
import { cniCode } from '../cni/api-errors.js';
import { cniConversation, Inbox } from '../cni/conversation.js';
import type { Agent } from '../node/agent.js';
import type { Logger } from '../sys/log.js';

function attachment(a: sluice.v1.IAttachment | null | undefined) {
  const containerId = a?.container_id ?? '';
  const ifname = a?.ifname ?? '';
  if (!containerId || !ifname)
    throw new ApiError(
      ApiErrorCode.INVALID_ARGUMENT,
      'request names no attachment (container id and ifname)',
    );
  return { containerId, ifname };
}

export async function handle(agent: Agent, req: sluice.v1.Request): Promise<sluice.v1.IResponse> {
  if (req.version !== API_VERSION) {
    throw new ApiError(
      ApiErrorCode.INCOMPATIBLE_VERSION,
      `agent speaks API version ${API_VERSION}, the client ${req.version}`,
    );
  }
  switch (req.body) {
    case 'status':
      return { status: agent.status() };
    case 'check': {
      agent.requireReady();
      const c = await agent.cni.check(attachment(req.check!.attachment));
      return {
        check: {
          found: c.found,
          ip: c.ip,
          ipv6: c.ipv6,
          host_ifname: c.hostIfName,
          endpoint_id: c.endpointId,
          problem: c.problem,
        },
      };
    }
    case 'describe': {
      agent.requireReady();
      const d = agent.queries.describe();
      return {
        describe: {
          endpoints: d.endpoints.map((e) => ({
            id: e.id,
            pod: e.pod,
            ip: e.ip,
            ipv6: e.ipv6,
            host_ifname: e.hostIfName,
            identity: e.identity,
            container_id: e.containerId,
          })),
          identities: d.identities.map((i) => ({
            id: i.id,
            kind: i.kind,
            namespace: i.namespace,
            namespace_labels: i.namespaceLabels,
            pod_labels: i.podLabels,
            pods: i.pods,
          })),
          rules: d.rules.map((r) => ({
            rule_id: r.ruleId,
            policy: r.policy,
            direction: r.direction,
            index: r.index,
          })),
          frontends: d.frontends,
          service_problems: d.serviceProblems,
        },
      };
    }
    case 'explain': {
      agent.requireReady();
      const r = req.explain!;
      const e = agent.queries.explain(
        r.from ?? '',
        r.to ?? '',
        r.port ?? 0,
        (r.protocol || 'TCP').toUpperCase(),
      );
      const side = (s: typeof e.source) => ({
        pod: s.pod,
        direction: s.direction,
        local: s.local,
        selected_by: s.selectedBy,
        allowed: s.allowed,
        rule: s.rule,
        via: s.via,
      });
      return { explain: { source: side(e.source), destination: side(e.destination), allowed: e.allowed } };
    }
    case 'reload': {
      agent.requireReady();
      const r = await agent.reloadManifests();
      return { reload: { store_version: r.storeVersion, pods: r.pods, policies: r.policies } };
    }
    case 'observe':
      agent.requireReady(); // when ready, observe is streamed before it gets here
      throw new ApiError(ApiErrorCode.INTERNAL, 'observe must be streamed');
    case 'cni':
    case 'cni_step':
      throw new ApiError(ApiErrorCode.INTERNAL, 'CNI calls are a conversation: they never get here');
    default:
      throw new ApiError(ApiErrorCode.INVALID_ARGUMENT, 'empty request');
  }
}

/** observe: recent flows, then (follow) every new one; the connection stays open until the
 * client goes. A client that cannot keep up is sent how many flows it lost. */
function observe(agent: Agent, sock: import('node:net').Socket, req: sluice.v1.IObserveRequest): void {
  const send = (body: sluice.v1.IResponse) =>
    sock.write(frame(sluice.v1.Response.encode({ version: API_VERSION, ...body }).finish()));
  for (const flow of agent.flows.last(req.last ?? 0)) send({ flow });
  if (!req.follow) {
    sock.end();
    return;
  }
  let dropped = 0;
  // Whatever was dropped is reported as soon as the client has caught up, and at least every second.
  const flushLost = () => {
    if (dropped > 0 && sock.writableLength <= 4 << 20) {
      send({ lost: { flows: dropped } });
      dropped = 0;
    }
  };
  sock.on('drain', flushLost);
  const timer = setInterval(flushLost, 1000);
  const unsubscribe = agent.flows.subscribe((item) => {
    if ('lost' in item) {
      send({ lost: { flows: item.lost } });
      return;
    }
    if (sock.writableLength > 4 << 20) {
      dropped += 1; // the client is behind by megabytes: count, do not buffer without end
      return;
    }
    if (dropped > 0) {
      send({ lost: { flows: dropped } });
      dropped = 0;
    }
    send({ flow: item.flow });
  });
  sock.on('close', () => {
    clearInterval(timer);
    unsubscribe();
  });
}

export async function startApiServer(agent: Agent, socketPath: string, log: Logger): Promise<Server> {
  await mkdir(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  await chmod(path.dirname(socketPath), 0o700);
  await rm(socketPath, { force: true });
  const server = createServer((sock) => {
    sock.on('error', () => undefined);
    // Set once a connection is a CNI conversation: its later frames are the plugin's step results.
    let inbox: Inbox | undefined;
    sock.on('close', () => inbox?.close(new Error('sluice-cni closed the connection mid-call')));
    readFrames(
      sock,
      (payload) => {
        if (inbox) {
          inbox.push(payload);
          return;
        }
        let req: sluice.v1.Request;
        try {
          req = sluice.v1.Request.decode(payload);
        } catch (err) {
          sock.end(
            frame(
              sluice.v1.Response.encode({
                version: API_VERSION,
                error: {
                  code: cniCode(ApiErrorCode.UNDECODABLE),
                  api_code: ApiErrorCode.UNDECODABLE,
                  message: `undecodable request: ${(err as Error).message}`,
                },
              }).finish(),
            ),
          );
          return;
        }
        if (req.body === 'cni' && req.version === API_VERSION) {
          inbox = new Inbox();
          cniConversation(agent.cni, sock, inbox, req.cni ?? {}, log).catch((err: Error) => {
            log.warn({ err: err.message }, 'CNI call failed');
            sock.destroy();
          });
          return;
        }
        if (req.body === 'observe' && agent.ready) {
          observe(agent, sock, req.observe ?? {});
          return;
        }
        handle(agent, req).then(
          (body) => sock.end(frame(sluice.v1.Response.encode({ version: API_VERSION, ...body }).finish())),
          (err: unknown) => {
            const apiCode = apiCodeOf(err);
            const message = err instanceof Error ? err.message : String(err);
            log.warn({ op: req.body, code: apiCode, err: message }, 'API request failed');
            // code: for sluice-cni, whose requests can fail here too (another API version).
            const error = { code: cniCode(apiCode), api_code: apiCode, message };
            sock.end(frame(sluice.v1.Response.encode({ version: API_VERSION, error }).finish()));
          },
        );
      },
      (err) => {
        log.warn({ err: err.message }, 'bad frame on the API socket');
        sock.destroy();
      },
    );
  });
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, resolve);
    });
  } finally {
    process.umask(umask);
  }
  await chmod(socketPath, 0o600);
  return server;
}
