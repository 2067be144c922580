// Slack link unfurls through the real adapter and the fake Slack: a pasted code link of a corpus
// paper (link_shared) gets the paper's card with chat.unfurl; an unknown link gets nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createPaperbot } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { start } from '../../../adapters/slack/index.js';
import { createFakeSlack } from '../../fakes/slack/fake-slack.js';
import { DATA_DIR, TEST_NOW } from '../../support/seed.js';
import { APP_TOKEN, BOT_TOKEN, mrkdwnStrings } from './support.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the Slack adapter and link unfurls', () => {
  it('GIVEN link_shared with a known paper\'s code link and an unknown link THEN chat.unfurl shows that paper for the known link only', async () => {
    const bot = await createPaperbot({ dataDir: DATA_DIR, clock: () => TEST_NOW, logger: silentLogger });
    const paper = bot.corpus.papers.find((p) => p.codeUrl?.includes('github.com'))!;
    const slack = await createFakeSlack();
    cleanups.push(() => slack.close());
    const adapter = await start(bot, parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl }), silentLogger, { clientPingTimeoutMs: 600 });
    cleanups.push(() => adapter.stop());
    await slack.waitForSocket();
    slack.sendEvent({ type: 'link_shared', channel: 'C0PAPERS', user: 'U0ALICE', message_ts: '1700000000.000100', links: [{ domain: 'github.com', url: paper.codeUrl }, { domain: 'example.com', url: 'https://example.com/nothing' }] });
    const unfurl = await slack.waitForCall('chat.unfurl');
    expect(unfurl.args).toMatchObject({ channel: 'C0PAPERS', ts: '1700000000.000100' });
    const unfurls = unfurl.args['unfurls'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(unfurls)).toEqual([paper.codeUrl]);
    expect(mrkdwnStrings(unfurls[paper.codeUrl!]!).join(' ')).toContain(paper.id);
  });
});
