// findMentions prefilters abstracts with regular expressions and stems only around their matches;
// these tests hold it to the straightforward version (split every abstract, key every sentence).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { createAcronymTable } from '../../src/engine/acronyms.js';
import { findMentions, type ConceptForms, type Mention } from '../../src/engine/evidence.js';
import { containsPhrase, phraseKey, sentences, terms, tokens } from '../../src/engine/text.js';
import { seed } from '../support/seed.js';

type Candidates = (query: string) => Iterable<number>;

// The implementation before the prefilters, kept as the definition of the answer.
function referenceSentenceMentions(text: string, forms: ConceptForms, phraseKeys: string[]): boolean {
  if (phraseKeys.some((p) => containsPhrase(phraseKey(text), p))) return true;
  if (forms.acronyms.length === 0) return false;
  return tokens(text).some((t) => forms.acronyms.some((a) => t.word === a || t.word === `${a}s`));
}

function referenceFindMentions(papers: readonly Paper[], candidates: Candidates, forms: ConceptForms): Mention[] {
  const phraseKeys = forms.phrases.map(phraseKey).filter(Boolean);
  const queries = [...forms.phrases, ...forms.acronyms].filter(Boolean);
  const chosen = new Set<number>();
  for (const q of queries) {
    for (const i of candidates(q)) {
      if (chosen.size >= 2000) break;
      chosen.add(i);
    }
  }
  const out: Mention[] = [];
  for (const i of chosen) {
    const paper = papers[i]!;
    const hits = sentences(paper.abstract)
      .map((s) => s.text)
      .filter((s) => referenceSentenceMentions(s, forms, phraseKeys));
    const inTitle = referenceSentenceMentions(paper.title, forms, phraseKeys);
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

/** Papers whose title, abstract or names hold every word of the query, by scanning them all. */
function scan(papers: readonly Paper[]): Candidates {
  const words = papers.map((p) => new Set(terms([p.title, p.abstract, ...p.names].join(' '))));
  return (query) => {
    const want = terms(query);
    if (want.length === 0) return [];
    return papers.flatMap((_, i) => (want.every((w) => words[i]!.has(w)) ? [i] : []));
  };
}

/** Every paper, whatever the query: each abstract then goes through the prefilters. */
const everyPaper =
  (papers: readonly Paper[]): Candidates =>
  () =>
    papers.keys();

function paper(i: number, title: string, abstract: string, date: string | null): Paper {
  return {
    id: `p${i}`,
    title,
    titleInferred: false,
    authors: [],
    etAl: false,
    affiliations: [],
    category: null,
    date,
    hasCode: false,
    codeUrl: null,
    abstract,
    names: [],
    sources: [{ file: 'papers.txt', line: i + 1 }],
  };
}

const WORDS = [
  ...['Mixture', 'mixture', 'mixtures', 'MIXTURE', 'Mixture-of-Experts', 'mixture-of-experts', 'of', 'Of', 'OF'],
  ...['experts', 'Experts', 'expert', 'expertise', "expert's", 'experts’', 'MoE', 'MoEs', 'MOE', 'moe', "MoE's", 'MoE-based', 'DeepSeekMoE'],
  ...['V2.5', 'V2', 'v2', '2.5', '671B', '3D', 'e.g.', 'i.e.', 'et al.', 'Fig.', 'U.S.', 'No.'],
  ...['scaling', 'scale', 'scaled', 'happy', 'happiness', 'sensibility', 'sensible', 'hoping', 'hope', 'relational', 'relate'],
  ...['large', 'larger', 'language', 'languages', 'model', 'models', "model's", 'modeling', 'LLM', 'LLMs', 'LLM’s', 'MLA', 'MLAs'],
  ...['Multi-head', 'multi', 'head', 'Latent', 'latent', 'attention', 'Attention', 'DSA', 'DeepSeek', 'Sparse', 'sparse', 'sparsity'],
  ...['transformer', 'Transformers', 'we', 'We', 'a', 'the', 'it', "it's", "it's3D", 's', 'A'],
  ...['naïve', 'Über', 'über', 'straße', 'İstanbul', 'ΣΑΣ', 'σας', '\u212Aelvin', '𝑥𝑦', 'Ωmega', '٣'],
];
const SEPARATORS = [' ', ' ', ' ', ' ', ', ', '-', '. ', '! ', '? ', ' (', ') ', "'", '’', '', '/', '\n', '. "', '." ', ' — ', '.'];
const text = (maxWords: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: maxWords })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));
const phrase = fc.oneof(
  fc.constantFrom('Mixture-of-Experts', 'mixtures of experts', 'large language models', 'Multi-head Latent Attention', 'DeepSeek Sparse Attention'),
  fc.constantFrom('transformer', 'scaling', 'happy', 'sensibility', 'V2.5', "model's", "it's 3D", 'Über', 'of', '', '-'),
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).chain((ws) => fc.constantFrom(ws.join(' '), ws.join('-'), ws.join(''))),
);
const acronym = fc.constantFrom('MoE', 'MOE', 'LLM', 'MLA', 'DSA', '3D', 'V2', 'Über', 'A', 's', 'X-Y', "MoE's", '𝑥𝑦', '٣', '');
const forms: fc.Arbitrary<ConceptForms> = fc.record({
  phrases: fc.array(phrase, { maxLength: 2 }),
  acronyms: fc.array(acronym, { maxLength: 2 }),
});
const corpus = fc
  .array(fc.tuple(text(8), text(40), fc.constantFrom(null, '2024-05-01', '2025-01-20', '2025-01-20')), { minLength: 1, maxLength: 6 })
  .map((rows) => rows.map(([title, abstract, date], i) => paper(i, title, abstract, date)));

