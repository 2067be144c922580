// Where a concept occurs in the corpus: the papers that mention a phrase or an acronym, and the
// sentence in each that does. Shared by definitions and "which papers …" answers.
import type { Paper } from '../corpus/paper.js';
import { phraseKey, sentences, WORD } from './text.js';

export interface Mention {
  paper: number;
  sentences: string[];
  inTitle: boolean;
}

export interface ConceptForms {
  /** Phrases matched with case and word endings ignored ("mixture of experts"). */
  phrases: string[];
  /** Acronyms matched as whole words, case-sensitively, plural allowed ("MoE", "VLMs"). */
  acronyms: string[];
}

const CANDIDATE_LIMIT = 2000;

// The prefilters below are regular expressions that match every text the exact checks accept
// (and some they do not), so most abstracts are rejected without splitting sentences or stemming.
// They mirror text.ts: a token is a run of letters and digits, optionally followed by an
// apostrophe and letters ("model's"); a token that starts with a letter follows a character that
// is neither, and only after an apostrophe suffix can a token (one starting with a digit)
// follow the previous one directly ("it's3D").
const LN = '[\\p{L}\\p{N}]';
const ANY_TOKEN = `${LN}+(?:['’]\\p{L}+)?`;
const TOKEN_REST = `${LN}*(?:['’]\\p{L}+)?`;
const TOKEN_END = `(?!${LN}|['’]\\p{L})`;

interface Piece {
  pattern: string;
  /** What the matched token starts with, which decides the boundary before it. */
  starts: 'letter' | 'digit' | 'any';
}

function startOf(text: string): Piece['starts'] {
  if (/^\p{L}/u.test(text)) return 'letter';
  return /^\p{N}/u.test(text) ? 'digit' : 'any';
}

/**
 * A pattern for the tokens whose phraseKey word is `key`. Words with digits are kept whole, so
 * they must match exactly. Porter stems are a prefix of the lowercased word plus at most "e",
 * "i", "l" or "le" that the stemmer put in ("scaling" → "scale", "happy" → "happi",
 * "sensibility" → "sensibl"), so the word must start with the stem less those letters.
 * Anything outside plain ASCII letters and digits gets the catch-all token pattern.
 */
function keyWordPiece(key: string): Piece {
  if (/\d/.test(key)) return /^[a-z0-9]+$/.test(key) ? { pattern: key + TOKEN_END, starts: startOf(key) } : { pattern: ANY_TOKEN, starts: 'any' };
  const root = key.replace(/(?:le|[eil])$/, '');
  return /^[a-z]+$/.test(root) ? { pattern: root + TOKEN_REST, starts: 'letter' } : { pattern: ANY_TOKEN, starts: 'any' };
}

function leftBoundary(starts: Piece['starts']): string {
  if (starts === 'letter') return `(?<!${LN})`;
  return starts === 'digit' ? '(?<!\\p{N})' : '';
}

