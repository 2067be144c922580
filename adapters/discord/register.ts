// The slash commands Discord shows, derived from the core's command definitions (the same ones
// the handlers read), their registration, and a start-up check that they are registered.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  Routes,
  type APIApplicationCommand,
  type APIApplicationCommandStringOption,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { COMMANDS, type CommandDefinition, type OptionDefinition } from '../../src/commands/definitions.js';
import { PaperbotError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { describeError } from './describe-error.js';
import { DISCORD_LIMITS, truncate } from './limits.js';

/** Discord's rule for command and option names (lowercase in practice: uppercase is refused). */
const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;
/** Discord's ceiling for a string option's max_length. */
const MAX_STRING_OPTION = 6000;

function checkedName(name: string, what: string): string {
  if (!NAME.test(name)) throw new PaperbotError('discord_command', `discord: ${what} name "${name}" is not a valid Discord name (1-32 lowercase letters, digits, - or _)`);
  return name;
}

function stringOption(command: string, option: OptionDefinition): APIApplicationCommandStringOption {
  const base = {
    type: ApplicationCommandOptionType.String as const,
    name: checkedName(option.name, `/${command} option`),
    description: truncate(option.description, DISCORD_LIMITS.optionDescription),
    required: option.required,
    max_length: Math.min(option.maxLength, MAX_STRING_OPTION),
  };
  return option.autocomplete ? { ...base, autocomplete: true } : base;
}

/** The registration body for every paperbot command; all options are strings, as in the core. */
export function commandBodies(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return (COMMANDS as readonly CommandDefinition[]).map((c) => ({
    type: ApplicationCommandType.ChatInput,
    name: checkedName(c.name, 'command'),
    description: truncate(c.description, DISCORD_LIMITS.commandDescription),
    options: c.subcommands
      ? c.subcommands.map((sub) => ({
          type: ApplicationCommandOptionType.Subcommand as const,
          name: checkedName(sub.name, `/${c.name} subcommand`),
          description: truncate(sub.description, DISCORD_LIMITS.optionDescription),
          options: sub.options.map((o) => stringOption(`${c.name} ${sub.name}`, o)),
        }))
      : c.options.map((o) => stringOption(c.name, o)),
  }));
}

/** Replaces the application's commands (in one server, or globally) with paperbot's; returns Discord's echo. */
export async function registerCommands(rest: REST, applicationId: string, guildId?: string): Promise<APIApplicationCommand[]> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  return (await rest.put(route, { body: commandBodies() })) as APIApplicationCommand[];
}

/** "paper(name*)": what a command looks like to a user, to compare registered and defined commands. */
interface Signed { name: string; type?: number; autocomplete?: boolean; options?: readonly Signed[] }

/** Subcommands (type 1) nest their options: "digest(subscribe(topic),unsubscribe(),…)". */
function signature(command: Signed): string {
  return `${command.name}(${(command.options ?? []).map((o) => (o.type === ApplicationCommandOptionType.Subcommand ? signature(o) : `${o.name}${o.autocomplete ? '*' : ''}`)).join(',')})`;
}

/** Warns when the registered commands are missing or differ from the definitions; never throws. */
export async function checkRegistration(rest: REST, applicationId: string, guildId: string | undefined, logger: Logger): Promise<void> {
  const hint = 'run `npm run -s paperbot -- discord register` (add --guild ID to try it on one server)';
  try {
    const registered = (await rest.get(Routes.applicationCommands(applicationId))) as APIApplicationCommand[];
    if (guildId) registered.push(...((await rest.get(Routes.applicationGuildCommands(applicationId, guildId))) as APIApplicationCommand[]));
    const have = new Set(registered.map(signature));
    const missing = commandBodies().map(signature).filter((s) => !have.has(s));
    if (registered.length === 0) {
      // Without DISCORD_GUILD_ID only global commands can be seen; say so rather than claim there are none.
      logger.warn({}, `discord: no slash commands are registered ${guildId ? `globally or in server ${guildId}` : 'globally (set DISCORD_GUILD_ID to check a server)'}; ${hint}`);
    }
    else if (missing.length > 0) logger.warn({ missing }, `discord: the registered slash commands differ from paperbot's; ${hint}`);
  } catch (err) {
    logger.debug({ err: describeError(err) }, 'discord: could not check the registered commands');
  }
}
