// Slash commands: the options become a CommandInput, the core answers, the card goes back at once
// (the core is synchronous and fast, well inside Discord's 3-second window, so no defer is needed).
import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Paperbot } from '../../../src/app.js';
import type { CommandInput } from '../../../src/commands/command.js';
import type { CommandContext } from '../../../src/digest/digest-commands.js';
import { commandDefinition } from '../../../src/commands/definitions.js';
import { errorReply, type Reply } from '../../../src/reply.js';
import { renderReply } from '../cards.js';
import { replyOptions } from './respond.js';

/** The core input for a slash command, built from the same definitions the commands were registered from. */
export function commandInput(interaction: Pick<ChatInputCommandInteraction, 'commandName' | 'options'>): CommandInput | null {
  const definition = commandDefinition(interaction.commandName);
  if (!definition) return null;
  const args: Record<string, string | number | boolean> = {};
  if (definition.subcommands) {
    // `/digest time time:09:00 zone:Europe/Berlin`: the subcommand is the action, its options the rest.
    const action = interaction.options.getSubcommand(false);
    const sub = definition.subcommands.find((s) => s.name === action);
    if (!sub) return null;
    args['action'] = sub.name;
    for (const option of sub.options) {
      const value = interaction.options.get(option.name)?.value;
      if (value !== undefined) args[option.name] = value;
    }
    return { command: definition.name, args } as CommandInput;
  }
  for (const option of definition.options) {
    const value = interaction.options.get(option.name)?.value;
    if (value !== undefined) args[option.name] = value;
  }
  // The core validates every input with zod, so the shape only has to be plausible here.
  return { command: definition.name, args } as CommandInput;
}

/** Who asks and where; only members who can manage the channel may change its digest (in a DM, the person). */
export function commandContext(interaction: Pick<ChatInputCommandInteraction, 'channelId' | 'user' | 'memberPermissions' | 'inGuild'>): CommandContext {
  return {
    platform: 'discord',
    channel: interaction.channelId,
    user: interaction.user.id,
    canManage: interaction.inGuild() ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true,
    whoCanManage: 'members with the Manage Channels permission',
  };
}

export async function handleCommand(interaction: ChatInputCommandInteraction, bot: Paperbot): Promise<void> {
  const input = commandInput(interaction);
  const reply: Reply = input
    ? bot.commands.handle(input, commandContext(interaction))
    : errorReply('unknown_command', `paperbot has no /${interaction.commandName} command any more. Ask an admin to run “paperbot discord register”.`);
  await interaction.reply(replyOptions(renderReply(reply)));
}
