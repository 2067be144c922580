// "@paperbot what does MLA do?" in a channel or thread: the core answers the mention and the bot
// replies to that message where it was written, so a follow-up there keeps the paper. Messages from
// bots (this one included) and webhooks are never answered. In a watched channel, other messages
// naming papers get a compact card (watch mode).
import type { Message } from 'discord.js';
import type { Paperbot } from '../../../src/app.js';
import type { Logger } from '../../../src/logger.js';
import { renderReply } from '../cards.js';
import { describeError } from '../describe-error.js';

export function mentionsBot(message: Pick<Message, 'content' | 'mentions'>, botId: string): boolean {
  return message.mentions.users.has(botId) || new RegExp(`<@!?${botId}>`).test(message.content);
}

/** Watch mode: a compact card for papers named in a watched channel (needs the Message Content intent). */
function watchCard(bot: Paperbot, message: Message, logger: Logger): void {
  const reply = bot.watch?.onMessage({ platform: 'discord', channel: message.channelId, thread: message.channelId, text: message.content });
  if (!reply) return;
  const rendered = renderReply(reply);
  message
    .reply({ embeds: rendered.embeds, components: rendered.components, allowedMentions: { parse: [], repliedUser: false } })
    .catch((err: unknown) => logger.error({ err: describeError(err), message: message.id }, 'discord: could not post a watch-mode card'));
}

export function createMessageListener(bot: Paperbot, logger: Logger): (message: Message) => void {
  return (message) => {
    if (message.author.bot || message.webhookId !== null || message.system) return;
    const me = message.client.user?.id;
    if (!me) return;
    if (!mentionsBot(message, me)) {
      watchCard(bot, message, logger);
      return;
    }
    // The conversation is the channel the message is in: a thread is its own channel on Discord.
    const mention = { platform: 'discord', channel: message.channelId, thread: message.channelId, user: message.author.id, text: message.content };
    bot.tracker
      .run({ platform: 'discord', userId: message.author.id, channelId: message.channelId }, bot.commands, async (commands) => {
        const rendered = renderReply(bot.mentions.answer(mention, commands));
        // A message reply cannot be ephemeral: errors and "slow down" are replies like the rest.
        await message.reply({
          ...(rendered.content !== undefined ? { content: rendered.content } : {}),
          embeds: rendered.embeds,
          components: rendered.components,
          allowedMentions: { parse: [], repliedUser: false },
        });
      })
      .catch((err: unknown) => logger.error({ err: describeError(err), message: message.id }, 'discord: could not answer a mention'));
  };
}
