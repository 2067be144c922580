// The reading list on Discord through the real adapter and the fake Discord: /list add and
// /list show as subcommands, and /list export as a BibTeX code block.
import bibtexParse from 'bibtex-parse';
import { describe, expect, it } from 'vitest';
import { createPaperbot } from '../../../src/app.js';
import { silentLogger } from '../../../src/logger.js';
import { tempDir } from '../../support/temp-state.js';
import { DATA_DIR, TEST_NOW } from '../../support/seed.js';
import { messageOf, startHarness, useDiscordHarness } from './harness.js';

useDiscordHarness();

const EPHEMERAL = 1 << 6;

describe('GIVEN the Discord adapter with a state file', () => {
  it('WHEN /list add, /list show and /list export are used THEN a private confirmation, the list with who added it, and BibTeX that parses', async () => {
    const dir = tempDir();
    const bot = await createPaperbot({ dataDir: DATA_DIR, clock: () => TEST_NOW, logger: silentLogger, digests: { file: dir.file('paperbot.db'), autoStart: false } });
    try {
      const h = await startHarness({ wrap: () => bot });
      const list = async (sub: string, options: Record<string, string> = {}) =>
        messageOf((await (await h.fake.sendInteraction({ type: 2, data: { name: 'list', options: [{ type: 1, name: sub, options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })) }] } })).callback()).data);
      const added = await list('add', { paper: 'deepseek-v3' });
      expect(added.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(added.content).toContain('Added DeepSeek-V3 to this channel\'s reading list.');
      const shown = await list('show');
      expect(shown.flags & EPHEMERAL).toBe(0);
      const embed = shown.embeds[0]!;
      expect(embed['title']).toBe('Reading list (1 paper)');
      expect(String(embed['description'])).toMatch(/DeepSeek-V3 Technical Report.*`deepseek-v3`\n {4}added by <@\d+> on 2026-11-22/s);
      const exported = String((await list('export')).embeds[0]!['description']);
      expect(exported.startsWith('```bibtex\n') && exported.endsWith('\n```')).toBe(true);
      expect(bibtexParse.entries(exported.slice('```bibtex\n'.length, -4))).toMatchObject([{ key: 'deepseek-v3:2024', type: 'misc' }]);
    } finally {
      await bot.close?.();
      dir.remove();
    }
  });
});
