import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/commands/handle.js';
import { parseText } from '../../src/commands/parse-text.js';
import { decodeActionId, encodeActionId } from '../../src/commands/action-id.js';
import { replyJson } from '../../src/commands/reply-json.js';
import { createRecordingLogger } from '../../src/logger.js';
import { errorReply, type Reply } from '../../src/reply.js';
import type { Engine } from '../../src/engine/engine.js';
import { seed } from '../support/seed.js';

async function run(line: string): Promise<Reply> {
  const { engine } = await seed();
  const handler = createCommandHandler(engine, createRecordingLogger());
  const parsed = parseText(line);
  return parsed.ok ? handler.handle(parsed.input) : errorReply(parsed.code, parsed.message);
}

describe('commands', () => {
  it('GIVEN /paper deepseek-v3 THEN its card with Full abstract, Related and Code actions', async () => {
    const reply = await run('/paper deepseek-v3');
    expect(reply.kind).toBe('paper');
    if (reply.kind !== 'paper') return;
    expect(reply.paper.id).toBe('deepseek-v3');
    expect(reply.actions.map((a) => a.label)).toEqual(['Full abstract', 'Related papers', 'Code']);
  });

  it('GIVEN /paper with an ambiguous name THEN candidates, each with an action that opens it', async () => {
    const reply = await run('/paper deepseek-co');
    expect(reply).toMatchObject({ kind: 'candidates', message: '“deepseek-co” could be 2 papers. Which one?' });
    if (reply.kind === 'candidates') expect(reply.actions.map((a) => (a.kind === 'command' ? a.command : null))).toEqual([
      { command: 'paper', args: { name: reply.papers[0]!.id } },
      { command: 'paper', args: { name: reply.papers[1]!.id } },
    ]);
  });

  it('GIVEN a name shared by more papers than fit THEN the true count', async () => {
    const reply = await run('/paper deepseek');
    expect(reply).toMatchObject({ kind: 'candidates', message: '“deepseek” could be 11 papers. Which one?' });
    if (reply.kind === 'candidates') expect(reply.papers).toHaveLength(11);
  });

  it('GIVEN /search, /ask, /related and /help THEN their kinds of reply', async () => {
    expect((await run('/search mixture-of-experts')).kind).toBe('papers');
    expect((await run('/ask What is MLA?')).kind).toBe('answer');
    expect((await run('/related deepseek-v3')).kind).toBe('papers');
    expect((await run('/help')).kind).toBe('help');
  });

  it('GIVEN /paper x --full THEN the card asks for the whole abstract', async () => {
    expect(await run('/paper engram --full')).toMatchObject({ kind: 'paper', full: true });
  });

  it('GIVEN plain text THEN a question is asked and a name is looked up', async () => {
    expect((await run('what is MLA?')).kind).toBe('answer');
    expect(await run('janus-pro')).toMatchObject({ kind: 'paper', paper: { id: 'janus-pro' } });
  });

  it('GIVEN a card action id THEN it round-trips to the command', () => {
    const id = encodeActionId({ command: 'paper', args: { name: 'deepseek-v3', full: true } })!;
    expect(id).toBe('pb:full:deepseek-v3');
    expect(decodeActionId(id)).toEqual({ command: 'paper', args: { name: 'deepseek-v3', full: true } });
    expect(decodeActionId('pb:related:deepseek-v3')).toEqual({ command: 'related', args: { paper: 'deepseek-v3' } });
    expect(decodeActionId('pb:full:../../etc')).toBeNull();
    expect(decodeActionId('something-else')).toBeNull();
  });
});

describe('bad input gets a clear message, never a crash', () => {
  it.each([
    ['', 'empty', 'Type a command, e.g. /paper deepseek-v3. /help lists them all.'],
    ['   ', 'empty', 'Type a command, e.g. /paper deepseek-v3. /help lists them all.'],
    ['/paper', 'bad_input', 'The paper name is empty. Example: /paper deepseek-v3'],
    ['/search   ', 'bad_input', 'The search is empty. Example: /search mixture-of-experts has:code'],
    ['/ask', 'bad_input', 'The question is empty. Example: /ask What is MLA?'],
    ['/frobnicate now', 'unknown_command', 'There is no /frobnicate command. Commands: /paper <name>, /search <query>, /ask <question>, /related <paper>, /digest <subscribe|unsubscribe|time|quiet|preview|status>, /list [add|remove|export] [paper], /watch <on|off|status>, /help.'],
    [`/search ${'a'.repeat(1200)}`, 'too_long', 'That is 1,200 characters; keep it under 1,000.'],
    [`${'why '.repeat(300)}?`, 'too_long', 'That is 1,201 characters; keep it under 1,000.'],
    ['/search year:20x4', 'bad_filter', 'year:20x4 is not a year; use four digits, e.g. year:2024.'],
  ])('GIVEN %j THEN the error %s', async (line, code, message) => {
    expect(await run(line)).toEqual({ kind: 'error', code, message, papers: [] });
  });

  it.each([
    '/search (.*+?[',
    '/search author:"Haoran Wei',
    '/paper 🙂🧪📄',
    '/search 🙂🧪📄',
    '/ask 🙂?',
    '/paper @everyone',
    '/search @here <!channel> <@U123> <@&987>',
    '/ask <!channel> what is @everyone?',
    '/related \u0000\u0007\u001b[31mred',
    '/paper \\',
    '/search "',
    '/search -',
  ])('GIVEN the odd input %j THEN a reply for a person, no exception, no stack trace', async (line) => {
    const reply = await run(line);
    const text = JSON.stringify(replyJson(reply));
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|Error:|undefined|NaN/);
    if (reply.kind === 'error') expect(reply.message.length).toBeGreaterThan(10);
  });

  it('GIVEN an overlong argument from a chat platform THEN the validation message', async () => {
    const { engine } = await seed();
    const reply = createCommandHandler(engine, createRecordingLogger()).handle({ command: 'ask', args: { question: 'why '.repeat(300) } });
    expect(reply).toEqual({ kind: 'error', code: 'bad_input', message: 'The question is longer than 1,000 characters. Example: /ask What is MLA?', papers: [] });
  });

  it('GIVEN an engine that throws THEN a short apology and exactly one log line', () => {
    const logger = createRecordingLogger();
    const broken = { lookup: () => { throw new Error('disk on fire'); } } as unknown as Engine;
    const reply = createCommandHandler(broken, logger).handle({ command: 'paper', args: { name: 'x' } });
    expect(reply).toEqual({ kind: 'error', code: 'internal', message: 'Sorry, something went wrong answering that. It has been logged.', papers: [] });
    expect(logger.records).toHaveLength(1);
    expect(logger.records[0]).toMatchObject({ level: 'error', msg: 'command failed' });
  });
});

describe('replyJson', () => {
  it('GIVEN an answer THEN citations are the cited paper ids, quotes the sentences', async () => {
    const json = replyJson(await run('/ask How many total parameters does DeepSeek-V3 have?')) as { ok: boolean; answer: { citations: string[]; quotes: unknown[] } };
    expect(json.ok).toBe(true);
    expect(json.answer.citations).toEqual(['deepseek-v3']);
    expect(json.answer.quotes).toHaveLength(1);
  });
});
