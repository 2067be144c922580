// Buttons and select menus: the custom_id (or chosen option) is the command to run. Results go
// only to the person who clicked, so anyone can use an old card without flooding the channel;
// a pick from "which paper did you mean?" instead replaces the question with the chosen card.
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { Paperbot } from '../../../src/app.js';
import { decodeActionId } from '../../../src/commands/action-id.js';
import { errorReply, isPrivate } from '../../../src/reply.js';
import { renderReply } from '../cards.js';
import { OPEN_ID, PICK_ID } from '../components.js';
import { replyOptions, updateOptions } from './respond.js';

export async function handleComponent(interaction: ButtonInteraction | StringSelectMenuInteraction, bot: Paperbot): Promise<void> {
  const select = interaction.isStringSelectMenu();
  const known = !select || interaction.customId === PICK_ID || interaction.customId === OPEN_ID;
  const input = known ? decodeActionId(select ? (interaction.values[0] ?? '') : interaction.customId) : null;
  const reply = input
    ? bot.commands.handle(input)
    : errorReply('stale_component', 'This button is from an older paperbot and does nothing now. Try the slash command instead.');
  const message = renderReply(reply);
  if (select && interaction.customId === PICK_ID && !isPrivate(reply)) {
    await interaction.update(updateOptions(message));
    return;
  }
  await interaction.reply(replyOptions({ ...message, ephemeral: true }));
}
