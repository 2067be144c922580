// Autocomplete for paper names: the engine's suggestions as Discord choices (at most 25, names at
// most 100 characters), answered straight away because Discord waits only 3 seconds.
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { Paperbot } from '../../../src/app.js';
import { commandDefinition } from '../../../src/commands/definitions.js';
import { DISCORD_LIMITS, truncate } from '../limits.js';

export function paperChoices(bot: Paperbot, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const suggestion of bot.engine.suggest(typed)) {
    if (choices.length === DISCORD_LIMITS.autocompleteChoices) break;
    if (suggestion.id.length > DISCORD_LIMITS.choiceValue) continue;
    const year = bot.engine.get(suggestion.id)?.date?.slice(0, 4);
    const suffix = year ? ` (${year})` : '';
    // Choice names are plain text (no markdown), so only the length matters.
    const label = suggestion.label.replace(/\s+/g, ' ').trim() || suggestion.id;
    choices.push({ name: truncate(label, DISCORD_LIMITS.choiceName - suffix.length) + suffix, value: suggestion.id });
  }
  return choices;
}

export async function handleAutocomplete(interaction: AutocompleteInteraction, bot: Paperbot): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const definition = commandDefinition(interaction.commandName);
  // `/list add paper:` completes too: a subcommand's options are its own.
  const subcommand = interaction.options.getSubcommand(false);
  const options = subcommand ? (definition?.subcommands?.find((s) => s.name === subcommand)?.options ?? []) : (definition?.options ?? []);
  const option = options.find((o) => o.name === focused.name);
  await interaction.respond(option?.autocomplete ? paperChoices(bot, String(focused.value)) : []);
}
