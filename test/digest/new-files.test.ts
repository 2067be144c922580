// New papers from the data folder: a file dropped in while the bot runs is picked up without a
// restart, answers keep working meanwhile, and its papers appear in the next digest.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPaperbot } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { tempDir } from '../support/temp-state.js';
import { createClockwork, digestIds } from './harness.js';
import type { Reply } from '../../src/reply.js';

const dirs: Array<ReturnType<typeof tempDir>> = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

describe('a file dropped into the data folder', () => {
  it('GIVEN a running bot WHEN a file is added THEN the index updates with no restart and the papers are in the next digest', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const dataDir = dir.file('data');
    mkdirSync(dataDir);
    const files = readdirSync('data').sort();
    copyFileSync(path.join('data', files[0]!), path.join(dataDir, files[0]!));
    const clock = createClockwork('2026-11-22T07:00:00Z');
    const bot = await createPaperbot({ dataDir, clock: () => clock.now, logger: silentLogger, digests: { file: dir.file('state.db'), autoStart: false }, watch: { debounceMs: 20 } });
    const posts: Reply[] = [];
    const disconnect = bot.digests!.connect('slack', async (_channel, reply) => void posts.push(reply));
    bot.digests!.store.subscribe({ platform: 'slack', channel: 'C1' }, null, clock.now, { time: '09:00', zone: 'UTC' });
    const before = bot.engine.papers.length;
    const oldEngine = bot.engine;

    clock.set('2026-11-22T08:00:00Z');
    writeFileSync(path.join(dataDir, 'new-listing.txt'), 'CLNov 20, 2026Code\nSparse Routing for Tiny Experts: A Study ModelAda Lovelace, Alan Turing · Analytical Engines Ltd\nWe study sparse routing for tiny experts and show that routing tokens to two experts halves the cost. Code is at https://github.com/example/tiny-experts.\n');
    await vi.waitFor(() => expect(bot.engine.papers.length).toBeGreaterThan(before), { timeout: 10_000, interval: 20 });
    // The old engine was never changed in place: answers already running keep a consistent view.
    expect(oldEngine.papers.length).toBe(before);
    const added = bot.engine.papers.filter((p) => p.sources.some((s) => s.file === 'new-listing.txt'));
    expect(added).toHaveLength(1);
    expect(added[0]!.title).toContain('Sparse Routing for Tiny Experts');
    expect(bot.commands.handle({ command: 'search', args: { query: 'tiny experts' } })).toMatchObject({ kind: 'papers' });

    clock.set('2026-11-22T09:00:00Z');
    await bot.digests!.scheduler.tick();
    expect(posts).toHaveLength(1);
    expect(digestIds(posts[0])).toEqual(added.map((p) => p.id));
    await disconnect();
    await bot.close?.();
  });
});
