// ask(question): an extractive answer, sentences from the corpus each cited with its paper.
// It never makes text up: when no sentence answers, it says so.
import type { Paper } from '../corpus/paper.js';
import { defineConcept, describePaper, isKnownAcronym, listPapersUsing, type Answer, type AskDeps, type Citation } from './ask-concepts.js';
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
  /^(?:(?:which|what)\s+(?:papers?|works?|models?)|list\s+(?:the\s+)?papers?|papers?)\s+(?:that\s+|which\s+)?(?:do\s+|does\s+)?(use|uses|used|using|apply|applies|adopt|adopts|employ|employs|leverage|leverages|mention|mentions|discuss|discusses|are\s+about|is\s+about|about|on|study|studies|propose|proposes|introduce|introduces|present|presents|with)\s+(?:an?\s+|the\s+)?(.+)$/i;
const WHO_WROTE = /^(?:who\s+(?:wrote|authored|made|published|are\s+the\s+authors\s+of|is\s+behind)|(?:what\s+are\s+)?the\s+authors\s+of|authors\s+of)\b/i;
const WHEN = /^when\s+(?:was|were|did)\b.*\b(?:published|released|come\s+out|appear|announced)\b/i;
const CODE = /\b(?:code|github|repo(?:sitory)?|open[-\s]?source(?:d)?|weights)\b/i;
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

interface Scored extends Citation {
  score: number;
}

/** Sentences scored by how much of the question's weight they cover (idf-weighted word overlap). */
function bestSentences(deps: AskDeps, question: string, scope: readonly Paper[] | null, quantity: boolean, df: ReadonlyMap<string, number>): Scored[] {
  const mentioned = new Set(deps.names.mentions(question).flatMap((m) => tokens(deps.papers[m.paper]!.names[0] ?? '').map((t) => term(t.word))));
  const content = [...new Set(tokens(question).map((t) => t.word).filter((w) => !QUESTION_WORDS.has(w.toLowerCase())).map(term))].filter(
    (t): t is string => t !== null && !mentioned.has(t),
  );
  if (content.length === 0) return [];
  const n = deps.papers.length;
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? 0.5));
  const total = content.reduce((s, t) => s + idf(t), 0);
  let papers = scope;
  if (!papers) {
    const found = deps.index.search(content.join(' '), { combineWith: 'OR', boost: { title: 2, names: 2 }, fuzzy: false, prefix: false });
    papers = found.slice(0, 15).map((r) => deps.papers[r.id as number]!);
  }
  const scored: Scored[] = [];
  for (const paper of papers) {
    for (const s of sentences(paper.abstract)) {
      const have = new Set(tokens(s.text).map((t) => term(t.word)));
      const covered = content.filter((t) => have.has(t));
      if (covered.length === 0) continue;
      let score = covered.reduce((sum, t) => sum + idf(t), 0) / total;
      if (quantity) score += NUMBER_WITH_UNIT.test(s.text) ? 0.25 : -0.25;
      scored.push({ paper, sentence: s.text, score });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** Questions the listing answers better than any abstract sentence: who wrote it, when, where the code is. */
function metadataAnswer(paper: Paper, question: string): Answer | null {
  const name = paper.names[0] ?? paper.title;
  if (WHO_WROTE.test(question)) {
    if (paper.authors.length === 0) return notFound(`The corpus does not list the authors of ${name}.`);
    const line = `Authors: ${paper.authors.join(', ')}${paper.etAl ? ' et al.' : ''}${paper.affiliations.length ? ` (${paper.affiliations.join(', ')})` : ''}`;
    return { found: true, text: `${name} is by ${paper.authors.join(', ')}${paper.etAl ? ' et al.' : ''}.`, citations: [{ paper, sentence: line }] };
  }
  if (WHEN.test(question)) {
    if (!paper.date) return notFound(`The corpus has no date for ${name}.`);
    return { found: true, text: `${name} is dated ${paper.date}.`, citations: [{ paper, sentence: `Date: ${paper.date}` }] };
  }
  if (CODE.test(question) && /^(?:where|is|are|does|do|has|can)\b/i.test(question)) {
    if (paper.codeUrl) return { found: true, text: `The code for ${name} is at ${paper.codeUrl}.`, citations: [{ paper, sentence: `Code: ${paper.codeUrl}` }] };
    if (paper.hasCode) return { found: true, text: `${name} is listed with code, but the corpus gives no link.`, citations: [{ paper, sentence: 'Code: yes (no link)' }] };
    return notFound(`The corpus does not say that ${name} has public code.`);
  }
  return null;
}

export function ask(deps: AskDeps, df: ReadonlyMap<string, number>, rawQuestion: string, options: AskOptions = {}): Answer {
  const question = rawQuestion.trim().replace(/[?!.\s]+$/, '');
  if (!question) return notFound('Ask a question about the papers, e.g. "What is MLA?"');

  const list = LIST.exec(question);
  if (list) {
    const concept = list[2]!.trim();
    return listPapersUsing(deps, concept, verbOf(list[1]!)) ?? notFound(`No paper in the corpus mentions “${concept}”.`);
  }

  const mentioned = deps.names.mentions(question).map((m) => deps.papers[m.paper]!);
  const about = mentioned[0] ?? options.contextPaper;
  if (about) {
    const meta = metadataAnswer(about, question);
    if (meta) return meta;
  }
  const definition = DEFINITION.exec(question);
  const subject = definition?.[1]?.trim();
  const bare = !definition && question.split(/\s+/).length <= 3 && !/^(?:how|why|when|where|who|which|does|do|is|are|can)\b/i.test(question) ? question : undefined;
  const concept = subject ?? bare;
  if (concept && concept.split(/\s+/).length <= 4) {
    // "What is MLA?" is about a concept the corpus defines; "What is Janus-Pro?" about a paper.
    const paper = mentioned.find((p) => p.names.some((n) => n.toLowerCase() === concept.toLowerCase()));
    if (paper && !isKnownAcronym(deps, concept)) return describePaper(paper);
    const answer = defineConcept(deps, concept);
    if (answer) return answer;
    if (mentioned.length === 0) return notFound(`Nothing in the corpus defines or mentions “${concept}”.`);
  }

  const scope = mentioned.length > 0 ? mentioned : options.contextPaper ? [options.contextPaper] : null;
  const quantity = QUANTITY.test(question);
  const ranked = bestSentences(deps, question, scope, quantity, df);
  const threshold = scope ? 0.5 : 0.6;
  const good = ranked.filter((s) => s.score >= threshold);
  if (good.length === 0) {
    if (scope) return notFound(`The abstract of ${scope.map((p) => p.names[0] ?? p.title).join(' and ')} does not answer that.`);
    return notFound('Nothing in the corpus answers that.');
  }
  const top = good[0]!;
  const chosen: Citation[] = [top];
  const runnerUp = good.find((s) => s !== top && s.score >= top.score - 0.05 && s.paper !== top.paper);
  if (runnerUp && !scope) chosen.push(runnerUp);
  return { found: true, text: chosen.map((c) => c.sentence).join(' '), citations: chosen.map(({ paper, sentence }) => ({ paper, sentence })) };
}
