// Fake Discord REST API (v10) on loopback: gateway info, users, application commands, interaction callbacks
// (with the 3 s deadline), interaction webhooks (editReply / followUp), channel messages; every request is recorded.

import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createSnowflake,
  dmChannelPayload,
  isJsonObject,
  memberPayload,
  messagePayload,
  userPayload,
  type JsonObject,
} from './fake-discord-payloads.js';
import type { FakeGateway } from './fake-discord-gateway.js';
import {
  autocompleteIssues,
  bulkCommandIssues,
  commandIssues,
  invalidFormBody,
  isEmptyMessage,
  messageIssues,
  modalIssues,
  type ValidationIssue,
} from './fake-discord-validation.js';
import {
  botMember,
  botRole,
  everyoneRole,
  guildChannels,
  guildPayload,
  type FakeWorld,
  type InteractionRecord,
} from './fake-discord-world.js';

export interface RecordedFile {
  /** Multipart field name, e.g. files[0]. */
  fieldName: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/** A REST request as the fake saw it, before it answered. */
export interface IncomingRestRequest {
  method: string;
  /** Path after /api/v10, percent-decoded, e.g. /interactions/123/abc/callback or /webhooks/1/abc/messages/@original. */
  path: string;
  query: Record<string, string>;
  headers: { authorization?: string; contentType?: string; userAgent?: string; auditLogReason?: string };
  /** Parsed JSON body (for multipart: the parsed payload_json), or undefined when there was none. */
  body: unknown;
  files: RecordedFile[];
}

/** A REST request plus how the fake answered it. */
export interface RecordedRequest extends IncomingRestRequest {
  index: number;
  /** API version from the URL (10 for discord.js 14), or null for non-API paths. */
  apiVersion: number | null;
  status: number;
  response: unknown;
  at: number;
  /** The interaction this request answered (callback or interaction webhook), if any. */
  interactionId: string | null;
}

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Returns a reply to short-circuit the fake (e.g. simulate a 500 or 429), or undefined to let it answer. */
export type RestInterceptor = (request: IncomingRestRequest) => RestReply | undefined;

export interface FakeRest {
  readonly requests: readonly RecordedRequest[];
  addInterceptor(interceptor: RestInterceptor): () => void;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

interface RouteContext {
  request: IncomingRestRequest;
  params: Record<string, string>;
  interactionId: string | null;
}

type Handler = (ctx: RouteContext) => RestReply;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  auth: boolean;
  handler: Handler;
}

const MESSAGE_FLAG = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;
const CREATE_FLAGS =
  MESSAGE_FLAG.SuppressEmbeds | MESSAGE_FLAG.Ephemeral | MESSAGE_FLAG.SuppressNotifications | MESSAGE_FLAG.IsComponentsV2;

const INTENT_GUILD_MESSAGES = 1 << 9;
const INTENT_DIRECT_MESSAGES = 1 << 12;

/** Which callback types each interaction type accepts (Discord answers others with 400). */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  2: [4, 5, 9, 12],
  3: [4, 5, 6, 7, 9, 12],
  4: [8],
  5: [4, 5, 6, 7],
};

function json(status: number, body: unknown): RestReply {
  return { status, body };
}

function discordError(status: number, code: number, message: string): RestReply {
  return { status, body: { message, code } };
}

function formError(issues: ValidationIssue[]): RestReply {
  return { status: 400, body: invalidFormBody(issues) };
}

const noContent: RestReply = { status: 204 };
const emptyMessage = discordError(400, 50006, 'Cannot send an empty message');

