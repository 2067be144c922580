// Fake Discord for tests: a loopback (127.0.0.1) REST API + gateway that the real discord.js v14 Client talks to.
// It records everything the bot sends and lets tests dispatch interactions; see createFakeDiscord below.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  componentHostMessage,
  createSnowflake,
  createToken,
  dmChannelPayload,
  isJsonObject,
  memberPayload,
  userPayload,
  type FakeUserInput,
  type JsonObject,
} from './fake-discord-payloads.js';
import {
  createFakeGateway,
  type DropConnectionOptions,
  type GatewayConnectionInfo,
  type GatewayFrame,
  type IdentifyPayload,
  type ResumePayload,
} from './fake-discord-gateway.js';
import { createFakeRest, type RecordedRequest, type RestInterceptor } from './fake-discord-rest.js';
import {
  appPermissions,
  createWorld,
  resolveConfig,
  type FakeDiscordOptions,
  type InteractionRecord,
} from './fake-discord-world.js';

export type { FakeChannelInput, FakeUserInput, JsonObject } from './fake-discord-payloads.js';
export type {
  DropConnectionOptions,
  GatewayConnectionInfo,
  GatewayFrame,
  IdentifyPayload,
  ResumePayload,
} from './fake-discord-gateway.js';
export type { IncomingRestRequest, RecordedFile, RecordedRequest, RestInterceptor, RestReply } from './fake-discord-rest.js';
export type { FakeDiscordOptions } from './fake-discord-world.js';

/** Interaction types the fake can dispatch. */
export const FakeInteractionType = {
  ApplicationCommand: 2,
  MessageComponent: 3,
  ApplicationCommandAutocomplete: 4,
  ModalSubmit: 5,
} as const;

export interface SendInteractionInput {
  /** 2 APPLICATION_COMMAND, 3 MESSAGE_COMPONENT, 4 APPLICATION_COMMAND_AUTOCOMPLETE, 5 MODAL_SUBMIT. */
  type: 2 | 3 | 4 | 5;
  /**
   * The interaction `data`. Commands / autocomplete: `{ name, options?, type? }` (`id` defaults to the id of the
   * registered command with that name, `type` to 1). Components: `{ custom_id, component_type?, values? }`
   * (`component_type` defaults to 2, a button). Modal submits: `{ custom_id, components }`.
   */
  data: JsonObject;
  /** Guild channel the interaction happens in; the first text channel by default. Ignored with `dm`. */
  channelId?: string;
  /** The invoking user; a fixed default user ("alice") otherwise. */
  user?: FakeUserInput;
  /** Invoke from a DM with the bot instead of the guild (no guild_id / member; `user` and a DM channel). */
  dm?: boolean;
  /** Permissions (decimal bitfield) of the invoking member; @everyone's by default. */
  memberPermissions?: string;
  locale?: string;
  /** Components / modals: id of a message the bot made that carries the component. Default: a fresh message with it. */
  messageId?: string;
}

/** What the bot POSTed to /interactions/:id/:token/callback. */
export interface InteractionCallbackBody {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  type: number;
  data?: JsonObject;
}

export interface FakeInteraction {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE `d` that was dispatched. */
  readonly payload: JsonObject;
  /** Date.now() when it was dispatched; callbacks later than interactionTimeoutMs after this get 10062. */
  readonly dispatchedAt: number;
  /** REST requests about this interaction so far (callback, webhook edits / followups). */
  readonly requests: readonly RecordedRequest[];
  /** Body of the first accepted callback. Rejects if the bot's callback was refused (e.g. too late, invalid). */
  callback(timeoutMs?: number): Promise<InteractionCallbackBody>;
  /** The first callback request, whatever the fake answered (see `.status` / `.response`). */
  callbackRequest(timeoutMs?: number): Promise<RecordedRequest>;
  /** First request about this interaction that matches (already recorded or still to come). */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Body of the first accepted PATCH of the original response (interaction.editReply). */
  editReply(timeoutMs?: number): Promise<JsonObject>;
  /** Bodies of the accepted followup POSTs so far (interaction.followUp). */
  followUps(): JsonObject[];
  /** Current state of the original response message, if there is one. */
  originalMessage(): JsonObject | undefined;
  /** Makes the interaction expire now: callbacks from now on get 404 / 10062. */
  expire(): void;
}

