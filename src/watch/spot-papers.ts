// Finds the corpus papers a chat message is about: names written in it ("DeepSeek-V3", "Janus-Pro")
// and pasted arXiv or code links of known papers. Used by watch mode and Slack link unfurls.
import type { Paper } from '../corpus/paper.js';
import type { Engine } from '../engine/engine.js';

const ARXIV_ID = /\b(\d{4}\.\d{4,5})(?:v\d+)?\b/g;
const URL = /https?:\/\/[^\s<>|)\]]+/gi;

/** `https://www.GitHub.com/a/b.git/` and `github.com/a/b` are the same place. */
export function urlKey(url: string): string {
  return url.toLowerCase().replace(/^https?:\/\/(www\.)?/, '').replace(/[#?].*$/, '').replace(/\/+$/, '').replace(/\.git$/, '');
}

interface LinkIndex {
  byArxiv: Map<string, Paper>;
  byUrl: Map<string, Paper>;
}

// One index per engine: a corpus reload builds a new engine, and the old index goes with it.
const indexes = new WeakMap<Engine, LinkIndex>();

function linkIndex(engine: Engine): LinkIndex {
  let index = indexes.get(engine);
  if (!index) {
    index = { byArxiv: new Map(), byUrl: new Map() };
    for (const p of engine.papers) {
      if (p.arxivId) index.byArxiv.set(p.arxivId, p);
      for (const url of [p.url, p.codeUrl]) if (url) index.byUrl.set(urlKey(url), p);
    }
    indexes.set(engine, index);
  }
  return index;
}

/** The papers in the order the message names or links them, each once. */
export function spotPapers(engine: Engine, text: string): Paper[] {
  const found: Paper[] = [];
  const add = (p: Paper | undefined) => {
    if (p && !found.includes(p)) found.push(p);
  };
  const index = linkIndex(engine);
  for (const m of text.matchAll(URL)) add(index.byUrl.get(urlKey(m[0])));
  for (const m of text.matchAll(ARXIV_ID)) add(index.byArxiv.get(m[1]!));
  // Links are taken out first, so a repository name inside a URL is not also read as prose.
  for (const p of engine.mentions(text.replace(URL, ' '))) add(p);
  return found;
}
