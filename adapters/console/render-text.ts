// Renders replies as text for a terminal: the terminal chat and `paperbot query` without --json.
import type { Paper } from '../../src/corpus/paper.js';
import type { Snippet } from '../../src/engine/snippet.js';
import { shortName, summarize, type Reply } from '../../src/reply.js';
import { digestHeadline } from '../../src/digest/digest-reply.js';

export interface TextStyle {
  bold(s: string): string;
  dim(s: string): string;
  mark(s: string): string;
  width: number;
}

export const plainStyle: TextStyle = { bold: (s) => s, dim: (s) => s, mark: (s) => `*${s}*`, width: 88 };

export function ansiStyle(width: number): TextStyle {
  return {
    bold: (s) => `\x1b[1m${s}\x1b[22m`,
    dim: (s) => `\x1b[2m${s}\x1b[22m`,
    mark: (s) => `\x1b[1;33m${s}\x1b[22;39m`,
    width: Math.max(40, Math.min(width, 110)),
  };
}

/** Wraps text at word boundaries; `indent` goes before every line. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && visibleLength(line) + 1 + visibleLength(word) > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function visibleLength(s: string): number {
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}

function highlight(snippet: Snippet, style: TextStyle): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += snippet.text.slice(at, start) + style.mark(snippet.text.slice(start, end));
    at = end;
  }
  return out + snippet.text.slice(at);
}

function byline(p: Paper): string {
  const authors = p.authors.length ? `${p.authors.join(', ')}${p.etAl ? ' et al.' : ''}` : 'authors not listed';
  return p.affiliations.length ? `${authors} · ${p.affiliations.join(', ')}` : authors;
}

function facts(p: Paper): string {
  return [p.category, p.date ?? 'undated', p.codeUrl ? `code: ${p.codeUrl}` : p.hasCode ? 'code available' : null, p.arxivId && p.url ? `arXiv ${p.arxivId}: ${p.url}` : null, `id: ${p.id}`].filter(Boolean).join(' · ');
}

function card(p: Paper, full: boolean, style: TextStyle): string {
  const title = p.titleInferred ? `${style.bold(p.title)} ${style.dim('(title inferred from the abstract)')}` : style.bold(p.title);
  const abstract = full ? { text: p.abstract, truncated: false } : summarize(p.abstract);
  const lines = [wrap(title, style.width), wrap(byline(p), style.width), style.dim(facts(p)), '', wrap(abstract.text, style.width)];
  const hints = [abstract.truncated ? `full abstract: /paper ${p.id} --full` : null, `related: /related ${p.id}`].filter(Boolean);
  lines.push('', style.dim(hints.join('   ')));
  return lines.join('\n');
}

function listLine(p: Paper, n: number, style: TextStyle): string {
  const text = `${String(n).padStart(2)}. ${style.bold(p.title)} ${style.dim(`(${[p.id, p.date].filter(Boolean).join(', ')})`)}`;
  // Continuation lines hang under the title, not under the number.
  return wrap(text, style.width).replace(/\n/g, '\n    ');
}

export function renderText(reply: Reply, style: TextStyle = plainStyle): string {
  switch (reply.kind) {
    case 'paper':
      return card(reply.paper, reply.full, style);
    case 'papers': {
      const items = reply.items.map((item, i) => {
        const why = item.snippet ? highlight(item.snippet, style) : item.shared?.length ? `shares: ${item.shared.join(', ')}` : '';
        return why ? `${listLine(item.paper, i + 1, style)}\n${wrap(why, style.width, '    ')}` : listLine(item.paper, i + 1, style);
      });
      return [style.bold(reply.title), ...items, ...(reply.more ? [style.dim(reply.more)] : [])].join('\n');
    }
    case 'candidates':
      return [reply.message, ...reply.papers.map((p, i) => listLine(p, i + 1, style)), style.dim(`Open one with /paper <id>.`)].join('\n');
    case 'answer': {
      if (!reply.found) return reply.text;
      const sources = reply.citations.map((c, i) => {
        const paper = reply.papers.find((p) => p.id === c.paperId);
        return wrap(`[${i + 1}] ${paper ? shortName(paper) : c.paperId} (${c.paperId}): “${c.sentence}”`, style.width, '  ');
      });
      return [wrap(reply.text, style.width), '', style.dim('Sources:'), ...sources].join('\n');
    }
    case 'help':
      return [
        wrap(reply.text, style.width),
        '',
        ...reply.commands.map((c) => {
          // The usage on its own line when it is too long for the column; descriptions wrap under it.
          const indent = ' '.repeat(21);
          const head = c.usage.length > 18 ? `  ${style.bold(c.usage)}\n${wrap(c.description, style.width, indent)}` : `  ${style.bold(c.usage.padEnd(18))} ${wrap(c.description, style.width - 21).replace(/\n/g, `\n${indent}`)}`;
          return `${head}\n${indent}${style.dim(`e.g. ${c.example}`)}`;
        }),
        '',
        style.dim('Plain text works too: a question is asked, anything else is looked up as a paper name.'),
      ].join('\n');
    case 'error':
      return wrap(`✗ ${reply.message}`, style.width).replace(/\n/g, '\n  ');
    case 'digest': {
      const lines = reply.items.map((item, i) => {
        const facts = [item.paper.category, item.paper.codeUrl ? `code: ${item.paper.codeUrl}` : item.paper.hasCode ? 'code' : null, item.paper.url ?? null].filter(Boolean).join(' · ');
        return `${listLine(item.paper, i + 1, style)}\n${wrap(`${item.summary}${facts ? ` ${style.dim(`(${facts})`)}` : ''}`, style.width, '    ')}`;
      });
      const more = reply.more ? [style.dim(`…and ${reply.more.count} more: ${reply.more.search}`)] : [];
      return [style.bold(digestHeadline(reply)), ...lines, ...more].join('\n');
    }
    case 'notice':
      return wrap(reply.text, style.width);
    case 'bibtex':
      // Unwrapped: the entries are meant to be copied into a .bib file as they are.
      return reply.entries.join('\n\n');
    case 'reading-list':
      if (reply.items.length === 0) return `${style.bold(reply.title)}\nNothing yet. Add a paper with /list add <paper>.`;
      return [style.bold(reply.title), ...reply.items.map((item, i) => `${listLine(item.paper, i + 1, style)}\n    ${style.dim(`added by ${item.addedBy} on ${item.addedAt.slice(0, 10)}`)}`)].join('\n');
  }
}
