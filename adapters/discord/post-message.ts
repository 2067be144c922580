// The digest post port for Discord: POST /channels/:id/messages through discord.js's REST client,
// which waits out 429s (Retry-After) and retries 5xx, so a rate limit delays a digest, never drops it.
import { Routes, type REST } from 'discord.js';
import type { PostPort } from '../../src/digest/scheduler.js';
import { renderReply } from './cards.js';

export function createDiscordPoster(rest: REST): PostPort {
  return async (channel, reply) => {
    const message = renderReply(reply);
    // A nonce per channel and day: Discord drops a repeat within minutes, guarding a crash between
    // the post and recording it.
    const nonce = reply.kind === 'digest' ? `d${reply.date.replace(/-/g, '')}${channel.slice(-15)}` : undefined;
    await rest.post(Routes.channelMessages(channel), {
      body: {
        ...(message.content !== undefined ? { content: message.content } : {}),
        embeds: message.embeds,
        components: message.components,
        allowed_mentions: { parse: [] },
        ...(nonce ? { nonce, enforce_nonce: true } : {}),
      },
    });
  };
}
