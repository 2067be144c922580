// Watch mode on Slack: a person's message in a watched channel that names or links a corpus paper
// gets a compact card in its thread. Bots (this one included), edits and other subtypes are skipped,
// and so are mentions of the bot, which app_mention answers.
import type { App } from '@slack/bolt';
import { redact } from '../../bolt-logger.js';
import { toKnownBlocks } from '../../block-kit.js';
import { renderReply } from '../../blocks.js';
import { unescapeSlackText } from '../../escape.js';
import type { ListenerDeps } from '../listener-deps.js';

export function register(app: App, deps: ListenerDeps): void {
  const watch = deps.bot.watch;
  if (!watch) return;
  app.event('message', async ({ event, context, client }) => {
    if (event.subtype !== undefined || event.bot_id !== undefined || !event.user || event.user === context.botUserId) return;
    const text = event.text ?? '';
    if (context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    const thread = event.thread_ts ?? event.ts;
    const reply = watch.onMessage({ platform: 'slack', channel: event.channel, thread, text: unescapeSlackText(text) });
    if (!reply) return;
    const message = renderReply(reply, { commandPrefix: deps.commandPrefix });
    await client.chat
      .postMessage({ channel: event.channel, thread_ts: thread, text: message.text, blocks: toKnownBlocks(message.blocks), unfurl_links: false, unfurl_media: false })
      .catch((err: unknown) => deps.logger.error({ event: 'message', error: redact(err instanceof Error ? err.message : String(err)) }, 'slack: could not post a watch-mode card'));
  });
}
