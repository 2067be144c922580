// Discord's message, embed, component and command limits as data, and the word-boundary
// truncation every rendered string goes through so that Discord never rejects a message.

/** Lengths are in characters; this module measures UTF-16 code units, which is never fewer. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  /** Link buttons refuse longer URLs; embeds get the same cap so one check serves both. */
  url: 512,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  optionDescription: 100,
  /** Discord drops an interaction that is not answered (or deferred) within this time. */
  interactionResponseMs: 3000,
} as const;

export const ELLIPSIS = '…';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Cuts at `at` or just before it, never between the two halves of a surrogate pair. */
function safeCut(text: string, at: number): number {
  return at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) ? at - 1 : at;
}

/** Drops one backslash when `text` ends in an odd run of them, so a cut never leaves half an escape. */
function dropDanglingEscape(text: string): string {
  let run = 0;
  while (run < text.length && text[text.length - 1 - run] === '\\') run++;
  return run % 2 === 1 ? text.slice(0, -1) : text;
}

/**
 * `text` if it fits in `max`, else its longest prefix ending at a word boundary plus "…".
 * Falls back to a hard cut only when the first word alone is longer than most of the budget.
 * Escapes (from escape.ts) contain no whitespace, so word cuts never split one.
 */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  let cut = -1;
  for (let i = budget; i > 0; i--) {
    if (/\s/.test(text[i]!)) {
      cut = i;
      break;
    }
  }
  // A word boundary far back would throw away most of the text; a hard cut reads better then.
  const head = cut >= budget * 0.6 ? text.slice(0, cut) : text.slice(0, safeCut(text, budget));
  const kept = dropDanglingEscape(head.trimEnd().replace(/[\s,;:]+$/, ''));
  return `${kept}${ELLIPSIS}`;
}

/**
 * Splits `text` into consecutive parts at word boundaries, part i at most `maxes[i]` long. When the
 * text does not fit in all of them, the last part ends in "…" and `complete` is false.
 */
export function splitAtWords(text: string, maxes: readonly number[]): { parts: string[]; complete: boolean } {
  const parts: string[] = [];
  let rest = text.trim();
  for (let i = 0; i < maxes.length && rest; i++) {
    const max = maxes[i]!;
    if (rest.length <= max) return { parts: [...parts, rest], complete: true };
    if (i === maxes.length - 1 || max <= ELLIPSIS.length) {
      parts.push(truncate(rest, max));
      return { parts, complete: false };
    }
    let cut = -1;
    for (let j = max; j > 0; j--) {
      if (/\s/.test(rest[j]!)) {
        cut = j;
        break;
      }
    }
    if (cut < max * 0.6) cut = safeCut(rest, max);
    const head = dropDanglingEscape(rest.slice(0, cut).trimEnd());
    parts.push(head);
    rest = rest.slice(head.length).trim();
  }
  return { parts, complete: rest.length === 0 };
}

/**
 * Renders `raw` with `render` (escaping, markup) and, when that is too long, truncates the raw text
 * until the rendering fits: markup is applied to whole words and never cut in half.
 */
export function fitRendered(raw: string, max: number, render: (text: string) => string): string {
  let out = render(raw);
  if (out.length <= max) return out;
  let budget = Math.min(raw.length, max);
  for (let attempt = 0; attempt < 12 && budget > 0; attempt++) {
    out = render(truncate(raw, budget));
    if (out.length <= max) return out;
    budget -= Math.max(1, out.length - max);
  }
  // Pathological markup (every character escaped): still never exceed the limit.
  return truncate(out, max);
}

/**
 * Shares `budget` characters among pieces that want `wanted[i]` each: short pieces keep their
 * length, the long ones are cut to one common cap (water-filling). The caps sum to at most `budget`
 * unless `budget` cannot give every piece `minimum`.
 */
export function shareBudget(wanted: readonly number[], budget: number, minimum = 1): number[] {
  const total = wanted.reduce((a, b) => a + b, 0);
  if (total <= budget) return [...wanted];
  const order = wanted.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w);
  const caps = new Array<number>(wanted.length).fill(0);
  let left = Math.max(0, budget);
  let remaining = wanted.length;
  for (const { w, i } of order) {
    const fair = Math.floor(left / remaining);
    const cap = Math.max(Math.min(w, minimum), Math.min(w, fair));
    caps[i] = cap;
    left -= cap;
    remaining--;
  }
  return caps;
}

/** True for URLs Discord accepts in embeds and link buttons. */
export function isUsableUrl(url: string | null | undefined): url is string {
  if (!url || url.length > DISCORD_LIMITS.url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
