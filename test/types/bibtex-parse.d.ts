// Types for bibtex-parse (a dev dependency with none of its own): only what the tests call.
declare module 'bibtex-parse' {
  export interface BibtexEntry {
    key: string;
    type: string;
    [field: string]: string | number | bigint;
  }
  export function entries(bibtex: string): BibtexEntry[];
  const bibtexParse: { entries: typeof entries };
  export default bibtexParse;
}
