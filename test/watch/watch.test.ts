// Watch mode in the core: spotting named and linked papers, /watch on|off stored in the state
// file, one card per paper per thread per hour, and the cool-down's bounded memory.
import { afterEach, describe, expect, it } from 'vitest';
import { createPaperbot, type Paperbot } from '../../src/app.js';
import type { CommandContext } from '../../src/digest/digest-commands.js';
import { silentLogger } from '../../src/logger.js';
import { createCooldown } from '../../src/watch/cooldown.js';
import { spotPapers } from '../../src/watch/spot-papers.js';
import { createWatch } from '../../src/watch/watch.js';
import { openState } from '../../src/state/open-state.js';
import { DATA_DIR, seed, TEST_NOW } from '../support/seed.js';
import { tempDir } from '../support/temp-state.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ctx: CommandContext = { platform: 'slack', channel: 'C1', user: 'U1', canManage: true };

describe('spotPapers', () => {
  it('GIVEN prose naming papers and a pasted code link THEN those papers, each once; plain prose names none', async () => {
    const { engine } = await seed();
    expect(spotPapers(engine, 'Has anyone compared DeepSeek-V3 with Janus-Pro? DeepSeek-V3 again').map((p) => p.id)).toEqual(['deepseek-v3', 'janus-pro']);
    const withCode = engine.papers.find((p) => p.codeUrl)!;
    expect(spotPapers(engine, `see ${withCode.codeUrl}/ for the code`).map((p) => p.id)).toContain(withCode.id);
    expect(spotPapers(engine, 'lunch at noon, anyone?')).toEqual([]);
  });
});

describe('watch mode', () => {
  it('GIVEN /watch on THEN a named paper is carded once per thread per hour, again after the hour or in another thread; /watch off stops it', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const db = openState(dir.file('state.db'));
    cleanups.push(() => void db.close());
    const { engine } = await seed();
    let t = 0;
    const watch = createWatch({ db, engine: () => engine, clock: () => TEST_NOW, cooldown: createCooldown({ ttlMs: 3_600_000, maxKeys: 100, now: () => t }) });
    const msg = (text: string, thread = 'T1') => watch.onMessage({ platform: 'slack', channel: 'C1', thread, text });
    expect(msg('DeepSeek-V3 is out')).toBeNull();
    expect(watch.run({ action: 'on' }, ctx)).toMatchObject({ kind: 'notice' });
    expect(msg('DeepSeek-V3 is out')).toMatchObject({ kind: 'papers', title: 'Mentioned here: DeepSeek-V3', items: [{ paper: { id: 'deepseek-v3' } }] });
    expect(msg('what about DeepSeek-V3 then')).toBeNull();
    expect(msg('DeepSeek-V3 and Janus-Pro')).toMatchObject({ items: [{ paper: { id: 'janus-pro' } }] });
    expect(msg('DeepSeek-V3', 'T2')).toMatchObject({ items: [{ paper: { id: 'deepseek-v3' } }] });
    t = 3_600_000;
    expect(msg('DeepSeek-V3')).toMatchObject({ items: [{ paper: { id: 'deepseek-v3' } }] });
    watch.run({ action: 'off' }, ctx);
    t *= 3;
    expect(msg('DeepSeek-V3')).toBeNull();
    expect(watch.run({ action: 'status' }, ctx)).toEqual({ kind: 'notice', text: 'Watch mode is off in this channel. /watch on starts it.' });
  });

  it('GIVEN /watch on THEN it survives a restart (the state file reopened)', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const open = async (): Promise<Paperbot> => createPaperbot({ dataDir: DATA_DIR, clock: () => TEST_NOW, logger: silentLogger, digests: { file: dir.file('state.db'), autoStart: false } });
    const first = await open();
    first.commands.handle({ command: 'watch', args: { action: 'on' } }, ctx);
    await first.close?.();
    const second = await open();
    cleanups.push(() => second.close?.());
    expect(second.watch?.isWatched({ platform: 'slack', channel: 'C1' })).toBe(true);
  });

  it('GIVEN any number of keys THEN the cool-down remembers at most maxKeys', () => {
    const cooldown = createCooldown({ ttlMs: 1000, maxKeys: 3, now: () => 0 });
    for (let i = 0; i < 50; i++) expect(cooldown.take(`k${i}`)).toBe(true);
    expect(cooldown.size).toBe(3);
    expect(cooldown.take('k49')).toBe(false);
  });
});
