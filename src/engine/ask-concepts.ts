// Answers about a concept: "What is MLA?" (expand the acronym as the corpus defines it, name the
// papers that introduce and use it) and "Which papers use mixture-of-experts?".
import type { Paper } from '../corpus/paper.js';
import type { AcronymTable } from './acronyms.js';
import type { CorpusView } from './ask-metadata.js';
import type { NameIndex } from './name-index.js';
import type { SearchIndex } from './search-index.js';
import { searchMentions, type Candidates, type ConceptForms, type Mention } from './evidence.js';
import { nameKey } from '../corpus/slug.js';
import { sentences } from './text.js';

export interface Citation {
  paper: Paper;
  sentence: string;
}

export interface Answer {
  found: boolean;
  text: string;
  citations: Citation[];
}

export interface AskDeps {
  papers: readonly Paper[];
  index: SearchIndex;
  /** Papers whose title, abstract or names hold every word of the text: the best first, then the rest. */
  candidates: Candidates;
  names: NameIndex;
  acronyms: AcronymTable;
  /** For questions about the corpus itself ("Which papers are by Wei Zhang?"). */
  corpus: CorpusView;
}

const INTRO_CUE = /\b(?:we\s+(?:propose|introduce|present|design|develop)|innovative|novel|first)\b/i;
const MAX_CITATIONS = 6;
const MAX_LISTED = 10;
/**
 * Candidates checked for mentions, best first. A concept that thousands of papers name is
 * sampled: the answer lists the most relevant and estimates how many there are in all.
 */
const CHECK_LIMIT = 300;

function titleOf(p: Paper): string {
  return p.names[0] ?? p.title;
}

