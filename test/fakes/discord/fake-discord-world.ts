// The fake Discord's shared state (ids, bot user, guild, channels, messages, commands, interactions) that its
// REST half and gateway half both read and change; plus the GUILD_CREATE / application payloads built from it.

import {
  ALL_PRIVILEGED_INTENTS,
  DEFAULT_PERMISSIONS,
  createSnowflake,
  guildChannelPayload,
  memberPayload,
  rolePayload,
  userPayload,
  type FakeChannelInput,
  type JsonObject,
} from './fake-discord-payloads.js';

export interface FakeDiscordOptions {
  /** Application id (also the bot's webhook id for interaction replies). Random snowflake by default. */
  applicationId?: string;
  /** Id of the single guild the bot is in. Random snowflake by default. */
  guildId?: string;
  /** The bot user's id. Random snowflake by default. */
  botUserId?: string;
  botUsername?: string;
  guildName?: string;
  /** Guild channels; the first text channel is the default for interactions. Default: one text channel "general". */
  channels?: FakeChannelInput[];
  /** If set, REST `Authorization: Bot <token>` and gateway IDENTIFY/RESUME must carry exactly this token. */
  token?: string;
  /** HELLO heartbeat_interval in ms. Default 41250 (real Discord's value). */
  heartbeatIntervalMs?: number;
  /** How long after the INTERACTION_CREATE dispatch the initial callback is accepted. Default 3000 ms. */
  interactionTimeoutMs?: number;
  /** How long an interaction token works for followups / edits. Default 15 minutes. */
  interactionTokenTtlMs?: number;
  /** Permission bitfield (decimal string) of @everyone. */
  everyonePermissions?: string;
  /** Permission bitfield (decimal string) of the bot's managed role. */
  botPermissions?: string;
  /** Privileged intents enabled "in the developer portal"; IDENTIFY asking for others is closed with 4014. Default all. */
  allowedPrivilegedIntents?: number;
  /** Reject bodies real Discord would reject (400 / 50035, 50006). Default true. */
  validate?: boolean;
  /** Default timeout of the fake's waitFor* helpers. Default 10000 ms. */
  waitTimeoutMs?: number;
}

export interface FakeDiscordConfig {
  applicationId: string;
  guildId: string;
  botUserId: string;
  botUsername: string;
  guildName: string;
  ownerId: string;
  botRoleId: string;
  token: string | undefined;
  heartbeatIntervalMs: number;
  interactionTimeoutMs: number;
  interactionTokenTtlMs: number;
  everyonePermissions: string;
  botPermissions: string;
  allowedPrivilegedIntents: number;
  validate: boolean;
  waitTimeoutMs: number;
  joinedAt: string;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  payload: JsonObject;
  dispatchedAt: number;
  /** Set by the first accepted callback. */
  callbackType: number | null;
  expired: boolean;
  /** The message the "original response" refers to, once there is one. */
  originalMessageId: string | null;
  /** Id of the message a component interaction came from. */
  sourceMessageId: string | null;
  /** Ids of messages made through this interaction's token (original response and followups). */
  messageIds: Set<string>;
}

