// Block Kit rendering of real core replies: the paper card, inferred titles, lists, answers, help
// and errors, and Slack's limits on the longest abstract and a 25-result search.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, ButtonElement } from '../../../adapters/slack/block-kit.js';
import { renderReply } from '../../../adapters/slack/blocks.js';
import { SLACK_LIMITS } from '../../../adapters/slack/limits.js';
import { createPaperbot, type Paperbot } from '../../../src/app.js';
import { createCommandHandler } from '../../../src/commands/handle.js';
import { buildCorpus } from '../../../src/corpus/load-corpus.js';
import { createEngine } from '../../../src/engine/engine.js';
import { silentLogger } from '../../../src/logger.js';
import type { Paper } from '../../../src/corpus/paper.js';
import type { Reply } from '../../../src/reply.js';
import { generateListing } from '../../support/generate-corpus.js';
import { TEST_NOW } from './support.js';
import { limitProblems } from './limit-check.js';

let bot: Paperbot;

beforeAll(async () => {
  bot = await createPaperbot({ dataDir: 'data', clock: () => TEST_NOW, logger: silentLogger });
});

function textOf(block: Block | undefined): string {
  if (block === undefined) return '';
  if (block.type === 'header' || block.type === 'section') return block.text.text;
  if (block.type === 'context') return block.elements.map((e) => e.text).join(' ');
  return '';
}

function buttons(blocks: Block[]): ButtonElement[] {
  return blocks.flatMap((b) => (b.type === 'actions' ? b.elements : b.type === 'section' && b.accessory ? [b.accessory] : []));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('the paper card', () => {
  it('GIVEN /paper deepseek-v3 THEN a header, a context line, the shortened abstract and three buttons', () => {
    const message = renderReply(bot.commands.handle({ command: 'paper', args: { name: 'deepseek-v3' } }));
    const [head, meta, abstract, row] = message.blocks;
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'actions']);
    expect(head).toEqual({ type: 'header', text: { type: 'plain_text', text: 'DeepSeek-V3 Technical Report', emoji: false } });
    expect(textOf(meta)).toBe('DeepSeek-AI, Aixin Liu, Bei Feng et al. · stanford, tsinghua · CL · 2024-12-27 · `deepseek-v3`');
    const paper = bot.corpus.papers.find((p) => p.id === 'deepseek-v3');
    expect(textOf(abstract).length).toBeLessThan(paper?.abstract.length ?? 0);
    expect(paper?.abstract.startsWith(textOf(abstract).replace(/…$/, ''))).toBe(true);
    expect(row?.type === 'actions' ? row.elements : []).toEqual([
      { type: 'button', text: { type: 'plain_text', text: 'Full abstract', emoji: false }, action_id: 'pb:full:deepseek-v3', value: 'pb:full:deepseek-v3' },
      { type: 'button', text: { type: 'plain_text', text: 'Related papers', emoji: false }, action_id: 'pb:related:deepseek-v3', value: 'pb:related:deepseek-v3' },
      { type: 'button', text: { type: 'plain_text', text: 'Code', emoji: false }, action_id: 'pb:code:deepseek-v3', url: 'https://github.com/deepseek-ai/DeepSeek-V3' },
    ]);
    expect(message.response_type).toBe('in_channel');
    expect(message.text).toBe('DeepSeek-V3 Technical Report — DeepSeek-AI, Aixin Liu, Bei Feng et al.');
  });

  it('GIVEN /paper engram (no listing names it) THEN the header marks the title as inferred and there is no Code button', () => {
    const message = renderReply(bot.commands.handle({ command: 'paper', args: { name: 'engram' } }));
    expect(textOf(message.blocks[0])).toBe('Engram (title inferred)');
    expect(textOf(message.blocks[1])).toBe('Authors not listed · undated · `engram`');
    expect(buttons(message.blocks).map((b) => b.text.text)).toEqual(['Full abstract', 'Related papers']);
    expect(message.text).toContain('(title inferred)');
  });

  it('GIVEN the full abstract of the longest abstract in the corpus THEN all of it is shown, within the section limit', () => {
    const longest = [...bot.corpus.papers].sort((a, b) => b.abstract.length - a.abstract.length)[0];
    const message = renderReply(bot.commands.handle({ command: 'paper', args: { name: longest?.id ?? '', full: true } }));
    const sectionTexts = message.blocks.filter((b) => b.type === 'section').map(textOf);
    expect(sectionTexts.join(' ')).toBe(esc(longest?.abstract ?? ''));
    expect(buttons(message.blocks).map((b) => b.text.text)).not.toContain('Full abstract');
    expect(limitProblems(message)).toEqual([]);
  });

  it('GIVEN an abstract four times the section limit THEN it spans several sections and nothing is lost', () => {
    const paper = bot.corpus.papers.find((p) => p.id === 'deepseek-v3') as Paper;
    const abstract = Array.from({ length: 1300 }, (_, i) => `word${i} <&>`).join(' ');
    const message = renderReply({ kind: 'paper', paper: { ...paper, abstract }, full: true, actions: [] });
    const sectionTexts = message.blocks.filter((b) => b.type === 'section').map(textOf);
    expect(sectionTexts.length).toBeGreaterThanOrEqual(4);
    expect(sectionTexts.join(' ')).toBe(esc(abstract));
    expect(limitProblems(message)).toEqual([]);
  });

  it('GIVEN an abstract too long for one message THEN 50 blocks, the last saying the rest does not fit', () => {
    const paper = bot.corpus.papers.find((p) => p.id === 'deepseek-v3') as Paper;
    const abstract = Array.from({ length: 40_000 }, (_, i) => `w${i}`).join(' ');
    const message = renderReply({ kind: 'paper', paper: { ...paper, abstract }, full: true, actions: [] });
    expect(message.blocks.length).toBe(SLACK_LIMITS.blocksPerMessage);
    expect(textOf(message.blocks.at(-1))).toBe('… the rest does not fit in one Slack message.');
    expect(limitProblems(message)).toEqual([]);
  });

  it('GIVEN a 150-character inferred title THEN the header stays at 150 and keeps the marker', () => {
    const paper = bot.corpus.papers.find((p) => p.id === 'engram') as Paper;
    const title = Array.from({ length: 40 }, () => 'Sparse').join(' ');
    const message = renderReply({ kind: 'paper', paper: { ...paper, title }, full: false, actions: [] });
    expect(textOf(message.blocks[0]).length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(textOf(message.blocks[0])).toMatch(/Sparse… \(title inferred\)$/);
  });
});

