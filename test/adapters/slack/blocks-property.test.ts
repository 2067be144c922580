// Property: whatever the corpus and the people type, a rendered reply stays within every Slack
// limit and every mrkdwn field is escaped (fast-check over generated replies).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../adapters/slack/blocks.js';
import { paperActions } from '../../../src/commands/handle.js';
import { COMMANDS } from '../../../src/commands/definitions.js';
import type { Paper } from '../../../src/corpus/paper.js';
import type { Action, Reply } from '../../../src/reply.js';
import { limitProblems, mrkdwnOf } from './limit-check.js';

// Characters that stress escaping, formatting, counting and splitting.
const unit = fc.constantFrom('a', 'b', 'Z', ' ', ' ', '\n', '<', '>', '&', '*', '_', '~', '`', '!channel', '@U123', 'é', '😀', '·', '-', '.');
// 'large' sizes so strings and lists often reach their limits (fast-check's default stays small).
const text = (maxLength: number, minLength = 1) => fc.string({ unit, minLength, maxLength, size: 'large' });
const paperId = fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,12}){0,5}$/);

const paper: fc.Arbitrary<Paper> = fc.record({
  id: paperId,
  title: text(500),
  titleInferred: fc.boolean(),
  authors: fc.array(text(80), { maxLength: 40, size: 'large' }),
  etAl: fc.boolean(),
  affiliations: fc.array(text(60), { maxLength: 10 }),
  category: fc.option(text(10), { nil: null }),
  date: fc.option(fc.constantFrom('2024-12-27', '2026-01-28'), { nil: null }),
  hasCode: fc.boolean(),
  codeUrl: fc.option(fc.oneof(fc.webUrl(), fc.constant(`https://github.com/${'x'.repeat(3100)}`)), { nil: null }),
  abstract: text(8000),
  names: fc.array(text(40), { minLength: 0, maxLength: 3 }),
  sources: fc.constant([{ file: 'x.txt', line: 1 }]),
});

const snippet = text(400).chain((s) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: Math.max(0, s.length) }), { maxLength: 12 })
    .map((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      const highlights: Array<[number, number]> = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) highlights.push([sorted[i] ?? 0, sorted[i + 1] ?? 0]);
      return { text: s, highlights };
    }),
);

const openAction = (p: Paper): Action => ({ kind: 'command', id: 'open', label: p.names[0] ?? p.title, command: { command: 'paper', args: { name: p.id } } });

const reply: fc.Arbitrary<Reply> = fc.oneof(
  fc.tuple(paper, fc.boolean()).map(([p, full]): Reply => ({ kind: 'paper', paper: p, full, actions: paperActions(p, full) })),
  fc
    .record({
      title: text(200),
      items: fc.array(fc.record({ paper, snippet: fc.option(snippet, { nil: undefined }), shared: fc.option(fc.array(text(30), { maxLength: 8 }), { nil: undefined }) }), { minLength: 1, maxLength: 60, size: 'max' }),
      more: fc.option(text(200), { nil: undefined }),
    })
    .map(({ title, items, more }): Reply => ({
      kind: 'papers',
      title,
      items: items.map((i) => ({ paper: i.paper, ...(i.snippet ? { snippet: i.snippet } : {}), ...(i.shared ? { shared: i.shared } : {}) })),
      total: items.length,
      ...(more ? { more } : {}),
    })),
  fc.record({ query: text(1000), message: text(600), papers: fc.array(paper, { minLength: 1, maxLength: 40, size: 'large' }) }).map(
    ({ query, message, papers }): Reply => ({ kind: 'candidates', query, message, papers, actions: papers.map(openAction) }),
  ),
  fc
    .record({ question: text(1000), found: fc.boolean(), text: text(5000), papers: fc.array(paper, { maxLength: 12 }), sentences: fc.array(text(400), { maxLength: 40, size: 'large' }) })
    .map(({ question, found, text: answer, papers, sentences }): Reply => ({
      kind: 'answer',
      question,
      found,
      text: answer,
      papers,
      citations: sentences.map((sentence, i) => ({ paperId: papers[i % Math.max(1, papers.length)]?.id ?? 'missing-paper', sentence })),
    })),
  text(2000).map((t): Reply => ({ kind: 'help', text: t, commands: COMMANDS.map((c) => ({ usage: c.usage, description: c.description, example: c.example })) })),
  fc.record({ code: fc.constantFrom('not_found', 'bad_input', 'internal'), message: text(3000), papers: fc.array(paper, { maxLength: 10 }) }).map(
    ({ code, message, papers }): Reply => ({ kind: 'error', code, message, papers }),
  ),
);

describe('rendered replies', () => {
  it('GIVEN any reply THEN Slack accepts it: 50 blocks, 3,000-character sections, 150-character headers, 75-character buttons, 2,000-character fallback', () => {
    fc.assert(
      fc.property(reply, fc.constantFrom('', 'pb-', 'abcdefghij'), (r, prefix) => {
        const message = renderReply(r, { commandPrefix: prefix });
        expect(limitProblems(message)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('GIVEN any reply THEN no mrkdwn field has a raw < or >, and every & starts an entity', () => {
    fc.assert(
      fc.property(reply, (r) => {
        for (const mrkdwn of mrkdwnOf(renderReply(r))) {
          expect(mrkdwn).not.toMatch(/[<>]/);
          expect(mrkdwn).not.toMatch(/&(?!amp;|lt;|gt;)/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
