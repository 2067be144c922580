// Fake Discord gateway (API v10, JSON encoding, optional zlib-stream / identify compression) on a loopback
// WebSocket: HELLO, heartbeats, IDENTIFY -> READY + GUILD_CREATE, RESUME -> replay + RESUMED, INVALID_SESSION, dispatches.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import { WebSocket, WebSocketServer } from 'ws';
import { createToken, isJsonObject, PRIVILEGED_INTENTS, type JsonObject } from './fake-discord-payloads.js';
import { botMember, guildCreatePayload, readyApplication, type FakeWorld } from './fake-discord-world.js';

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
  RequestSoundboardSounds: 31,
} as const;

const GUILDS_INTENT = 1 << 0;
const REPLAY_BUFFER_LIMIT = 1000;

/** Something the client sent over the gateway. */
export interface GatewayFrame {
  op: number;
  d: unknown;
  at: number;
  connection: number;
}

/** The `d` of an IDENTIFY the client sent. */
export interface IdentifyPayload {
  token: string;
  intents: number;
  properties: JsonObject;
  compress?: boolean;
  large_threshold?: number;
  shard?: [number, number];
  presence?: JsonObject;
}

/** The `d` of a RESUME the client sent. */
export interface ResumePayload {
  token: string;
  session_id: string;
  seq: number | null;
}

export interface GatewayConnectionInfo {
  /** 1-based connection number. */
  index: number;
  /** Request path, e.g. /gateway (from /gateway/bot) or /gateway/resume (READY's resume_gateway_url). */
  path: string;
  query: Record<string, string>;
  compression: 'zlib-stream' | null;
  openedAt: number;
  closedAt: number | null;
  /** Close code as seen by the fake (1006 when the TCP connection just went away). */
  closeCode: number | null;
}

export interface DropConnectionOptions {
  /**
   * Close the socket with this code instead of killing it abruptly. Abrupt (the default) looks like a network drop
   * (client sees 1006) and discord.js RESUMEs; 4000 also resumes; 1000 makes discord.js start over with IDENTIFY.
   */
  closeCode?: number;
  /** Forget the session, so a RESUME gets INVALID_SESSION (d: false) and the client has to IDENTIFY again. */
  invalidateSession?: boolean;
}

