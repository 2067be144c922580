// Discord messages for BibTeX (one paper or a reading list's export) and for a channel's reading
// list: code blocks with as many whole entries as fit, and who added each paper and when.
import type { APIEmbed } from 'discord.js';
import type { Reply } from '../../src/reply.js';
import { escapeText } from './escape.js';
import { DISCORD_LIMITS, truncate } from './limits.js';

const COLOR = 0x4e5d94;
/** Room kept for the code fence and the "…and N more" line. */
const FENCE = '```bibtex\n';

/** A backtick would close the code block early; the entry shows a look-alike instead. */
const inert = (entry: string) => entry.replace(/`/g, 'ˋ');

export function bibtexEmbed(reply: Extract<Reply, { kind: 'bibtex' }>): APIEmbed {
  const budget = DISCORD_LIMITS.embedDescription - FENCE.length - 4 - 120;
  const kept: string[] = [];
  let used = 0;
  for (const entry of reply.entries.map(inert)) {
    const cost = entry.length + (kept.length > 0 ? 2 : 0);
    if (used + cost > budget) break;
    kept.push(entry);
    used += cost;
  }
  // One entry longer than the whole budget (a huge author list) is cut rather than dropped.
  if (kept.length === 0 && reply.entries[0] !== undefined) kept.push(truncate(inert(reply.entries[0]), budget));
  const left = reply.entries.length - kept.length;
  return {
    title: truncate(escapeText(reply.title), DISCORD_LIMITS.embedTitle),
    description: `${FENCE}${kept.join('\n\n')}\n\`\`\``,
    color: COLOR,
    ...(left > 0 ? { footer: { text: `…and ${left} more ${left === 1 ? 'entry' : 'entries'} that do not fit in one message.` } } : {}),
  };
}

/** `<@id>` shows the member's name; allowedMentions (none) keeps it from pinging. */
function who(user: string): string {
  return /^\d{1,25}$/.test(user) ? `<@${user}>` : escapeText(user);
}

export function readingListEmbed(reply: Extract<Reply, { kind: 'reading-list' }>): APIEmbed {
  const lines = reply.items.map((item, i) => `${i + 1}. **${escapeText(item.paper.title)}** · \`${item.paper.id}\`\n    added by ${who(item.addedBy)} on ${item.addedAt.slice(0, 10)}`);
  let description = '';
  for (const [i, line] of lines.entries()) {
    const rest = `\n…and ${lines.length - i} more.`;
    if (description.length + line.length + 1 + rest.length > DISCORD_LIMITS.embedDescription - 100) {
      description += rest;
      break;
    }
    description += (description ? '\n' : '') + line;
  }
  return {
    title: truncate(escapeText(reply.title), DISCORD_LIMITS.embedTitle),
    description: description || 'Nothing yet. Add a paper with /list add <paper>.',
    color: COLOR,
  };
}
