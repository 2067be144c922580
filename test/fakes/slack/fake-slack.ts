// A fake Slack on 127.0.0.1 for tests: Web API, response_url endpoints and a Socket Mode WebSocket
// server, spoken to by the real @slack/bolt App (its WebClient and SocketModeClient). See README notes below.
//
// Usage:
//   const slack = await createFakeSlack();
//   const app = new App({ token: 'xoxb-test', appToken: 'xapp-test', socketMode: true,
//                         clientOptions: { slackApiUrl: slack.apiUrl } });
//   await app.start(); await slack.waitForSocket();
//   const env = slack.sendSlashCommand({ command: '/paper', text: 'x' }); await env.ack();
//   ...; await app.stop(); await slack.close();   // stop the app first, or it tries to reconnect
//
// Bolt v4 hands App `clientOptions` to SocketModeReceiver as `installerOptions.clientOptions`, and
// SocketModeClient builds its own WebClient from them, so `clientOptions.slackApiUrl` alone routes
// both the bot's Web API calls and apps.connections.open here.

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { defaultReply, parseApiArgs } from './web-api-replies.js';
import type { ReplyContext } from './web-api-replies.js';

export { postEvent, postSignedRequest, postSlashCommand, signSlackRequest } from './slack-http-client.js';
export type { SignedPostOptions, SlackHttpResult, SlackSignatureHeaders } from './slack-http-client.js';

export interface FakeSlackOptions {
  /** The bot's user id (auth.test `user_id`). Default 'U0BOT'. */
  readonly botUserId?: string;
  /** The bot id (auth.test `bot_id`). Default 'B0BOT'. */
  readonly botId?: string;
  /** Workspace id. Default 'T0001'. */
  readonly teamId?: string;
  /** Workspace domain. Default 'fake-team'. */
  readonly teamDomain?: string;
  /** App id in hello / payloads. Default 'A1'. */
  readonly appId?: string;
  /** Default timeout for every wait* helper, in ms. Default 5000. */
  readonly defaultTimeoutMs?: number;
}

/** One Web API request the fake received (failed attempts included). */
export interface ApiCall {
  /** Position in `slack.calls`; pass `since: call.seq + 1` to wait for a later call. */
  readonly seq: number;
  readonly method: string;
  /** Parsed form / JSON body (plus query string); `blocks`, `attachments`, `unfurls`, `view`, `metadata` decoded. */
  readonly args: Record<string, unknown>;
  /** Bearer token from the Authorization header, else the body `token`. */
  readonly token: string | undefined;
  readonly contentType: string | undefined;
  /** HTTP status the fake answered with (429 for an injected rate limit). */
  readonly status: number;
  /** JSON body the fake answered with. */
  readonly response: Record<string, unknown>;
}

/** A failure to inject for the next call(s) of a method. */
export interface FailureSpec {
  /** HTTP status; 429 adds a Retry-After header. Default 200 when `error` is given, else 429. */
  readonly status?: number;
  /** Seconds for Retry-After (429 only). Default 1. */
  readonly retryAfter?: number;
  /** Slack error code in the `{ ok:false, error }` body. Default 'ratelimited' for 429, else 'internal_error'. */
  readonly error?: string;
  /** How many consecutive calls fail. Default 1. */
  readonly times?: number;
}

/** One POST to a fake response_url. */
export interface ResponseUrlPost {
  readonly seq: number;
  readonly id: string;
  readonly url: string;
  /** JSON body (Bolt's respond() sends JSON) or form fields. */
  readonly body: Record<string, unknown>;
  readonly contentType: string | undefined;
}

/** A Socket Mode envelope exactly as sent over the WebSocket. */
export interface SocketEnvelope {
  readonly envelope_id: string;
  readonly type: 'slash_commands' | 'events_api' | 'interactive';
  readonly payload: Record<string, unknown>;
  readonly accepts_response_payload: boolean;
  readonly retry_attempt: number;
  readonly retry_reason: string;
}

