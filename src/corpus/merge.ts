// Merges the entries of every file into one record per paper: the same paper may be listed
// once and have its abstract in several abstract files.
import type { Paper } from './paper.js';
import type { RawEntry } from './raw-entry.js';
import { inferDescriptiveTitle } from './infer-title.js';
import { introducedNames, titleSystemName } from './names.js';
import { assignUniqueIds, nameKey, slugify } from './slug.js';

const CODE_URL = /\bhttps?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co|bitbucket\.org|codeberg\.org)\/[^\s<>")\]]+/i;

export function findCodeUrl(text: string): string | null {
  // Every match contains "://", and looking for that is much cheaper than trying CODE_URL everywhere.
  if (!text.includes('://')) return null;
  const m = CODE_URL.exec(text);
  if (!m) return null;
  return m[0].replace(/[.,;:!?']+$/, '');
}

const KEY_LENGTH = 160;
// The key is written here so that it becomes one flat string, which the Map hashes fast.
const keyBuffer = Buffer.alloc(KEY_LENGTH + 1);

/** The abstract's words, for recognising the same abstract in two files. */
export function abstractKey(abstract: string): string {
  return asciiAbstractKey(abstract) ?? fullAbstractKey(abstract);
}

/**
 * fullAbstractKey for ASCII text, in one pass that stops once the key is full: only the opening
 * words count, and abstracts are long. Returns null at the first non-ASCII character, where
 * lowercasing can depend on what follows (a final sigma) or change the length (İ).
 */
function asciiAbstractKey(abstract: string): string | null {
  let n = 0;
  let gap = false;
  for (let i = 0; i < abstract.length && n < KEY_LENGTH; i++) {
    let c = abstract.charCodeAt(i);
    if (c >= 0x80) return null;
    if (c >= 0x41 && c <= 0x5a) c += 0x20; // A-Z to a-z
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) {
      gap = true;
      continue;
    }
    // A run of other characters becomes one space, except at either end, which the full version
    // trims (a trailing "..." it drops is such a run too).
    if (gap && n > 0) keyBuffer[n++] = 0x20;
    gap = false;
    keyBuffer[n++] = c;
  }
  return keyBuffer.toString('latin1', 0, Math.min(n, KEY_LENGTH));
}

function fullAbstractKey(abstract: string): string {
  return abstract
    .toLowerCase()
    .replace(/(?:\.\.\.|…)\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, KEY_LENGTH);
}

function isComplete(abstract: string): boolean {
  // Only the last characters matter; a regex ending in $ would still scan the whole abstract.
  const end = abstract.trim().slice(-3);
  return /[.!?)"”]$/.test(end) && !/(?:\.\.\.|…)$/.test(end);
}

function pickAbstract(entries: RawEntry[]): string {
  const complete = entries.filter((e) => isComplete(e.abstract));
  const pool = complete.length > 0 ? complete : entries;
  return pool.reduce((best, e) => (e.abstract.length > best.length ? e.abstract : best), pool[0]!.abstract);
}

/**
 * Groups entries of the same paper by their abstract's opening words. Titles alone are not
 * enough: two different papers can share a title, and an abstract file has no titles at all.
 */
function groupEntries(entries: RawEntry[]): RawEntry[][] {
  const groups = new Map<string, RawEntry[]>();
  for (const entry of entries) {
    const key = abstractKey(entry.abstract);
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()];
}

const SLUG_STOP = new Set(['a', 'an', 'the', 'of', 'for', 'with', 'and', 'or', 'to', 'in', 'on', 'by', 'via', 'that', 'from']);

/** The first few words of a descriptive title, never ending on "with" or "the". */
function descriptiveSlugWords(title: string): string {
  const words = title.replace(/['’]s\b/g, '').split(/\s+/).slice(0, 6);
  while (words.length > 1 && SLUG_STOP.has(words.at(-1)!.toLowerCase())) words.pop();
  return words.join(' ');
}

/** A paper whose id is yet to be chosen, and what the choice goes by. */
interface Draft {
  paper: Paper;
  wantedId: string;
  strength: number;
}

// A module function, not a closure per draft: tsx (which runs the benchmark) renames closures at
// a measurable cost.
function addName(names: string[], name: string | null, nameKey: (name: string) => string): void {
  if (name && !names.some((x) => nameKey(x) === nameKey(name))) names.push(name);
}

function draftFrom(group: RawEntry[], nameKey: (name: string) => string): Draft {
  const abstract = pickAbstract(group);
  const listing = group.find((e) => e.listing)?.listing;
  const introduced: string[] = [];
  for (const e of group) introduced.push(...introducedNames(e.abstract));
  const names: string[] = [];
  let title: string;
  let titleName: string | null = null;
  let titleInferred = false;
  if (listing) {
    title = listing.title;
    titleName = titleSystemName(listing.title);
    const confirmed = listing.title.includes(': ') || introduced.some((n) => nameKey(n) === nameKey(titleName ?? ''));
    if (confirmed) addName(names, titleName, nameKey);
  } else if (introduced[0]) {
    title = introduced[0];
    titleInferred = true;
  } else {
    title = inferDescriptiveTitle(abstract);
    titleInferred = true;
  }
  for (const n of introduced) addName(names, n, nameKey);
  let codeUrl: string | null = null;
  for (const e of group) if ((codeUrl = findCodeUrl(e.abstract)) !== null) break;
  const wantedId = slugify(names[0] ?? descriptiveSlugWords(title), 48) || 'paper';
  const primary = names[0] ? nameKey(names[0]) : '';
  const strength =
    (listing && nameKey(titleName ?? '') === primary ? 1 : 0) + (introduced.some((n) => nameKey(n) === primary) ? 1 : 0);
  return {
    wantedId,
    strength,
    // The id is set once every paper's wanted id is known; it is written first to stay the first key.
    paper: {
      id: '',
      title,
      titleInferred,
      authors: listing?.authors ?? [],
      etAl: listing?.etAl ?? false,
      affiliations: listing?.affiliations ?? [],
      category: listing?.category ?? null,
      date: listing?.date ?? null,
      hasCode: Boolean(listing?.codeFlag) || codeUrl !== null,
      codeUrl,
      abstract,
      names,
      sources: group.map((e) => ({ file: e.file, line: e.line })),
    },
  };
}

export function mergeEntries(entries: RawEntry[]): Paper[] {
  // The same names recur across papers, and each draft compares them several times.
  const keys = new Map<string, string>();
  const cachedNameKey = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = nameKey(name)));
    return key;
  };
  const drafts = groupEntries(entries).map((group) => draftFrom(group, cachedNameKey));
  const ids = assignUniqueIds(
    drafts.map(({ paper, wantedId, strength }) => ({ wanted: wantedId, strength, date: paper.date, content: `${paper.title}\n${paper.abstract}` })),
  );
  return drafts.map(({ paper }, i) => {
    paper.id = ids[i]!;
    return paper;
  });
}