export interface StoredAttachment {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface FakeWorld {
  readonly config: FakeDiscordConfig;
  readonly botUser: JsonObject;
  readonly users: Map<string, JsonObject>;
  /** Guild channels and DM channels by id. */
  readonly channels: Map<string, JsonObject>;
  /** Every message the bot made (channel messages, interaction responses, followups), current state, by id. */
  readonly messages: Map<string, JsonObject>;
  readonly globalCommands: JsonObject[];
  readonly guildCommands: JsonObject[];
  readonly interactions: Map<string, InteractionRecord>;
  readonly interactionsByToken: Map<string, InteractionRecord>;
  readonly attachments: Map<string, StoredAttachment>;
  readonly defaultChannelId: string;
  /** http://127.0.0.1:PORT (no /api); filled in once the server listens. */
  baseUrl: string;
  gatewayUrl: string;
  /** Intents of the most recent IDENTIFY (0 before any). */
  identifiedIntents: number;
  application: JsonObject;
  /** Wakes every pending waitFor* check. */
  notify(): void;
  /** Records something the client did that real Discord would not accept. */
  protocolError(message: string): void;
}

export function resolveConfig(options: FakeDiscordOptions): FakeDiscordConfig {
  return {
    applicationId: options.applicationId ?? createSnowflake(),
    guildId: options.guildId ?? createSnowflake(),
    botUserId: options.botUserId ?? createSnowflake(),
    botUsername: options.botUsername ?? 'paperbot',
    guildName: options.guildName ?? 'Fake Research Group',
    ownerId: createSnowflake(),
    botRoleId: createSnowflake(),
    token: options.token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    interactionTimeoutMs: options.interactionTimeoutMs ?? 3_000,
    interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60 * 1000,
    everyonePermissions: options.everyonePermissions ?? DEFAULT_PERMISSIONS,
    botPermissions: options.botPermissions ?? DEFAULT_PERMISSIONS,
    allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? ALL_PRIVILEGED_INTENTS,
    validate: options.validate ?? true,
    waitTimeoutMs: options.waitTimeoutMs ?? 10_000,
    joinedAt: new Date(Date.now() - 86_400_000).toISOString(),
  };
}

export function createWorld(
  config: FakeDiscordConfig,
  channelInputs: FakeChannelInput[],
  hooks: { notify(): void; protocolError(message: string): void },
): FakeWorld {
  const botUser = { ...userPayload({ id: config.botUserId, username: config.botUsername, globalName: null, bot: true }), verified: true, mfa_enabled: false };
  const channels = new Map<string, JsonObject>();
  const inputs = channelInputs.length > 0 ? channelInputs : [{ name: 'general' }];
  inputs.forEach((input, position) => {
    const id = input.id ?? createSnowflake();
    channels.set(
      id,
      guildChannelPayload({ id, name: input.name, type: input.type ?? 0, topic: input.topic ?? null, position }, config.guildId),
    );
  });
  const defaultChannel = [...channels.values()].find((c) => c['type'] === 0);
  if (!defaultChannel) throw new Error('fake-discord: at least one text channel (type 0) is needed');
  return {
    config,
    botUser,
    users: new Map([[config.botUserId, botUser]]),
    channels,
    messages: new Map(),
    globalCommands: [],
    guildCommands: [],
    interactions: new Map(),
    interactionsByToken: new Map(),
    attachments: new Map(),
    defaultChannelId: String(defaultChannel['id']),
    baseUrl: '',
    gatewayUrl: '',
    identifiedIntents: 0,
    application: applicationPayload(config, botUser),
    notify: hooks.notify,
    protocolError: hooks.protocolError,
  };
}

/** Application flags saying which privileged intents are enabled (the *_LIMITED flags of verified-free bots). */
function applicationFlags(config: FakeDiscordConfig): number {
  let flags = 1 << 23; // APPLICATION_COMMAND_BADGE
  if (config.allowedPrivilegedIntents & (1 << 8)) flags |= 1 << 13; // GATEWAY_PRESENCE_LIMITED
  if (config.allowedPrivilegedIntents & (1 << 1)) flags |= 1 << 15; // GATEWAY_GUILD_MEMBERS_LIMITED
  if (config.allowedPrivilegedIntents & (1 << 15)) flags |= 1 << 19; // GATEWAY_MESSAGE_CONTENT_LIMITED
  return flags;
}

function applicationPayload(config: FakeDiscordConfig, botUser: JsonObject): JsonObject {
  return {
    id: config.applicationId,
    name: config.botUsername,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot: botUser,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: applicationFlags(config),
    owner: userPayload({ id: config.ownerId, username: 'owner', globalName: 'Owner' }),
    team: null,
    approximate_guild_count: 1,
    approximate_user_install_count: 0,
    redirect_uris: [],
    interactions_endpoint_url: null,
    tags: [],
    integration_types_config: { '0': {} },
  };
}

export function readyApplication(world: FakeWorld): JsonObject {
  return { id: world.config.applicationId, flags: world.application['flags'] };
}

export function everyoneRole(world: FakeWorld): JsonObject {
  return rolePayload({ id: world.config.guildId, name: '@everyone', permissions: world.config.everyonePermissions, position: 0 });
}

export function botRole(world: FakeWorld): JsonObject {
  return rolePayload({
    id: world.config.botRoleId,
    name: world.config.botUsername,
    permissions: world.config.botPermissions,
    position: 1,
    managed: true,
    botId: world.config.botUserId,
  });
}

export function botMember(world: FakeWorld): JsonObject {
  return memberPayload(world.botUser, [world.config.botRoleId], world.config.joinedAt);
}

/** The bot's effective permissions in a guild channel without overwrites (what `app_permissions` carries). */
export function appPermissions(world: FakeWorld): string {
  return (BigInt(world.config.everyonePermissions) | BigInt(world.config.botPermissions)).toString();
}

export function guildChannels(world: FakeWorld): JsonObject[] {
  return [...world.channels.values()].filter((c) => c['guild_id'] === world.config.guildId);
}

/** The guild object as GET /guilds/:id returns it. */
export function guildPayload(world: FakeWorld): JsonObject {
  const { config } = world;
  return {
    id: config.guildId,
    name: config.guildName,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: config.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: [everyoneRole(world), botRole(world)],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: world.defaultChannelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

/** The GUILD_CREATE dispatch data: the guild plus channels, the bot's member, and the other gateway-only fields. */
export function guildCreatePayload(world: FakeWorld): JsonObject {
  return {
    ...guildPayload(world),
    joined_at: world.config.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [botMember(world)],
    channels: guildChannels(world).map((channel) => {
      const copy = { ...channel };
      delete copy['guild_id'];
      return copy;
    }),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    lazy: true,
    hub_type: null,
    nsfw: false,
    application_command_counts: {},
  };
}