/** An acknowledgement the client sent back: `{ envelope_id, payload }` (Bolt sends `payload: {}` for a bare ack()). */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: Record<string, unknown>;
  /** Which connection (1-based, see `slack.connections`) carried it. */
  readonly connection: number;
}

/** A sent envelope; `ack()` waits for the client's acknowledgement of this delivery. */
export interface SocketDelivery {
  readonly envelope: SocketEnvelope;
  /** Connection number (1-based) it was sent on. */
  readonly connection: number;
  /** For slash commands / interactions: the id whose response_url posts land in `slack.responses`. */
  readonly responseUrlId: string | undefined;
  /** Resolves with the first ack for this envelope_id received after this delivery was sent. */
  ack(timeoutMs?: number): Promise<SocketAck>;
}

export interface SocketConnectionInfo {
  /** 1-based, in order of connection. */
  readonly number: number;
  /** The URL path + query the client connected with (contains the ticket). */
  readonly path: string;
  readonly open: boolean;
}

export interface WaitOptions {
  readonly timeoutMs?: number;
}

export interface WaitForCallOptions extends WaitOptions {
  /** Only consider calls with `seq >= since` (e.g. `slack.calls.length` captured before acting). */
  readonly since?: number;
}

/** Fields of a slash-command payload; anything missing gets a plausible default. */
export interface SlashCommandFields {
  command?: string;
  text?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  team_domain?: string;
  trigger_id?: string;
  response_url?: string;
  [field: string]: string | undefined;
}

export interface SendOptions {
  /** Envelope id; default a fresh UUID. */
  readonly envelopeId?: string;
  /** Default: true for slash commands and view_submission, false otherwise. */
  readonly acceptsResponsePayload?: boolean;
}

export interface SendEventOptions extends SendOptions {
  /** event_id of the event_callback; default 'Ev000…'. */
  readonly eventId?: string;
}

export interface FakeSlack {
  /** Base URL for WebClient: 'http://127.0.0.1:PORT/api/'. Pass as `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  /** 'http://127.0.0.1:PORT'. */
  readonly baseUrl: string;
  /** 'ws://127.0.0.1:PORT/link/' (apps.connections.open adds `?ticket=…&app_id=…`). */
  readonly socketUrl: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  readonly appId: string;
  /** Every Web API request, in arrival order. */
  readonly calls: readonly ApiCall[];
  /** Every POST to a fake response_url. */
  readonly responses: readonly ResponseUrlPost[];
  /** Every envelope sent (redeliveries included). */
  readonly deliveries: readonly SocketDelivery[];
  /** Every acknowledgement received. */
  readonly acks: readonly SocketAck[];
  /** Every Socket Mode connection so far (snapshots). */
  readonly connections: readonly SocketConnectionInfo[];
  /** Non-ack messages the client sent over the socket (should stay empty). */
  readonly otherSocketMessages: readonly unknown[];

  callsTo(method: string): ApiCall[];
  /** Resolves with the first recorded call to `method` (seq >= since) matching `predicate`; waits if none yet. */
  waitForCall(method: string, predicate?: (call: ApiCall) => boolean, options?: WaitForCallOptions): Promise<ApiCall>;
  /** Makes the next call(s) of `method` fail. Default: HTTP 429, Retry-After: 1. */
  failNext(method: string, failure?: FailureSpec): void;
  /** Replaces the built-in reply for `method` (the call is still recorded; failNext still wins). */
  stubMethod(method: string, reply: (call: Omit<ApiCall, 'seq' | 'status' | 'response'>) => Record<string, unknown>): void;

  /** A response_url on the fake; POSTs to it are recorded under `id`. */
  responseUrl(id: string): string;
  /** Resolves with the first response_url POST (for `id`, or any if omitted) with seq >= since. */
  waitForResponse(id?: string, options?: WaitForCallOptions): Promise<ResponseUrlPost>;

