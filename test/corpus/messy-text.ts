// Text built to reach the corners of the corpus parsers' fast paths: LaTeX, math, ties, TeX quotes,
// odd and zero-width spaces, combining marks, astral capitals, Σ and İ (whose lowercase depends on
// context or changes length), lone surrogates, author separators and name-like words.
import fc from 'fast-check';

const FRAGMENTS = [
  '$\\alpha$', '$O(n^{2})$', '$', '\\textbf{bold}', '\\emph{\\textit{x}}', '\\mathcal{O}', '\\%', '\\&', '\\_', '\\times', '\\foo',
  '\\', '{BERT}', '{', '}', '~', '~(', 'a~b', ' ~10', '``', "''", "'", '"', '\u00A0', '\u2007', '\u202F', '\t', '\u200B', '\u200D',
  '\u2060', '  ', ' ', ' ', ' ', '( ', ' )', '(', ')', 'e\u0301', 'A\u030A', '\u0301', '\u1FEF', '\u212A', '😀', '𝐀', '𝐀bc', 'ΑΣ', 'Σ',
  'ς', 'İ', 'ß', 'ﬁ', '…', '...', '.', ',', ', ', ':', ': ', ';', '?', '!', '-', '’', '\u2028', '\u3000', '\uFEFF', '\r', '\n',
  ' et al.', ' ET AL', 'et al.', ' and ', ' and others', ' & ', '&', ' · ', '·', 'DeepSeek', 'DeepSeek-AI', 'OpenAI', 'AI2', 'OCR',
  'Zoë', 'Émile', 'Jean-Pierre', "O'Brien", 'McDonald', 'J.', 'J.-P.', 'van', 'der', 'Liu', 'Wei', 'Smith', 'Model', 'learning',
  'with', 'we', 'the', 'paper', 'Abstract:', 'Abstract', '2', '3.5', 'x', 'Q', 'É', 'a', 'b',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const unit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
);

/** Messy text of up to `maxUnits` fragments and single characters, glued without spaces. */
export function messyText(maxUnits = 40): fc.Arbitrary<string> {
  return fc.string({ unit, maxLength: maxUnits });
}

/** A long mostly-ASCII text (an abstract) with messy text spliced in at a random place. */
export function messyAbstract(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.string({ unit: 'binary-ascii', maxLength: 700 }), messyText(6), fc.nat(), fc.constantFrom('', '...', '…', ' ... ', '.'))
    .map(([ascii, messy, at, end]) => {
      const cut = ascii.length === 0 ? 0 : at % (ascii.length + 1);
      return ascii.slice(0, cut) + messy + ascii.slice(cut) + end;
    });
}
