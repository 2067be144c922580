// Rendering replies as Discord messages: the card's parts, escaping, and — for random and
// worst-case replies — every Discord limit, checked by the fake Discord's own request validator.
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { renderReply, type DiscordReply } from '../../../adapters/discord/cards.js';
import { escapeText } from '../../../adapters/discord/escape.js';
import { embedLength } from '../../../adapters/discord/fields.js';
import { DISCORD_LIMITS } from '../../../adapters/discord/limits.js';
import type { Paperbot } from '../../../src/app.js';
import type { Paper } from '../../../src/corpus/paper.js';
import { paperActions } from '../../../src/commands/handle.js';
import { shortName, type Reply } from '../../../src/reply.js';
import { messageIssues } from '../../fakes/discord/fake-discord-validation.js';
import type { JsonObject } from '../../fakes/discord/fake-discord.js';
import { generateListing } from '../../support/generate-corpus.js';
import { paperbot, removeDir, tempDataDir } from './harness.js';

/** Every limit, checked two ways: the fake's validator (what Discord refuses) and the counts directly. */
function expectWithinLimits(message: DiscordReply): void {
  const body = JSON.parse(JSON.stringify({ content: message.content, embeds: message.embeds, components: message.components })) as JsonObject;
  expect(messageIssues(body)).toEqual([]);
  expect(message.content !== undefined || message.embeds.length > 0).toBe(true);
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  expect(message.embeds.reduce((n, e) => n + embedLength(e as Parameters<typeof embedLength>[0]), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footerText);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const f of embed.fields ?? []) {
      expect(f.name.trim().length).toBeGreaterThan(0);
      expect(f.value.trim().length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
  }
  expect(message.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
  for (const row of message.components) {
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const c of row.components) {
      if ('label' in c && c.label !== undefined) expect(c.label.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
      if ('options' in c) expect(c.options.length).toBeLessThanOrEqual(DISCORD_LIMITS.selectOptions);
    }
  }
}

const SPICY = ['**bold**', '__under__', '*it*', '`tick`', '```block```', '~~gone~~', '||spoiler||', '@everyone', '@here', '<@123456789012345678>', '<@&123456789012345678>', '# Heading', '> quote', '- item', '[link](https://evil.example)', '🧪', '👩‍🔬', '\\', 'N-gram', 'O(1)'];
const word = fc.oneof({ weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z][a-z]{0,11}$/) }, { weight: 2, arbitrary: fc.constantFrom(...SPICY) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) });
const textOf = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' ').trim() || 'x');

const paperArb: fc.Arbitrary<Paper> = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{1,20}(-[a-z0-9]{1,12}){0,4}$/),
  title: textOf(1, 90).map((t) => t.slice(0, 500)),
  titleInferred: fc.boolean(),
  authors: fc.array(textOf(1, 3), { maxLength: 300 }),
  etAl: fc.boolean(),
  affiliations: fc.array(textOf(1, 4), { maxLength: 40 }),
  category: fc.option(fc.constantFrom('CL', 'CV', 'LG', '**AI**'), { nil: null }),
  date: fc.option(fc.constantFrom('2024-12-27', '2026-01-28'), { nil: null }),
  hasCode: fc.boolean(),
  codeUrl: fc.option(fc.oneof(fc.webUrl(), fc.constant(`https://github.com/${'x'.repeat(600)}`), fc.constant('https://example.org/a_(b)_c')), { nil: null }),
  abstract: fc.oneof(textOf(1, 60), textOf(200, 2500)),
  names: fc.array(textOf(1, 2), { maxLength: 2 }),
  sources: fc.constant([{ file: 'x.txt', line: 1 }]),
});

const snippetFor = (p: Paper) => ({ text: p.abstract.slice(0, 240), highlights: [[0, Math.min(3, p.abstract.length)]] as Array<[number, number]> });

const replyArb: fc.Arbitrary<Reply> = fc.oneof(
  fc.tuple(paperArb, fc.boolean()).map(([paper, full]): Reply => ({ kind: 'paper', paper, full, actions: paperActions(paper, full) })),
  fc.tuple(fc.array(paperArb, { minLength: 1, maxLength: 30 }), textOf(1, 80), fc.boolean()).map(([papers, title, shared]): Reply => ({
    kind: 'papers',
    title,
    items: papers.map((paper) => (shared ? { paper, shared: paper.title.split(' ').slice(0, 40) } : { paper, snippet: snippetFor(paper) })),
    total: papers.length,
    more: 'Showing the first few; add words or filters to narrow it down.',
  })),
  fc.tuple(fc.array(paperArb, { minLength: 1, maxLength: 40 }), textOf(1, 200)).map(([papers, query]): Reply => ({
    kind: 'candidates',
    query,
    message: `“${query}” could be ${papers.length} papers. Which one?`,
    papers,
    actions: papers.map((p) => ({ kind: 'command', id: 'open', label: shortName(p), command: { command: 'paper', args: { name: p.id } } })),
  })),
  fc.tuple(fc.array(paperArb, { minLength: 0, maxLength: 30 }), textOf(1, 200), textOf(1, 900), fc.boolean()).map(([papers, question, text, found]): Reply => ({
    kind: 'answer',
    question,
    found,
    text,
    citations: papers.map((p) => ({ paperId: p.id, sentence: p.abstract.slice(0, 2000) })),
    papers,
  })),
  fc.tuple(textOf(1, 800), fc.array(paperArb, { maxLength: 8 })).map(([message, papers]): Reply => ({ kind: 'error', code: 'not_found', message, papers })),
);

