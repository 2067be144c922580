// Creates the discord.js Client paperbot runs on: the Guilds and GuildMessages intents (no privileged
// one: Discord gives a bot the content of messages that mention it without Message Content), no
// mentions ever, and the REST base from DISCORD_API_URL when set.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { describeError } from './describe-error.js';

/**
 * discord.js wants the API base without the version ("https://discord.com/api") and adds "/v10"
 * itself; accept a base with a version or a trailing slash too.
 */
export function apiBase(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

export function createDiscordClient(config: Pick<Config, 'DISCORD_API_URL'> & Partial<Pick<Config, 'DISCORD_MESSAGE_CONTENT'>>): Client {
  return new Client({
    // Watch mode reads messages that do not mention the bot: only with DISCORD_MESSAGE_CONTENT=true.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, ...(config.DISCORD_MESSAGE_CONTENT ? [GatewayIntentBits.MessageContent] : [])],
    // Nothing paperbot sends may ping anyone: not a user, a role, @everyone or @here.
    allowedMentions: { parse: [], repliedUser: false },
    // The gateway URL comes from this API's GET /gateway/bot, so a REST proxy moves both.
    rest: config.DISCORD_API_URL ? { api: apiBase(config.DISCORD_API_URL) } : {},
  });
}

/** Logs the connection's life (errors, drops, resumes) so nothing the client emits goes unhandled. */
export function logClientEvents(client: Client, logger: Logger): void {
  client.on(Events.Error, (err) => logger.error({ err: describeError(err) }, 'discord: client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord: client warning'));
  client.on(Events.ShardError, (err, shard) => logger.warn({ err: describeError(err), shard }, 'discord: gateway connection error; reconnecting'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'discord: gateway closed'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'discord: reconnecting to the gateway'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'discord: gateway session resumed'));
  client.on(Events.Invalidated, () => logger.error({}, 'discord: the gateway session was invalidated'));
}
