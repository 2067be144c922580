// The platform-neutral reply every command produces. Adapters only render these: a paper card,
// a list, candidates to choose from, an answer with citations, help, or an error for a person.
import type { Paper } from './corpus/paper.js';
import type { CommandInput } from './commands/command.js';
import type { Snippet } from './engine/snippet.js';

/** A button under a card: it runs a command later, or opens a link. */
export type Action =
  | { kind: 'command'; id: 'full-abstract' | 'related' | 'open'; label: string; command: CommandInput }
  | { kind: 'link'; id: 'code'; label: string; url: string };

export interface ListItem {
  paper: Paper;
  /** Why it is in the list: the matching sentence, or what it shares with the paper asked about. */
  snippet?: Snippet;
  shared?: string[];
}

export interface Citation {
  paperId: string;
  sentence: string;
}

/** One line of a digest: the paper and its abstract cut to one short sentence. */
export interface DigestItem {
  paper: Paper;
  summary: string;
}

export type Reply =
  | { kind: 'paper'; paper: Paper; full: boolean; actions: Action[] }
  | { kind: 'papers'; title: string; items: ListItem[]; total: number; more?: string }
  | { kind: 'candidates'; query: string; message: string; papers: Paper[]; actions: Action[] }
  | { kind: 'answer'; question: string; found: boolean; text: string; citations: Citation[]; papers: Paper[] }
  | { kind: 'help'; text: string; commands: Array<{ usage: string; description: string; example: string }> }
  | { kind: 'error'; code: string; message: string; papers: Paper[] }
  /** A channel's daily digest (or its preview): `total` new papers, the first of them listed. */
  | { kind: 'digest'; date: string; topic: string | null; total: number; items: DigestItem[]; more?: { count: number; search: string }; preview: boolean }
  /** BibTeX for one paper (`/paper <name> bibtex`) or a reading list (`/list export`), one entry per paper. */
  | { kind: 'bibtex'; title: string; entries: string[]; papers: Paper[] }
  /** A channel's reading list: each paper with who added it and when (ISO time). */
  | { kind: 'reading-list'; title: string; items: Array<{ paper: Paper; addedBy: string; addedAt: string }> }
  /** A short confirmation or status line for the person who asked (the /digest settings). */
  | { kind: 'notice'; text: string };

/** Errors are private to the person who asked; everything else may go to the channel. */
export function isPrivate(reply: Reply): boolean {
  return reply.kind === 'error' || reply.kind === 'help' || reply.kind === 'notice' || (reply.kind === 'digest' && reply.preview);
}

export function errorReply(code: string, message: string, papers: Paper[] = []): Reply {
  return { kind: 'error', code, message, papers };
}

/** The papers a reply shows, in display order. */
export function papersOf(reply: Reply): Paper[] {
  switch (reply.kind) {
    case 'paper':
      return [reply.paper];
    case 'papers':
      return reply.items.map((i) => i.paper);
    case 'candidates':
    case 'answer':
    case 'error':
      return reply.papers;
    case 'digest':
    case 'reading-list':
      return reply.items.map((i) => i.paper);
    case 'bibtex':
      return reply.papers;
    case 'help':
    case 'notice':
      return [];
  }
}

const SUMMARY_CHARS = 420;

/** The abstract cut to a readable length at a sentence, else a word, boundary. */
export function summarize(abstract: string, max = SUMMARY_CHARS): { text: string; truncated: boolean } {
  if (abstract.length <= max) return { text: abstract, truncated: false };
  const head = abstract.slice(0, max);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (sentenceEnd > max * 0.5) return { text: head.slice(0, sentenceEnd + 1), truncated: true };
  const wordEnd = head.lastIndexOf(' ');
  return { text: `${head.slice(0, wordEnd > 0 ? wordEnd : max).replace(/[,;:]$/, '')}…`, truncated: true };
}

/** The short name to show for a paper in running text ("DeepSeek-V3"). */
export function shortName(paper: Paper): string {
  return paper.names[0] ?? paper.title;
}
