// Answers about a concept: "What is MLA?" (expand the acronym as the corpus defines it, name the
// papers that introduce and use it) and "Which papers use mixture-of-experts?".
import type { Paper } from '../corpus/paper.js';
import type { AcronymTable } from './acronyms.js';
import type { NameIndex } from './name-index.js';
import type { SearchIndex } from './search-index.js';
import { findMentions, type ConceptForms, type Mention } from './evidence.js';
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
  /** Papers whose title, abstract or names hold every word of the text, best first. */
  candidates: (text: string) => Iterable<number>;
  names: NameIndex;
  acronyms: AcronymTable;
}

const INTRO_CUE = /\b(?:we\s+(?:propose|introduce|present|design|develop)|innovative|novel|first)\b/i;
const MAX_CITATIONS = 6;
const MAX_LISTED = 10;

function titleOf(p: Paper): string {
  return p.names[0] ?? p.title;
}

function joinNames(papers: Paper[]): string {
  const names = papers.map(titleOf);
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

/** True when an introducing word stands just before the concept: "we introduce conditional memory", "innovative architectures including MLA". */
function introducesIt(sentence: string, forms: ConceptForms): boolean {
  const alternatives = [...forms.phrases, ...forms.acronyms].map((f) => escapeRegExp(f).replace(/[-\s]+/g, '[-\\s]+'));
  if (alternatives.length === 0) return false;
  // Only plain lowercase words may stand between ("innovative architectures including MLA"), so
  // "We present DeepSeek-V2, a strong Mixture-of-Experts model" does not introduce MoE.
  const near = new RegExp(`${INTRO_CUE.source}((?:\\s+[\\w-]+){0,3})\\s+(?:${alternatives.join('|')})\\b`, 'gi');
  return [...sentence.matchAll(near)].some((m) => !/[\p{Lu},]/u.test(m[1] ?? ''));
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
  const introducers = mentions.filter((m) => credited.has(m.paper) || (credited.size === 0 && m.sentences.some((s) => introducesIt(s, forms))));
  const users = mentions.filter((m) => !introducers.includes(m));
  return { introducers, users };
}

export function isKnownAcronym(deps: AskDeps, concept: string): boolean {
  return deps.acronyms.get(concept) !== undefined;
}

export function defineConcept(deps: AskDeps, concept: string): Answer | null {
  const { forms, short, long } = formsFor(deps, concept);
  const mentions = findMentions(deps.papers, deps.candidates, forms);
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
    const more = users.length - listed.length;
    parts.push(`${introducers.length > 0 ? 'Also used' : 'Used'} in ${joinNames(listed)}${more > 0 ? ` and ${more} more` : ''}.`);
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
      return {
        found: true,
        text: `No paper defines “${concept}”; ${mentions.length === 1 ? 'one paper uses' : `${mentions.length} papers use`} it: ${joinNames(listed)}${mentions.length > listed.length ? ` and ${mentions.length - listed.length} more` : ''}.`,
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
  let mentions = findMentions(deps.papers, deps.candidates, forms);
  if (mentions.length === 0) return null;
  const label = short && long ? `${long} (${short})` : concept;
  if (verb === 'introduce') {
    // "Which paper introduces X?" lists the introducers only; using it is not introducing it.
    const { introducers, users } = splitIntroducers(deps, mentions, forms);
    if (introducers.length === 0) {
      return {
        found: true,
        text: `No paper in the corpus says it introduces ${label}; ${users.length === 1 ? 'one paper uses' : `${users.length} papers use`} it: ${joinNames(users.slice(0, MAX_LISTED).map((m) => deps.papers[m.paper]!))}.`,
        citations: users.slice(0, 3).map((m) => ({ paper: deps.papers[m.paper]!, sentence: m.sentences[0]! })),
      };
    }
    mentions = introducers;
  }
  const listed = mentions.slice(0, MAX_LISTED);
  const more = mentions.length - listed.length;
  const noun = mentions.length === 1 ? 'paper' : 'papers';
  const text = `${mentions.length} ${noun} ${mentions.length === 1 ? `${verb}s` : verb} ${label}: ${joinNames(listed.map((m) => deps.papers[m.paper]!))}${more > 0 ? ` and ${more} more` : ''}.`;
  return {
    found: true,
    text,
    citations: listed.map((m) => ({ paper: deps.papers[m.paper]!, sentence: m.sentences[0]! })),
  };
}
