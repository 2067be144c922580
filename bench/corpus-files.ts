// Writes a benchmark data folder: the generated listing split into files of 10,000 papers, plus
// the seed files from data/. Folders are cached by size, seed and a hash of the generator.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateListing } from '../test/support/generate-corpus.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEED_DATA_DIR = path.join(ROOT, 'data');
export const DEFAULT_DATA_ROOT = path.join(os.tmpdir(), 'paperbot-bench');
export const PAPERS_PER_FILE = 10_000;
/** Generated files sort after the seed files ("000_…"); the workload tells them apart by this prefix. */
export const GENERATED_PREFIX = 'bench_';

export interface CorpusSpec {
  size: number;
  seed: number;
  minWords: number;
  maxWords: number;
}

export interface PreparedCorpus {
  dir: string;
  /** Time to generate and write the files, ms; from the cache manifest when reused. */
  generateMs: number;
  reused: boolean;
  bytes: number;
  files: number;
}

interface Manifest extends CorpusSpec {
  generator: string;
  generateMs: number;
  bytes: number;
  files: number;
}

function generatorHash(): string {
  const hash = createHash('sha1');
  hash.update(readFileSync(path.join(ROOT, 'test/support/generate-corpus.ts')));
  for (const name of readdirSync(SEED_DATA_DIR).sort()) hash.update(name).update(readFileSync(path.join(SEED_DATA_DIR, name)));
  return hash.digest('hex').slice(0, 12);
}

/** One generator call for the whole size (one Zipf vocabulary), split into files; sizes nest (1,000 ⊂ 10,000). */
export function prepareCorpus(spec: CorpusSpec, dataRoot = DEFAULT_DATA_ROOT, fresh = false): PreparedCorpus {
  const generator = generatorHash();
  const dir = path.join(dataRoot, `n${spec.size}-s${spec.seed}-w${spec.minWords}-${spec.maxWords}`);
  const manifestPath = path.join(dataRoot, `${path.basename(dir)}.json`);
  if (!fresh && existsSync(manifestPath) && existsSync(dir)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (manifest.generator === generator) return { dir, generateMs: manifest.generateMs, reused: true, bytes: manifest.bytes, files: manifest.files };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const start = performance.now();
  const text = generateListing({ count: spec.size, seed: spec.seed, minWords: spec.minWords, maxWords: spec.maxWords });
  const lines = text.split('\n');
  let bytes = 0;
  let files = 0;
  const linesPerFile = PAPERS_PER_FILE * 3;
  for (let at = 0; at < lines.length - 1; at += linesPerFile) {
    const chunk = `${lines.slice(at, Math.min(at + linesPerFile, lines.length - 1)).join('\n')}\n`;
    writeFileSync(path.join(dir, `${GENERATED_PREFIX}${String(files).padStart(3, '0')}.txt`), chunk);
    bytes += Buffer.byteLength(chunk);
    files++;
  }
  const generateMs = performance.now() - start;
  for (const name of readdirSync(SEED_DATA_DIR)) {
    copyFileSync(path.join(SEED_DATA_DIR, name), path.join(dir, name));
    bytes += readFileSync(path.join(SEED_DATA_DIR, name)).length;
    files++;
  }
  const manifest: Manifest = { ...spec, generator, generateMs, bytes, files };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, generateMs, reused: false, bytes, files };
}

export function removeCorpus(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.json`, { force: true });
}
