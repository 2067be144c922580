// Reads one page of the arXiv API's Atom feed into paper records. Versions of one paper share a
// base id (2401.01234v2 → 2401.01234); an entry that does not parse is skipped with the reason.
import { XMLParser } from 'fast-xml-parser';
import { findCodeUrl } from '../corpus/merge.js';
import { introducedNames, titleSystemName } from '../corpus/names.js';
import { paperSchema, type Paper } from '../corpus/paper.js';
import { PaperbotError } from '../errors.js';

export interface ArxivEntry {
  arxivId: string;
  version: number;
  /** When this version appeared (yyyy-mm-dd), or null. */
  updated: string | null;
  paper: Paper;
}

export interface ArxivPage {
  entries: ArxivEntry[];
  /** Entries skipped, each with why: `arxiv: entry 3 (http://arxiv.org/abs/…): no title`. */
  issues: string[];
  totalResults: number | null;
  /** Raw entries on the page, parsed or not (paging stops at an empty page). */
  count: number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  isArray: (name) => ['entry', 'author', 'link', 'category', 'arxiv:affiliation'].includes(name),
});

// New-style ids (2401.01234) and old-style ones (hep-th/9901001), with an optional version.
const ABS_ID = /arxiv\.org\/abs\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v(\d+))?$/i;

type Node = Record<string, unknown>;

function text(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (value && typeof value === 'object' && '#text' in value) return text((value as Node)['#text']);
  return '';
}

function list(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : value && typeof value === 'object' ? [value as Node] : [];
}

/** cs.CL → CL (the corpus's own categories are the cs ones, short); others stay as arXiv writes them. */
function shortCategory(term: string): string {
  return term.startsWith('cs.') ? term.slice(3) : term;
}

function parseEntry(entry: Node): ArxivEntry | string {
  const rawId = text(entry['id']);
  const m = ABS_ID.exec(rawId);
  if (!m) return rawId ? `id "${rawId.slice(0, 80)}" is not an arXiv abstract URL` : 'no id';
  const arxivId = m[1]!;
  const version = m[2] ? Number(m[2]) : 1;
  const title = text(entry['title']);
  if (!title) return 'no title';
  const abstract = text(entry['summary']);
  if (!abstract) return 'no abstract (summary)';
  const authors = list(entry['author']).map((a) => text(a['name'])).filter(Boolean);
  const affiliations = [...new Set(list(entry['author']).flatMap((a) => list(a['arxiv:affiliation']).map(text).concat(typeof a['arxiv:affiliation'] === 'string' ? [text(a['arxiv:affiliation'])] : [])).filter(Boolean))];
  const published = text(entry['published']);
  const date = /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
  const primary = entry['arxiv:primary_category'] as Node | undefined;
  const term = (primary?.['@_term'] as string | undefined) ?? (list(entry['category'])[0]?.['@_term'] as string | undefined);
  const codeUrl = findCodeUrl(`${abstract} ${text(entry['arxiv:comment'])}`);
  const names = [titleSystemName(title), ...introducedNames(abstract)].filter((n): n is string => !!n);
  const record = {
    id: `arxiv-${arxivId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    title,
    titleInferred: false,
    authors,
    etAl: false,
    affiliations,
    category: term ? shortCategory(term) : null,
    date,
    hasCode: codeUrl !== null,
    codeUrl,
    abstract,
    names: [...new Set(names)],
    arxivId,
    url: `https://arxiv.org/abs/${arxivId}`,
    sources: [{ file: 'arxiv', line: 1 }],
  };
  const checked = paperSchema.safeParse(record);
  if (!checked.success) return checked.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
  const updated = text(entry['updated']);
  return { arxivId, version, updated: /^\d{4}-\d{2}-\d{2}/.test(updated) ? updated.slice(0, 10) : date, paper: checked.data };
}

export function parseArxivPage(xml: string): ArxivPage {
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (err) {
    throw new PaperbotError('arxiv_response', `arxiv: the API answered with XML that does not parse (${(err as Error).message.split('\n')[0]})`, { cause: err });
  }
  const feed = doc['feed'] as Node | undefined;
  if (!feed) throw new PaperbotError('arxiv_response', 'arxiv: the API answered without an Atom <feed>');
  const raw = list(feed['entry']);
  const entries: ArxivEntry[] = [];
  const issues: string[] = [];
  raw.forEach((entry, i) => {
    const parsed = parseEntry(entry);
    if (typeof parsed === 'string') issues.push(`arxiv: entry ${i + 1} (${text(entry['id']).slice(0, 80) || 'no id'}) skipped: ${parsed}`);
    else entries.push(parsed);
  });
  const total = Number(text(feed['opensearch:totalResults']));
  return { entries, issues, totalResults: Number.isFinite(total) && text(feed['opensearch:totalResults']) !== '' ? total : null, count: raw.length };
}

/** Keeps the latest version of each paper (v2 replaces v1). */
export function latestVersions(entries: readonly ArxivEntry[]): ArxivEntry[] {
  const byId = new Map<string, ArxivEntry>();
  for (const e of entries) {
    const seen = byId.get(e.arxivId);
    if (!seen || e.version > seen.version) byId.set(e.arxivId, e);
  }
  return [...byId.values()];
}
