// Routes every interaction to its handler and makes failure safe: one log line, an ephemeral
// apology if the user has no answer yet, and never an unhandled rejection.
import { MessageFlags, type Interaction } from 'discord.js';
import type { Paperbot } from '../../../src/app.js';
import type { Logger } from '../../../src/logger.js';
import { describeError } from '../describe-error.js';
import { handleAutocomplete } from './autocomplete.js';
import { handleCommand } from './command.js';
import { handleComponent } from './component.js';

const APOLOGY = 'Sorry, something went wrong answering that. It has been logged.';

function what(interaction: Interaction): Record<string, string> {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return { kind: interaction.isAutocomplete() ? 'autocomplete' : 'command', command: interaction.commandName };
  if (interaction.isMessageComponent()) return { kind: 'component', customId: interaction.customId };
  return { kind: `type ${interaction.type}` };
}

async function route(interaction: Interaction, bot: Paperbot): Promise<void> {
  if (interaction.isChatInputCommand()) return handleCommand(interaction, bot);
  if (interaction.isAutocomplete()) return handleAutocomplete(interaction, bot);
  if (interaction.isButton() || interaction.isStringSelectMenu()) return handleComponent(interaction, bot);
  if (interaction.isRepliable()) await interaction.reply({ content: 'paperbot does not handle that. /help lists what it does.', flags: MessageFlags.Ephemeral });
}

/** Tells the user something went wrong, if Discord still lets us; a failure here is only worth a debug line. */
async function apologize(interaction: Interaction, logger: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      if (interaction.deferred && !interaction.replied) await interaction.editReply({ content: APOLOGY, embeds: [], components: [] });
      else if (!interaction.replied && !interaction.deferred) await interaction.reply({ content: APOLOGY, flags: MessageFlags.Ephemeral });
    }
  } catch (err) {
    logger.debug({ err: describeError(err), interaction: interaction.id }, 'discord: could not send the apology');
  }
}

export function createInteractionListener(bot: Paperbot, logger: Logger): (interaction: Interaction) => void {
  return (interaction) => {
    const started = performance.now();
    // Commands, buttons and menus go through the core's tracker (logged, measured, drained at
    // shutdown); autocomplete runs on every keystroke and is neither a command nor worth a log line.
    const answered = interaction.isAutocomplete()
      ? route(interaction, bot)
      : bot.tracker.run({ platform: 'discord', userId: interaction.user.id, channelId: interaction.channelId ?? undefined }, bot.commands, (commands) => route(interaction, { ...bot, commands }));
    answered.then(
      () => logger.debug({ ...what(interaction), interaction: interaction.id, ms: Math.round(performance.now() - started) }, 'discord: answered'),
      async (err: unknown) => {
        logger.error({ err: describeError(err), ...what(interaction), interaction: interaction.id }, 'discord: interaction failed');
        await apologize(interaction, logger);
      },
    ).catch(() => {
      // The logger itself failed: there is nowhere left to report it, and the process must live on.
    });
  };
}