describe('GIVEN any reply, however large or strange', () => {
  it('THEN the Discord message stays within every limit and the fake Discord accepts it', () => {
    fc.assert(
      fc.property(replyArb, (reply) => expectWithinLimits(renderReply(reply))),
      { numRuns: 150 },
    );
  });

  it('THEN no markdown or mention in corpus text survives unescaped into titles', () => {
    fc.assert(
      fc.property(paperArb, (paper) => {
        const [card] = renderReply({ kind: 'paper', paper, full: false, actions: [] }).embeds;
        expect(card?.title).not.toMatch(/(?<!\\)\*\*|@everyone|@here|<@/);
      }),
      { numRuns: 150 },
    );
  });
});

describe('GIVEN the shipped corpus', () => {
  let bot: Paperbot;
  beforeAll(async () => {
    bot = await paperbot();
  });
  const card = (reply: Reply): APIEmbed => renderReply(reply).embeds[0]!;

  it('THEN every paper, summarized and in full, renders within the limits', () => {
    for (const paper of bot.engine.papers) {
      for (const full of [false, true]) {
        const message = renderReply(bot.commands.handle({ command: 'paper', args: { name: paper.id, full } }));
        expectWithinLimits(message);
        if (full) expect(message.embeds[0]?.description).toBe(escapeText(paper.abstract));
      }
    }
  });

  it('THEN the longest abstract is shortened at a sentence on the card and whole behind "Full abstract"', () => {
    const longest = [...bot.engine.papers].sort((a, b) => b.abstract.length - a.abstract.length)[0]!;
    const summary = card(bot.commands.handle({ command: 'paper', args: { name: longest.id } }));
    expect(summary.description!.length).toBeLessThanOrEqual(420);
    // The core cuts at a sentence when one ends late enough, otherwise at a word with "…".
    expect(summary.description).toMatch(/[.…]$/);
    expect(escapeText(longest.abstract).startsWith(summary.description!.replace(/…$/, ''))).toBe(true);
    expect(summary.footer?.text).toContain('“Full abstract” shows all of it');
    expect(card(bot.commands.handle({ command: 'paper', args: { name: longest.id, full: true } })).description).toBe(escapeText(longest.abstract));
  });

  it('THEN a card lists many authors only up to a readable length, then "et al."', () => {
    const paper: Paper = { ...bot.engine.get('deepseek-v3')!, authors: Array.from({ length: 200 }, (_, i) => `Author Number${i}`), etAl: false };
    const authors = card({ kind: 'paper', paper, full: false, actions: [] }).fields?.find((f) => f.name === 'Authors')?.value;
    expect(authors).toMatch(/^Author Number0, Author Number1, .* et al\.$/);
    expect(authors!.length).toBeLessThanOrEqual(300);
  });

  it('THEN an abstract too long for one message fills the description and continuation fields, and says it was shortened', () => {
    const paper: Paper = { ...bot.engine.get('deepseek-v3')!, abstract: 'Sparse experts route tokens efficiently. '.repeat(400) };
    const message = renderReply({ kind: 'paper', paper, full: true, actions: paperActions(paper, true) });
    expectWithinLimits(message);
    const [embed] = message.embeds;
    expect(embed?.description?.length).toBeGreaterThan(3000);
    expect(embed?.fields?.[0]?.name).toBe('Abstract (continued)');
    expect(embed?.footer?.text).toContain('shortened');
  });
});

describe('GIVEN a generated corpus of 400 papers', () => {
  let dir: string;
  let bot: Paperbot;
  beforeAll(async () => {
    dir = await tempDataDir({ '000_generated.txt': generateListing({ count: 400, seed: 7 }) });
    bot = await paperbot(dir);
  });
  afterAll(() => removeDir(dir));

  it('THEN a 25-result search is one embed with 25 fields and a 25-option menu, within every limit', () => {
    const reply = bot.commands.handle({ command: 'search', args: { query: 'deepseek', limit: 25 } });
    expect(reply.kind).toBe('papers');
    const message = renderReply(reply);
    expectWithinLimits(message);
    expect(message.embeds).toHaveLength(1);
    const fields = message.embeds[0]!.fields!;
    expect(fields).toHaveLength(25);
    // Every entry keeps its number, its id and something of why it matched.
    fields.forEach((f, i) => {
      expect(f.name).toMatch(new RegExp(`^${i + 1}\\. \\S`));
      expect(f.value).toMatch(/^`[a-z0-9-]+` · /);
      expect(f.value.split('\n')[1]?.length).toBeGreaterThan(20);
    });
    const select = message.components[0]!.components[0]!;
    expect('options' in select && select.options).toHaveLength(25);
  });

  it('THEN a 25-paper "which one?" and a 25-paper related list fit as well', () => {
    const papers = bot.engine.papers.slice(0, 40);
    expectWithinLimits(renderReply({ kind: 'candidates', query: 'x', message: '“x” could be 40 papers. Which one?', papers, actions: [] }));
    const related = bot.commands.handle({ command: 'related', args: { paper: papers[0]!.id, limit: 25 } });
    expectWithinLimits(renderReply(related));
  });
});

describe('GIVEN a paper whose title is full of markdown and mentions', () => {
  it('THEN the card shows it literally', async () => {
    const listing = await readFile(new URL('./fixtures/markdown-listing.txt', import.meta.url), 'utf8');
    const dir = await tempDataDir({ '000_listing.txt': listing });
    try {
      const bot = await paperbot(dir);
      const [embed] = renderReply(bot.commands.handle({ command: 'paper', args: { name: 'bold-claims-everyone' } })).embeds;
      expect(embed?.title).toBe('\\*\\*Bold\\*\\* Claims @\u200beveryone: Breaking \\_Cards\\_ with Markdown');
      expect(embed?.description).toContain('a title with \\*\\*bold\\*\\* text and an @\u200beveryone mention');
    } finally {
      await removeDir(dir);
    }
  });
});
