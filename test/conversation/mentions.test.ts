// Mentions through the core: the mention stripped, a question asked, a name looked up, and a
// follow-up in the same thread about the paper the thread last showed; the thread memory's bounds.
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/commands/handle.js';
import { createMentions, stripMentions, type Mention } from '../../src/conversation/mentions.js';
import { createThreadMemory } from '../../src/conversation/thread-memory.js';
import { silentLogger } from '../../src/logger.js';
import { seed } from '../support/seed.js';

async function setup() {
  const { engine } = await seed();
  const handled: unknown[] = [];
  const inner = createCommandHandler(engine, silentLogger);
  const commands = { handle: (input: Parameters<typeof inner.handle>[0], context?: Parameters<typeof inner.handle>[1]) => (handled.push(input), inner.handle(input, context)) };
  return { mentions: createMentions(createThreadMemory({ now: () => 0 })), commands, handled };
}

const at = (text: string, thread = 'T1'): Mention => ({ platform: 'slack', channel: 'C1', thread, user: 'U1', text });

describe('mentions', () => {
  it('GIVEN Slack and Discord mention tokens THEN they are stripped from the text', () => {
    expect(stripMentions('<@U0BOT> what does MLA do?')).toBe('what does MLA do?');
    expect(stripMentions('<@!123456789> janus-pro <@U0BOT|paperbot>')).toBe('janus-pro');
  });

  it('GIVEN a question or a paper name THEN ask or lookup answers it; an empty mention gets help', async () => {
    const { mentions, commands } = await setup();
    expect(mentions.answer(at('<@U0BOT> what does MLA do?'), commands)).toMatchObject({ kind: 'answer', found: true });
    expect(mentions.answer(at('<@U0BOT> janus-pro'), commands)).toMatchObject({ kind: 'paper', paper: { id: 'janus-pro' } });
    expect(mentions.answer(at('<@U0BOT>'), commands)).toMatchObject({ kind: 'help' });
  });

  it('GIVEN a DeepSeek-V3 card in a thread THEN "how many parameters?" there is asked about DeepSeek-V3, and not in another thread', async () => {
    const { mentions, commands, handled } = await setup();
    expect(mentions.answer(at('<@U0BOT> deepseek-v3'), commands)).toMatchObject({ kind: 'paper', paper: { id: 'deepseek-v3' } });
    const followUp = mentions.answer(at('<@U0BOT> how many parameters?'), commands);
    expect(handled.at(-1)).toEqual({ command: 'ask', args: { question: 'how many parameters?', contextPaperId: 'deepseek-v3' } });
    expect(followUp).toMatchObject({ kind: 'answer', found: true });
    if (followUp.kind === 'answer') expect(followUp.text).toContain('671B');
    mentions.answer(at('<@U0BOT> how many parameters?', 'T2'), commands);
    expect(handled.at(-1)).toEqual({ command: 'ask', args: { question: 'how many parameters?' } });
  });

  it('GIVEN the thread memory THEN it holds at most maxThreads and forgets a paper after the TTL', () => {
    let t = 0;
    const threads = createThreadMemory({ maxThreads: 2, ttlMs: 1000, now: () => t });
    threads.remember('a', 'p1');
    threads.remember('b', 'p2');
    threads.remember('c', 'p3');
    expect(threads.size).toBe(2);
    expect(threads.recall('a')).toBeUndefined();
    expect(threads.recall('b')).toBe('p2');
    t = 1001;
    expect(threads.recall('c')).toBeUndefined();
  });
});
