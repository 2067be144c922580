// The Discord adapter's entry, loaded by `npm start` when DISCORD_TOKEN is set: logs the bot in,
// answers slash commands, autocomplete, buttons and mentions from the core, and stops cleanly.
import { Events, type Client } from 'discord.js';
import type { Paperbot } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { RunningAdapter } from '../../src/cli/start-adapters.js';
import { PaperbotError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { createDiscordClient, logClientEvents } from './client.js';
import { describeError } from './describe-error.js';
import { createInteractionListener } from './handlers/interaction.js';
import { createMessageListener } from './handlers/message.js';
import { checkRegistration } from './register.js';
import { createDiscordPoster } from './post-message.js';

export async function start(bot: Paperbot, config: Config, logger: Logger): Promise<RunningAdapter> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new PaperbotError('discord_config', 'discord: DISCORD_TOKEN is not set; copy the bot token from the Discord developer portal (Bot → Reset Token)');
  const client = createDiscordClient(config);
  logClientEvents(client, logger);
  client.on(Events.InteractionCreate, createInteractionListener(bot, logger));
  client.on(Events.MessageCreate, createMessageListener(bot, logger));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  logger.info({ api: config.DISCORD_API_URL ?? 'discord.com' }, 'discord: logging in');
  try {
    await client.login(token);
  } catch (err) {
    await client.destroy();
    const { message } = describeError(err);
    throw new PaperbotError('discord_login', `discord: could not log in: ${message}. Check DISCORD_TOKEN${config.DISCORD_API_URL ? ' and DISCORD_API_URL' : ''}.`, { cause: err });
  }
  const readyClient = await ready;
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'discord: connected');
  if (config.DISCORD_APP_ID && readyClient.application.id !== config.DISCORD_APP_ID) {
    logger.warn({ configured: config.DISCORD_APP_ID, actual: readyClient.application.id }, 'discord: DISCORD_APP_ID is not the application of DISCORD_TOKEN; commands registered for it will not reach this bot');
  }
  // Not awaited: a missing registration is worth a warning, not a slower or failed start.
  void checkRegistration(readyClient.rest, readyClient.application.id, config.DISCORD_GUILD_ID, logger);

  // Daily digests post through this adapter's REST client once it is connected.
  const disconnectDigests = bot.digests?.connect('discord', createDiscordPoster(readyClient.rest));

  return {
    platform: 'discord',
    // False while the gateway reconnects and after destroy().
    isReady: () => client.isReady(),
    async stop() {
      await disconnectDigests?.();
      await client.destroy();
      logger.info({}, 'discord: stopped');
    },
  };
}
