// Slack blocks for BibTeX (one paper or a reading list's export) and for a channel's reading list:
// one code section per entry, and who added each paper and when.
import type { Reply } from '../../src/reply.js';
import { context, section, type Block } from './block-kit.js';
import { escapeMrkdwn as esc } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

/** Blocks for the title and the "…and N more" note; the rest hold one entry each. */
const ENTRY_BLOCKS = SLACK_LIMITS.blocksPerMessage - 2;

export function bibtexBlocks(reply: Extract<Reply, { kind: 'bibtex' }>): Block[] {
  const shown = reply.entries.slice(0, ENTRY_BLOCKS);
  const left = reply.entries.length - shown.length;
  return [
    section(`*${esc(reply.title)}*`),
    // A backtick would close the code block early; the entry shows a look-alike instead.
    ...shown.map((entry) => section(`\`\`\`${esc(entry.replace(/`/g, 'ˋ'))}\`\`\``)),
    ...(left > 0 ? [context([`…and ${left} more ${left === 1 ? 'entry' : 'entries'} that do not fit in one message.`])] : []),
  ];
}

/** `<@U…>` shows the member's name without notifying them. */
function who(user: string): string {
  return /^[UW][A-Z0-9]{1,20}$/.test(user) ? `<@${user}>` : esc(user);
}

export function readingListBlocks(reply: Extract<Reply, { kind: 'reading-list' }>): Block[] {
  if (reply.items.length === 0) return [section(`*${esc(reply.title)}*\nNothing yet. Add a paper with /list add <paper>.`)];
  const shown = reply.items.slice(0, ENTRY_BLOCKS);
  const left = reply.items.length - shown.length;
  return [
    section(`*${esc(reply.title)}*`),
    ...shown.map((item, i) => section(`${i + 1}. *${esc(item.paper.title)}* · \`${esc(item.paper.id)}\`\nadded by ${who(item.addedBy)} on ${item.addedAt.slice(0, 10)}`)),
    ...(left > 0 ? [context([`…and ${left} more.`])] : []),
  ];
}
