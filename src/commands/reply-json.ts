// The JSON shape of a reply, for `paperbot query --json` and anything that scripts the bot.
import type { Paper } from '../corpus/paper.js';
import { papersOf, type Reply } from '../reply.js';

export interface PaperJson {
  id: string;
  title: string;
  titleInferred: boolean;
  authors: string[];
  etAl: boolean;
  affiliations: string[];
  category: string | null;
  date: string | null;
  hasCode: boolean;
  codeUrl: string | null;
  abstract: string;
  names: string[];
  /** Papers fetched from arXiv only. */
  arxivId?: string;
  url?: string;
  snippet?: string;
  shared?: string[];
  /** Reading lists only: who added the paper (platform user id) and when (ISO time). */
  addedBy?: string;
  addedAt?: string;
}

export function paperJson(p: Paper): PaperJson {
  return {
    id: p.id,
    title: p.title,
    titleInferred: p.titleInferred,
    authors: p.authors,
    etAl: p.etAl,
    affiliations: p.affiliations,
    category: p.category,
    date: p.date,
    hasCode: p.hasCode,
    codeUrl: p.codeUrl,
    abstract: p.abstract,
    names: p.names,
    ...(p.arxivId ? { arxivId: p.arxivId } : {}),
    ...(p.url ? { url: p.url } : {}),
  };
}

export function replyJson(reply: Reply): Record<string, unknown> {
  const papers = papersOf(reply).map(paperJson);
  const base = { ok: reply.kind !== 'error', kind: reply.kind, papers };
  switch (reply.kind) {
    case 'paper':
      return { ...base, full: reply.full };
    case 'papers':
      reply.items.forEach((item, i) => {
        if (item.snippet) papers[i]!.snippet = item.snippet.text;
        if (item.shared) papers[i]!.shared = item.shared;
      });
      return { ...base, title: reply.title, total: reply.total };
    case 'candidates':
      return { ...base, query: reply.query, message: reply.message };
    case 'answer': {
      const ids: string[] = [];
      for (const c of reply.citations) if (!ids.includes(c.paperId)) ids.push(c.paperId);
      return { ...base, answer: { found: reply.found, text: reply.text, citations: ids, quotes: reply.citations } };
    }
    case 'help':
      return { ...base, text: reply.text, commands: reply.commands };
    case 'error':
      return { ...base, error: { code: reply.code, message: reply.message } };
    case 'digest':
      return { ...base, date: reply.date, topic: reply.topic, total: reply.total, preview: reply.preview, ...(reply.more ? { more: reply.more } : {}) };
    case 'notice':
      return { ...base, text: reply.text };
    case 'bibtex':
      return { ...base, title: reply.title, bibtex: reply.entries.join('\n\n') };
    case 'reading-list':
      reply.items.forEach((item, i) => {
        papers[i]!.addedBy = item.addedBy;
        papers[i]!.addedAt = item.addedAt;
      });
      return { ...base, title: reply.title };
  }
}
