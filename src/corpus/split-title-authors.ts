// Splits a listing's second line, where the title runs straight into the authors
// ("DeepSeek-V3 Technical ReportDeepSeek-AI, Aixin Liu et al. · pku"), into its parts.

export interface TitleAuthors {
  title: string;
  authors: string[];
  etAl: boolean;
  affiliations: string[];
}

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

// Where authors may start: a capital right after a non-space (one regex scan finds them all).
const GLUED_CAPITAL = /(?<=\S)\p{Lu}/gu;
const TITLE_END = /[\p{L}\p{N})\]?!.]$/u;

interface AuthorList {
  authors: string[];
  etAl: boolean;
}

const ET_AL = /,?\s*(?:et\s+al\.?|and\s+others)$/i;
// How every ET_AL match ends: testing the last characters first spares a scan of the whole line.
const ET_AL_END = /(?:al\.?|others)$/i;
const FIRST_WORD = /^[^\s,&]*/;
// What may follow an author who is one word: a separator of the split below, or nothing.
const AFTER_ONE_WORD_AUTHOR = /^(?:\s*[,&]|\s+and\s|$)/;

/**
 * Whether an author list can start with `word` and then `after`: a person's name needs it to be a
 * name word (or a particle); an organisation needs it to be the whole first author, so a separator
 * or the end must follow.
 */
function mayStartAuthorList(word: string, after: string): boolean {
  return PARTICLES.has(word) || NAME_WORD.test(word) || (AFTER_ONE_WORD_AUTHOR.test(after) && isOrgName(word));
}

/**
 * Reads `rest` (trimmed) as an author list. `etAlAt` is where an "et al." ending it starts, or -1;
 * splitTitleAuthors finds that once per line, not once per place it tries.
 */
function parseAuthorList(rest: string, etAlAt: number): AuthorList | null {
  const etAl = etAlAt !== -1;
  if (etAl) rest = rest.slice(0, etAlAt).trim();
  // A cheap test that the split below would fail; most places splitTitleAuthors tries fail it.
  const first = FIRST_WORD.exec(rest)![0];
  if (first && !mayStartAuthorList(first, rest.slice(first.length))) return null;
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
export function splitTitleAuthors(line: string): TitleAuthors | null {
  // Most lines name no affiliations; they need none of the splitting.
  const [head, ...affParts] = line.includes('·') ? line.split(/\s+·\s+/) : [line];
  const affiliations = affParts
    .join(', ')
    .split(/\s*,\s*/)
    .map((a) => a.trim())
    .filter(Boolean);
  const text = (head ?? '').trim();
  // Each rest tried below is a suffix of the line, and ET_AL only looks ahead to the end, so its
  // matches in a rest are the line's matches from there on.
  const lineEtAl = ET_AL_END.test(text.slice(-6)) ? ET_AL.exec(text) : null;
  // exec() rather than matchAll(), which copies the regex on every call.
  GLUED_CAPITAL.lastIndex = 0;
  for (let m = GLUED_CAPITAL.exec(text); m; m = GLUED_CAPITAL.exec(text)) {
    const index = m.index;
    const title = text.slice(0, index).trim();
    // The last two code units hold the last character; TITLE_END would scan the whole title.
    if (title.length >= 2 && TITLE_END.test(title.slice(-2))) {
      const rest = text.slice(index);
      const etAlAt = !lineEtAl ? -1 : lineEtAl.index >= index ? lineEtAl.index - index : (ET_AL.exec(rest)?.index ?? -1);
      const list = parseAuthorList(rest, etAlAt);
      if (list) return { title, authors: list.authors, etAl: list.etAl, affiliations };
    }
  }
  return null;
}