export interface FakeDiscord {
  /** Pass as `new Client({ rest: { api: fake.restUrl } })`; discord.js appends /v10. */
  readonly restUrl: string;
  /** What GET /gateway/bot returns. */
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly botUserId: string;
  /** The default (first) text channel. */
  readonly channelId: string;
  /** Every REST request so far, in order. */
  readonly requests: readonly RecordedRequest[];
  /** The `d` of every IDENTIFY the client sent (check `.intents`). */
  readonly identifyPayloads: readonly IdentifyPayload[];
  readonly resumePayloads: readonly ResumePayload[];
  /** Every gateway payload the client sent (heartbeats included). */
  readonly gatewayReceived: readonly GatewayFrame[];
  readonly gatewayConnections: readonly GatewayConnectionInfo[];
  /** Things the client did that real Discord would refuse (bad close codes sent, bad API version, fake errors). */
  readonly protocolErrors: readonly string[];
  /** Current state of every message the bot made (channel messages, interaction responses, followups). */
  readonly messages: readonly JsonObject[];
  /** Registered global / guild application commands, as the API echoed them. */
  readonly globalCommands: readonly JsonObject[];
  readonly guildCommands: readonly JsonObject[];
  /** Resolves once `count` IDENTIFYs were answered with READY (+ GUILD_CREATE); gives the latest identify payload. */
  waitForIdentify(count?: number, timeoutMs?: number): Promise<IdentifyPayload>;
  /** Resolves once `count` RESUMEs were answered with RESUMED. */
  waitForResume(count?: number, timeoutMs?: number): Promise<ResumePayload>;
  /** Resolves once a socket holds an identified or resumed session. */
  waitForConnected(timeoutMs?: number): Promise<void>;
  /** First recorded REST request that matches (already recorded or still to come). */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Waits for a live session, then dispatches INTERACTION_CREATE with a fresh id and token. */
  sendInteraction(input: SendInteractionInput): Promise<FakeInteraction>;
  /** Waits for a live session, then dispatches any gateway event (e.g. MESSAGE_CREATE); returns its sequence number. */
  dispatch(eventName: string, data: unknown): Promise<number>;
  /** Kills the gateway socket (default: abruptly, so discord.js RESUMEs); see DropConnectionOptions. */
  dropConnection(options?: DropConnectionOptions): void;
  /** Sends op 7 RECONNECT. */
  requestReconnect(): void;
  /** Lets a test answer REST requests itself (e.g. a 500 or 429); returns a function removing it. */
  intercept(interceptor: RestInterceptor): () => void;
  close(): Promise<void>;
}

interface Waiter {
  check(): void;
  fail(error: Error): void;
}

const DEFAULT_USER: Required<Omit<FakeUserInput, 'bot'>> = {
  id: '100000000000000001',
  username: 'alice',
  globalName: 'Alice',
};

/**
 * Starts a fake Discord (REST + gateway) on 127.0.0.1 with a random port.
 *
 * ```ts
 * const fake = await createFakeDiscord({ heartbeatIntervalMs: 1000 });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
 * await client.login('fake-token');                 // any "Bot <token>" works unless options.token is set
 * await fake.waitForIdentify();                      // READY + GUILD_CREATE sent
 * const handle = await fake.sendInteraction({ type: 2, data: { name: 'paper', options: [...] } });
 * expect(await handle.callback()).toMatchObject({ type: 4, data: { content: '...' } });
 * await client.destroy(); await fake.close();
 * ```
 *
 * Gotchas: discord.js asks for zlib-stream only when the optional `zlib-sync` package is installed (it is not),
 * so it speaks plain JSON; the fake supports zlib-stream anyway. discord.js waits 5-6.5 s between two IDENTIFYs
 * (client-side rate limit); pass `ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) }`
 * to the Client when a test re-identifies. After a drop discord.js waits 500 ms before reconnecting.
 */