  /**
   * Resolves once a Socket Mode client is connected and greeted with `hello`. With `nth`, waits for
   * the nth connection ever (e.g. `nth: 2` after sendDisconnect); otherwise for any open one.
   */
  waitForSocket(options?: WaitOptions & { readonly nth?: number }): Promise<SocketConnectionInfo>;
  /** Sends a `slash_commands` envelope. `response_url` defaults to `responseUrl(envelope_id)`. */
  sendSlashCommand(fields?: SlashCommandFields, options?: SendOptions): SocketDelivery;
  /** Sends an `events_api` envelope wrapping `event` (e.g. `{ type:'app_mention', user, text, channel }`). */
  sendEvent(event: Record<string, unknown>, options?: SendEventOptions): SocketDelivery;
  /** Sends an `interactive` envelope (`payload.type` defaults to 'block_actions'). */
  sendInteractive(payload: Record<string, unknown>, options?: SendOptions): SocketDelivery;
  /** Resends the same envelope (same envelope_id, retry_attempt + 1) on the current connection. */
  redeliver(delivery: SocketDelivery, retryReason?: string): SocketDelivery;
  /** Sends `{ type:'disconnect', reason }`; SocketModeClient closes and reconnects via apps.connections.open. */
  sendDisconnect(reason?: string): void;
  /** Abruptly kills the current socket (like a network drop). */
  dropSocket(): void;

  /** A fresh message timestamp. */
  nextTs(): string;
  /** Closes sockets and the server; rejects pending waits. Stop the Bolt App first. */
  close(): Promise<void>;
}

interface ConnectionRecord {
  readonly number: number;
  readonly path: string;
  readonly ws: WebSocket;
  greeted: boolean;
}

interface Waiter {
  readonly check: () => void;
  readonly fail: (error: Error) => void;
}