function joinNames(papers: Paper[]): string {
  // Two papers may go by one name (a model and its follow-up): their ids tell them apart.
  const named = papers.map(titleOf);
  const names = named.map((n, i) => (named.indexOf(n) !== named.lastIndexOf(n) ? `${n} (${papers[i]!.id})` : n));
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function formsFor(deps: AskDeps, concept: string): { forms: ConceptForms; short?: string; long?: string } {
  const acr = deps.acronyms.get(concept) ?? deps.acronyms.forLongForm(concept);
  if (!acr) {
    const isAcronym = /^[\p{L}\d-]{2,12}$/u.test(concept) && /\p{Lu}/u.test(concept.slice(1));
    return { forms: { phrases: isAcronym ? [] : [concept], acronyms: isAcronym ? [concept] : [] } };
  }
  const phrases = [acr.long];
  if (nameKey(concept) !== nameKey(acr.short) && nameKey(concept) !== nameKey(acr.long)) phrases.push(concept);
  return { forms: { phrases, acronyms: [acr.short] }, short: acr.short, long: acr.long };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A test for an introducing word just before the concept: "we introduce conditional memory",
 * "innovative architectures including MLA".
 */
function introducesIt(forms: ConceptForms): (sentence: string) => boolean {
  const alternatives = [...forms.phrases, ...forms.acronyms].map((f) => escapeRegExp(f).replace(/[-\s]+/g, '[-\\s]+'));
  if (alternatives.length === 0) return () => false;
  // Only plain lowercase words may stand between ("innovative architectures including MLA"), so
  // "We present DeepSeek-V2, a strong Mixture-of-Experts model" does not introduce MoE.
  const near = new RegExp(`${INTRO_CUE.source}((?:\\s+[\\w-]+){0,3})\\s+(?:${alternatives.join('|')})\\b`, 'gi');
  return (sentence) => [...sentence.matchAll(near)].some((m) => !/[\p{Lu},]/u.test(m[1] ?? ''));
}

/** The papers that mention a concept, and how many do in all (estimated when there are many). */
interface Usage {
  mentions: Mention[];
  count: number;
  exact: boolean;
}

function usage(deps: AskDeps, forms: ConceptForms): Usage {
  const found = searchMentions(deps.papers, deps.candidates, forms, CHECK_LIMIT);
  const n = found.mentions.length;
  if (found.checked >= found.candidates || n === 0) return { mentions: found.mentions, count: n, exact: true };
  // The share of the checked candidates that mention it, over all the candidates: the best
  // candidates mention it most often, so this leans high; "about" says as much.
  return { mentions: found.mentions, count: Math.max(n, Math.round((n / found.checked) * found.candidates)), exact: false };
}

/** "12", or "about 4,900" for an estimate (two significant digits). */
function countText(n: number, exact: boolean): string {
  if (exact) return String(n);
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return `about ${(Math.round(n / step) * step).toLocaleString('en-US')}`;
}

/** "3 papers use", "one paper uses", "about 4,900 papers use". */
function papersUsing(count: number, exact: boolean, verb: string): string {
  return count === 1 && exact ? `one paper ${verb}s` : `${countText(count, exact)} papers ${verb}`;
}

/** Papers that introduce the concept: an introducing word just before it, or named as its source by another paper. */
function splitIntroducers(deps: AskDeps, mentions: Mention[], forms: ConceptForms): { introducers: Mention[]; users: Mention[] } {
  const mentioning = new Set(mentions.map((m) => m.paper));
  const credited = new Set<number>();
  for (const m of mentions) {
    for (const s of m.sentences) {
      if (!/\b(?:validated|introduced|proposed|pioneered|first used)\s+(?:in|by)\b/i.test(s)) continue;
      for (const named of deps.names.mentions(s)) if (named.paper !== m.paper && mentioning.has(named.paper)) credited.add(named.paper);
    }
  }
  const introduces = introducesIt(forms);
  const introducers = mentions.filter((m) => credited.has(m.paper) || (credited.size === 0 && m.sentences.some(introduces)));
  const users = mentions.filter((m) => !introducers.includes(m));
  return { introducers, users };
}

export function isKnownAcronym(deps: AskDeps, concept: string): boolean {
  return deps.acronyms.get(concept) !== undefined;
}

export function defineConcept(deps: AskDeps, concept: string): Answer | null {
  const { forms, short, long } = formsFor(deps, concept);
  const { mentions, count, exact } = usage(deps, forms);
  if (mentions.length === 0) return null;
  const { introducers, users } = splitIntroducers(deps, mentions, forms);
  const paper = (m: Mention) => deps.papers[m.paper]!;
  // A sentence with the concept as its subject says what it does ("MLA guarantees efficient inference …").
  const subject = new RegExp(`^(?:The\\s+)?(?:${[short, long].filter(Boolean).map((x) => escapeRegExp(x!)).join('|')})\\b(?!\\s*\\()`);
  const explaining = mentions.flatMap((m) => m.sentences.filter((s) => short && subject.test(s)).map((s) => ({ paper: paper(m), sentence: s })))[0];
  const parts: string[] = [];
  if (short && long) parts.push(`${short} is ${long}.`);
  if (explaining) parts.push(explaining.sentence);
  if (introducers.length > 0) parts.push(`Introduced in ${joinNames(introducers.map(paper))}.`);
  if (users.length > 0) {
    const listed = users.slice(0, MAX_LISTED).map(paper);
    const more = count - introducers.length - listed.length;
    parts.push(`${introducers.length > 0 ? 'Also used' : 'Used'} in ${joinNames(listed)}${more > 0 ? ` and ${countText(more, exact)} more` : ''}.`);
  }
  const citations: Citation[] = [];
  const cite = (c: Citation) => {
    if (citations.length < MAX_CITATIONS && !citations.some((x) => x.sentence === c.sentence)) citations.push(c);
  };
  if (explaining) cite(explaining);
  for (const m of [...introducers, ...users]) cite({ paper: paper(m), sentence: m.sentences[0]! });
  if (!short) {
    // Not an acronym: only a sentence that says what it is counts as a definition; otherwise say
    // plainly that the papers use the term without defining it.
    const name = escapeRegExp(concept).replace(/[-\s]+/g, '[-\\s]+');
    const defining = mentions
      .flatMap((m) => m.sentences.map((s) => ({ paper: paper(m), sentence: s })))
      .find((c) =>
        new RegExp(`\\b${name}\\b\\s*(?:,\\s*(?:a|an|the|which)\\b|\\((?:[^)]{1,40})\\)|is\\b|are\\b|refers\\b)|\\b(?:introduce|propose|present)\\s+${name}\\s+as\\b`, 'i').test(c.sentence),
      );
    if (!defining) {
      const listed = mentions.slice(0, MAX_LISTED).map(paper);
      const more = count - listed.length;
      return {
        found: true,
        text: `No paper ${exact ? '' : 'of the most relevant '}defines “${concept}”; ${papersUsing(count, exact, 'use')} it: ${joinNames(listed)}${more > 0 ? ` and ${countText(more, exact)} more` : ''}.`,
        citations: mentions.slice(0, 3).map((m) => ({ paper: paper(m), sentence: m.sentences[0]! })),
      };
    }
    parts.unshift(defining.sentence);
    citations.unshift(defining);
  }
  return { found: true, text: parts.join(' '), citations: citations.slice(0, MAX_CITATIONS) };
}

/** "What is Janus-Pro?": the sentence of that paper that introduces it. */
export function describePaper(paper: Paper): Answer {
  const all = sentences(paper.abstract).map((s) => s.text);
  const name = titleOf(paper);
  const intro = all.find((s) => s.includes(name) && INTRO_CUE.test(s)) ?? all.find((s) => s.includes(name)) ?? all[0] ?? paper.abstract;
  return { found: true, text: intro, citations: [{ paper, sentence: intro }] };
}

export function listPapersUsing(deps: AskDeps, concept: string, verb: string): Answer | null {
  const { forms, short, long } = formsFor(deps, concept);
  const found = usage(deps, forms);
  if (found.mentions.length === 0) return null;
  const label = short && long ? `${long} (${short})` : concept;
  let { mentions, count, exact } = found;
  if (verb === 'introduce') {
    // "Which paper introduces X?" lists the introducers only; using it is not introducing it.
    const { introducers, users } = splitIntroducers(deps, mentions, forms);
    if (introducers.length === 0) {
      const listed = users.slice(0, MAX_LISTED).map((m) => deps.papers[m.paper]!);
      const more = count - listed.length;
      return {
        found: true,
        text: `No paper ${exact ? 'in the corpus' : `of the ${CHECK_LIMIT} most relevant`} says it introduces ${label}; ${papersUsing(count, exact, 'use')} it: ${joinNames(listed)}${more > 0 ? ` and ${countText(more, exact)} more` : ''}.`,
        citations: users.slice(0, 3).map((m) => ({ paper: deps.papers[m.paper]!, sentence: m.sentences[0]! })),
      };
    }
    // Introducers are few and found among the most relevant papers: they are counted, not estimated.
    [mentions, count, exact] = [introducers, introducers.length, true];
  }
  const listed = mentions.slice(0, MAX_LISTED);
  const more = count - listed.length;
  const lead = exact ? `${count} ${count === 1 ? `paper ${verb}s` : `papers ${verb}`}` : capitalize(papersUsing(count, exact, verb));
  const text = `${lead} ${label}: ${joinNames(listed.map((m) => deps.papers[m.paper]!))}${more > 0 ? ` and ${countText(more, exact)} more` : ''}.`;
  return {
    found: true,
    text,
    citations: listed.map((m) => ({ paper: deps.papers[m.paper]!, sentence: m.sentences[0]! })),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