export async function createFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const config = resolveConfig(options);
  const waiters = new Set<Waiter>();
  const protocolErrors: string[] = [];
  let closed = false;

  const notify = (): void => {
    for (const waiter of [...waiters]) waiter.check();
  };
  const world = createWorld(config, options.channels ?? [], {
    notify,
    protocolError: (message) => {
      protocolErrors.push(message);
      notify();
    },
  });
  const gateway = createFakeGateway(world);
  const rest = createFakeRest(world, gateway);

  function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = config.waitTimeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (closed) {
        reject(new Error(`fake-discord: closed while waiting for ${what}`));
        return;
      }
      const first = probe();
      if (first !== undefined) {
        resolve(first);
        return;
      }
      const waiter: Waiter = {
        check() {
          const value = probe();
          if (value === undefined) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(value);
        },
        fail(error) {
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(error);
        },
      };
      const timer = setTimeout(
        () => waiter.fail(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      waiters.add(waiter);
    });
  }

  const server = createServer((req, res) => {
    void rest.handle(req, res);
  });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/gateway' || path === '/gateway/resume') gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  world.baseUrl = `http://127.0.0.1:${port}`;
  world.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  const commandIds = new Map<string, string>();

  function commandData(data: JsonObject): JsonObject {
    const name = data['name'];
    if (typeof name !== 'string') throw new Error('fake-discord: command interactions need data.name');
    const type = typeof data['type'] === 'number' ? data['type'] : 1;
    const registered = [...world.guildCommands, ...world.globalCommands].find(
      (c) => c['name'] === name && (c['type'] ?? 1) === type,
    );
    const key = `${type}:${name}`;
    const id = data['id'] ?? registered?.['id'] ?? commandIds.get(key) ?? createSnowflake();
    if (typeof id === 'string') commandIds.set(key, id);
    return {
      ...data,
      id,
      name,
      type,
      ...(registered?.['guild_id'] !== undefined ? { guild_id: registered['guild_id'] } : {}),
    };
  }

  function dmChannelFor(user: JsonObject): JsonObject {
    const existing = [...world.channels.values()].find(
      (c) => c['type'] === 1 && Array.isArray(c['recipients']) && isJsonObject(c['recipients'][0]) && c['recipients'][0]['id'] === user['id'],
    );
    if (existing) return existing;
    const channel = dmChannelPayload(createSnowflake(), user);
    world.channels.set(String(channel['id']), channel);
    return channel;
  }

  function buildInteraction(input: SendInteractionInput, id: string, token: string): { payload: JsonObject; sourceMessageId: string | null } {
    const user = userPayload({
      id: input.user?.id ?? DEFAULT_USER.id,
      username: input.user?.username ?? DEFAULT_USER.username,
      globalName: input.user?.globalName === undefined ? DEFAULT_USER.globalName : input.user.globalName,
      ...(input.user?.bot ? { bot: true } : {}),
    });
    world.users.set(String(user['id']), user);
    const dm = input.dm === true;
    const channelId = dm ? String(dmChannelFor(user)['id']) : (input.channelId ?? world.defaultChannelId);
    const channel = world.channels.get(channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
    const memberPermissions = input.memberPermissions ?? config.everyonePermissions;

    let data: JsonObject;
    let message: JsonObject | undefined;
    if (input.type === 2 || input.type === 4) {
      data = commandData(input.data);
    } else {
      const customId = input.data['custom_id'];
      if (typeof customId !== 'string') throw new Error('fake-discord: component / modal interactions need data.custom_id');
      data = { ...input.data };
      if (input.type === 3) {
        const componentType = typeof data['component_type'] === 'number' ? data['component_type'] : 2;
        data['component_type'] = componentType;
        if (componentType !== 2 && !Array.isArray(data['values'])) data['values'] = [];
      }
      if (input.messageId !== undefined) {
        message = world.messages.get(input.messageId);
        if (!message) throw new Error(`fake-discord: no message ${input.messageId} made by the bot`);
      } else if (input.type === 3) {
        const values = Array.isArray(data['values']) ? data['values'].map(String) : [];
        message = componentHostMessage(
          { id: createSnowflake(), channelId, author: world.botUser, applicationId: config.applicationId },
          { customId, componentType: Number(data['component_type']), values },
        );
        world.messages.set(String(message['id']), message);
      }
    }

    const payload: JsonObject = {
      id,
      application_id: config.applicationId,
      type: input.type,
      data,
      token,
      version: 1,
      locale: input.locale ?? 'en-US',
      app_permissions: appPermissions(world),
      entitlements: [],
      attachment_size_limit: 10_485_760,
      channel_id: channelId,
      ...(message ? { message } : {}),
    };
    if (dm) {
      Object.assign(payload, {
        user,
        channel: { ...channel },
        context: 1,
        authorizing_integration_owners: { '0': config.guildId },
      });
    } else {
      Object.assign(payload, {
        guild_id: config.guildId,
        guild: { id: config.guildId, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        channel: { ...channel, permissions: memberPermissions },
        member: memberPayload(user, [], config.joinedAt, memberPermissions),
        context: 0,
        authorizing_integration_owners: { '0': config.guildId },
      });
    }
    return { payload, sourceMessageId: message ? String(message['id']) : null };
  }

  function interactionHandle(rec: InteractionRecord): FakeInteraction {
    const mine = (request: RecordedRequest): boolean => request.interactionId === rec.id;
    const isCallback = (request: RecordedRequest): boolean => mine(request) && request.path.endsWith('/callback');
    const ok = (request: RecordedRequest): boolean => request.status >= 200 && request.status < 300;
    const waitForRequest = (predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest> =>
      waitFor(`a request about interaction ${rec.id}`, () => rest.requests.find((r) => mine(r) && predicate(r)), timeoutMs);
    const callbackRequest = (timeoutMs?: number): Promise<RecordedRequest> =>
      waitFor(`the callback of interaction ${rec.id}`, () => rest.requests.find(isCallback), timeoutMs);
    return {
      id: rec.id,
      token: rec.token,
      payload: rec.payload,
      dispatchedAt: rec.dispatchedAt,
      get requests() {
        return rest.requests.filter(mine);
      },
      async callback(timeoutMs) {
        const first = await callbackRequest(timeoutMs);
        const accepted = rest.requests.find((r) => isCallback(r) && ok(r));
        if (!accepted) {
          throw new Error(
            `fake-discord: callback of interaction ${rec.id} was refused with ${first.status}: ${JSON.stringify(first.response)}`,
          );
        }
        return accepted.body as InteractionCallbackBody;
      },
      callbackRequest,
      waitForRequest,
      async editReply(timeoutMs) {
        const request = await waitForRequest(
          (r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original') && ok(r),
          timeoutMs,
        );
        return (isJsonObject(request.body) ? request.body : {}) as JsonObject;
      },
      followUps() {
        return rest.requests
          .filter((r) => mine(r) && r.method === 'POST' && !r.path.endsWith('/callback') && ok(r))
          .map((r) => (isJsonObject(r.body) ? r.body : {}));
      },
      originalMessage() {
        return rec.originalMessageId !== null ? world.messages.get(rec.originalMessageId) : undefined;
      },
      expire() {
        rec.expired = true;
      },
    };
  }

  const waitForConnected = (timeoutMs?: number): Promise<void> =>
    waitFor('a connected gateway session', () => (gateway.connected ? true : undefined), timeoutMs).then(() => undefined);

  return {
    restUrl: `${world.baseUrl}/api`,
    gatewayUrl: world.gatewayUrl,
    applicationId: config.applicationId,
    guildId: config.guildId,
    botUserId: config.botUserId,
    channelId: world.defaultChannelId,
    requests: rest.requests,
    identifyPayloads: gateway.identifyPayloads,
    resumePayloads: gateway.resumePayloads,
    gatewayReceived: gateway.received,
    gatewayConnections: gateway.connections,
    protocolErrors,
    get messages() {
      return [...world.messages.values()];
    },
    globalCommands: world.globalCommands,
    guildCommands: world.guildCommands,
    waitForIdentify(count = 1, timeoutMs) {
      return waitFor(
        `${count} answered IDENTIFY(s)`,
        () => (gateway.readyCount >= count ? gateway.identifyPayloads[gateway.identifyPayloads.length - 1] : undefined),
        timeoutMs,
      );
    },
    waitForResume(count = 1, timeoutMs) {
      return waitFor(
        `${count} answered RESUME(s)`,
        () => (gateway.resumedCount >= count ? gateway.resumePayloads[gateway.resumePayloads.length - 1] : undefined),
        timeoutMs,
      );
    },
    waitForConnected,
    waitForRequest(predicate, timeoutMs) {
      return waitFor('a matching REST request', () => rest.requests.find(predicate), timeoutMs);
    },
    async sendInteraction(input) {
      await waitForConnected();
      const id = createSnowflake();
      const token = createToken('aW50ZXJhY3Rpb24');
      const { payload, sourceMessageId } = buildInteraction(input, id, token);
      const rec: InteractionRecord = {
        id,
        token,
        type: input.type,
        payload,
        dispatchedAt: Date.now(),
        callbackType: null,
        expired: false,
        originalMessageId: null,
        sourceMessageId,
        messageIds: new Set(),
      };
      world.interactions.set(id, rec);
      world.interactionsByToken.set(token, rec);
      gateway.dispatch('INTERACTION_CREATE', payload);
      return interactionHandle(rec);
    },
    async dispatch(eventName, data) {
      await waitForConnected();
      return gateway.dispatch(eventName, data);
    },
    dropConnection(dropOptions) {
      gateway.dropConnection(dropOptions);
    },
    requestReconnect() {
      gateway.requestReconnect();
    },
    intercept(interceptor) {
      return rest.addInterceptor(interceptor);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const waiter of [...waiters]) waiter.fail(new Error('fake-discord: closed'));
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
