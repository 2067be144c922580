// Questions the listings answer better than any abstract sentence: who wrote a paper, when, where
// its code is; and questions about the corpus itself ("Which papers have code?", "How many papers
// are there?", "Which papers were published in 2025?").
import type { Paper } from '../corpus/paper.js';
import type { Answer } from './ask-concepts.js';
import type { CorpusFilters } from './filters.js';
import { fold, type Filters } from './query.js';
import { sentences } from './text.js';

const WHO_WROTE = /^(?:who\s+(?:wrote|authored|made|published|are\s+the\s+authors\s+of|is\s+behind)|(?:what\s+are\s+)?the\s+authors\s+of|authors\s+of)\b/i;
const WHEN = /^when\s+(?:was|were|did)\b.*\b(?:published|released|come\s+out|appear|announced)\b/i;
const CODE = /\b(?:code|github|repo(?:sitory)?|open[-\s]?source(?:d)?|weights)\b/i;
const CODE_STATEMENT = /\b(?:code|codes|models?|weights|checkpoints?)\b[^.]*\b(?:publicly|open[-\s]?sourced?|released|available)\b/i;

function nameOf(p: Paper): string {
  return p.names[0] ?? p.title;
}

function found(text: string, citations: Answer['citations']): Answer {
  return { found: true, text, citations };
}

function notFound(text: string): Answer {
  return { found: false, text, citations: [] };
}

function byline(p: Paper): string {
  return `${p.authors.join(', ')}${p.etAl ? ' et al.' : ''}`;
}

/** Ends a sentence with one period, even after "et al.". */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function paperMetadataAnswer(paper: Paper, question: string): Answer | null {
  const name = nameOf(paper);
  if (WHO_WROTE.test(question)) {
    if (paper.authors.length === 0) return notFound(`The corpus does not list the authors of ${name}.`);
    const line = `Authors: ${byline(paper)}${paper.affiliations.length ? ` (${paper.affiliations.join(', ')})` : ''}`;
    return found(sentence(`${name} is by ${byline(paper)}`), [{ paper, sentence: line }]);
  }
  if (WHEN.test(question)) {
    if (!paper.date) return notFound(`The corpus has no date for ${name}.`);
    return found(`${name} is dated ${paper.date}.`, [{ paper, sentence: `Date: ${paper.date}` }]);
  }
  if (CODE.test(question) && /^(?:where|is|are|does|do|has|can)\b/i.test(question)) {
    if (paper.codeUrl) return found(`The code for ${name} is at ${paper.codeUrl}.`, [{ paper, sentence: `Code: ${paper.codeUrl}` }]);
    const statement = sentences(paper.abstract).find((s) => CODE_STATEMENT.test(s.text));
    if (statement) return found(`${name}'s abstract says: “${statement.text}” The corpus has no link to it.`, [{ paper, sentence: statement.text }]);
    if (paper.hasCode) return found(`${name} is listed with code, but the corpus gives no link.`, [{ paper, sentence: 'Code: yes (listing)' }]);
    return notFound(`The corpus does not say that ${name} has public code.`);
  }
  return null;
}

interface CorpusQuestion {
  filters: Filters;
  describe: string;
  line: (p: Paper) => string;
  order?: 'newest' | 'oldest';
}

const NONE: Filters = { authors: [], categories: [], affiliations: [], years: [] };

/** What questions about the corpus need: its papers, their filters and their date order. */
export interface CorpusView {
  papers: readonly Paper[];
  filters: CorpusFilters;
  /** Paper indexes newest first, undated last. */
  byDate: Uint32Array;
  /** The distinct affiliations, folded. */
  affiliationKeys: () => readonly string[];
}

