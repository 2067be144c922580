// A digest as Block Kit: a header with the date and count, one section per paper (title linked,
// a one-line summary, category, code), then "and K more" with the /search that lists them.
import { digestHeadline } from '../../src/digest/digest-reply.js';
import type { Reply } from '../../src/reply.js';
import { context, header, section, type Block } from './block-kit.js';
import { escapeMrkdwn as esc } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

type DigestReply = Extract<Reply, { kind: 'digest' }>;

/** A URL safe inside Slack's `<url|label>` link syntax. */
function usable(url: string | null | undefined): url is string {
  return !!url && url.length <= SLACK_LIMITS.buttonUrl && /^https?:\/\/[^\s<>|]+$/.test(url);
}

function withPrefix(search: string, prefix: string): string {
  return search.replace(/^\//, `/${prefix}`);
}

export function digestBlocks(reply: DigestReply, prefix: string): Block[] {
  const blocks: Block[] = [header(digestHeadline(reply))];
  for (const item of reply.items) {
    const p = item.paper;
    const link = usable(p.url) ? p.url : usable(p.codeUrl) ? p.codeUrl : null;
    const title = link ? `*<${link}|${esc(p.title).replace(/\|/g, '¦')}>*` : `*${esc(p.title)}*`;
    const code = usable(p.codeUrl) ? `<${p.codeUrl}|code>` : p.hasCode ? 'code' : null;
    const facts = [p.category ? esc(p.category) : null, code, `\`${p.id}\``].filter(Boolean).join(' · ');
    blocks.push(section(`${title} · ${facts}\n${esc(item.summary)}`));
  }
  if (reply.more) blocks.push(context([`…and ${reply.more.count} more: \`${esc(withPrefix(reply.more.search, prefix))}\``]));
  return blocks;
}

export function digestFallback(reply: DigestReply): string {
  return `${esc(digestHeadline(reply))}: ${reply.items.map((i) => esc(i.paper.title)).join('; ')}`;
}