/** Matches (case-insensitively) every text whose phraseKey contains one of `phraseKeys`. */
function phrasePrefilter(phraseKeys: string[]): RegExp | null {
  if (phraseKeys.length === 0) return null;
  const alternatives = phraseKeys.map((key) =>
    key
      .split(' ')
      .map(keyWordPiece)
      .map((piece, i) => {
        if (i === 0) return leftBoundary(piece.starts) + piece.pattern;
        return (piece.starts === 'letter' ? '[^\\p{L}\\p{N}]+' : '[^\\p{L}\\p{N}]*') + piece.pattern;
      })
      .join(''),
  );
  return new RegExp(`(?:${alternatives.join('|')})`, 'giu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Matches every text with a token equal to an acronym or its plural. */
function acronymPrefilter(acronyms: string[]): RegExp | null {
  if (acronyms.length === 0) return null;
  const alternatives = acronyms.map((a) =>
    // An acronym that is not a plain run of letters and digits is looked for as a bare substring.
    /^[\p{L}\p{N}]+$/u.test(a) ? `${leftBoundary(startOf(a))}${a}s?${TOKEN_END}` : escapeRegExp(a),
  );
  return new RegExp(`(?:${alternatives.join('|')})`, 'gu');
}

/** Where `re` (global) matches `text`: every start, since a false match may overlap a true one. */
function matchStarts(re: RegExp | null, text: string, into: number[]): number[] {
  if (re === null) return into;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    into.push(m.index);
    re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return into;
}

/** Captures the token characters (letters, digits, apostrophes) just before `lastIndex`. */
const RUN_BEFORE = /(?<=(?:^|[^\p{L}\p{N}'’])([\p{L}\p{N}'’]*))/uy;
/** The tokenizer of text.ts, with a lastIndex of its own. */
const WORD_SCAN = new RegExp(WORD);

/**
 * The words of the first `count` tokens of `text` from the one that starts at `at` (none if no
 * token starts there). Tokenizing starts where the run of token characters before `at` does:
 * no token spans or continues over any other character, so the tokens are the text's own.
 */
function wordsAt(text: string, at: number, count: number): string[] {
  RUN_BEFORE.lastIndex = at;
  WORD_SCAN.lastIndex = at - RUN_BEFORE.exec(text)![1]!.length;
  let m = WORD_SCAN.exec(text);
  while (m && m.index < at) m = WORD_SCAN.exec(text);
  if (!m || m.index !== at) return [];
  const words = [m[0]];
  while (words.length < count && (m = WORD_SCAN.exec(text))) words.push(m[0]);
  return words;
}

/** What trim() removes. */
const SPACE = /\s/;

/**
 * Papers whose text has all of a query's words: the best `best` first, in rank order, then the
 * rest in any order (a paper may come twice).
 */
export type Candidates = (query: string, best: number) => Iterable<number>;

/** The mentions among `limit` candidates (the forms' best, taking turns), best first. */
export function findMentions(papers: readonly Paper[], candidates: Candidates, forms: ConceptForms, limit = CANDIDATE_LIMIT): Mention[] {
  return searchMentions(papers, candidates, forms, limit).mentions;
}

export interface MentionSearch {
  /** Mentions among the candidates checked: title mentions first, then more sentences, then newer. */
  mentions: Mention[];
  /** How many candidates were checked: at most `limit`, the forms' best taking turns. */
  checked: number;
  /** How many candidates there were in all. */
  candidates: number;
}

/**
 * The papers that mention the concept, checked among `limit` candidates (papers whose text has
 * all of a form's words, from the index, each form's best taking turns); `candidates` counts them all, so a caller can
 * tell an exact count from a sample of a large one.
 */
export function searchMentions(papers: readonly Paper[], candidates: Candidates, forms: ConceptForms, limit = CANDIDATE_LIMIT): MentionSearch {
  const phraseKeys = forms.phrases.map(phraseKey).filter(Boolean);
  const queries = [...forms.phrases, ...forms.acronyms].filter(Boolean);
  // Every candidate of every form, counted once: thousands for a common concept.
  const seen = new Uint8Array(papers.length);
  let seenCount = 0;
  const ranked: number[][] = [];
  for (const q of queries) {
    const mine: number[] = [];
    for (const i of candidates(q, limit)) {
      if (seen[i] === 0) {
        seen[i] = 1;
        seenCount++;
      }
      if (mine.length < limit) mine.push(i);
    }
    ranked.push(mine);
  }
  // The forms take turns, best first: the papers that only say "MoE" are checked as well as
  // those that spell out "Mixture-of-Experts".
  const chosen = new Set<number>();
  for (let r = 0; chosen.size < limit && ranked.some((mine) => r < mine.length); r++) {
    for (const mine of ranked) if (r < mine.length && chosen.size < limit) chosen.add(mine[r]!);
  }

  const phraseRe = phrasePrefilter(phraseKeys);
  const acronymRe = acronymPrefilter(forms.acronyms);
  // Most abstracts lack the acronym's letters altogether, which a substring test tells fastest.
  const starts = (text: string) =>
    matchStarts(
      forms.acronyms.some((a) => text.includes(a)) ? acronymRe : null,
      text,
      matchStarts(phraseRe, text, []),
    );

  // phraseKey works word by word, so a text's key contains a phrase's key exactly when
  // consecutive words have the phrase's word keys; words repeat, so each is stemmed once.
  const wordKeys = new Map<string, string>();
  const wordKey = (word: string) => {
    let key = wordKeys.get(word);
    if (key === undefined) wordKeys.set(word, (key = phraseKey(word)));
    return key;
  };
  const needles = phraseKeys.map((key) => key.split(' '));
  const acronymWords = new Set(forms.acronyms.flatMap((a) => [a, `${a}s`]));
  const longest = Math.max(1, ...needles.map((n) => n.length));
  /** The exact test: does the phrase or an acronym start at `at`? */
  const occursAt = (text: string, at: number) => {
    const words = wordsAt(text, at, longest);
    return (
      (words.length > 0 && acronymWords.has(words[0]!)) ||
      needles.some((needle) => needle.length <= words.length && needle.every((k, j) => wordKey(words[j]!) === k))
    );
  };

  const out: Mention[] = [];
  for (const i of chosen) {
    const paper = papers[i]!;
    const abstract = paper.abstract;
    // Where the phrase or an acronym occurs in a sentence, it occurs in the abstract, which the
    // sentence is a part of between white space: check there first, and split only if it does.
    const at = starts(abstract);
    const hits: string[] = [];
    if (at.some((a) => occursAt(abstract, a))) {
      for (const s of sentences(abstract)) {
        // Sentences are trimmed: this one starts after any white space at s.start.
        let offset = s.start;
        while (SPACE.test(abstract.charAt(offset))) offset++;
        const end = offset + s.text.length;
        if (at.some((a) => a >= offset && a < end && occursAt(s.text, a - offset))) hits.push(s.text);
      }
    }
    const inTitle = starts(paper.title).some((a) => occursAt(paper.title, a));
    if (hits.length > 0 || inTitle) out.push({ paper: i, sentences: hits.length > 0 ? hits : [paper.title], inTitle });
  }
  out.sort(
    (a, b) =>
      Number(b.inTitle) - Number(a.inTitle) ||
      b.sentences.length - a.sentences.length ||
      (papers[b.paper]!.date ?? '').localeCompare(papers[a.paper]!.date ?? '') ||
      a.paper - b.paper,
  );
  return { mentions: out, checked: chosen.size, candidates: seenCount };
}
