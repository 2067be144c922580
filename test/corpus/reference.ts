// The corpus functions as they were before their fast paths, kept verbatim as the oracles the
// property tests compare the fast versions against.
import type { TitleAuthors } from '../../src/corpus/split-title-authors.js';

export function referenceNormalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function referenceIsAbstractFormat(text: string): boolean {
  return /(^|\n)\s*Abstract\s*:/.test(text);
}

export function referenceAbstractKey(abstract: string): string {
  return abstract
    .toLowerCase()
    .replace(/(?:\.\.\.|…)\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 160);
}

// splitTitleAuthors and its helpers.
// A word of a person's name: "Liu", "Jean-Pierre", "O'Brien", "McDonald", "Émile", "J.", "J.-P."
const NAME_WORD =
  /^(?:\p{Lu}\.(?:-\p{Lu}\.)?|(?:Mc|Mac|O'|D'|L'|De|Di|Da|Le|La|Van|Von)?\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}[\p{Ll}\p{M}]*['’]\p{Lu}[\p{Ll}\p{M}]+)$/u;
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'bin', 'al', 'y', 'ter', 'zu']);
// A one-word organisation author: "DeepSeek-AI", "OpenAI", "Qwen", "AI2". Each hyphen part is
// CamelCase words, an acronym or digits, so "EDeepSeek" (an acronym glued on) does not pass.
const ORG_PART = /^(?:(?:\p{Lu}[\p{Ll}\p{M}]+)+(?:\p{Lu}+\d*)?|\p{Lu}+\d*|\d+)$/u;

function isPersonName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 6) return false;
  let real = 0;
  for (const w of words) {
    if (PARTICLES.has(w)) continue;
    if (!NAME_WORD.test(w)) return false;
    real++;
  }
  return real >= 2 || (real === 1 && words.length >= 2);
}

function isOrgName(name: string): boolean {
  if (/\s/.test(name)) return false;
  return name.split('-').every((part) => ORG_PART.test(part));
}

function isAuthor(name: string): boolean {
  return isPersonName(name) || isOrgName(name);
}

interface AuthorList {
  authors: string[];
  etAl: boolean;
}

function parseAuthorList(text: string): AuthorList | null {
  let rest = text.trim();
  let etAl = false;
  const etAlMatch = /,?\s*(?:et\s+al\.?|and\s+others)$/i.exec(rest);
  if (etAlMatch) {
    etAl = true;
    rest = rest.slice(0, etAlMatch.index).trim();
  }
  const parts = rest
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  // The first author decides the split; later authors are cleanly comma-separated already.
  if (!isAuthor(parts[0]!)) return null;
  if (parts.some((p) => /[:;()[\]{}|]/.test(p) || p.length > 80)) return null;
  return { authors: parts, etAl };
}

/**
 * Finds where the title ends. The authors start at a capital letter glued to the title's last
 * character; of the places where the rest reads as an author list, the leftmost wins, which keeps
 * "DeepSeek-AI" whole rather than "Seek-AI" or "AI".
 */
export function referenceSplitTitleAuthors(line: string): TitleAuthors | null {
  const [head, ...affParts] = line.split(/\s+·\s+/);
  const affiliations = affParts
    .join(', ')
    .split(/\s*,\s*/)
    .map((a) => a.trim())
    .filter(Boolean);
  const text = (head ?? '').trim();
  const chars = Array.from(text);
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const prev = chars[i - 1];
    if (i > 0 && prev !== undefined && !/\s/u.test(prev) && /\p{Lu}/u.test(ch)) {
      const title = text.slice(0, offset).trim();
      const rest = text.slice(offset);
      if (title.length >= 2 && /[\p{L}\p{N})\]?!.]$/u.test(title)) {
        const list = parseAuthorList(rest);
        if (list) return { title, authors: list.authors, etAl: list.etAl, affiliations };
      }
    }
    offset += ch.length;
  }
  return null;
}
