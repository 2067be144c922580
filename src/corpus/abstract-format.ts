// Parses the abstract format: abstracts after "Abstract:" markers, several possibly glued on one
// line, others separated by blank lines.
import type { CorpusIssue } from './paper.js';
import type { RawEntry } from './raw-entry.js';
import { cleanText } from './clean-text.js';

const MARKER = /Abstract\s*:/g;

export function isAbstractFormat(text: string): boolean {
  // A marker starts a line (after blanks), so looking at line starts first rejects a listing
  // faster than any search through the whole text.
  return text.split('\n').some((line) => line.trimStart().startsWith('Abstract')) && /(^|\n)\s*Abstract\s*:/.test(text);
}

export function parseAbstracts(file: string, text: string): { entries: RawEntry[]; issues: CorpusIssue[] } {
  const entries: RawEntry[] = [];
  const issues: CorpusIssue[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const marks = [...text.matchAll(MARKER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const leading = text.slice(0, marks[0]?.start ?? text.length).trim();
  if (leading) issues.push({ file, line: 1, severity: 'skipped', reason: `text before the first "Abstract:" marker ("${leading.slice(0, 50)}")` });
  marks.forEach((mark, k) => {
    const body = text.slice(mark.end, marks[k + 1]?.start ?? text.length);
    const line = lineOf(mark.start);
    const abstract = cleanText(body.replace(/\s*\n\s*/g, ' '));
    if (abstract.length < 20) {
      issues.push({ file, line, severity: 'skipped', reason: abstract ? `abstract too short to be one ("${abstract}")` : 'empty abstract after "Abstract:"' });
      return;
    }
    entries.push({ file, line, abstract });
  });
  return { entries, issues };
}
