// Turns a rendered reply into the options discord.js sends, so every handler answers the same way.
import { MessageFlags, type InteractionReplyOptions, type InteractionUpdateOptions } from 'discord.js';
import type { DiscordReply } from '../cards.js';

export function replyOptions(message: DiscordReply): InteractionReplyOptions {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Options that replace a message in place; `content: ''` clears any text the old one had. */
export function updateOptions(message: DiscordReply): InteractionUpdateOptions {
  return { content: message.content ?? '', embeds: message.embeds, components: message.components };
}
