// BibTeX for papers: one `@misc` entry per paper (key from id and year, arXiv eprint and url when
// known), its text escaped so any BibTeX parser reads back exactly the title and authors.
import type { Paper } from './corpus/paper.js';

const LATEX_SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Corpus text as a BibTeX field value: one line, LaTeX specials escaped, braces always balanced. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}&%$#_~^]/g, (c) => LATEX_SPECIAL[c]!);
}

/** A URL inside a field: never escaped (the url package reads it raw), but braces and blanks would end the field. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `deepseek-v3:2024`: ids have no colon, so id and year never run together into another paper's key. */
export function bibtexKey(paper: Pick<Paper, 'id' | 'date'>): string {
  const year = paper.date?.slice(0, 4);
  return year ? `${paper.id}:${year}` : paper.id;
}

/** "and" separates BibTeX names, and a comma reorders one: such a name is braced to stay whole. */
function authorName(name: string): string {
  const escaped = escapeBibtex(name);
  return /,|\band\b/i.test(name) ? `{${escaped}}` : escaped;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

export function bibtexEntry(paper: Paper): string {
  const fields: Array<[string, string]> = [];
  // Double braces keep the title's capitals (DeepSeek-V3, MoE) in every bibliography style.
  fields.push(['title', `{{${escapeBibtex(paper.title)}}}`]);
  if (paper.authors.length > 0) fields.push(['author', `{${[...paper.authors.map(authorName), ...(paper.etAl ? ['others'] : [])].join(' and ')}}`]);
  if (paper.date) {
    fields.push(['year', `{${paper.date.slice(0, 4)}}`]);
    fields.push(['month', MONTHS[Number(paper.date.slice(5, 7)) - 1] ?? `{${paper.date.slice(5, 7)}}`]);
  }
  if (paper.arxivId) {
    fields.push(['eprint', `{${escapeBibtex(paper.arxivId)}}`]);
    fields.push(['archiveprefix', '{arXiv}']);
  }
  if (paper.category) fields.push(['keywords', `{${escapeBibtex(paper.category)}}`]);
  const url = paper.url ?? paper.codeUrl;
  if (url) fields.push(['url', `{${bibtexUrl(url)}}`]);
  if (paper.url && paper.codeUrl) fields.push(['note', `{Code: \\url{${bibtexUrl(paper.codeUrl)}}}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  return `@misc{${bibtexKey(paper)},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n')}\n}`;
}

/** Several papers as one .bib text, entries separated by a blank line. */
export function bibtexFile(papers: readonly Paper[]): string {
  return papers.map(bibtexEntry).join('\n\n');
}
