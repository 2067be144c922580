// "@paperbot what does MLA do?": the core answers the mention, and the reply goes to the thread
// (thread_ts), so a follow-up there keeps the thread's paper. Bots, this one included, are ignored.
import type { App } from '@slack/bolt';
import { asPaperbotError } from '../../../../src/errors.js';
import { isPrivate } from '../../../../src/reply.js';
import { redact } from '../../bolt-logger.js';
import { toKnownBlocks } from '../../block-kit.js';
import { renderReply } from '../../blocks.js';
import { deliveryKeys } from '../../dedupe.js';
import { unescapeSlackText } from '../../escape.js';
import type { ListenerDeps } from '../listener-deps.js';

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, body, context, client }) => {
    if (event.bot_id !== undefined || !event.user || event.user === context.botUserId) return;
    // Retries (HTTP mode) and redelivered envelopes carry the same event id and envelope id.
    if (!deps.seen.isFirst(deliveryKeys({ teamId: body.team_id, triggerId: `event-${body.event_id}`, envelopeId: context['envelopeId'] }))) return;
    const user = event.user;
    const channel = event.channel;
    const thread = event.thread_ts ?? event.ts;
    await deps.bot.tracker
      .run({ platform: 'slack', userId: user, channelId: channel }, deps.bot.commands, async (commands) => {
        const reply = deps.bot.mentions.answer({ platform: 'slack', channel, thread, user, text: unescapeSlackText(event.text) }, commands);
        const message = renderReply(reply, { commandPrefix: deps.commandPrefix });
        const blocks = toKnownBlocks(message.blocks);
        // Errors (and "slow down") only for the person who asked, in the thread.
        if (isPrivate(reply)) await client.chat.postEphemeral({ channel, user, thread_ts: thread, text: message.text, blocks });
        else await client.chat.postMessage({ channel, thread_ts: thread, text: message.text, blocks, unfurl_links: false, unfurl_media: false });
      })
      .catch((err: unknown) => {
        const error = asPaperbotError(err, 'slack_reply');
        deps.logger.error({ event: 'app_mention', code: error.code, error: redact(error.message) }, 'slack: could not answer a mention');
      });
  });
}