describe('lists, answers, help and errors', () => {
  it('GIVEN a 25-result search on a generated corpus THEN every paper is listed within 50 blocks and every limit', () => {
    const corpus = buildCorpus([{ name: '000_generated.txt', text: generateListing({ count: 300, seed: 7 }) }], () => TEST_NOW);
    const commands = createCommandHandler(createEngine(corpus), silentLogger);
    const reply = commands.handle({ command: 'search', args: { query: 'deepseek-v3', limit: 25 } });
    expect(reply.kind === 'papers' ? reply.items.length : 0).toBe(25);
    const message = renderReply(reply);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    const shown = message.blocks.map(textOf).join('\n');
    for (const item of reply.kind === 'papers' ? reply.items : []) expect(shown).toContain(`\`${item.paper.id}\``);
    expect(limitProblems(message)).toEqual([]);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  });

  it('GIVEN a 10-result search THEN one compact section per paper, a divider between, an Open button on each', () => {
    const reply = bot.commands.handle({ command: 'search', args: { query: 'mixture-of-experts' } });
    const message = renderReply(reply);
    const items = message.blocks.filter((b) => b.type === 'section').slice(1);
    expect(items.length).toBe(reply.kind === 'papers' ? reply.items.length : -1);
    expect(message.blocks.filter((b) => b.type === 'divider').length).toBe(items.length - 1);
    expect(items.every((b) => b.type === 'section' && b.accessory?.action_id.startsWith('pb:paper:'))).toBe(true);
    expect(textOf(items[0])).toMatch(/^1\. \*.+\* · `[a-z0-9-]+`/);
    expect(textOf(items[0])).toContain('a strong *Mixture*-of-*Experts* (MoE)');
  });

  it('GIVEN /ask What is MLA? THEN the answer and its numbered citations, with buttons to open the cited papers', () => {
    const message = renderReply(bot.commands.handle({ command: 'ask', args: { question: 'What is MLA?' } }));
    const all = message.blocks.map(textOf).join('\n');
    expect(textOf(message.blocks[0])).toBe('*What is MLA?*');
    expect(all).toContain('MLA is Multi-head Latent Attention.');
    expect(all).toContain('[1] *DeepSeek-V2* `deepseek-v2`: “MLA guarantees efficient inference');
    expect(all).toMatch(/\[4\] \*DeepSeek-VL2\* `deepseek-vl2`/);
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual(['pb:paper:deepseek-v2', 'pb:paper:deepseek-v3', 'pb:paper:deepseek-vl2']);
    expect(message.response_type).toBe('in_channel');
  });

  it('GIVEN an ambiguous name THEN the candidates each come with a button that opens that paper', () => {
    const reply = bot.commands.handle({ command: 'paper', args: { name: 'deepseek' } });
    const message = renderReply(reply);
    expect(reply.kind).toBe('candidates');
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual((reply.kind === 'candidates' ? reply.papers : []).map((p) => `pb:paper:${p.id}`));
  });

  it('GIVEN help and errors THEN they are ephemeral; help names the prefixed commands', () => {
    const help = renderReply(bot.commands.handle({ command: 'help', args: {} }), { commandPrefix: 'pb-' });
    expect(help.response_type).toBe('ephemeral');
    expect(help.blocks.map(textOf).join('\n')).toContain('*/pb-search &lt;query&gt;*  Search papers');
    expect(help.blocks.map(textOf).join('\n')).toContain('_e.g. /pb-paper deepseek-v3_');
    const error = renderReply(bot.commands.handle({ command: 'paper', args: { name: 'zzqx-nothing' } }));
    expect(error.response_type).toBe('ephemeral');
    expect(textOf(error.blocks[0])).toMatch(/^:warning: No paper matches “zzqx-nothing”\./);
  });

  it('GIVEN user text with <!channel>, <@U123>, a link and & THEN every mrkdwn field and the fallback carry them escaped', () => {
    const replies: Reply[] = [
      bot.commands.handle({ command: 'search', args: { query: '<!channel> <@U123> & <http://x.example|y> vision' } }),
      bot.commands.handle({ command: 'paper', args: { name: '<!channel> <@U123>' } }),
      bot.commands.handle({ command: 'ask', args: { question: '<!everyone> <@U123> what is MLA?' } }),
    ];
    for (const [i, reply] of replies.entries()) {
      const message = renderReply(reply);
      const mrkdwn = [message.text, ...message.blocks.flatMap((b) => (b.type === 'section' || b.type === 'context' ? [textOf(b)] : []))];
      for (const text of mrkdwn) {
        expect(text).not.toMatch(/[<>]/);
        expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }
      // The third is answered "nothing in the corpus answers that", without quoting the question.
      if (i < 2) expect(mrkdwn.join('\n')).toContain('&lt;@U123&gt;');
    }
  });
});