/** Reads a question about the corpus as metadata filters, or null when it is not one. */
function corpusQuestion(question: string, corpus: CorpusView): CorpusQuestion | null {
  const q = question.toLowerCase();
  if (!/\b(?:papers?|works?|anything)\b/.test(q)) return null;
  if (/\b(?:have|has|with|come with|ship|release[sd]?|provide)\s+(?:public\s+|open[-\s]source\s+|released\s+)?(?:code|repos?|repositories)\b/.test(q)) {
    const github = /\bgithub\b/.test(q);
    return {
      filters: { ...NONE, hasCode: true },
      describe: github ? 'have code on GitHub' : 'have code',
      line: (p) => (p.codeUrl ? `Code: ${p.codeUrl}` : 'Code: yes (listing flag, no link)'),
    };
  }
  const year = /\b(?:published|released|from|in|dated)\s+(?:the\s+year\s+)?((?:19|20)\d{2})\b/.exec(q);
  if (year) return { filters: { ...NONE, years: [Number(year[1])] }, describe: `are dated ${year[1]}`, line: (p) => `Date: ${p.date}` };
  const by = /\b(?:by|written\s+by|authored\s+by|from)\s+(.+?)[\s?!.]*$/.exec(question);
  if (by) {
    const who = fold(by[1]!.replace(/^(?:the\s+)/i, ''));
    const affiliation = corpus.affiliationKeys().some((a) => a === who || a.startsWith(who));
    if (affiliation) return { filters: { ...NONE, affiliations: [who] }, describe: `list the affiliation ${by[1]}`, line: (p) => `Affiliations: ${p.affiliations.join(', ')}` };
    const authors = { ...NONE, authors: [who] };
    // "How many papers are by X?" with no such author is 0, not the size of the corpus; "from X"
    // may be anything ("from Common Crawl"), so only "by" says X is an author.
    const askedBy = /^how\s+many\b/.test(q) && /\bby\s/i.test(by[0]);
    if (corpus.filters.compile(authors).count > 0 || askedBy) return { filters: authors, describe: `are by ${by[1]}`, line: (p) => `Authors: ${byline(p)}` };
  }
  const recency = /\b(newest|latest|most\s+recent|oldest|earliest)\b/.exec(q);
  if (recency) {
    const order = /newest|latest|recent/.test(recency[1]!) ? 'newest' : 'oldest';
    return { filters: NONE, describe: `are the ${order}`, line: (p) => `Date: ${p.date}`, order };
  }
  // Only the size of the corpus: "How many papers use data from Common Crawl?" is not that question.
  if (/^how\s+many\s+papers(?:\s+(?:are|is|do\s+(?:you|we)\s+have|does\s+(?:it|the\s+corpus)\s+have))?(?:\s+(?:there|here|loaded|indexed|in\s+(?:the|this|your)\s+(?:corpus|collection|library|index)))?$/.test(q))
    return { filters: NONE, describe: 'are in the corpus', line: (p) => `Title: ${p.title}` };
  return null;
}

const LISTED = 10;

export function corpusMetadataAnswer(corpus: CorpusView, question: string): Answer | null {
  const parsed = corpusQuestion(question, corpus);
  if (!parsed) return null;
  const { papers, byDate } = corpus;
  const passes = corpus.filters.compile(parsed.filters).passes;
  const github = /\bgithub\b/i.test(question);
  const wanted = (i: number) => passes(i) && (!github || (papers[i]!.codeUrl?.includes('github.com') ?? false));
  let matching: Paper[] = [];
  if (parsed.order) {
    // The date order is built with the engine: the newest (or oldest) dated papers are at an end.
    let dated = byDate.length;
    while (dated > 0 && papers[byDate[dated - 1]!]!.date === null) dated--;
    for (let k = 0; k < dated && matching.length < 3; k++) {
      const i = byDate[parsed.order === 'newest' ? k : dated - 1 - k]!;
      if (wanted(i)) matching.push(papers[i]!);
    }
  } else {
    for (let i = 0; i < papers.length; i++) if (wanted(i)) matching.push(papers[i]!);
  }
  if (/^how\s+many\b/i.test(question)) {
    return found(`${matching.length} ${matching.length === 1 ? 'paper' : 'papers'} ${parsed.describe.replace(/^are /, matching.length === 1 ? 'is ' : 'are ')}.`, []);
  }
  if (matching.length === 0) return notFound(`No paper in the corpus ${parsed.describe.replace(/^are /, 'is ').replace(/^have /, 'has ')}.`);
  const listed = matching.slice(0, LISTED);
  const more = matching.length - listed.length;
  const names = listed.map(nameOf).join(', ');
  const head = parsed.order ? `The ${parsed.order} ${listed.length === 1 ? 'paper' : 'papers'}` : `${matching.length} ${matching.length === 1 ? 'paper' : 'papers'} ${matching.length === 1 ? parsed.describe.replace(/^are /, 'is ').replace(/^have /, 'has ') : parsed.describe}`;
  return found(`${head}: ${names}${more > 0 ? ` and ${more} more` : ''}.`, listed.map((p) => ({ paper: p, sentence: parsed.line(p) })));
}
