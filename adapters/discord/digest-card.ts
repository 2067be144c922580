// A digest as one Discord embed: the date and count as the title, one line per paper (title
// linked, a one-line summary, category, code), then "and K more" with the /search that lists them.
import type { APIEmbed } from 'discord.js';
import { digestHeadline } from '../../src/digest/digest-reply.js';
import type { DigestItem, Reply } from '../../src/reply.js';
import { escapeText, linkLabel, linkTarget } from './escape.js';
import { DISCORD_LIMITS, isUsableUrl, truncate } from './limits.js';

const COLOR = 0x4e5d94;

function paperLine(item: DigestItem, max: number): string {
  const p = item.paper;
  const link = isUsableUrl(p.url) ? p.url : isUsableUrl(p.codeUrl) ? p.codeUrl : null;
  const title = link ? `**[${linkLabel(truncate(p.title, 150))}](${linkTarget(link)})**` : `**${escapeText(truncate(p.title, 150))}**`;
  const code = isUsableUrl(p.codeUrl) ? `[code](${linkTarget(p.codeUrl)})` : p.hasCode ? 'code' : null;
  const facts = [p.category ? escapeText(p.category) : null, code, `\`${p.id}\``].filter(Boolean).join(' · ');
  const head = `${title} · ${facts}`;
  // The summary gives way first, so a line never loses its link or id.
  const room = max - head.length - 3;
  return room > 20 ? `${head}\n${truncate(escapeText(item.summary), room)}` : truncate(head, max);
}

export function digestEmbed(reply: Extract<Reply, { kind: 'digest' }>): APIEmbed {
  const more = reply.more ? `…and ${reply.more.count} more: \`${reply.more.search.replace(/`/g, "'")}\`` : '';
  const budget = DISCORD_LIMITS.embedDescription - more.length - 4;
  const perLine = reply.items.length > 0 ? Math.floor(budget / reply.items.length) - 2 : budget;
  const lines = reply.items.map((item) => paperLine(item, perLine));
  const description = [...lines, ...(more ? [more] : [])].join('\n\n');
  // A day with nothing new is the one-line title alone.
  return { title: truncate(digestHeadline(reply), DISCORD_LIMITS.embedTitle), ...(description ? { description: truncate(description, DISCORD_LIMITS.embedDescription) } : {}), color: COLOR };
}
