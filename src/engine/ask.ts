// ask(question): an extractive answer, sentences from the corpus each cited with its paper.
// It never makes text up: when no sentence answers, it says so.
import type { Paper } from '../corpus/paper.js';
import { defineConcept, describePaper, isKnownAcronym, listPapersUsing, type Answer, type AskDeps, type Citation } from './ask-concepts.js';
import { corpusMetadataAnswer, paperMetadataAnswer } from './ask-metadata.js';
import { nameKey } from '../corpus/slug.js';
import { QUESTION_WORDS } from './stopwords.js';
import { sentences, term, tokens } from './text.js';

export type { Answer, Citation } from './ask-concepts.js';

export interface AskOptions {
  /** The paper a conversation is about ("how many parameters?" after a DeepSeek-V3 card). */
  contextPaper?: Paper;
}

const DEFINITION =
  /^(?:what(?:'s|’s|\s+is|\s+are|\s+was|\s+were|\s+does|\s+do)|who\s+(?:is|are)|define|explain|describe|tell\s+me\s+about)\s+(?:an?\s+|the\s+)?(.+?)(?:\s+(?:do|does|mean|stand\s+for|refer\s+to|work|do\s+exactly))?$/i;
const LIST =
  /^(?:(?:which|what|how\s+many)\s+(?:papers?|works?|models?)|list\s+(?:the\s+)?papers?|papers?)\s+(?:that\s+|which\s+)?(?:do\s+|does\s+)?(use|uses|used|using|apply|applies|adopt|adopts|employ|employs|leverage|leverages|mention|mentions|discuss|discusses|are\s+about|is\s+about|about|on|study|studies|propose|proposes|introduce|introduces|present|presents|with)\s+(?:an?\s+|the\s+)?(.+)$/i;
const QUANTITY = /^how\s+(?:many|much|large|big|long|fast)\b/i;
const NUMBER_WITH_UNIT = /\b\d+(?:\.\d+)?\s?(?:[KMBT]\b|%|billion|million|trillion|thousand|x\b|×)|\b\d{2,}\b/i;

function verbOf(raw: string): string {
  const v = raw.toLowerCase().replace(/\s+/g, ' ');
  if (/^(?:propose|introduce|present)/.test(v)) return 'introduce';
  if (/^(?:use|apply|adopt|employ|leverage|with)/.test(v)) return 'use';
  return 'mention';
}

function notFound(text: string): Answer {
  return { found: false, text, citations: [] };
}

/** Stems match when equal or when one extends the other ("reduc" and "reduct", "compress" and "compression"). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3;
}

interface Scored extends Citation {
  score: number;
}

/** Sentences scored by how much of the question's weight they cover (idf-weighted word overlap). */
function bestSentences(deps: AskDeps, question: string, scope: readonly Paper[] | null, quantity: boolean): Scored[] {
  // The papers' own names are not content: "DeepSeek-V3" matches every sentence of its abstract.
  const mentioned = new Set((scope ?? []).flatMap((p) => p.names.flatMap((n) => tokens(n).map((t) => term(t.word)))));
  for (const t of tokens(question)) if (/\d/.test(t.word) && /\p{L}/u.test(t.word)) mentioned.add(term(t.word));
  const content = [...new Set(tokens(question).map((t) => t.word).filter((w) => !QUESTION_WORDS.has(w.toLowerCase())).map(term))].filter(
    (t): t is string => t !== null && !mentioned.has(t),
  );
  if (content.length === 0) return [];
  const n = deps.papers.length;
  const idf = (t: string) => Math.log(1 + n / (deps.index.documentFrequency(t) || 0.5));
  const total = content.reduce((s, t) => s + idf(t), 0);
  let papers = scope;
  if (!papers) {
    const found = deps.index.search(
      content.map((t) => ({ term: t })),
      { combineWith: 'OR', boost: { title: 2, names: 2 }, limit: 15 },
    );
    papers = found.hits.map((r) => deps.papers[r.id]!);
  }
  const scored: Scored[] = [];
  for (const paper of papers) {
    for (const s of sentences(paper.abstract)) {
      const have = [...new Set(tokens(s.text).map((t) => term(t.word)).filter((t): t is string => t !== null))];
      const covered = content.filter((t) => have.some((h) => sameStem(h, t)));
      if (covered.length === 0) continue;
      let score = covered.reduce((sum, t) => sum + idf(t), 0) / total;
      if (quantity) score += NUMBER_WITH_UNIT.test(s.text) ? 0.25 : -0.25;
      scored.push({ paper, sentence: s.text, score });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * What a person typed, minus what is not the question: chat mentions (<@U123>, @here), emoji,
 * a greeting to the bot, and the closing punctuation.
 */
export function normalizeQuestion(raw: string): string {
  return raw
    .replace(/<(?:https?|mailto):[^|>\s]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>\s]*)>/g, '$1')
    .replace(/<[@#!][^>\s]*>/g, ' ')
    .replace(/(^|\s)@\w+/g, ' ')
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/^\s*(?:hey|hi|hello|ok|so)?\s*,?\s*paperbot\s*[,:]?\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?!.\s]+$/, '');
}

/** Papers a question names, including short forms next to a full name ("DeepSeek-V2 and V3"). */
function papersNamed(deps: AskDeps, question: string): Paper[] {
  const found = deps.names.mentions(question).map((m) => deps.papers[m.paper]!);
  for (const word of question.split(/[\s,;/]+/)) {
    const w = word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
    // Only version-like short forms ("V3", "R1", "OCR-2"): plain words are too easily prose.
    if (!/\d/.test(w) || !/\p{L}/u.test(w) || w.length > 12) continue;
    const short = deps.names.exact(nameKey(w), { short: true });
    if (short.length === 1 || (short.length > 1 && short[0]!.score > short[1]!.score)) {
      const paper = deps.papers[short[0]!.paper]!;
      if (!found.includes(paper)) found.push(paper);
    }
  }
  return found;
}

function listNames(papers: readonly Paper[]): string {
  const names = papers.map((p) => p.names[0] ?? p.title);
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const SIZE = /\b(?:bigger|larger|smaller|size|parameters?)\b/i;
const PARAMETER_COUNT = /\b\d+(?:\.\d+)?\s?[BMT]\b[^.]*\bparameters?\b|\bparameters?\b[^.]*\b\d+(?:\.\d+)?\s?[BMT]\b/i;
const COMPARISON_WORDS = /\b(?:differen(?:ce|t)|differs?|compare[sd]?|comparison|versus|vs\.?|bigger|larger|smaller|better|worse|faster|slower|between|model)\b/gi;
const COMPARISON = /\b(?:differen(?:ce|t)|compare[sd]?|comparison|versus|vs\.?|or|bigger|larger|smaller|better|worse|faster|slower|more|fewer|less)\b/i;

export function ask(deps: AskDeps, rawQuestion: string, options: AskOptions = {}): Answer {
  const question = normalizeQuestion(rawQuestion);
  if (!question) return notFound('Ask a question about the papers, e.g. "What is MLA?"');
  const named = papersNamed(deps, question);

  if (named.length === 0) {
    const corpus = corpusMetadataAnswer(deps.corpus, question);
    if (corpus) return corpus;
  }

  const list = LIST.exec(question);
  if (list) {
    const concept = list[2]!.trim();
    return listPapersUsing(deps, concept, verbOf(list[1]!)) ?? notFound(`No paper in the corpus mentions “${concept}”.`);
  }

  const about = named[0] ?? options.contextPaper;
  if (about && named.length <= 1) {
    const meta = paperMetadataAnswer(about, question);
    if (meta) return meta;
  }

  const definition = DEFINITION.exec(question);
  let concept = definition?.[1]?.trim() ?? (question.split(/\s+/).length <= 3 && !/^(?:how|why|when|where|who|which|does|do|is|are|can)\b/i.test(question) ? question : undefined);
  if (concept) {
    // "What is MLA in DeepSeek-V3?": the concept is MLA; the paper only narrows where it is used.
    const tail = /^(.+?)\s+(?:in|of|from|for|used\s+by)\s+(.+)$/i.exec(concept);
    if (tail && deps.acronyms.get(tail[1]!)) return defineConcept(deps, tail[1]!) ?? notFound(`Nothing in the corpus defines “${tail[1]}”.`);
  }
  if (concept && concept.split(/\s+/).length <= 4 && !(named.length >= 2 && COMPARISON.test(question))) {
    // "What is MLA?" is about a concept the corpus defines; "What is Janus-Pro?" about a paper.
    const paper = named.find((p) => p.names.some((n) => nameKey(n) === nameKey(concept)));
    if (paper && !isKnownAcronym(deps, concept)) return describePaper(paper);
    const answer = defineConcept(deps, concept);
    if (answer) return answer;
    if (named.length === 0) return notFound(`Nothing in the corpus defines or mentions “${concept}”.`);
  }

  const scope = named.length > 0 ? named : options.contextPaper ? [options.contextPaper] : null;
  const quantity = QUANTITY.test(question);
  const ranked = bestSentences(deps, question, scope, quantity);
  const threshold = scope ? 0.5 : 0.6;
  const good = ranked.filter((s) => s.score >= threshold);

  if (scope && scope.length >= 2 && COMPARISON.test(question)) {
    // A comparison: each paper's size sentence when the question is about size, else its best
    // sentence for the question's other words, else what the paper is.
    const size = SIZE.test(question);
    const relevant = bestSentences(deps, question.replace(COMPARISON_WORDS, ' '), scope, size).filter((s) => s.score >= threshold);
    const citations = scope.map(
      (paper) =>
        (size ? sentences(paper.abstract).map((x) => ({ paper, sentence: x.text })).find((x) => PARAMETER_COUNT.test(x.sentence)) : undefined) ??
        relevant.find((s) => s.paper === paper) ??
        describePaper(paper).citations[0]!,
    );
    return { found: true, text: citations.map((c) => `${c.paper.names[0] ?? c.paper.title}: ${c.sentence}`).join(' '), citations: citations.map(({ paper, sentence }) => ({ paper, sentence })) };
  }
  if (good.length === 0) {
    if (scope) return notFound(`The ${scope.length === 1 ? 'abstract' : 'abstracts'} of ${listNames(scope)} ${scope.length === 1 ? 'does' : 'do'} not answer that.`);
    return notFound('Nothing in the corpus answers that.');
  }
  const top = good[0]!;
  const chosen: Citation[] = [top];
  const runnerUp = good.find((s) => s !== top && s.score >= top.score - 0.05 && s.paper !== top.paper);
  if (runnerUp && !scope) chosen.push(runnerUp);
  return { found: true, text: chosen.map((c) => c.sentence).join(' '), citations: chosen.map(({ paper, sentence }) => ({ paper, sentence })) };
}
