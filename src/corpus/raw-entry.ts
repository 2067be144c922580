// What a file parser produces for one entry, before entries are merged into papers.

export interface RawEntry {
  file: string;
  line: number;
  /** From a listing: the metadata line and the title/authors line were present. */
  listing?: {
    title: string;
    authors: string[];
    etAl: boolean;
    affiliations: string[];
    category: string | null;
    date: string | null;
    codeFlag: boolean;
  };
  abstract: string;
}
