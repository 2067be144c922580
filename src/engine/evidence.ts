// Where a concept occurs in the corpus: the papers that mention a phrase or an acronym, and the
// sentence in each that does. Shared by definitions and "which papers …" answers.
import type { Paper } from '../corpus/paper.js';
import { containsPhrase, phraseKey, sentences, tokens } from './text.js';

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

function sentenceMentions(text: string, forms: ConceptForms, phraseKeys: string[]): boolean {
  if (phraseKeys.some((p) => containsPhrase(phraseKey(text), p))) return true;
  if (forms.acronyms.length === 0) return false;
  return tokens(text).some((t) => forms.acronyms.some((a) => t.word === a || t.word === `${a}s`));
}

const CANDIDATE_LIMIT = 2000;

export function findMentions(papers: readonly Paper[], candidatesFor: (query: string) => Iterable<number>, forms: ConceptForms): Mention[] {
  const phraseKeys = forms.phrases.map(phraseKey).filter(Boolean);
  const queries = [...forms.phrases, ...forms.acronyms].filter(Boolean);
  const candidates = new Set<number>();
  for (const q of queries) {
    for (const i of candidatesFor(q)) {
      if (candidates.size >= CANDIDATE_LIMIT) break;
      candidates.add(i);
    }
  }
  const out: Mention[] = [];
  for (const i of candidates) {
    const paper = papers[i]!;
    const hits = sentences(paper.abstract)
      .map((s) => s.text)
      .filter((s) => sentenceMentions(s, forms, phraseKeys));
    const inTitle = sentenceMentions(paper.title, forms, phraseKeys);
    if (hits.length > 0 || inTitle) out.push({ paper: i, sentences: hits.length > 0 ? hits : [paper.title], inTitle });
  }
  return out.sort(
    (a, b) =>
      Number(b.inTitle) - Number(a.inTitle) ||
      b.sentences.length - a.sentences.length ||
      (papers[b.paper]!.date ?? '').localeCompare(papers[a.paper]!.date ?? '') ||
      a.paper - b.paper,
  );
}
