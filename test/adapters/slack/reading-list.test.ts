// The reading list on Slack through the real adapter and the fake Slack: /list add, /list and
// /list export from a channel, and /paper <name> bibtex.
import bibtexParse from 'bibtex-parse';
import { afterEach, describe, expect, it } from 'vitest';
import { createPaperbot } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { start } from '../../../adapters/slack/index.js';
import { createFakeSlack } from '../../fakes/slack/fake-slack.js';
import { tempDir } from '../../support/temp-state.js';
import { DATA_DIR, TEST_NOW } from '../../support/seed.js';
import { APP_TOKEN, BOT_TOKEN, mrkdwnStrings } from './support.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The BibTeX inside the reply's code sections, Slack's escaping undone. */
function bibtexOf(body: Record<string, unknown>): string {
  return mrkdwnStrings(body)
    .filter((s) => s.startsWith('```'))
    .map((s) => s.slice(3, -3).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
    .join('\n\n');
}

describe('the Slack adapter with reading lists', () => {
  it('GIVEN /list add, /list and /list export in a channel THEN the list shows who added each paper and the export parses as BibTeX', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const bot = await createPaperbot({ dataDir: DATA_DIR, clock: () => TEST_NOW, logger: silentLogger, digests: { file: dir.file('paperbot.db'), autoStart: false } });
    cleanups.push(() => bot.close?.());
    const slack = await createFakeSlack();
    cleanups.push(() => slack.close());
    const adapter = await start(bot, parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl }), silentLogger, { clientPingTimeoutMs: 600 });
    cleanups.push(() => adapter.stop());
    await slack.waitForSocket();
    const send = async (command: string, text: string) => {
      const delivery = slack.sendSlashCommand({ command, text, channel_id: 'C0PAPERS', user_id: 'U0ALICE' });
      return (await slack.waitForResponse(delivery.responseUrlId)).body;
    };
    const added = await send('/list', 'add janus-pro');
    expect(added['response_type']).toBe('ephemeral');
    expect(mrkdwnStrings(added).join(' ')).toContain('Added Janus-Pro to this channel\'s reading list.');
    const shown = await send('/list', '');
    expect(shown['response_type']).toBe('in_channel');
    expect(mrkdwnStrings(shown).join('\n')).toMatch(/`janus-pro`\nadded by <@U0ALICE> on 2026-11-22/);
    expect(bibtexParse.entries(bibtexOf(await send('/list', 'export')))).toMatchObject([{ key: expect.stringMatching(/^janus-pro(:\d{4})?$/), type: 'misc' }]);
    expect(bibtexParse.entries(bibtexOf(await send('/paper', 'deepseek-v3 bibtex')))).toMatchObject([{ key: 'deepseek-v3:2024', TITLE: 'DeepSeek-V3 Technical Report' }]);
  });
});
