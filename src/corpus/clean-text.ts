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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
}

// Latin-1 text is already NFC, and for a one-byte string V8 answers this without scanning it.
const BEYOND_LATIN1 = /[^\u0000-\u00FF]/;
// What the passes of cleanFully act on. Searching for each (a memchr for most) is several times
// faster than one regex over the text, and most lines contain none of them.
const CLEANUP_TRIGGERS = ['\\', '$', '~', '{', '}', '``', "''", '\t', '\u00A0', '\u2007', '\u202F', '\u200B', '\u200C', '\u200D', '\u2060', '( ', '  '];

/** True when some pass of cleanFully could change `text` (already NFC) beyond trimming it. */
function needsCleaning(text: string): boolean {
  if (CLEANUP_TRIGGERS.some((t) => text.includes(t))) return true;
  // " )" starts with a space, which is everywhere; the rare ")" is the cheaper thing to look for.
  for (let i = text.indexOf(')', 1); i !== -1; i = text.indexOf(')', i + 1)) if (text[i - 1] === ' ') return true;
  return false;
}

/** Plain text from a LaTeX-flavoured abstract or title line; Unicode is kept as it is (NFC). */
export function cleanText(raw: string): string {
  const text = BEYOND_LATIN1.test(raw) ? raw.normalize('NFC') : raw;
  return needsCleaning(text) ? cleanFully(text) : text.trim();
}

/** Every cleanup pass, in order; cleanText skips them for a line none of them would change. */
export function cleanFully(raw: string): string {
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
