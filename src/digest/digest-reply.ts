// What a digest says: the new papers of a channel's topic, as one neutral reply. Past
// `maxPapers` it lists the first ones and names the /search that shows the rest.
import type { Engine } from '../engine/engine.js';
import type { Paper } from '../corpus/paper.js';
import type { DigestItem, Reply } from '../reply.js';
import type { Logger } from '../logger.js';

const SUMMARY_CHARS = 140;

/** The abstract's first sentence, cut at a word to fit one line. */
export function oneLineSummary(abstract: string): string {
  const first = /^[\s\S]*?[.!?](?=\s|$)/.exec(abstract)?.[0] ?? abstract;
  const text = first.replace(/\s+/g, ' ').trim();
  if (text.length <= SUMMARY_CHARS) return text;
  const cut = text.slice(0, SUMMARY_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : SUMMARY_CHARS).replace(/[,;:]$/, '')}…`;
}

/** The papers among `ids` the engine still has and the topic matches, in arrival order. */
export function selectPapers(engine: Engine, ids: readonly string[], topic: string | null, logger: Logger): Paper[] {
  const papers = ids.map((id) => engine.get(id)).filter((p): p is Paper => p !== undefined);
  if (topic === null || papers.length === 0) return papers;
  const result = engine.search(topic, { limit: Math.max(1, engine.papers.length) });
  if (!result.ok) {
    logger.warn({ topic, code: result.error.code }, `digest: the topic no longer works as a search: ${result.error.message}`);
    return [];
  }
  const matching = new Set(result.value.hits.map((h) => h.paper.id));
  return papers.filter((p) => matching.has(p.id));
}

export function buildDigestReply(options: { date: string; topic: string | null; papers: readonly Paper[]; maxPapers: number; preview: boolean }): Reply {
  const { papers, maxPapers, topic } = options;
  const items: DigestItem[] = papers.slice(0, maxPapers).map((paper) => ({ paper, summary: oneLineSummary(paper.abstract) }));
  const rest = papers.slice(maxPapers);
  let more: { count: number; search: string } | undefined;
  if (rest.length > 0) {
    // The papers' own dates, not their arrival, are what /search can filter on.
    const dates = rest.map((p) => p.date).filter((d): d is string => d !== null).sort();
    const after = dates[0] ? `after:${dates[0]}` : '';
    const query = [topic ?? '', after].filter(Boolean).join(' ') || `year:${options.date.slice(0, 4)}`;
    more = { count: rest.length, search: `/search ${query}` };
  }
  return { kind: 'digest', date: options.date, topic, total: papers.length, items, ...(more ? { more } : {}), preview: options.preview };
}

/** The header line every renderer shares: "Papers digest, 2026-11-22: 3 new papers". */
export function digestHeadline(reply: Extract<Reply, { kind: 'digest' }>): string {
  const topic = reply.topic ? ` on “${reply.topic}”` : '';
  const what = reply.total === 0 ? 'nothing new since the last digest' : `${reply.total} new ${reply.total === 1 ? 'paper' : 'papers'}${topic}`;
  return `${reply.preview ? 'Preview of the next digest' : 'Paper digest'}, ${reply.date}: ${what}`;
}
