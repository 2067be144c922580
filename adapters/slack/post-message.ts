// The digest post port for Slack: chat.postMessage through Bolt's WebClient, which waits out
// 429s (Retry-After) and retries, so a rate limit delays a digest, never drops it.
import type { App } from '@slack/bolt';
import type { PostPort } from '../../src/digest/scheduler.js';
import { toKnownBlocks } from './block-kit.js';
import { renderReply } from './blocks.js';

export function createSlackPoster(app: App, commandPrefix: string): PostPort {
  return async (channel, reply) => {
    const message = renderReply(reply, { commandPrefix });
    await app.client.chat.postMessage({ channel, text: message.text, blocks: toKnownBlocks(message.blocks), unfurl_links: false, unfurl_media: false });
  };
}
