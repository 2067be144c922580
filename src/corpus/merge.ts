// Merges the entries of every file into one record per paper: the same paper may be listed
// once and have its abstract in several abstract files.
import type { Paper } from './paper.js';
import type { RawEntry } from './raw-entry.js';
import { inferDescriptiveTitle } from './infer-title.js';
import { introducedNames, titleSystemName } from './names.js';
import { assignUniqueIds, nameKey, slugify } from './slug.js';

const CODE_URL = /\bhttps?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co|bitbucket\.org|codeberg\.org)\/[^\s<>")\]]+/i;

export function findCodeUrl(text: string): string | null {
  const m = CODE_URL.exec(text);
  if (!m) return null;
  return m[0].replace(/[.,;:!?']+$/, '');
}

/** The abstract's words, for recognising the same abstract in two files. */
function abstractKey(abstract: string): string {
  return abstract
    .toLowerCase()
    .replace(/(?:\.\.\.|…)\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 160);
}

function isComplete(abstract: string): boolean {
  return /[.!?)"”]$/.test(abstract.trim()) && !/(?:\.\.\.|…)$/.test(abstract.trim());
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

type Draft = Omit<Paper, 'id'> & { wantedId: string; strength: number };

function draftFrom(group: RawEntry[]): Draft {
  const abstract = pickAbstract(group);
  const listing = group.find((e) => e.listing)?.listing;
  const introduced = group.flatMap((e) => introducedNames(e.abstract));
  const names: string[] = [];
  const addName = (n: string | null | undefined) => {
    if (n && !names.some((x) => nameKey(x) === nameKey(n))) names.push(n);
  };
  let title: string;
  let titleInferred = false;
  if (listing) {
    title = listing.title;
    const titleName = titleSystemName(listing.title);
    const confirmed = listing.title.includes(': ') || introduced.some((n) => nameKey(n) === nameKey(titleName ?? ''));
    if (confirmed) addName(titleName);
  } else if (introduced[0]) {
    title = introduced[0];
    titleInferred = true;
  } else {
    title = inferDescriptiveTitle(abstract);
    titleInferred = true;
  }
  introduced.forEach(addName);
  const codeUrl = group.map((e) => findCodeUrl(e.abstract)).find((u) => u !== null) ?? null;
  const wantedId = slugify(names[0] ?? descriptiveSlugWords(title), 48) || 'paper';
  const primary = names[0] ? nameKey(names[0]) : '';
  const strength =
    (listing && nameKey(titleSystemName(listing.title) ?? '') === primary ? 1 : 0) + (introduced.some((n) => nameKey(n) === primary) ? 1 : 0);
  return {
    wantedId,
    strength,
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
  };
}

export function mergeEntries(entries: RawEntry[]): Paper[] {
  const drafts = groupEntries(entries).map(draftFrom);
  const ids = assignUniqueIds(
    drafts.map((d) => ({ wanted: d.wantedId, strength: d.strength, date: d.date, content: `${d.title}\n${d.abstract}` })),
  );
  return drafts.map(({ wantedId: _wanted, strength: _strength, ...rest }, i) => ({ id: ids[i]!, ...rest }));
}