describe('findMentions', () => {
  it('GIVEN random abstracts of tricky words THEN the same mentions as splitting and keying every sentence', () => {
    fc.assert(
      fc.property(corpus, forms, fc.boolean(), (papers, f, all) => {
        const candidates = all ? everyPaper(papers) : scan(papers);
        expect(findMentions(papers, candidates, f)).toEqual(referenceFindMentions(papers, candidates, f));
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN words and phrases sharing a base with different endings THEN stemming decides as before', () => {
    // Porter stems are not always a prefix of the word ("hoping" -> "hope", "happy" -> "happi"),
    // which the prefilter must allow for.
    const base = fc.constantFrom('hop', 'scal', 'happ', 'sensib', 'relat', 'gener', 'condit', 'us', 'ag', 'cr', 'mod', 'abl', 'fil');
    const ending = fc.constantFrom('', 'e', 'es', 'ed', 'ing', 'y', 'ies', 'ily', 'ility', 'ibility', 'ation', 'ational', 'ization', 'ator', 'ness', 'ful', 'le', 'ly', 'ble', 'ement', 'ive');
    const word = fc.tuple(base, ending).map(([b, e]) => b + e);
    const abstract = fc.array(fc.tuple(word, fc.constantFrom(' ', '-', '. ', ', ')), { maxLength: 30 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
    const phrases = fc.array(fc.array(word, { minLength: 1, maxLength: 2 }).map((ws) => ws.join(' ')), { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(fc.array(abstract, { minLength: 1, maxLength: 5 }), phrases, (abstracts, ps) => {
        const papers = abstracts.map((a, i) => paper(i, 'Title', a, null));
        const f = { phrases: ps, acronyms: [] };
        expect(findMentions(papers, everyPaper(papers), f)).toEqual(referenceFindMentions(papers, everyPaper(papers), f));
      }),
      { numRuns: 300 },
    );
  });

  it.each<[string, string, ConceptForms, string[]]>([
    ['a stem that is not a prefix of the word ("hoping" → "hope")', 'We are hoping for more. Hope is all.', { phrases: ['hope'], acronyms: [] }, ['We are hoping for more.', 'Hope is all.']],
    ['"happy" for "happiness" (both "happi")', 'Happy models learn. Sad ones do not.', { phrases: ['happiness'], acronyms: [] }, ['Happy models learn.']],
    ['a false match overlapping the true one', 'It modes model model here.', { phrases: ['model model'], acronyms: [] }, ['It modes model model here.']],
    ['a token right after an apostrophe form ("it\'s3D")', "Printing it's3D shapes.", { phrases: ["it's 3D"], acronyms: [] }, ["Printing it's3D shapes."]],
    ['the acronym inside apostrophe forms', "We compare the'MoE and MoE's variants.", { phrases: [], acronyms: ['MoE'] }, []],
    ['the plural of the acronym and another case', 'Two MoEs help. MOE does not count.', { phrases: [], acronyms: ['MoE'] }, ['Two MoEs help.']],
    ['the phrase across a sentence boundary', 'We use a mixture. Of experts we know little.', { phrases: ['mixture of experts'], acronyms: [] }, []],
    ['"e.g." inside the sentence', 'Sparse models, e.g. Mixture-of-Experts, scale. Dense ones do not.', { phrases: ['mixtures of experts'], acronyms: [] }, ['Sparse models, e.g. Mixture-of-Experts, scale.']],
    ['capitals and a plural', 'MIXTURES OF EXPERTS win.', { phrases: ['Mixture-of-Experts'], acronyms: [] }, ['MIXTURES OF EXPERTS win.']],
    ['a version number', 'DeepSeek-V2.5 merges chat and code. V2 was first.', { phrases: ['V2.5'], acronyms: [] }, ['DeepSeek-V2.5 merges chat and code.']],
    ['letters beyond ASCII', 'Über models in İstanbul. Uber models elsewhere.', { phrases: ['über model'], acronyms: [] }, ['Über models in İstanbul.']],
  ])('GIVEN %s THEN the sentences found are those the reference finds', (_, abstract, f, expected) => {
    const papers = [paper(0, 'Untitled', abstract, null)];
    const mentions = findMentions(papers, everyPaper(papers), f);
    expect(mentions[0]?.sentences ?? []).toEqual(expected);
    expect(mentions).toEqual(referenceFindMentions(papers, everyPaper(papers), f));
  });

  it('GIVEN more candidates than the limit THEN the first 2,000 in the order the index gives, as before', () => {
    const papers = Array.from({ length: 2100 }, (_, i) => paper(i, `Paper ${i}`, `We train a mixture of experts (MoE) model. It has ${i} experts.`, null));
    const reversed: Candidates = (q) => [...scan(papers)(q)].reverse();
    const f = { phrases: ['Mixture-of-Experts'], acronyms: ['MoE'] };
    const mentions = findMentions(papers, reversed, f);
    expect(mentions).toHaveLength(2000);
    expect(Math.min(...mentions.map((m) => m.paper))).toBe(100);
    expect(mentions).toEqual(referenceFindMentions(papers, reversed, f));
  });

  it('GIVEN "Mixture-of-Experts" or "MoE" in the seed corpus THEN the six papers that use it, each with its sentences', async () => {
    const { corpus: seedCorpus } = await seed();
    const papers = seedCorpus.papers;
    const f = { phrases: ['Mixture-of-Experts'], acronyms: ['MoE'] };
    const mentions = findMentions(papers, scan(papers), f);
    expect(mentions.map((m) => papers[m.paper]!.id).sort()).toEqual(['deepseek-coder-v2', 'deepseek-ocr', 'deepseek-v2', 'deepseek-v3', 'deepseek-vl2', 'engram']);
    expect(mentions.find((m) => papers[m.paper]!.id === 'deepseek-v3')!.sentences[0]).toBe(
      'We present DeepSeek-V3, a strong Mixture-of-Experts (MoE) language model with 671B total parameters with 37B activated for each token.',
    );
    expect(mentions).toEqual(referenceFindMentions(papers, scan(papers), f));
  });

  it('GIVEN each acronym the seed corpus defines, with its long form THEN the same mentions as before', async () => {
    const { corpus: seedCorpus } = await seed();
    const papers = seedCorpus.papers;
    const definitions = createAcronymTable(papers).snapshot().definitions;
    expect(definitions.length).toBeGreaterThan(10);
    for (const d of definitions) {
      for (const f of [{ phrases: [d.long], acronyms: [d.short] }, { phrases: [d.long], acronyms: [] }, { phrases: [], acronyms: [d.short] }]) {
        expect(findMentions(papers, scan(papers), f), `${d.short} / ${d.long}`).toEqual(referenceFindMentions(papers, scan(papers), f));
      }
    }
  });

  it('GIVEN every run of one to three words of the seed titles as a phrase THEN the same mentions as before', async () => {
    const { corpus: seedCorpus } = await seed();
    const papers = seedCorpus.papers;
    const phrases = new Set<string>();
    for (const p of papers) {
      const words = p.title.split(/\s+/);
      for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) phrases.add(words.slice(i, i + n).join(' '));
    }
    for (const ph of phrases) {
      const f = { phrases: [ph], acronyms: [] };
      expect(findMentions(papers, everyPaper(papers), f), ph).toEqual(referenceFindMentions(papers, everyPaper(papers), f));
    }
  });
});
