// Turns the raw text people paste (LaTeX remnants, CRLF, BOM, odd spaces) into plain Unicode text.

const LATEX_SYMBOLS: Record<string, string> = {
  times: '×',
  cdot: '·',
  approx: '≈',
  sim: '~',
  leq: '≤',
  geq: '≥',
  le: '≤',
  ge: '≥',
  neq: '≠',
  pm: '±',
  infty: '∞',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  lambda: 'λ',
  mu: 'μ',
  sigma: 'σ',
  tau: 'τ',
  theta: 'θ',
  rightarrow: '→',
  to: '→',
  log: 'log',
  ldots: '…',
  dots: '…',
};

/** Removes a UTF-8 byte-order mark and normalises line ends to \n. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Plain text from a LaTeX-flavoured abstract or title line; Unicode is kept as it is (NFC). */
export function cleanText(raw: string): string {
  let text = raw.normalize('NFC');
  // TeX quotes: ``local and global'' or ``local and global" -> "local and global"
  text = text.replace(/``/g, '"').replace(/''/g, '"');
  // Non-breaking tie: ~( -> " (", word~word -> "word word". A lone "~10" stays (approximately).
  text = text.replace(/(\S)~(?=\S)/g, '$1 ');
  // Inline math: keep what is inside, then clean the commands in it.
  text = text.replace(/\$([^$]{0,200})\$/g, (_m, inner: string) => inner);
  // \mathcal{O} -> O, \textbf{x} -> x, \emph{x} -> x (repeat for nesting).
  for (let i = 0; i < 3; i++) {
    text = text.replace(/\\[a-zA-Z]+\*?\{([^{}]*)\}/g, '$1');
  }
  // Escaped specials: \% \& \_ \# \$
  text = text.replace(/\\([%&_#$])/g, '$1');
  // Named symbols (\times, \alpha); unknown commands lose their backslash.
  text = text.replace(/\\([a-zA-Z]+)/g, (_m, name: string) => LATEX_SYMBOLS[name] ?? name);
  // Braces left from grouping, e.g. {BERT}
  text = text.replace(/[{}]/g, '');
  // Superscripts/subscripts written as ^{...} or _{...} have already lost their braces.
  text = text.replace(/[\u00A0\u2007\u202F\t]/g, ' ');
  text = text.replace(/[\u200B\u200C\u200D\u2060]/g, '');
  text = text.replace(/ {2,}/g, ' ');
  text = text.replace(/\( /g, '(').replace(/ \)/g, ')');
  return text.trim();
}
