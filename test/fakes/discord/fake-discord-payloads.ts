// Builders for Discord API v10 JSON payloads (snowflakes, users, guilds, channels, messages, interactions)
// used by the fake Discord; shapes follow what the real API sends so discord.js builds real structures.

import { randomBytes } from 'node:crypto';

export type JsonObject = Record<string, unknown>;

/** Discord's epoch (2015-01-01) used in snowflakes. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** A fresh, time-ordered snowflake id, unique within this process. */
export function createSnowflake(at: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

/** A random-looking interaction / session token. */
export function createToken(prefix: string): string {
  return `${prefix}.${randomBytes(24).toString('base64url')}`;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Permission bits (subset) used to compute default role permissions. */
export const Permission = {
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** What a fresh server grants @everyone in practice (enough to use and answer slash commands). */
export const DEFAULT_PERMISSIONS = (
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands |
  Permission.CreatePublicThreads |
  Permission.SendMessagesInThreads
).toString();

/** Gateway intent bits that need to be enabled in the developer portal. */
export const PRIVILEGED_INTENTS = {
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  MessageContent: 1 << 15,
} as const;
export const ALL_PRIVILEGED_INTENTS =
  PRIVILEGED_INTENTS.GuildMembers | PRIVILEGED_INTENTS.GuildPresences | PRIVILEGED_INTENTS.MessageContent;

export interface FakeUserInput {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

export function userPayload(user: { id: string; username: string; globalName: string | null; bot?: boolean }): JsonObject {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function memberPayload(user: JsonObject, roles: string[], joinedAt: string, permissions?: string): JsonObject {
  return {
    user,
    roles,
    nick: null,
    avatar: null,
    banner: null,
    premium_since: null,
    joined_at: joinedAt,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: null,
    ...(permissions !== undefined ? { permissions } : {}),
  };
}

export function rolePayload(input: {
  id: string;
  name: string;
  permissions: string;
  position: number;
  managed?: boolean;
  botId?: string;
}): JsonObject {
  return {
    id: input.id,
    name: input.name,
    description: null,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: input.position,
    permissions: input.permissions,
    managed: input.managed ?? false,
    mentionable: false,
    flags: 0,
    ...(input.botId !== undefined ? { tags: { bot_id: input.botId } } : {}),
  };
}

export interface FakeChannelInput {
  id?: string;
  name: string;
  /** Channel type; 0 (GUILD_TEXT) by default. */
  type?: number;
  topic?: string | null;
}

export function guildChannelPayload(
  input: { id: string; name: string; type: number; topic: string | null; position: number },
  guildId: string,
): JsonObject {
  return {
    id: input.id,
    type: input.type,
    guild_id: guildId,
    name: input.name,
    position: input.position,
    permission_overwrites: [],
    parent_id: null,
    topic: input.topic,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function dmChannelPayload(id: string, recipient: JsonObject): JsonObject {
  return { id, type: 1, last_message_id: null, flags: 0, recipients: [recipient] };
}

export interface MessageInput {
  id: string;
  channelId: string;
  guildId?: string;
  author: JsonObject;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: unknown[];
  flags?: number;
  type?: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: JsonObject;
  messageReference?: unknown;
}

export function messagePayload(input: MessageInput): JsonObject {
  return {
    id: input.id,
    channel_id: input.channelId,
    ...(input.guildId !== undefined ? { guild_id: input.guildId } : {}),
    author: input.author,
    content: input.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    mention_channels: [],
    attachments: input.attachments ?? [],
    embeds: input.embeds ?? [],
    components: input.components ?? [],
    reactions: [],
    pinned: false,
    type: input.type ?? 0,
    flags: input.flags ?? 0,
    ...(input.webhookId !== undefined ? { webhook_id: input.webhookId } : {}),
    ...(input.applicationId !== undefined ? { application_id: input.applicationId } : {}),
    ...(input.interactionMetadata !== undefined ? { interaction_metadata: input.interactionMetadata } : {}),
    ...(input.messageReference !== undefined ? { message_reference: input.messageReference } : {}),
  };
}

/** A message holding one component with the given custom_id, used as the `message` of component interactions. */
export function componentHostMessage(
  input: { id: string; channelId: string; author: JsonObject; applicationId: string },
  component: { customId: string; componentType: number; values: string[] },
): JsonObject {
  const inner: JsonObject =
    component.componentType === 2
      ? { type: 2, style: 1, label: 'Button', custom_id: component.customId }
      : component.componentType === 3
        ? {
            type: 3,
            custom_id: component.customId,
            options: (component.values.length > 0 ? component.values : ['option']).map((value) => ({
              label: value,
              value,
            })),
            min_values: 1,
            max_values: Math.max(1, component.values.length),
          }
        : { type: component.componentType, custom_id: component.customId };
  return messagePayload({
    id: input.id,
    channelId: input.channelId,
    author: input.author,
    content: 'Message with a component',
    components: [{ type: 1, id: 1, components: [inner] }],
    applicationId: input.applicationId,
    webhookId: input.applicationId,
  });
}
