// Slack's message limits as data, and the word-boundary truncation every block builder uses so
// that Slack never rejects a message (it refuses the whole message when one field is too long).

export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** A section's text, and any other mrkdwn/plain_text object (context elements). */
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  /** Top-level `text` (notifications and clients without blocks); Slack truncates past 40,000, the issue asks for 2,000. */
  fallbackText: 2000,
  contextElements: 10,
  actionsElements: 25,
  actionId: 255,
  buttonValue: 2000,
  buttonUrl: 3000,
  slashCommandName: 32,
} as const;

export const ELLIPSIS = '…';

// Slack counts characters; JS strings count UTF-16 units, which is never fewer, so `.length` is a
// safe measure. Cutting must not split a surrogate pair, or Slack receives an invalid character.
function safeCut(text: string, end: number): string {
  const last = text.charCodeAt(end - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, end - 1) : text.slice(0, end);
}

/**
 * `text` cut to at most `max` characters at a word boundary, ending in "…". A single word longer
 * than half the budget is cut mid-word rather than leaving almost nothing.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return safeCut(ELLIPSIS, max);
  const head = safeCut(text, max - ELLIPSIS.length);
  const space = head.search(/\s\S*$/);
  const cut = space > head.length / 2 ? head.slice(0, space) : head;
  // Trailing punctuation goes before the ellipsis, but not the semicolon that ends an entity (&amp;).
  return `${cut.replace(/(?:[\s,:]|(?<!&(?:amp|lt|gt));)+$/, '')}${ELLIPSIS}`;
}

/**
 * Like `truncate`, for escaped mrkdwn: a cut never leaves half an entity (`&am…`), and a bold
 * or italic marker left open by the cut is dropped so the rest does not turn bold.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = truncate(text, max).slice(0, -ELLIPSIS.length).replace(/&[a-z]{0,3}$/, '');
  for (const marker of ['*', '_', '~', '`']) {
    if (cut.split(marker).length % 2 === 0) {
      const open = cut.lastIndexOf(marker);
      cut = cut.slice(0, open) + cut.slice(open + 1);
    }
  }
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits long mrkdwn into pieces of at most `max` characters, at line breaks where it can and
 * otherwise at spaces, so a full abstract or a long list of citations spans several sections.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const line = window.lastIndexOf('\n');
    const space = window.search(/\s\S*$/);
    let at = line > max / 2 ? line : space > max / 2 ? space : -1;
    if (at <= 0) {
      // One enormous word: cut it, but not inside an entity or a surrogate pair.
      const hard = safeCut(rest, max).replace(/&[a-z]{0,3}$/, '');
      at = hard.length > 0 ? hard.length : max;
    }
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