interface DispatchFrame {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface GatewaySession {
  id: string;
  token: string;
  seq: number;
  intents: number;
  events: DispatchFrame[];
  invalidated: boolean;
}

interface Connection {
  ws: WebSocket;
  info: GatewayConnectionInfo;
  session: GatewaySession | null;
  deflate: zlib.Deflate | null;
  identifyCompress: boolean;
  sendChain: Promise<void>;
}

export interface FakeGateway {
  readonly received: readonly GatewayFrame[];
  readonly identifyPayloads: readonly IdentifyPayload[];
  readonly resumePayloads: readonly ResumePayload[];
  readonly connections: readonly GatewayConnectionInfo[];
  /** READY events sent (one per accepted IDENTIFY). */
  readonly readyCount: number;
  /** RESUMED events sent (one per accepted RESUME). */
  readonly resumedCount: number;
  /** True while a socket has an identified or resumed session. */
  readonly connected: boolean;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends a dispatch on the current session (buffered for RESUME replay); returns its sequence number. */
  dispatch(t: string, d: unknown): number;
  dropConnection(options?: DropConnectionOptions): void;
  /** Sends op 7 RECONNECT; discord.js closes and RESUMEs. */
  requestReconnect(): void;
  close(): Promise<void>;
}

export function createFakeGateway(world: FakeWorld): FakeGateway {
  const wss = new WebSocketServer({ noServer: true });
  const received: GatewayFrame[] = [];
  const identifyPayloads: IdentifyPayload[] = [];
  const resumePayloads: ResumePayload[] = [];
  const connectionInfos: GatewayConnectionInfo[] = [];
  const sessions = new Map<string, GatewaySession>();
  const open = new Set<Connection>();
  let current: GatewaySession | null = null;
  let live: Connection | null = null;
  let readyCount = 0;
  let resumedCount = 0;

  function setLive(conn: Connection | null): void {
    live = conn;
    world.notify();
  }

  function send(conn: Connection, payload: JsonObject): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(payload);
    const { deflate } = conn;
    if (deflate) {
      // zlib-stream: one zlib context for the whole connection, each message ends with a Z_SYNC_FLUSH.
      conn.sendChain = conn.sendChain.then(
        () =>
          new Promise<void>((resolve) => {
            deflate.write(text);
            deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
              const chunks: Buffer[] = [];
              for (let chunk: unknown = deflate.read(); chunk !== null; chunk = deflate.read()) {
                chunks.push(chunk as Buffer);
              }
              if (conn.ws.readyState === WebSocket.OPEN) conn.ws.send(Buffer.concat(chunks), { binary: true });
              resolve();
            });
          }),
      );
    } else if (conn.identifyCompress) {
      conn.ws.send(zlib.deflateSync(text), { binary: true });
    } else {
      conn.ws.send(text);
    }
  }

  function closeWith(conn: Connection, code: number, reason: string): void {
    world.protocolError(`gateway connection ${conn.info.index}: closing with ${code} (${reason})`);
    if (conn.ws.readyState === WebSocket.OPEN) conn.ws.close(code, reason);
  }

  function pushDispatch(session: GatewaySession, t: string, d: unknown): DispatchFrame {
    session.seq += 1;
    const frame: DispatchFrame = { op: 0, t, s: session.seq, d };
    session.events.push(frame);
    if (session.events.length > REPLAY_BUFFER_LIMIT) session.events.shift();
    return frame;
  }

  function sendDispatch(conn: Connection, session: GatewaySession, t: string, d: unknown): number {
    const frame = pushDispatch(session, t, d);
    send(conn, { ...frame });
    return frame.s;
  }

  function onIdentify(conn: Connection, d: unknown): void {
    if (conn.session) return closeWith(conn, 4005, 'Already authenticated.');
    if (!isJsonObject(d) || typeof d['token'] !== 'string') return closeWith(conn, 4002, 'Error while decoding payload.');
    const payload = d as unknown as IdentifyPayload;
    identifyPayloads.push(payload);
    if (world.config.token !== undefined && payload.token !== world.config.token) {
      return closeWith(conn, 4004, 'Authentication failed.');
    }
    if (typeof payload.intents !== 'number' || !Number.isInteger(payload.intents) || payload.intents < 0) {
      return closeWith(conn, 4013, 'Invalid intent(s).');
    }
    const privileged = payload.intents & (PRIVILEGED_INTENTS.GuildMembers | PRIVILEGED_INTENTS.GuildPresences | PRIVILEGED_INTENTS.MessageContent);
    if (privileged & ~world.config.allowedPrivilegedIntents) return closeWith(conn, 4014, 'Disallowed intent(s).');
    if (payload.shard !== undefined && (payload.shard[0] !== 0 || payload.shard[1] !== 1)) {
      return closeWith(conn, 4010, 'Invalid shard.');
    }
    conn.identifyCompress = payload.compress === true && conn.deflate === null;
    if (current) current.invalidated = true;
    const session: GatewaySession = {
      id: createToken('session').replace(/[^A-Za-z0-9]/g, '').slice(0, 32),
      token: payload.token,
      seq: 0,
      intents: payload.intents,
      events: [],
      invalidated: false,
    };
    sessions.set(session.id, session);
    current = session;
    conn.session = session;
    world.identifiedIntents = payload.intents;
    sendDispatch(conn, session, 'READY', {
      v: 10,
      user_settings: {},
      user: world.botUser,
      session_type: 'normal',
      session_id: session.id,
      resume_gateway_url: `${world.gatewayUrl}/resume`,
      relationships: [],
      private_channels: [],
      presences: [],
      guilds: [{ id: world.config.guildId, unavailable: true }],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['fake'],
      auth: {},
      application: readyApplication(world),
      shard: [0, 1],
      _trace: ['["fake-discord-gateway",{"micros":0}]'],
    });
    // Without the GUILDS intent Discord does not send GUILD_CREATE; the guild stays "unavailable" in READY.
    if (payload.intents & GUILDS_INTENT) sendDispatch(conn, session, 'GUILD_CREATE', guildCreatePayload(world));
    readyCount += 1;
    setLive(conn);
  }

  function onResume(conn: Connection, d: unknown): void {
    if (conn.session) return closeWith(conn, 4005, 'Already authenticated.');
    if (!isJsonObject(d)) return closeWith(conn, 4002, 'Error while decoding payload.');
    const payload = d as unknown as ResumePayload;
    resumePayloads.push(payload);
    const session = sessions.get(payload.session_id);
    if (!session || session.invalidated || session.token !== payload.token) {
      send(conn, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const seq = typeof payload.seq === 'number' ? payload.seq : 0;
    if (seq > session.seq) return closeWith(conn, 4007, 'Invalid seq.');
    // A session lives on one connection at a time: an older socket still open for it is closed.
    for (const other of open) {
      if (other !== conn && other.session === session) {
        other.session = null;
        other.ws.terminate();
      }
    }
    conn.session = session;
    for (const frame of session.events) if (frame.s > seq) send(conn, { ...frame });
    sendDispatch(conn, session, 'RESUMED', null);
    resumedCount += 1;
    setLive(conn);
  }

  function onRequestGuildMembers(conn: Connection, d: unknown): void {
    if (!conn.session || !isJsonObject(d)) return;
    sendDispatch(conn, conn.session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: world.config.guildId,
      members: [botMember(world)],
      chunk_index: 0,
      chunk_count: 1,
      not_found: [],
      ...(d['nonce'] !== undefined ? { nonce: d['nonce'] } : {}),
    });
  }

  function onMessage(conn: Connection, raw: WebSocket.RawData): void {
    let frame: unknown;
    try {
      const text = Array.isArray(raw) ? Buffer.concat(raw).toString('utf8') : Buffer.from(raw as ArrayBuffer).toString('utf8');
      frame = JSON.parse(text);
    } catch {
      return closeWith(conn, 4002, 'Error while decoding payload.');
    }
    if (!isJsonObject(frame) || typeof frame['op'] !== 'number') return closeWith(conn, 4002, 'Error while decoding payload.');
    const op = frame['op'];
    const d = frame['d'];
    received.push({ op, d, at: Date.now(), connection: conn.info.index });
    world.notify();
    if (op === Op.Heartbeat) {
      send(conn, { op: Op.HeartbeatAck, d: null, s: null, t: null });
      return;
    }
    if (op === Op.Identify) return onIdentify(conn, d);
    if (op === Op.Resume) return onResume(conn, d);
    if (!conn.session) return closeWith(conn, 4003, 'Not authenticated.');
    if (op === Op.RequestGuildMembers) return onRequestGuildMembers(conn, d);
    if (op === Op.PresenceUpdate || op === Op.VoiceStateUpdate || op === Op.RequestSoundboardSounds) return;
    closeWith(conn, 4001, 'Unknown opcode.');
  }

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const compress = url.searchParams.get('compress');
    const info: GatewayConnectionInfo = {
      index: connectionInfos.length + 1,
      path: url.pathname,
      query,
      compression: compress === 'zlib-stream' ? 'zlib-stream' : null,
      openedAt: Date.now(),
      closedAt: null,
      closeCode: null,
    };
    connectionInfos.push(info);
    const conn: Connection = {
      ws,
      info,
      session: null,
      deflate: compress === 'zlib-stream' ? zlib.createDeflate() : null,
      identifyCompress: false,
      sendChain: Promise.resolve(),
    };
    open.add(conn);
    ws.on('message', (raw) => onMessage(conn, raw));
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      info.closedAt = Date.now();
      info.closeCode = code;
      open.delete(conn);
      conn.deflate?.close();
      if (live === conn) setLive(null);
      else world.notify();
    });
    const version = url.searchParams.get('v');
    const encoding = url.searchParams.get('encoding') ?? 'json';
    if (version !== '10') return closeWith(conn, 4012, `Invalid API version: ${String(version)}`);
    if (encoding !== 'json') return closeWith(conn, 4012, `Unsupported encoding: ${encoding}`);
    if (compress !== null && compress !== 'zlib-stream') return closeWith(conn, 4012, `Unsupported compression: ${compress}`);
    send(conn, { op: Op.Hello, d: { heartbeat_interval: world.config.heartbeatIntervalMs, _trace: ['fake'] }, s: null, t: null });
  });

  return {
    received,
    identifyPayloads,
    resumePayloads,
    connections: connectionInfos,
    get readyCount() {
      return readyCount;
    },
    get resumedCount() {
      return resumedCount;
    },
    get connected() {
      return live !== null;
    },
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    dispatch(t, d) {
      if (!current) throw new Error(`fake-discord: cannot dispatch ${t}: no client has identified yet`);
      if (live && live.session === current) return sendDispatch(live, current, t, d);
      // Disconnected: keep it for RESUME replay, like Discord does.
      return pushDispatch(current, t, d).s;
    },
    dropConnection(options = {}) {
      const conn = live;
      if (options.invalidateSession && current) current.invalidated = true;
      if (!conn) return;
      setLive(null);
      if (options.closeCode === undefined) conn.ws.terminate();
      else conn.ws.close(options.closeCode, 'fake-discord: dropConnection');
    },
    requestReconnect() {
      const conn = live;
      if (!conn) return;
      // From now on dispatches are buffered for the RESUME replay instead of racing the client's close.
      setLive(null);
      send(conn, { op: Op.Reconnect, d: null, s: null, t: null });
    },
    async close() {
      for (const conn of open) conn.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
