// `paperbot discord register [--guild ID]`: registers the slash commands with Discord and prints
// what it registered and where. Problems a person can fix get one line, never a stack trace.
import { DiscordAPIError, REST } from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { apiBase } from './client.js';
import { describeError } from './describe-error.js';
import { commandBodies, registerCommands } from './register.js';

export interface DiscordCliOptions {
  args: string[];
  guild?: string;
}

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const USAGE = 'Usage: paperbot discord register [--guild ID]   (register the slash commands; in one server with --guild or DISCORD_GUILD_ID)';

/** Why Discord said no, and what to check. */
function refusal(err: unknown): string {
  if (err instanceof DiscordAPIError) {
    const fix =
      err.status === 401 ? 'check DISCORD_TOKEN'
      : err.status === 403 || err.code === 50001 ? 'check DISCORD_APP_ID, and that the bot was invited to that server with the applications.commands scope'
      : err.status === 404 ? 'check DISCORD_APP_ID and the server id'
      : 'see the message';
    return `Discord refused the registration (${err.status}, code ${err.code}: ${err.message}); ${fix}`;
  }
  return `could not reach Discord: ${describeError(err).message}`;
}

export async function runDiscordCli(options: DiscordCliOptions, config: Config, logger: Logger, io: CliOutput = processOutput): Promise<number> {
  const [sub, ...extra] = options.args;
  if (sub !== 'register' || extra.length > 0) {
    io.err(`paperbot: ${sub === undefined ? 'discord needs a command' : `unknown discord command "${[sub, ...extra].join(' ')}"`}\n${USAGE}\n`);
    return 2;
  }
  const missing = [!config.DISCORD_TOKEN && 'DISCORD_TOKEN (the bot token)', !config.DISCORD_APP_ID && 'DISCORD_APP_ID (the application id)'].filter(Boolean);
  if (missing.length > 0 || !config.DISCORD_TOKEN || !config.DISCORD_APP_ID) {
    io.err(`paperbot: discord register needs ${missing.join(' and ')}; copy them from the Discord developer portal\n`);
    return 1;
  }
  const guild = options.guild ?? config.DISCORD_GUILD_ID;
  if (guild !== undefined && !/^\d{5,25}$/.test(guild)) {
    io.err(`paperbot: --guild must be a numeric server id (right-click the server with Developer Mode on → Copy Server ID), not "${guild}"\n`);
    return 2;
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: apiBase(config.DISCORD_API_URL) } : {}).setToken(config.DISCORD_TOKEN);
  try {
    const registered = await registerCommands(rest, config.DISCORD_APP_ID, guild);
    const where = guild ? `in server ${guild} (usable there right away)` : 'globally (in every server the bot is in)';
    const bodies = new Map(commandBodies().map((b) => [b.name, b]));
    const lines = registered.map((c) => {
      const options = (bodies.get(c.name)?.options ?? []).map((o) => `${o.name}${o.required ? '' : '?'}`).join(' ');
      return `  /${`${c.name} ${options}`.trim().padEnd(20)} ${c.description}`;
    });
    io.out(`Registered ${registered.length} commands for application ${config.DISCORD_APP_ID} ${where}:\n${lines.join('\n')}\n`);
    logger.info({ commands: registered.map((c) => c.name), guild: guild ?? null }, 'discord: commands registered');
    return 0;
  } catch (err) {
    io.err(`paperbot: ${refusal(err)}\n`);
    return 1;
  }
}