function param(ctx: RouteContext, key: string): string {
  const value = ctx.params[key];
  if (value === undefined) throw new Error(`fake-discord: route has no :${key}`);
  return value;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    let body: unknown;
    const files: RecordedFile[] = [];
    for (const [fieldName, value] of form.entries()) {
      if (typeof value === 'string') {
        if (fieldName === 'payload_json') body = JSON.parse(value);
        continue;
      }
      const data = Buffer.from(await value.arrayBuffer());
      files.push({ fieldName, filename: value.name, contentType: value.type, size: data.length, data });
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (contentType?.includes('json')) return { body: JSON.parse(text), files: [] };
  return { body: text, files: [] };
}

export function createFakeRest(world: FakeWorld, gateway: FakeGateway): FakeRest {
  const { config } = world;
  const requests: RecordedRequest[] = [];
  const interceptors = new Set<RestInterceptor>();
  const routes: Route[] = [];

  function route(method: string, path: string, handler: Handler, options: { auth?: boolean } = {}): void {
    const keys: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        keys.push(segment.slice(1));
        return '([^/]+)';
      })
      .join('/');
    routes.push({ method, pattern: new RegExp(`^${source}$`), keys, auth: options.auth ?? true, handler });
  }

  // ---- messages -------------------------------------------------------------------------------------------

  function attachmentsFromFiles(files: RecordedFile[], body: JsonObject): JsonObject[] {
    const described = Array.isArray(body['attachments']) ? body['attachments'] : [];
    return files.map((file) => {
      const id = createSnowflake();
      world.attachments.set(id, { filename: file.filename, contentType: file.contentType, data: file.data });
      const index = /^files\[(\d+)\]$/.exec(file.fieldName)?.[1];
      const meta = described.find((a): a is JsonObject => isJsonObject(a) && String(a['id']) === index);
      const url = `${world.baseUrl}/attachments/${id}/${encodeURIComponent(file.filename)}`;
      return {
        id,
        filename: file.filename,
        size: file.size,
        url,
        proxy_url: url,
        content_type: file.contentType,
        ...(meta && typeof meta['description'] === 'string' ? { description: meta['description'] } : {}),
      };
    });
  }

  /** Applies a create/edit body to a message copy; returns an error reply when Discord would refuse it. */
  function applyMessageBody(
    target: JsonObject,
    body: unknown,
    files: RecordedFile[],
    mode: 'create' | 'edit',
  ): RestReply | JsonObject {
    if (!isJsonObject(body)) {
      if (files.length === 0) return emptyMessage;
      body = {};
    }
    const input = body as JsonObject;
    if (config.validate) {
      const issues = messageIssues(input);
      if (issues.length > 0) return formError(issues);
    }
    const next: JsonObject = { ...target };
    if (typeof input['content'] === 'string' || input['content'] === null) next['content'] = input['content'] ?? '';
    if (Array.isArray(input['embeds']) || input['embeds'] === null) {
      next['embeds'] = ((input['embeds'] as unknown[] | null) ?? []).map((embed) =>
        isJsonObject(embed) ? { type: 'rich', ...embed } : embed,
      );
    }
    if (Array.isArray(input['components']) || input['components'] === null) next['components'] = input['components'] ?? [];
    if (input['poll'] !== undefined) next['poll'] = input['poll'];
    const added = attachmentsFromFiles(files, input);
    const old = Array.isArray(target['attachments']) ? (target['attachments'] as JsonObject[]) : [];
    if (Array.isArray(input['attachments'])) {
      const keep = new Set(input['attachments'].map((a) => (isJsonObject(a) ? String(a['id']) : '')));
      next['attachments'] = [...old.filter((a) => keep.has(String(a['id']))), ...added];
    } else if (mode === 'create') {
      next['attachments'] = added;
    } else {
      next['attachments'] = [...old, ...added];
    }
    const flags = typeof input['flags'] === 'number' ? input['flags'] : undefined;
    const oldFlags = typeof target['flags'] === 'number' ? target['flags'] : 0;
    if (mode === 'create') {
      next['flags'] = (flags ?? 0) & CREATE_FLAGS;
    } else if (flags !== undefined) {
      next['flags'] = (oldFlags & ~MESSAGE_FLAG.SuppressEmbeds) | (flags & MESSAGE_FLAG.SuppressEmbeds);
    }
    if (mode === 'create' && input['message_reference'] !== undefined) next['message_reference'] = input['message_reference'];
    if (config.validate && isEmptyMessage(next, 0)) return emptyMessage;
    return next;
  }

  function isReply(value: RestReply | JsonObject): value is RestReply {
    return typeof value['status'] === 'number' && !('id' in value);
  }

  function storeMessage(message: JsonObject): JsonObject {
    world.messages.set(String(message['id']), message);
    const channel = world.channels.get(String(message['channel_id']));
    if (channel) channel['last_message_id'] = message['id'];
    return message;
  }

  function newBotMessage(channelId: string, extra: Partial<Parameters<typeof messagePayload>[0]> = {}): JsonObject {
    const channel = world.channels.get(channelId);
    const guildId = channel?.['guild_id'];
    return messagePayload({
      id: createSnowflake(),
      channelId,
      author: world.botUser,
      ...(typeof guildId === 'string' ? { guildId } : {}),
      ...extra,
    });
  }

  function interactionMessage(rec: InteractionRecord, flags: number): JsonObject {
    const payload = rec.payload;
    const user = (isJsonObject(payload['member']) ? payload['member']['user'] : payload['user']) as JsonObject;
    const data = isJsonObject(payload['data']) ? payload['data'] : {};
    const commandType = rec.type === 2 ? (data['type'] === 1 || data['type'] === undefined ? 20 : 23) : 19;
    return newBotMessage(String(payload['channel_id']), {
      type: commandType,
      flags,
      webhookId: config.applicationId,
      applicationId: config.applicationId,
      interactionMetadata: {
        id: rec.id,
        type: rec.type,
        user,
        authorizing_integration_owners: payload['authorizing_integration_owners'] ?? {},
        ...(rec.type === 2 && typeof data['name'] === 'string' ? { name: data['name'], command_type: data['type'] ?? 1 } : {}),
      },
    });
  }

  function announce(message: JsonObject): void {
    const channel = world.channels.get(String(message['channel_id']));
    const isGuild = channel !== undefined && channel['guild_id'] !== undefined;
    const needed = isGuild ? INTENT_GUILD_MESSAGES : INTENT_DIRECT_MESSAGES;
    if (!(world.identifiedIntents & needed)) return;
    const { user: _user, ...member } = botMember(world);
    try {
      gateway.dispatch('MESSAGE_CREATE', isGuild ? { ...message, member } : message);
    } catch {
      // No session yet: nothing to tell.
    }
  }

  // ---- gateway / users / application -----------------------------------------------------------------------

  route('GET', '/gateway', () => json(200, { url: world.gatewayUrl }), { auth: false });
  route('GET', '/gateway/bot', () =>
    json(200, {
      url: world.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    }),
  );
  route('GET', '/users/@me', () => json(200, world.botUser));
  route('GET', '/users/:userId', (ctx) => {
    const user = world.users.get(param(ctx, 'userId'));
    return user ? json(200, user) : discordError(404, 10013, 'Unknown User');
  });
  route('POST', '/users/@me/channels', (ctx) => {
    const body = ctx.request.body;
    const recipientId = isJsonObject(body) ? body['recipient_id'] : undefined;
    if (typeof recipientId !== 'string') return formError([{ path: ['recipient_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
    const existing = [...world.channels.values()].find(
      (c) => c['type'] === 1 && Array.isArray(c['recipients']) && isJsonObject(c['recipients'][0]) && c['recipients'][0]['id'] === recipientId,
    );
    if (existing) return json(200, existing);
    const recipient = world.users.get(recipientId) ?? userPayload({ id: recipientId, username: `user${recipientId.slice(-4)}`, globalName: null });
    const channel = dmChannelPayload(createSnowflake(), recipient);
    world.channels.set(String(channel['id']), channel);
    return json(200, channel);
  });
  for (const path of ['/applications/@me', '/oauth2/applications/@me']) {
    route('GET', path, () => json(200, world.application));
  }
  route('PATCH', '/applications/@me', (ctx) => {
    if (isJsonObject(ctx.request.body)) Object.assign(world.application, ctx.request.body);
    return json(200, world.application);
  });

  // ---- application commands -----------------------------------------------------------------------------

  function commandPayload(body: JsonObject, existing: JsonObject | undefined, guildId: string | null): JsonObject {
    const type = typeof body['type'] === 'number' ? body['type'] : 1;
    return {
      id: existing?.['id'] ?? createSnowflake(),
      application_id: config.applicationId,
      version: createSnowflake(),
      type,
      name: body['name'],
      name_localizations: body['name_localizations'] ?? null,
      description: body['description'] ?? '',
      description_localizations: body['description_localizations'] ?? null,
      ...(body['options'] !== undefined ? { options: body['options'] } : {}),
      default_member_permissions: body['default_member_permissions'] ?? null,
      ...(guildId === null ? { dm_permission: body['dm_permission'] ?? true } : { guild_id: guildId }),
      nsfw: body['nsfw'] ?? false,
      contexts: body['contexts'] ?? null,
      integration_types: body['integration_types'] ?? [0],
    };
  }

  const sameCommand = (a: JsonObject, b: JsonObject): boolean =>
    a['name'] === b['name'] && (a['type'] ?? 1) === (b['type'] ?? 1);

  function commandRoutes(prefix: string, scope: (ctx: RouteContext) => { list: JsonObject[]; guildId: string | null } | RestReply): void {
    const resolve = (ctx: RouteContext): { list: JsonObject[]; guildId: string | null } | RestReply => {
      if (param(ctx, 'appId') !== config.applicationId) return discordError(403, 50001, 'Missing Access');
      return scope(ctx);
    };
    const isScope = (value: { list: JsonObject[]; guildId: string | null } | RestReply): value is { list: JsonObject[]; guildId: string | null } =>
      'list' in value;
    route('GET', prefix, (ctx) => {
      const s = resolve(ctx);
      return isScope(s) ? json(200, s.list) : s;
    });
    route('PUT', prefix, (ctx) => {
      const s = resolve(ctx);
      if (!isScope(s)) return s;
      const body = ctx.request.body;
      if (config.validate) {
        const issues = bulkCommandIssues(body);
        if (issues.length > 0) return formError(issues);
      }
      const incoming = Array.isArray(body) ? body.filter(isJsonObject) : [];
      const next = incoming.map((cmd) => commandPayload(cmd, s.list.find((old) => sameCommand(old, cmd)), s.guildId));
      s.list.splice(0, s.list.length, ...next);
      return json(200, next);
    });
    route('POST', prefix, (ctx) => {
      const s = resolve(ctx);
      if (!isScope(s)) return s;
      const body = ctx.request.body;
      if (config.validate) {
        const issues = commandIssues(body);
        if (issues.length > 0) return formError(issues);
      }
      if (!isJsonObject(body)) return formError([{ path: [], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }]);
      const index = s.list.findIndex((old) => sameCommand(old, body));
      const command = commandPayload(body, s.list[index], s.guildId);
      if (index >= 0) s.list[index] = command;
      else s.list.push(command);
      return json(index >= 0 ? 200 : 201, command);
    });
    route('GET', `${prefix}/:commandId`, (ctx) => {
      const s = resolve(ctx);
      if (!isScope(s)) return s;
      const command = s.list.find((c) => c['id'] === param(ctx, 'commandId'));
      return command ? json(200, command) : discordError(404, 10063, 'Unknown application command');
    });
    route('PATCH', `${prefix}/:commandId`, (ctx) => {
      const s = resolve(ctx);
      if (!isScope(s)) return s;
      const index = s.list.findIndex((c) => c['id'] === param(ctx, 'commandId'));
      const old = s.list[index];
      if (!old) return discordError(404, 10063, 'Unknown application command');
      const merged = { ...old, ...(isJsonObject(ctx.request.body) ? ctx.request.body : {}) };
      if (config.validate) {
        const issues = commandIssues(merged);
        if (issues.length > 0) return formError(issues);
      }
      const command = commandPayload(merged, old, s.guildId);
      s.list[index] = command;
      return json(200, command);
    });
    route('DELETE', `${prefix}/:commandId`, (ctx) => {
      const s = resolve(ctx);
      if (!isScope(s)) return s;
      const index = s.list.findIndex((c) => c['id'] === param(ctx, 'commandId'));
      if (index < 0) return discordError(404, 10063, 'Unknown application command');
      s.list.splice(index, 1);
      return noContent;
    });
  }

  commandRoutes('/applications/:appId/commands', () => ({ list: world.globalCommands, guildId: null }));
  commandRoutes('/applications/:appId/guilds/:guildId/commands', (ctx) =>
    param(ctx, 'guildId') === config.guildId
      ? { list: world.guildCommands, guildId: config.guildId }
      : discordError(403, 50001, 'Missing Access'),
  );

  // ---- interaction callback ----------------------------------------------------------------------------

  function callbackResponse(rec: InteractionRecord, callbackType: number): RestReply {
    const messageId = rec.originalMessageId;
    const message = messageId !== null && (callbackType === 4 || callbackType === 5 || callbackType === 7) ? world.messages.get(messageId) : undefined;
    const flags = typeof message?.['flags'] === 'number' ? message['flags'] : 0;
    return json(200, {
      interaction: {
        id: rec.id,
        type: rec.type,
        activity_instance_id: null,
        response_message_id: message ? message['id'] : null,
        response_message_loading: message ? (flags & MESSAGE_FLAG.Loading) !== 0 : null,
        response_message_ephemeral: message ? (flags & MESSAGE_FLAG.Ephemeral) !== 0 : null,
      },
      ...(message ? { resource: { type: callbackType, message } } : callbackType === 8 ? {} : { resource: { type: callbackType } }),
    });
  }

  route(
    'POST',
    '/interactions/:interactionId/:token/callback',
    (ctx) => {
      const rec = world.interactions.get(param(ctx, 'interactionId'));
      if (!rec || rec.token !== param(ctx, 'token')) return discordError(404, 10062, 'Unknown interaction');
      ctx.interactionId = rec.id;
      if (rec.expired || Date.now() - rec.dispatchedAt > config.interactionTimeoutMs) {
        return discordError(404, 10062, 'Unknown interaction');
      }
      if (rec.callbackType !== null) return discordError(400, 40060, 'Interaction has already been acknowledged.');
      const { body, files } = ctx.request;
      if (!isJsonObject(body) || typeof body['type'] !== 'number') {
        return formError([{ path: ['type'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
      }
      const type = body['type'];
      const allowed = ALLOWED_CALLBACKS[rec.type] ?? [];
      if (!allowed.includes(type)) {
        return formError([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${allowed.join(', ')}}.` }]);
      }
      const data = body['data'];
      const dataFlags = isJsonObject(data) && typeof data['flags'] === 'number' ? data['flags'] : 0;
      switch (type) {
        case 4: {
          const message = applyMessageBody(interactionMessage(rec, 0), data, files, 'create');
          if (isReply(message)) return message;
          storeMessage(message);
          rec.originalMessageId = String(message['id']);
          rec.messageIds.add(rec.originalMessageId);
          break;
        }
        case 5: {
          const message = storeMessage(interactionMessage(rec, (dataFlags & MESSAGE_FLAG.Ephemeral) | MESSAGE_FLAG.Loading));
          rec.originalMessageId = String(message['id']);
          rec.messageIds.add(rec.originalMessageId);
          break;
        }
        case 6:
          rec.originalMessageId = rec.sourceMessageId;
          break;
        case 7: {
          const source = rec.sourceMessageId !== null ? world.messages.get(rec.sourceMessageId) : undefined;
          if (!source) return discordError(404, 10008, 'Unknown Message');
          const message = applyMessageBody(source, data, files, 'edit');
          if (isReply(message)) return message;
          message['edited_timestamp'] = new Date().toISOString();
          storeMessage(message);
          rec.originalMessageId = String(message['id']);
          break;
        }
        case 8:
          if (config.validate) {
            const issues = autocompleteIssues(data);
            if (issues.length > 0) return formError(issues);
          }
          break;
        case 9:
          if (config.validate) {
            const issues = modalIssues(data);
            if (issues.length > 0) return formError(issues);
          }
          break;
        default:
          break;
      }
      rec.callbackType = type;
      return ctx.request.query['with_response'] === 'true' ? callbackResponse(rec, type) : noContent;
    },
    { auth: false },
  );

  // ---- interaction webhooks (editReply, followUp, fetchReply, deleteReply) ----------------------------------

  function webhookInteraction(ctx: RouteContext): InteractionRecord | RestReply {
    if (param(ctx, 'appId') !== config.applicationId) return discordError(404, 10015, 'Unknown Webhook');
    const rec = world.interactionsByToken.get(param(ctx, 'token'));
    if (!rec || Date.now() - rec.dispatchedAt > config.interactionTokenTtlMs) {
      return discordError(401, 50027, 'Invalid Webhook Token');
    }
    ctx.interactionId = rec.id;
    if (rec.callbackType === null) return discordError(404, 10015, 'Unknown Webhook');
    return rec;
  }

  function isRecord(value: InteractionRecord | RestReply): value is InteractionRecord {
    return 'token' in value;
  }

  function webhookMessage(ctx: RouteContext, rec: InteractionRecord): JsonObject | RestReply {
    const wanted = param(ctx, 'messageId');
    const id = wanted === '@original' ? rec.originalMessageId : wanted;
    const message = id !== null && (wanted === '@original' || rec.messageIds.has(id)) ? world.messages.get(id) : undefined;
    return message ?? discordError(404, 10008, 'Unknown Message');
  }

  route(
    'POST',
    '/webhooks/:appId/:token',
    (ctx) => {
      const rec = webhookInteraction(ctx);
      if (!isRecord(rec)) return rec;
      const { body, files } = ctx.request;
      const original = rec.originalMessageId !== null ? world.messages.get(rec.originalMessageId) : undefined;
      const originalFlags = typeof original?.['flags'] === 'number' ? original['flags'] : 0;
      let message: JsonObject | RestReply;
      if (original && originalFlags & MESSAGE_FLAG.Loading) {
        // After a deferred reply, the first followup fills in the "thinking..." message (Discord's behaviour).
        message = applyMessageBody(original, body, files, 'edit');
        if (!isReply(message)) message['flags'] = originalFlags & ~MESSAGE_FLAG.Loading;
      } else {
        message = applyMessageBody(interactionMessage(rec, 0), body, files, 'create');
        if (!isReply(message)) message['type'] = 0;
      }
      if (isReply(message)) return message;
      storeMessage(message);
      rec.messageIds.add(String(message['id']));
      return ctx.request.query['wait'] === 'true' ? json(200, message) : noContent;
    },
    { auth: false },
  );
  route(
    'GET',
    '/webhooks/:appId/:token/messages/:messageId',
    (ctx) => {
      const rec = webhookInteraction(ctx);
      if (!isRecord(rec)) return rec;
      const message = webhookMessage(ctx, rec);
      return isReply(message) ? message : json(200, message);
    },
    { auth: false },
  );
  route(
    'PATCH',
    '/webhooks/:appId/:token/messages/:messageId',
    (ctx) => {
      const rec = webhookInteraction(ctx);
      if (!isRecord(rec)) return rec;
      const message = webhookMessage(ctx, rec);
      if (isReply(message)) return message;
      const oldFlags = typeof message['flags'] === 'number' ? message['flags'] : 0;
      const edited = applyMessageBody(message, ctx.request.body, ctx.request.files, 'edit');
      if (isReply(edited)) return edited;
      if (oldFlags & MESSAGE_FLAG.Loading) {
        edited['flags'] = (typeof edited['flags'] === 'number' ? edited['flags'] : 0) & ~MESSAGE_FLAG.Loading;
      } else {
        edited['edited_timestamp'] = new Date().toISOString();
      }
      storeMessage(edited);
      return json(200, edited);
    },
    { auth: false },
  );
  route(
    'DELETE',
    '/webhooks/:appId/:token/messages/:messageId',
    (ctx) => {
      const rec = webhookInteraction(ctx);
      if (!isRecord(rec)) return rec;
      const message = webhookMessage(ctx, rec);
      if (isReply(message)) return message;
      world.messages.delete(String(message['id']));
      return noContent;
    },
    { auth: false },
  );

  // ---- channels / guild ----------------------------------------------------------------------------------

  function channelOf(ctx: RouteContext): JsonObject | RestReply {
    return world.channels.get(param(ctx, 'channelId')) ?? discordError(404, 10003, 'Unknown Channel');
  }

  function channelMessage(ctx: RouteContext): JsonObject | RestReply {
    const channel = channelOf(ctx);
    if (isReply(channel)) return channel;
    const message = world.messages.get(param(ctx, 'messageId'));
    return message && message['channel_id'] === channel['id'] ? message : discordError(404, 10008, 'Unknown Message');
  }

  route('GET', '/channels/:channelId', (ctx) => {
    const channel = channelOf(ctx);
    return isReply(channel) ? channel : json(200, channel);
  });
  route('POST', '/channels/:channelId/typing', (ctx) => {
    const channel = channelOf(ctx);
    return isReply(channel) ? channel : noContent;
  });
  route('GET', '/channels/:channelId/messages', (ctx) => {
    const channel = channelOf(ctx);
    if (isReply(channel)) return channel;
    const limit = Number(ctx.request.query['limit'] ?? 50);
    const list = [...world.messages.values()].filter((m) => m['channel_id'] === channel['id']).reverse();
    return json(200, list.slice(0, limit));
  });
  route('POST', '/channels/:channelId/messages', (ctx) => {
    const channel = channelOf(ctx);
    if (isReply(channel)) return channel;
    const message = applyMessageBody(newBotMessage(String(channel['id'])), ctx.request.body, ctx.request.files, 'create');
    if (isReply(message)) return message;
    message['flags'] = (typeof message['flags'] === 'number' ? message['flags'] : 0) & ~MESSAGE_FLAG.Ephemeral;
    storeMessage(message);
    announce(message);
    return json(200, message);
  });
  route('GET', '/channels/:channelId/messages/:messageId', (ctx) => {
    const message = channelMessage(ctx);
    return isReply(message) ? message : json(200, message);
  });
  route('PATCH', '/channels/:channelId/messages/:messageId', (ctx) => {
    const message = channelMessage(ctx);
    if (isReply(message)) return message;
    const edited = applyMessageBody(message, ctx.request.body, ctx.request.files, 'edit');
    if (isReply(edited)) return edited;
    edited['edited_timestamp'] = new Date().toISOString();
    storeMessage(edited);
    return json(200, edited);
  });
  route('DELETE', '/channels/:channelId/messages/:messageId', (ctx) => {
    const message = channelMessage(ctx);
    if (isReply(message)) return message;
    world.messages.delete(String(message['id']));
    return noContent;
  });

  function guildOf(ctx: RouteContext): RestReply | null {
    return param(ctx, 'guildId') === config.guildId ? null : discordError(404, 10004, 'Unknown Guild');
  }
  route('GET', '/guilds/:guildId', (ctx) => guildOf(ctx) ?? json(200, guildPayload(world)));
  route('GET', '/guilds/:guildId/channels', (ctx) => guildOf(ctx) ?? json(200, guildChannels(world)));
  route('GET', '/guilds/:guildId/roles', (ctx) => guildOf(ctx) ?? json(200, [everyoneRole(world), botRole(world)]));
  route('GET', '/guilds/:guildId/members/:userId', (ctx) => {
    const missing = guildOf(ctx);
    if (missing) return missing;
    const userId = param(ctx, 'userId');
    if (userId === config.botUserId) return json(200, botMember(world));
    const user = world.users.get(userId);
    return user ? json(200, memberPayload(user, [], config.joinedAt)) : discordError(404, 10007, 'Unknown Member');
  });

  // ---- dispatching ------------------------------------------------------------------------------------------

  function authorized(request: IncomingRestRequest): boolean {
    const match = /^Bot (.+)$/.exec(request.headers.authorization ?? '');
    if (!match) return false;
    return config.token === undefined || match[1] === config.token;
  }

  function answer(request: IncomingRestRequest, ctx: { interactionId: string | null }): RestReply {
    for (const interceptor of interceptors) {
      const reply = interceptor(request);
      if (reply) return reply;
    }
    let methodMismatch = false;
    for (const r of routes) {
      const match = r.pattern.exec(request.path);
      if (!match) continue;
      if (r.method !== request.method) {
        methodMismatch = true;
        continue;
      }
      if (r.auth && !authorized(request)) return discordError(401, 0, '401: Unauthorized');
      const params: Record<string, string> = {};
      r.keys.forEach((key, i) => {
        const value = match[i + 1];
        if (value !== undefined) params[key] = value;
      });
      const routeCtx: RouteContext = { request, params, interactionId: null };
      try {
        return r.handler(routeCtx);
      } finally {
        ctx.interactionId = routeCtx.interactionId;
      }
    }
    return methodMismatch ? discordError(405, 0, '405: Method Not Allowed') : discordError(404, 0, '404: Not Found');
  }

  function write(res: ServerResponse, reply: RestReply): void {
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    if (Buffer.isBuffer(reply.body)) {
      res.writeHead(reply.status, { 'content-type': 'application/octet-stream', ...headers }).end(reply.body);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(reply.body));
  }

  return {
    requests,
    addInterceptor(interceptor) {
      interceptors.add(interceptor);
      return () => interceptors.delete(interceptor);
    },
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      const headerText = (name: string): string | undefined => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      const headers: IncomingRestRequest['headers'] = {};
      const authorization = headerText('authorization');
      if (authorization !== undefined) headers.authorization = authorization;
      const contentType = headerText('content-type');
      if (contentType !== undefined) headers.contentType = contentType;
      const userAgent = headerText('user-agent');
      if (userAgent !== undefined) headers.userAgent = userAgent;
      const reason = headerText('x-audit-log-reason');
      if (reason !== undefined) headers.auditLogReason = decodeURIComponent(reason);

      const api = /^\/api(?:\/v(\d+))?(\/.*)?$/.exec(url.pathname);
      // Recorded and routed decoded: discord.js sends /messages/%40original for /messages/@original.
      const path = (api ? (api[2] ?? '/') : url.pathname)
        .split('/')
        .map((segment) => {
          try {
            return decodeURIComponent(segment);
          } catch {
            return segment;
          }
        })
        .join('/');
      const apiVersion = api?.[1] !== undefined ? Number(api[1]) : null;
      const query = Object.fromEntries(url.searchParams);
      const ctx = { interactionId: null as string | null };
      let request: IncomingRestRequest = { method, path, query, headers, body: undefined, files: [] };
      let reply: RestReply;
      try {
        const parsed = await parseBody(await readBody(req), contentType);
        request = { ...request, body: parsed.body, files: parsed.files };
        if (!api) {
          const attachment = /^\/attachments\/(\d+)\//.exec(url.pathname);
          const stored = attachment?.[1] !== undefined ? world.attachments.get(attachment[1]) : undefined;
          reply = stored
            ? { status: 200, body: stored.data, headers: { 'content-type': stored.contentType || 'application/octet-stream' } }
            : discordError(404, 0, '404: Not Found');
        } else {
          if (apiVersion !== 10) world.protocolError(`REST ${method} ${url.pathname}: API version ${String(apiVersion)} instead of 10`);
          reply = answer(request, ctx);
        }
      } catch (error) {
        world.protocolError(`REST ${method} ${url.pathname}: fake failed: ${error instanceof Error ? error.stack : String(error)}`);
        reply = discordError(500, 0, '500: Internal Server Error');
      }
      requests.push({
        ...request,
        index: requests.length,
        apiVersion,
        status: reply.status,
        response: Buffer.isBuffer(reply.body) ? `<${reply.body.length} bytes>` : reply.body,
        at: Date.now(),
        interactionId: ctx.interactionId,
      });
      write(res, reply);
      world.notify();
    },
  };
}
