// Corpus text is shown as written: Discord markdown and mention syntax are escaped or defused, and
// nothing under src/ depends on discord.js (the core stays platform-neutral).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defuseMentions, escapeText, linkLabel, linkTarget } from '../../../adapters/discord/escape.js';

const ZWSP = '\u200b';

describe('GIVEN corpus or user text with Discord markdown', () => {
  it.each([
    ['**bold** and __underline__', '\\*\\*bold\\*\\* and \\_\\_underline\\_\\_'],
    ['*it* `code` ~~gone~~ ||spoiler||', '\\*it\\* \\`code\\` \\~\\~gone\\~\\~ \\|\\|spoiler\\|\\|'],
    ['# Heading', '\\# Heading'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['> quote\n>>> block', '\\> quote\n\\>>> block'],
    ['-# subtext', '\\-# subtext'],
    // An escaped opening bracket is enough to stop a masked link.
    ['[click](https://evil.example)', '\\[click](https://evil.example)'],
    ['snake_case and 84.2 -> 97.0', 'snake\\_case and 84.2 -> 97.0'],
  ])('THEN %j is shown literally', (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });

  it('THEN mentions are defused so they neither ping nor look like a ping', () => {
    expect(defuseMentions('@everyone @here @Everyone')).toBe(`@${ZWSP}everyone @${ZWSP}here @${ZWSP}Everyone`);
    expect(defuseMentions('<@123> <@&456> <#789> </paper:1> <t:1700000000> <:emoji:1> a<b')).toBe(
      `<${ZWSP}@123> <${ZWSP}@&456> <${ZWSP}#789> <${ZWSP}/paper:1> <${ZWSP}t:1700000000> <${ZWSP}:emoji:1> a<b`,
    );
    expect(defuseMentions('mail me at someone@everyones.org')).toBe('mail me at someone@everyones.org');
  });

  it('THEN link labels cannot close the link and targets cannot end it early', () => {
    expect(linkLabel('github.com/a]b[c')).toBe('github.com/abc');
    expect(linkTarget('https://example.org/a_(b) c')).toBe('https://example.org/a_%28b%29%20c');
  });
});

describe('GIVEN the core under src/', () => {
  it('THEN no file imports discord.js or @discordjs', async () => {
    const root = path.resolve(import.meta.dirname, '../../../src');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = await readFile(path.join(root, file), 'utf8');
      expect(text, file).not.toMatch(/from\s+['"](discord\.js|@discordjs\/[^'"]+)['"]|import\(\s*['"](discord\.js|@discordjs)/);
    }
  });
});
