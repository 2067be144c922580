// The paper record every part of paperbot works with, and the zod schema each one must pass.
import { z } from 'zod';

export const paperIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');

export const paperSchema = z.object({
  id: paperIdSchema,
  title: z.string().min(1).max(500),
  /** True when the title was derived from the abstract because no listing named the paper. */
  titleInferred: z.boolean(),
  authors: z.array(z.string().min(1)),
  /** The listing shortened the author list with "et al.". */
  etAl: z.boolean(),
  affiliations: z.array(z.string().min(1)),
  category: z.string().min(1).nullable(),
  /** Publication date as yyyy-mm-dd, or null when no source gives one. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  hasCode: z.boolean(),
  codeUrl: z.url().nullable(),
  abstract: z.string().min(1),
  /** Names the paper is known by (its system name, title prefix), used by lookup. */
  names: z.array(z.string().min(1)),
  /** For papers fetched from arXiv: the id without version (2401.01234) and the abstract page. */
  arxivId: z.string().min(1).optional(),
  url: z.url().optional(),
  /** Where the record came from: file and line of each source entry. */
  sources: z.array(z.object({ file: z.string(), line: z.number().int().positive() })).min(1),
});

export type Paper = z.infer<typeof paperSchema>;

/** A problem found while loading the corpus. `skipped` entries are not in the corpus. */
export interface CorpusIssue {
  file: string;
  line: number;
  reason: string;
  severity: 'skipped' | 'warning';
}

export function formatIssue(issue: CorpusIssue): string {
  return `corpus: ${issue.file}:${issue.line}: ${issue.reason}`;
}
