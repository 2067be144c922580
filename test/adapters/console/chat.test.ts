import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../../adapters/console/chat.js';
import { renderText, plainStyle } from '../../../adapters/console/render-text.js';
import { createCommandHandler } from '../../../src/commands/handle.js';
import { silentLogger } from '../../../src/logger.js';
import { createCommandTracker } from '../../../src/ops/command-tracker.js';
import { createIdHasher } from '../../../src/ops/hash-id.js';
import { createMetrics } from '../../../src/ops/metrics.js';
import type { Paperbot } from '../../../src/app.js';
import { createMentions } from '../../../src/conversation/mentions.js';
import { createThreadMemory } from '../../../src/conversation/thread-memory.js';
import { seed } from '../../support/seed.js';

async function bot(): Promise<Paperbot> {
  const { corpus, engine } = await seed();
  return { corpus, engine, commands: createCommandHandler(engine, silentLogger), tracker: createCommandTracker({ logger: silentLogger, metrics: createMetrics(), hashId: createIdHasher() }), mentions: createMentions(createThreadMemory()) };
}

describe('the terminal chat', () => {
  it('GIVEN typed commands THEN each gets its reply, and /quit ends the chat', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString()));
    const done = runConsoleChat({ input, output, bot: await bot() });
    input.write('/paper janus-pro\n');
    input.write('which papers use mixture-of-experts?\n');
    input.write('/quit\n');
    await done;
    expect(text).toContain('Janus-Pro (title inferred from the abstract)');
    expect(text).toContain('6 papers use Mixture-of-Experts (MoE)');
    expect(text).toContain('Sources:');
  });
});

describe('renderText', () => {
  it('GIVEN a search reply THEN matches are marked and lines are wrapped', async () => {
    const b = await bot();
    const out = renderText(b.commands.handle({ command: 'search', args: { query: 'latent attention' } }), plainStyle);
    expect(out).toContain('*Latent* *Attention*');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(plainStyle.width);
  });

  it('GIVEN an error THEN one line for a person', async () => {
    const b = await bot();
    expect(renderText(b.commands.handle({ command: 'search', args: { query: 'year:x' } }), plainStyle)).toBe('✗ year:x is not a year; use four digits, e.g. year:2024.');
  });
});
