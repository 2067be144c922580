// A digest rendered for each platform stays within that platform's limits, however long the
// titles and however many papers, and a day with nothing new is one line.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigestReply, oneLineSummary } from '../../src/digest/digest-reply.js';
import type { Paper } from '../../src/corpus/paper.js';
import { renderReply as discordRender } from '../../adapters/discord/cards.js';
import { renderReply as slackRender } from '../../adapters/slack/blocks.js';
import { renderText } from '../../adapters/console/render-text.js';
import { messageIssues } from '../fakes/discord/fake-discord-validation.js';
import { limitProblems } from '../adapters/slack/limit-check.js';
import type { JsonObject } from '../fakes/discord/fake-discord.js';
import { seed } from '../support/seed.js';

let papers: Paper[];
beforeAll(async () => {
  papers = [...(await seed()).engine.papers];
});

describe('the digest message', () => {
  it('GIVEN 25 papers with very long titles and a long topic THEN Discord and Slack accept the message', () => {
    const long = papers.map((p, i) => ({ ...p, id: `${p.id}-${i}`, title: `${p.title} ${'and a very long subtitle '.repeat(20)}`, url: `https://arxiv.org/abs/2611.${String(i).padStart(5, '0')}` }));
    const all = [...long, ...long].slice(0, 40);
    const reply = buildDigestReply({ date: '2026-11-22', topic: 'mixture-of-experts '.repeat(20).trim(), papers: all, maxPapers: 25, preview: false });
    const discord = discordRender(reply);
    expect(messageIssues({ embeds: discord.embeds, components: discord.components } as unknown as JsonObject)).toEqual([]);
    expect(discord.ephemeral).toBe(false);
    const slack = slackRender(reply);
    expect(limitProblems(slack)).toEqual([]);
    expect(slack.response_type).toBe('in_channel');
    expect(JSON.stringify(slack.blocks)).toContain('…and 15 more');
  });

  it('GIVEN nothing new THEN one line on every platform, never an empty message', () => {
    const reply = buildDigestReply({ date: '2026-11-22', topic: null, papers: [], maxPapers: 10, preview: false });
    expect(renderText(reply)).toBe('Paper digest, 2026-11-22: nothing new since the last digest');
    const discord = discordRender(reply);
    expect(discord.embeds).toEqual([{ title: 'Paper digest, 2026-11-22: nothing new since the last digest', color: expect.any(Number) }]);
    const slack = slackRender(reply);
    expect(slack.blocks).toHaveLength(1);
    expect(slack.text).toContain('nothing new since the last digest');
  });

  it('GIVEN an abstract THEN its one-line summary is the first sentence, cut at a word', () => {
    expect(oneLineSummary('We present X. It is fast.')).toBe('We present X.');
    const summary = oneLineSummary(`We present ${'a very long sentence '.repeat(20)}and stop.`);
    expect(summary.length).toBeLessThanOrEqual(141);
    expect(summary.endsWith('…')).toBe(true);
  });
});
