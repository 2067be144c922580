// Loads every file of a data folder into validated paper records, reporting what it skipped.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from './dates.js';
import { systemClock } from './dates.js';
import { normalizeNewlines } from './clean-text.js';
import { isAbstractFormat, parseAbstracts } from './abstract-format.js';
import { isMetaLine, parseListing } from './listing-format.js';
import { paperSchema, type CorpusIssue, type Paper } from './paper.js';
import type { RawEntry } from './raw-entry.js';
import { mergeEntries } from './merge.js';
import { PaperbotError } from '../errors.js';

export interface Corpus {
  papers: Paper[];
  issues: CorpusIssue[];
  files: string[];
}

export interface SourceFile {
  name: string;
  text: string;
}

/** Parses one file by its shape: "Abstract:" markers, or listing triples. */
export function parseFile(file: SourceFile, now: Date): { entries: RawEntry[]; issues: CorpusIssue[] } {
  const text = normalizeNewlines(file.text);
  if (text.includes('\u0000')) {
    return { entries: [], issues: [{ file: file.name, line: 1, severity: 'skipped', reason: 'binary file, not text' }] };
  }
  if (isAbstractFormat(text)) return parseAbstracts(file.name, text);
  const firstLine = text.split('\n').find((l) => l.trim() !== '');
  if (firstLine !== undefined && isMetaLine(firstLine)) return parseListing(file.name, text, now);
  if (firstLine === undefined) return { entries: [], issues: [{ file: file.name, line: 1, severity: 'warning', reason: 'empty file' }] };
  return {
    entries: [],
    issues: [{ file: file.name, line: 1, severity: 'skipped', reason: 'not a paper listing (category and date lines) nor abstracts ("Abstract:" markers)' }],
  };
}

/** Builds the corpus from in-memory files, in name order so the result never depends on I/O order. */
export function buildCorpus(files: SourceFile[], clock: Clock = systemClock): Corpus {
  const now = clock();
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries: RawEntry[] = [];
  const issues: CorpusIssue[] = [];
  for (const file of sorted) {
    const parsed = parseFile(file, now);
    // A loop, not push(...spread): spreading 130,000+ entries overflows the call stack.
    for (const entry of parsed.entries) entries.push(entry);
    for (const issue of parsed.issues) issues.push(issue);
  }
  const papers: Paper[] = [];
  for (const record of mergeEntries(entries)) {
    const result = paperSchema.safeParse(record);
    if (result.success) {
      papers.push(result.data);
      continue;
    }
    const first = record.sources[0] ?? { file: '?', line: 1 };
    const why = result.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
    issues.push({ file: first.file, line: first.line, severity: 'skipped', reason: `record "${record.title.slice(0, 60)}" is invalid: ${why}` });
  }
  return { papers, issues, files: sorted.map((f) => f.name) };
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Reads every regular, non-hidden file of `dir` (not recursive). */
export async function loadCorpus(dir: string, clock: Clock = systemClock): Promise<Corpus> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    throw new PaperbotError('corpus_dir', `corpus: cannot read the data folder "${dir}": ${(err as NodeJS.ErrnoException).code ?? String(err)}; set --data or PAPERBOT_DATA to a folder of paper files`, { cause: err });
  }
  const files: SourceFile[] = [];
  const issues: CorpusIssue[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const info = await stat(full);
    if (!info.isFile()) continue;
    if (info.size > MAX_FILE_BYTES) {
      issues.push({ file: name, line: 1, severity: 'skipped', reason: `file is ${Math.round(info.size / 1e6)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB` });
      continue;
    }
    // One decode of the whole file gives a flat string; readFile(full, 'utf8') decodes 512 KiB
    // chunks into a rope that the first search through the text then has to copy.
    files.push({ name, text: (await readFile(full)).toString('utf8') });
  }
  const corpus = buildCorpus(files, clock);
  return { ...corpus, issues: [...issues, ...corpus.issues] };
}
