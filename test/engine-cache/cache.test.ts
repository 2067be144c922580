// The engine cache on disk and `createPaperbot` with it: the first start builds the index in a
// real worker thread and writes the cache, the next start reads it, a stale or broken cache is
// never fatal, and while a new index is built the old one keeps answering.
import { appendFileSync, cpSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPaperbot, type Paperbot } from '../../src/app.js';
import { buildInWorker } from '../../src/engine-cache/build-in-worker.js';
import { readCache, readCacheHeader, writeCache } from '../../src/engine-cache/cache-file.js';
import { fingerprint } from '../../src/engine-cache/fingerprint.js';
import type { Engine } from '../../src/engine/engine.js';
import { createRecordingLogger } from '../../src/logger.js';
import { generateListing } from '../support/generate-corpus.js';
import { DATA_DIR, seed, TEST_NOW } from '../support/seed.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-state.js';

const NEW_PAPER =
  'CLNov 20, 2026\nZephyrine: Reading Very Long Papers with Recurrent MemoryAda Lovelace, Charles Babbage\nWe present Zephyrine, a recurrent memory model that reads papers of any length.\n';

describe('engine cache', () => {
  let engine: Engine;
  const dirs: Array<{ remove: () => void }> = [];
  const bots: Paperbot[] = [];
  const temp = () => {
    const t = tempDir('paperbot-cache-');
    dirs.push(t);
    return t;
  };
  const dataCopy = (t: { file: (n: string) => string }) => {
    const data = t.file('data');
    cpSync(DATA_DIR, data, { recursive: true });
    return data;
  };
  const open = async (options: Parameters<typeof createPaperbot>[0]) => {
    const bot = await createPaperbot(options);
    bots.push(bot);
    return bot;
  };
  beforeAll(async () => {
    engine = (await seed()).engine;
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.close?.();
    for (const d of dirs.splice(0)) d.remove();
  });

  it('writes and reads a cache file, keeping where it came from', async () => {
    const t = temp();
    const bytes = await writeCache(t.file('engine.cache'), { fingerprint: 'abc', dataDir: '/data', files: ['a.txt'] }, engine.snapshot());
    expect(bytes).toBe(readFileSync(t.file('engine.cache')).length);
    const cached = await readCache(t.file('engine.cache'));
    expect(cached).toMatchObject({ fingerprint: 'abc', dataDir: '/data', files: ['a.txt'] });
    expect(cached!.snapshot.search.df).toEqual(engine.snapshot().search.df);
    expect(await readCacheHeader(t.file('engine.cache'))).toEqual({ fingerprint: 'abc', dataDir: '/data', files: ['a.txt'] });
  });

  it('reads a missing, truncated, foreign or corrupt cache as none, saying why', async () => {
    const t = temp();
    const reasons: string[] = [];
    const why = (r: string) => reasons.push(r);
    expect(await readCache(t.file('missing.cache'), why)).toBeNull();
    expect(reasons).toEqual([]);
    await writeCache(t.file('good.cache'), { fingerprint: 'abc', dataDir: '/data', files: [] }, engine.snapshot());
    const good = readFileSync(t.file('good.cache'));
    writeFileSync(t.file('truncated.cache'), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(t.file('foreign.cache'), 'SQLite format 3\u0000 not ours');
    const corrupt = Buffer.from(good);
    corrupt.fill(0xff, corrupt.length - 2000);
    writeFileSync(t.file('corrupt.cache'), corrupt);
    const header = JSON.parse(good.subarray(4, 4 + good.readUInt32LE(0)).toString()) as Record<string, unknown>;
    const other = Buffer.from(JSON.stringify({ ...header, version: 999 }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(other.length);
    writeFileSync(t.file('version.cache'), Buffer.concat([length, other, good.subarray(4 + good.readUInt32LE(0))]));
    for (const name of ['truncated', 'foreign', 'corrupt', 'version']) expect(await readCache(t.file(`${name}.cache`), why), name).toBeNull();
    expect(reasons).toHaveLength(4);
    expect(reasons[1]).toMatch(/not a paperbot engine cache/);
    expect(reasons[3]).toMatch(/format 999/);
    expect(await readCacheHeader(t.file('missing.cache'))).toBeNull();
    expect(await readCacheHeader(t.file('foreign.cache'))).toBeNull();
    expect(await readCacheHeader(t.file('version.cache'))).toBeNull();
  });

  it('fingerprints the data files, the day and the fetched papers', async () => {
    const t = temp();
    const data = dataCopy(t);
    const base = await fingerprint(data, TEST_NOW, []);
    expect(await fingerprint(data, TEST_NOW, [])).toBe(base);
    expect(await fingerprint(data, new Date('2026-11-23T12:00:00Z'), [])).not.toBe(base);
    expect(await fingerprint(data, TEST_NOW, ['2411.00001'])).not.toBe(base);
    writeFileSync(path.join(data, '.hidden'), 'ignored like the loader ignores it');
    expect(await fingerprint(data, TEST_NOW, [])).toBe(base);
    const [first] = ['papers.txt'];
    writeFileSync(path.join(data, first!), NEW_PAPER);
    const added = await fingerprint(data, TEST_NOW, []);
    expect(added).not.toBe(base);
    utimesSync(path.join(data, first!), new Date('2020-01-01'), new Date('2020-01-01'));
    expect(await fingerprint(data, TEST_NOW, [])).not.toBe(added);
  });

  it('builds in a worker and writes the cache on the first start, reads it on the next', async () => {
    const t = temp();
    const data = dataCopy(t);
    const file = t.file('state/engine.cache');
    const first = createRecordingLogger();
    const bot1 = await open({ dataDir: data, clock: () => TEST_NOW, logger: first, cache: { file } });
    expect(bot1.engine.lookup('deepseek-v3')).toMatchObject({ kind: 'found', paper: { id: 'deepseek-v3' } });
    expect(first.records.find((r) => r.msg === 'corpus: index built')?.obj).toMatchObject({ cacheBytes: readFileSync(file).length });
    expect(first.records.find((r) => r.msg === 'corpus loaded')?.obj).toMatchObject({ papers: engine.papers.length, files: 3, cache: 'built' });

    const second = createRecordingLogger();
    const bot2 = await open({ dataDir: data, clock: () => TEST_NOW, logger: second, cache: { file } });
    expect(second.records.find((r) => r.msg === 'corpus: index built')).toBeUndefined();
    expect(second.records.find((r) => r.msg === 'corpus loaded')?.obj).toMatchObject({ papers: engine.papers.length, files: 3, cache: 'used' });
    expect(bot2.engine.search('mixture-of-experts has:code')).toEqual(engine.search('mixture-of-experts has:code'));
    expect(bot2.corpus.files).toEqual(bot1.corpus.files);
  });

  it('answers from a stale cache at once and swaps in the rebuilt index', async () => {
    const t = temp();
    const data = dataCopy(t);
    const file = t.file('engine.cache');
    await open({ dataDir: data, clock: () => TEST_NOW, logger: createRecordingLogger(), cache: { file } });
    writeFileSync(path.join(data, 'new.txt'), NEW_PAPER);
    const logger = createRecordingLogger();
    const bot = await open({ dataDir: data, clock: () => TEST_NOW, logger, cache: { file } });
    expect(logger.records.find((r) => r.msg === 'corpus loaded')?.obj).toMatchObject({ cache: 'stale' });
    // The stale cache answers; the rebuild started in the background brings the new paper.
    await bot.reload!();
    expect(bot.engine.lookup('zephyrine')).toMatchObject({ kind: 'found', paper: { title: expect.stringContaining('Zephyrine') } });
    expect((await readCache(file))!.fingerprint).toBe(await fingerprint(path.resolve(data), TEST_NOW, []));
  });

  it('never uses the cache of another data folder', async () => {
    const t = temp();
    const data = dataCopy(t);
    const file = t.file('engine.cache');
    await open({ dataDir: data, clock: () => TEST_NOW, logger: createRecordingLogger(), cache: { file } });
    const other = t.file('other');
    cpSync(data, other, { recursive: true });
    writeFileSync(path.join(other, 'new.txt'), NEW_PAPER);
    const logger = createRecordingLogger();
    const bot = await open({ dataDir: other, clock: () => TEST_NOW, logger, cache: { file } });
    expect(logger.records.find((r) => r.msg === 'corpus loaded')?.obj).toMatchObject({ cache: 'built' });
    expect(bot.engine.lookup('zephyrine').kind).toBe('found');
  });

  it('rebuilds over a corrupt cache, with a warning, instead of failing', async () => {
    const t = temp();
    const data = dataCopy(t);
    const file = t.file('engine.cache');
    writeFileSync(file, 'garbage');
    const logger = createRecordingLogger();
    const bot = await open({ dataDir: data, clock: () => TEST_NOW, logger, cache: { file } });
    expect(logger.records.find((r) => r.msg === 'corpus cache: not used')?.obj).toMatchObject({ why: 'not a paperbot engine cache' });
    expect(bot.engine.lookup('deepseek-v3').kind).toBe('found');
    expect((await readCache(file))?.dataDir).toBe(path.resolve(data));
  });

  it('gives up on a worker that does not start in time, tries once more, then builds in the main thread', async () => {
    // A worker cannot load the sources in a millisecond: each attempt counts as stalled.
    await expect(buildInWorker({ dataDir: path.resolve(DATA_DIR), now: TEST_NOW.toISOString(), extraPapers: [] }, { loadTimeoutMs: 1 })).rejects.toMatchObject({ code: 'worker_stalled' });
    const t = temp();
    const data = dataCopy(t);
    const file = t.file('engine.cache');
    const logger = createRecordingLogger();
    const bot = await open({ dataDir: data, clock: () => TEST_NOW, logger, cache: { file, workerLoadTimeoutMs: 1 } });
    expect(logger.records.filter((r) => r.msg === 'corpus: the index build worker did not start').map((r) => (r.obj as { attempt?: number }).attempt)).toEqual([1, 2]);
    expect(logger.records.some((r) => r.msg?.startsWith('corpus: building the index in the main thread instead'))).toBe(true);
    expect(bot.engine.lookup('deepseek-v3')).toMatchObject({ kind: 'found', paper: { id: 'deepseek-v3' } });
    expect((await readCache(file))?.dataDir).toBe(path.resolve(data));
  });

  it('lets the command line read a current cache, and never write or trust a stale one', async () => {
    const t = temp();
    const data = dataCopy(t);
    const file = t.file('engine.cache');
    // The CLI's "corpus loaded" log line says where its index came from.
    const cacheOf = async () => {
      const run = await runCli(['query', '/paper deepseek-v3', '--data', data], { env: { PAPERBOT_CACHE: file, LOG_LEVEL: 'info' } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('DeepSeek-V3 Technical Report');
      return (JSON.parse(run.stderr.split('\n').find((l) => l.includes('"corpus loaded"'))!) as { cache: string }).cache;
    };
    expect(await cacheOf()).toBe('built');
    expect(await readCacheHeader(file)).toBeNull();
    await open({ dataDir: data, clock: () => TEST_NOW, logger: createRecordingLogger(), cache: { file } });
    expect(await cacheOf()).toBe('used');
    const written = readFileSync(file);
    writeFileSync(path.join(data, 'new.txt'), NEW_PAPER);
    expect(await cacheOf()).toBe('built');
    expect(readFileSync(file).equals(written)).toBe(true);
  }, 120_000);

  it('keeps answering from the old index while a new one is built', async () => {
    const t = temp();
    const data = t.file('data');
    cpSync(DATA_DIR, data, { recursive: true });
    writeFileSync(path.join(data, 'generated.txt'), generateListing({ count: 1500, seed: 5 }));
    const bot = await open({ dataDir: data, clock: () => TEST_NOW, logger: createRecordingLogger(), cache: { file: null } });
    appendFileSync(path.join(data, 'new.txt'), NEW_PAPER);
    let done = false;
    const reloading = bot.reload!().then(() => (done = true));
    let answered = 0;
    while (!done) {
      const reply = bot.commands.handle({ command: 'paper', args: { name: 'deepseek-v3' } });
      expect(reply).toMatchObject({ kind: 'paper', paper: { id: 'deepseek-v3' } });
      expect(bot.engine.lookup('zephyrine').kind).not.toBe('found');
      answered++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await reloading;
    // Indexing 1,500 papers on this thread would have allowed a handful of turns at most.
    expect(answered).toBeGreaterThan(100);
    expect(bot.engine.lookup('zephyrine').kind).toBe('found');
  }, 120_000);
});
