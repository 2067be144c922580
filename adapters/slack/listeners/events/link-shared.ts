// Slack link unfurls: a pasted arXiv or code link of a corpus paper (link_shared) is shown as the
// paper's compact card with chat.unfurl. Links to anything else are left to Slack.
import type { App } from '@slack/bolt';
import { spotPapers } from '../../../../src/watch/spot-papers.js';
import { redact } from '../../bolt-logger.js';
import { toKnownBlocks } from '../../block-kit.js';
import { renderReply } from '../../blocks.js';
import type { ListenerDeps } from '../listener-deps.js';

export function register(app: App, deps: ListenerDeps): void {
  app.event('link_shared', async ({ event, client }) => {
    const unfurls: Record<string, { blocks: ReturnType<typeof toKnownBlocks> }> = {};
    for (const link of event.links) {
      // Only a link that is itself a paper's (spotPapers reads URLs before names).
      const [paper] = spotPapers(deps.bot.engine, link.url);
      if (!paper) continue;
      const message = renderReply({ kind: 'papers', title: paper.title, items: [{ paper }], total: 1 }, { commandPrefix: deps.commandPrefix });
      unfurls[link.url] = { blocks: toKnownBlocks(message.blocks) };
    }
    if (Object.keys(unfurls).length === 0) return;
    await client.chat
      .unfurl({ channel: event.channel, ts: event.message_ts, unfurls })
      .catch((err: unknown) => deps.logger.error({ event: 'link_shared', error: redact(err instanceof Error ? err.message : String(err)) }, 'slack: could not unfurl a paper link'));
  });
}
