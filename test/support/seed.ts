// The shipped seed corpus, loaded once per test file with a fixed "today".
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, type Corpus } from '../../src/corpus/load-corpus.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = path.join(ROOT, 'data');
/** "Today" for tests: yearless listing dates resolve against this. */
export const TEST_NOW = new Date('2026-11-22T12:00:00Z');

let cached: Promise<{ corpus: Corpus; engine: Engine }> | undefined;

export function seed(): Promise<{ corpus: Corpus; engine: Engine }> {
  cached ??= loadCorpus(DATA_DIR, () => TEST_NOW).then((corpus) => ({ corpus, engine: createEngine(corpus) }));
  return cached;
}
