// The reading list through the command layer on a real SQLite state file: add, show, remove,
// export as BibTeX (read back by a BibTeX parser), and a restart in between; /paper … bibtex.
import bibtexParse from 'bibtex-parse';
import { afterEach, describe, expect, it } from 'vitest';
import { createPaperbot, type Paperbot } from '../../src/app.js';
import { parseListText, parseText } from '../../src/commands/parse-text.js';
import { createCommandHandler } from '../../src/commands/handle.js';
import type { CommandContext } from '../../src/digest/digest-commands.js';
import { silentLogger } from '../../src/logger.js';
import { isPrivate, type Reply } from '../../src/reply.js';
import { DATA_DIR, seed, TEST_NOW } from '../support/seed.js';
import { tempDir } from '../support/temp-state.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const alice: CommandContext = { platform: 'slack', channel: 'C1', user: 'U0ALICE', canManage: false };
const bob: CommandContext = { ...alice, user: 'U0BOB' };

async function open(file: string): Promise<Paperbot> {
  const bot = await createPaperbot({ dataDir: DATA_DIR, clock: () => TEST_NOW, logger: silentLogger, digests: { file, autoStart: false } });
  cleanups.push(() => bot.close?.());
  return bot;
}

function list(bot: Paperbot, text: string, context = alice): Reply {
  return bot.commands.handle(parseListText(text), context);
}

describe('/list', () => {
  it('GIVEN its text forms THEN each becomes the right action', () => {
    expect(parseListText('')).toEqual({ command: 'list', args: { action: 'show' } });
    expect(parseListText('add deepseek v3')).toEqual({ command: 'list', args: { action: 'add', paper: 'deepseek v3' } });
    expect(parseText('/list export')).toEqual({ ok: true, input: { command: 'list', args: { action: 'export' } } });
  });

  it('GIVEN papers added by two people THEN /list shows each with who added it and when, in order, and a repeat add is a no-op', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const bot = await open(dir.file('state.db'));
    expect(list(bot, 'add deepseek-v3')).toEqual({ kind: 'notice', text: 'Added DeepSeek-V3 to this channel\'s reading list. /list shows it, /list export gives BibTeX.' });
    expect(list(bot, 'add janus-pro', bob)).toMatchObject({ kind: 'notice' });
    expect(list(bot, 'add deepseek-v3', bob)).toEqual({ kind: 'notice', text: 'DeepSeek-V3 is already on this channel\'s reading list.' });
    const shown = list(bot, '');
    expect(shown).toMatchObject({ kind: 'reading-list', title: 'Reading list (2 papers)' });
    if (shown.kind !== 'reading-list') return;
    expect(shown.items.map((i) => [i.paper.id, i.addedBy, i.addedAt])).toEqual([
      ['deepseek-v3', 'U0ALICE', TEST_NOW.toISOString()],
      ['janus-pro', 'U0BOB', TEST_NOW.toISOString()],
    ]);
    expect(isPrivate(shown)).toBe(false);
    // Another channel has its own list.
    expect(list(bot, '', { ...alice, channel: 'C2' })).toMatchObject({ kind: 'reading-list', items: [] });
  });

  it('GIVEN a list THEN it survives a restart (the state file reopened), and remove takes a paper off', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const first = await open(dir.file('state.db'));
    list(first, 'add deepseek-v3');
    list(first, 'add janus-pro');
    await first.close?.();
    const second = await open(dir.file('state.db'));
    expect(list(second, '')).toMatchObject({ kind: 'reading-list', items: [{ paper: { id: 'deepseek-v3' } }, { paper: { id: 'janus-pro' } }] });
    expect(list(second, 'remove janus pro')).toEqual({ kind: 'notice', text: 'Removed Janus-Pro from this channel\'s reading list.' });
    expect(list(second, 'remove janus-pro')).toMatchObject({ kind: 'error', code: 'not_on_list' });
    expect(list(second, '')).toMatchObject({ items: [{ paper: { id: 'deepseek-v3' } }] });
  });

  it('GIVEN a list THEN /list export is BibTeX a parser reads as one entry per paper; an empty list says so', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const bot = await open(dir.file('state.db'));
    expect(list(bot, 'export')).toMatchObject({ kind: 'error', code: 'empty_list' });
    for (const name of ['deepseek-v3', 'janus-pro', 'deepseek-ocr']) list(bot, `add ${name}`);
    const reply = list(bot, 'export');
    expect(reply).toMatchObject({ kind: 'bibtex', title: 'BibTeX for this channel\'s reading list (3 papers)' });
    if (reply.kind !== 'bibtex') return;
    const entries = bibtexParse.entries(reply.entries.join('\n\n'));
    expect(entries.map((e) => e.type)).toEqual(['misc', 'misc', 'misc']);
    expect(entries.map((e) => e.key)).toEqual(reply.papers.map((p) => (p.date ? `${p.id}:${p.date.slice(0, 4)}` : p.id)));
    expect(entries[0]?.['TITLE']).toBe(reply.papers[0]!.title);
  });

  it('GIVEN bad input THEN clear messages: no paper, unknown paper, an ambiguous name, an unknown action, no state', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const bot = await open(dir.file('state.db'));
    expect(list(bot, 'add')).toMatchObject({ kind: 'error', message: 'Say which paper, e.g. /list add deepseek-v3.' });
    expect(list(bot, 'add zzzzqqq')).toMatchObject({ kind: 'error', code: 'not_found' });
    expect(list(bot, 'add deepseek')).toMatchObject({ kind: 'candidates' });
    expect(list(bot, 'frob')).toMatchObject({ kind: 'error', code: 'bad_input', message: expect.stringContaining('Say what to do: add, remove or export') });
    const { engine } = await seed();
    expect(createCommandHandler(engine, silentLogger).handle(parseListText(''), alice)).toMatchObject({ kind: 'error', code: 'list_unavailable' });
  });
});

describe('/paper <name> bibtex', () => {
  it('GIVEN "bibtex" after the name THEN one parseable entry for that paper, on every platform\'s input', async () => {
    const { engine } = await seed();
    const handler = createCommandHandler(engine, silentLogger);
    for (const input of [{ command: 'paper' as const, args: { name: 'deepseek-v3 bibtex' } }, { command: 'paper' as const, args: { name: 'deepseek-v3', bibtex: true } }]) {
      const reply = handler.handle(input);
      expect(reply).toMatchObject({ kind: 'bibtex', title: 'BibTeX for DeepSeek-V3', papers: [{ id: 'deepseek-v3' }] });
      if (reply.kind === 'bibtex') expect(bibtexParse.entries(reply.entries[0]!)).toMatchObject([{ type: 'misc', TITLE: reply.papers[0]!.title }]);
    }
  });
});