const LOOPBACK = '127.0.0.1';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function tokenOf(req: IncomingMessage, args: Record<string, unknown>): string | undefined {
  const auth = req.headers.authorization;
  const match = auth === undefined ? null : /^Bearer\s+(.+)$/i.exec(auth);
  if (match?.[1] !== undefined) return match[1];
  return typeof args['token'] === 'string' ? args['token'] : undefined;
}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** Starts a fake Slack on 127.0.0.1 (random free port). */
export async function createFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = options.botId ?? 'B0BOT';
  const teamId = options.teamId ?? 'T0001';
  const teamDomain = options.teamDomain ?? 'fake-team';
  const appId = options.appId ?? 'A1';
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 5000;

  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const deliveries: SocketDelivery[] = [];
  const acks: SocketAck[] = [];
  const connections: ConnectionRecord[] = [];
  const otherSocketMessages: unknown[] = [];
  const failures = new Map<string, Required<FailureSpec>[]>();
  const stubs = new Map<string, (call: Omit<ApiCall, 'seq' | 'status' | 'response'>) => Record<string, unknown>>();
  const waiters = new Set<Waiter>();
  let closed = false;

  let tsCounter = 0;
  const tsBase = Math.floor(Date.now() / 1000);
  const nextTs = (): string => {
    tsCounter += 1;
    return `${tsBase + Math.floor(tsCounter / 1_000_000)}.${String(tsCounter % 1_000_000).padStart(6, '0')}`;
  };
  let idCounter = 0;
  const nextId = (prefix: string): string => {
    idCounter += 1;
    return `${prefix}${String(idCounter).padStart(8, '0')}`;
  };

  const notify = (): void => {
    for (const waiter of [...waiters]) waiter.check();
  };

  /** Resolves with `find()` once it is defined, re-checking on every recorded change. */
  const waitUntil = <T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const first = find();
      if (first !== undefined) {
        resolve(first);
        return;
      }
      if (closed) {
        reject(new Error(`fake-slack: closed while waiting for ${describe()}`));
        return;
      }
      const waiter: Waiter = {
        check: () => {
          const found = find();
          if (found === undefined) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(found);
        },
        fail: (error) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        waiter.fail(new Error(`fake-slack: timed out after ${timeoutMs}ms waiting for ${describe()}`));
      }, timeoutMs);
      waiters.add(waiter);
    });

  // ---------------------------------------------------------------- HTTP: Web API + response_url
  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fake_slack_internal', detail: String(error) });
      else res.end();
    });
  });

  let port = 0;
  const baseUrl = (): string => `http://${LOOPBACK}:${port}`;
  const socketBase = (): string => `ws://${LOOPBACK}:${port}/link/`;

  const replyContext: ReplyContext = {
    botUserId,
    botId,
    teamId,
    teamDomain,
    appId,
    openSocketUrl: () => `${socketBase()}?ticket=${randomUUID()}&app_id=${appId}`,
    nextTs,
    nextId,
  };

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl());
    const rawBody = await readBody(req);
    const contentType = req.headers['content-type'];

    if (url.pathname.startsWith('/api/')) {
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      let args: Record<string, unknown>;
      try {
        args = parseApiArgs(rawBody, contentType, url.searchParams);
      } catch {
        args = { _unparsed: rawBody };
      }
      const token = tokenOf(req, args);
      const request = { method, args, token, contentType };

      let status = 200;
      let response: Record<string, unknown>;
      const headers: Record<string, string> = {};
      const queue = failures.get(method);
      const failure = queue?.[0];
      if (queue !== undefined && failure !== undefined) {
        if (failure.times <= 1) queue.shift();
        else queue[0] = { ...failure, times: failure.times - 1 };
        status = failure.status;
        response = { ok: false, error: failure.error };
        if (status === 429) headers['retry-after'] = String(failure.retryAfter);
      } else {
        const stub = stubs.get(method);
        response = stub !== undefined ? stub(request) : defaultReply(method, args, token, replyContext);
      }
      calls.push({ seq: calls.length, ...request, status, response });
      sendJson(res, status, response, headers);
      notify();
      return;
    }

    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      const id = decodeURIComponent(url.pathname.slice('/response/'.length));
      let body: Record<string, unknown>;
      try {
        body = (contentType ?? '').includes('json')
          ? (JSON.parse(rawBody) as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(rawBody));
      } catch {
        body = { _unparsed: rawBody };
      }
      responses.push({ seq: responses.length, id, url: `${baseUrl()}${url.pathname}`, body, contentType });
      sendJson(res, 200, { ok: true });
      notify();
      return;
    }

    sendJson(res, 404, { ok: false, error: 'not_found' });
  }

  // ---------------------------------------------------------------- Socket Mode
  const wss = new WebSocketServer({ server, path: '/link/', perMessageDeflate: false });
  wss.on('error', () => {
    // errors surface on the individual sockets; nothing to do at the server level
  });
  wss.on('connection', (ws, req) => {
    const record: ConnectionRecord = { number: connections.length + 1, path: req.url ?? '', ws, greeted: false };
    connections.push(record);
    ws.on('error', () => {
      // the client vanished; the close handler updates state
    });
    ws.on('close', () => notify());
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        otherSocketMessages.push(data);
        notify();
        return;
      }
      const text = rawDataToString(data);
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        otherSocketMessages.push(text);
        notify();
        return;
      }
      if (message !== null && typeof message === 'object' && typeof (message as { envelope_id?: unknown }).envelope_id === 'string') {
        const { envelope_id, payload } = message as { envelope_id: string; payload?: Record<string, unknown> };
        acks.push(payload === undefined ? { envelope_id, connection: record.number } : { envelope_id, payload, connection: record.number });
      } else {
        otherSocketMessages.push(message);
      }
      notify();
    });
    // The handshake SocketModeClient waits for before start() resolves.
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake', build_number: 1, approximate_connection_time: 3600 },
        connection_info: { app_id: appId },
      }),
      () => {
        record.greeted = true;
        notify();
      },
    );
  });

  const isOpen = (c: ConnectionRecord): boolean => c.ws.readyState === c.ws.OPEN;

  const activeConnection = (): ConnectionRecord => {
    for (let i = connections.length - 1; i >= 0; i -= 1) {
      const c = connections[i];
      if (c !== undefined && c.greeted && isOpen(c)) return c;
    }
    throw new Error('fake-slack: no Socket Mode client connected (await slack.waitForSocket() first)');
  };

  const deliver = (envelope: SocketEnvelope, responseUrlId: string | undefined): SocketDelivery => {
    const connection = activeConnection();
    const ackStart = acks.length;
    const delivery: SocketDelivery = {
      envelope,
      connection: connection.number,
      responseUrlId,
      ack: (timeoutMs = defaultTimeoutMs) =>
        waitUntil(
          () => acks.slice(ackStart).find((a) => a.envelope_id === envelope.envelope_id),
          timeoutMs,
          () => `ack of envelope ${envelope.envelope_id} (${envelope.type})`,
        ),
    };
    connection.ws.send(JSON.stringify(envelope));
    deliveries.push(delivery);
    return delivery;
  };

  const payloadBase = (): Record<string, unknown> => ({
    token: 'fake-verification-token',
    team_id: teamId,
    api_app_id: appId,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve();
    });
  });

  const fake: FakeSlack = {
    apiUrl: `${baseUrl()}/api/`,
    baseUrl: baseUrl(),
    socketUrl: socketBase(),
    botUserId,
    botId,
    teamId,
    appId,
    calls,
    responses,
    deliveries,
    acks,
    get connections(): readonly SocketConnectionInfo[] {
      return connections.map((c) => ({ number: c.number, path: c.path, open: isOpen(c) }));
    },
    otherSocketMessages,

    callsTo: (method) => calls.filter((c) => c.method === method),

    waitForCall: (method, predicate, waitOptions = {}) =>
      waitUntil(
        () => calls.find((c) => c.seq >= (waitOptions.since ?? 0) && c.method === method && (predicate?.(c) ?? true)),
        waitOptions.timeoutMs ?? defaultTimeoutMs,
        () => `Web API call ${method} (calls so far: ${calls.map((c) => c.method).join(', ') || 'none'})`,
      ),

    failNext: (method, failure = {}) => {
      const status = failure.status ?? (failure.error === undefined ? 429 : 200);
      const spec: Required<FailureSpec> = {
        status,
        retryAfter: failure.retryAfter ?? 1,
        error: failure.error ?? (status === 429 ? 'ratelimited' : 'internal_error'),
        times: failure.times ?? 1,
      };
      const queue = failures.get(method) ?? [];
      queue.push(spec);
      failures.set(method, queue);
    },

    stubMethod: (method, reply) => {
      stubs.set(method, reply);
    },

    responseUrl: (id) => `${baseUrl()}/response/${encodeURIComponent(id)}`,

    waitForResponse: (id, waitOptions = {}) =>
      waitUntil(
        () => responses.find((r) => r.seq >= (waitOptions.since ?? 0) && (id === undefined || r.id === id)),
        waitOptions.timeoutMs ?? defaultTimeoutMs,
        () => `response_url POST${id === undefined ? '' : ` for ${id}`} (got ${responses.length})`,
      ),

    waitForSocket: (waitOptions = {}) =>
      waitUntil(
        () => {
          const candidates =
            waitOptions.nth === undefined ? [...connections].reverse() : connections.slice(waitOptions.nth - 1, waitOptions.nth);
          const c = candidates.find((x) => x.greeted && isOpen(x));
          return c === undefined ? undefined : { number: c.number, path: c.path, open: true };
        },
        waitOptions.timeoutMs ?? defaultTimeoutMs,
        () => `Socket Mode connection${waitOptions.nth === undefined ? '' : ` #${waitOptions.nth}`} (${connections.length} so far)`,
      ),

    sendSlashCommand: (fields = {}, sendOptions = {}) => {
      const envelopeId = sendOptions.envelopeId ?? randomUUID();
      const payload: Record<string, unknown> = {
        ...payloadBase(),
        team_domain: teamDomain,
        channel_id: 'C0001',
        channel_name: 'general',
        user_id: 'U0001',
        user_name: 'user-u0001',
        command: '/paper',
        text: '',
        is_enterprise_install: 'false',
        response_url: fake.responseUrl(envelopeId),
        trigger_id: `${Date.now()}.${nextId('')}`,
      };
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) payload[key] = value;
      return deliver(
        {
          envelope_id: envelopeId,
          type: 'slash_commands',
          payload,
          accepts_response_payload: sendOptions.acceptsResponsePayload ?? true,
          retry_attempt: 0,
          retry_reason: '',
        },
        fields.response_url === undefined ? envelopeId : undefined,
      );
    },

    sendEvent: (event, sendOptions = {}) => {
      const envelopeId = sendOptions.envelopeId ?? randomUUID();
      const ts = nextTs();
      const fullEvent: Record<string, unknown> = { event_ts: ts, ...event };
      if ((event['type'] === 'message' || event['type'] === 'app_mention') && event['ts'] === undefined) {
        fullEvent['ts'] = ts;
      }
      const payload: Record<string, unknown> = {
        ...payloadBase(),
        event: fullEvent,
        type: 'event_callback',
        event_id: sendOptions.eventId ?? nextId('Ev'),
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [
          { enterprise_id: null, team_id: teamId, user_id: botUserId, is_bot: true, is_enterprise_install: false },
        ],
        is_ext_shared_channel: false,
        event_context: `4-fake-${envelopeId}`,
      };
      return deliver(
        {
          envelope_id: envelopeId,
          type: 'events_api',
          payload,
          accepts_response_payload: sendOptions.acceptsResponsePayload ?? false,
          retry_attempt: 0,
          retry_reason: '',
        },
        undefined,
      );
    },

    sendInteractive: (interaction, sendOptions = {}) => {
      const envelopeId = sendOptions.envelopeId ?? randomUUID();
      const type = typeof interaction['type'] === 'string' ? interaction['type'] : 'block_actions';
      const withResponseUrl = type === 'block_actions' || type === 'message_action';
      const payload: Record<string, unknown> = {
        type,
        token: 'fake-verification-token',
        api_app_id: appId,
        team: { id: teamId, domain: teamDomain },
        user: { id: 'U0001', username: 'user-u0001', name: 'user-u0001', team_id: teamId },
        trigger_id: `${Date.now()}.${nextId('')}`,
        is_enterprise_install: false,
        ...(withResponseUrl ? { response_url: fake.responseUrl(envelopeId) } : {}),
        ...interaction,
      };
      return deliver(
        {
          envelope_id: envelopeId,
          type: 'interactive',
          payload,
          accepts_response_payload: sendOptions.acceptsResponsePayload ?? type === 'view_submission',
          retry_attempt: 0,
          retry_reason: '',
        },
        withResponseUrl && interaction['response_url'] === undefined ? envelopeId : undefined,
      );
    },

    redeliver: (delivery, retryReason = 'timeout') =>
      deliver(
        { ...delivery.envelope, retry_attempt: delivery.envelope.retry_attempt + 1, retry_reason: retryReason },
        delivery.responseUrlId,
      ),

    sendDisconnect: (reason = 'refresh_requested') => {
      activeConnection().ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
    },

    dropSocket: () => {
      activeConnection().ws.terminate();
    },

    nextTs,

    close: async () => {
      if (closed) return;
      closed = true;
      for (const waiter of [...waiters]) waiter.fail(new Error('fake-slack: closed while waiting'));
      for (const c of connections) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
