// related(paper): the most similar papers by tf-idf over titles and abstracts, with the words,
// acronyms and authors they share.
import type { Paper } from '../corpus/paper.js';
import type { SearchIndex } from './search-index.js';
import { term, tokens } from './text.js';

export interface RelatedHit {
  paper: Paper;
  score: number;
  /** What the two papers share, most telling first: names and terms, then authors. */
  shared: string[];
}

export interface RelatedDeps {
  papers: readonly Paper[];
  index: SearchIndex;
}

interface Profile {
  weights: Map<string, number>;
  norm: number;
}

/** A paper's tf-idf vector over its title (counted twice) and abstract, from the index's forward lists. */
function profile(paper: number, deps: RelatedDeps): Profile {
  const n = deps.papers.length;
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [t, c] of deps.index.termsOf(paper)) {
    if (/^\d+$/.test(t)) continue;
    const idf = Math.log(1 + n / (deps.index.documentFrequency(t) || 1));
    const w = (1 + Math.log(c)) * idf * (BOILERPLATE.has(t) ? BOILERPLATE_WEIGHT : 1);
    weights.set(t, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) || 1 };
}

/** How each of a paper's terms is written, preferring the form that shows a name or acronym ("MoE" over "moe"). */
function surfaceForms(paper: Paper): Map<string, string> {
  const surface = new Map<string, string>();
  for (const t of tokens(`${paper.title} ${paper.abstract}`)) {
    const x = term(t.word);
    if (!x) continue;
    const prev = surface.get(x);
    if (!prev || (isNameLike(t.word) && !isNameLike(prev))) surface.set(x, isNameLike(t.word) ? t.word : t.word.toLowerCase());
  }
  return surface;
}

// Words every abstract uses; they say nothing about what two papers share.
const BOILERPLATE = new Set(
  `achiev approach abl addit advanc art benchmark capabl challeng compar comprehens demonstr design develop effect
effici enabl enhanc evalu experi extens final follow further furthermor however improv includ introduc key larg
method model novel notabl obtain outperform paper perform present previou propos provid rel remark result reveal
show signific similar specif state strong studi substanti superior support task techniqu train various well work
base sever indic entir set time high abil allow aim better boost reduc simpl stage structur competit`.split(/\s+/),
);
const BOILERPLATE_WEIGHT = 0.2;

const TOP_TERMS = 20;
const CANDIDATES = 40;

/** Below this cosine two papers share only common words; better to show fewer than noise. */
const MIN_COSINE = 0.08;

/** Whole-word patterns for paper names, compiled once each (a Unicode pattern is slow to compile). */
const namePatterns = new Map<string, RegExp>();

/** Does `text` name `paper` (by its primary name, as a whole word)? */
function namesIn(text: string, paper: Paper): boolean {
  const name = paper.names[0];
  if (!name || !text.includes(name)) return false;
  let pattern = namePatterns.get(name);
  if (!pattern) {
    if (namePatterns.size >= 10_000) namePatterns.clear();
    pattern = new RegExp(`(^|[^\\p{L}\\d-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d]|-[\\p{L}\\d])`, 'u');
    namePatterns.set(name, pattern);
  }
  return pattern.test(text);
}

function isNameLike(word: string): boolean {
  return /\p{Lu}/u.test(word.slice(1)) || /^\p{Lu}{2,}/u.test(word);
}

export function related(deps: RelatedDeps, source: number, limit = 5): RelatedHit[] {
  const paper = deps.papers[source]!;
  const mine = profile(source, deps);
  const top = [...mine.weights.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_TERMS);
  if (top.length === 0) return [];
  const { hits: candidates } = deps.index.search(
    top.map(([t, w]) => ({ term: t, boost: w })),
    { fields: ['title', 'abstract', 'names'], combineWith: 'OR', filter: (i) => i !== source, limit: CANDIDATES },
  );
  let surface: Map<string, string> | undefined;
  const hits: RelatedHit[] = [];
  for (const r of candidates) {
    const other = deps.papers[r.id]!;
    const theirs = profile(r.id, deps);
    let dot = 0;
    const shared: Array<[string, number]> = [];
    for (const [t, w] of mine.weights) {
      const v = theirs.weights.get(t);
      if (v === undefined) continue;
      dot += w * v;
      shared.push([t, w * v]);
    }
    const cosine = dot / (mine.norm * theirs.norm);
    if (cosine < MIN_COSINE) continue;
    const authors = paper.authors.filter((a) => other.authors.includes(a));
    // A paper that names the other ("an advanced version of the previous work Janus") is its kin.
    const cites = namesIn(other.abstract, paper) || namesIn(paper.abstract, other);
    const score = cosine + 0.05 * authors.length + (paper.category && paper.category === other.category ? 0.02 : 0) + (cites ? 0.15 : 0);
    // Show what they share, not who they are: leave out words of either paper's own names
    // ("DeepSeek", "V2") and boilerplate; acronyms and names first ("MLA", "MoE").
    const ownNames = new Set([...paper.names, ...other.names].flatMap((n) => tokens(n).map((t) => term(t.word))));
    surface ??= surfaceForms(paper);
    const words = shared
      .filter(([t]) => !ownNames.has(t) && !BOILERPLATE.has(t))
      .map(([t, w]) => {
        const word = surface!.get(t) ?? t;
        return { word, w, name: isNameLike(word) };
      })
      .sort((a, b) => Number(b.name) - Number(a.name) || b.w - a.w)
      .slice(0, 5)
      .map(({ word }) => word);
    hits.push({ paper: other, score, shared: [...words, ...authors.slice(0, 3).map((a) => `author ${a}`)] });
  }
  return hits.sort((a, b) => b.score - a.score || a.paper.id.localeCompare(b.paper.id)).slice(0, limit);
}
