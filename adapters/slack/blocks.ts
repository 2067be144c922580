// Renders a core reply as a Slack message: Block Kit blocks, fallback text and whether it is
// public. All corpus and user text is escaped here; block-kit.ts keeps every field within limits.
import type { Paper } from '../../src/corpus/paper.js';
import type { Snippet } from '../../src/engine/snippet.js';
import { isPrivate, shortName, summarize, type Action, type Reply } from '../../src/reply.js';
import { actions, button, context, divider, header, section, sections, type Block, type ButtonElement } from './block-kit.js';
import { escapeMrkdwn as esc } from './escape.js';
import { digestBlocks, digestFallback } from './digest-blocks.js';
import { bibtexBlocks, readingListBlocks } from './list-blocks.js';
import { ELLIPSIS, SLACK_LIMITS, truncate, truncateMrkdwn } from './limits.js';

export interface SlackMessage {
  /** Fallback for notifications and clients without blocks: escaped mrkdwn, at most 2,000 characters. */
  text: string;
  blocks: Block[];
  /** Errors and help go only to the person who asked. */
  response_type: 'in_channel' | 'ephemeral';
}

export interface RenderOptions {
  /** SLACK_COMMAND_PREFIX: help shows `/pb-paper` when the commands are registered that way. */
  readonly commandPrefix?: string;
}

const INFERRED = ' (title inferred)';
/** Buttons to open cited or suggested papers: enough to be useful, few enough to read. */
const MAX_OPEN_BUTTONS = 5;

/** `/paper <name>` as this workspace spells it, e.g. `/pb-paper <name>`. */
export function withPrefix(usage: string, prefix = ''): string {
  return usage.replace(/^\//, `/${prefix}`);
}

function openAction(paper: Paper): Action {
  return { kind: 'command', id: 'open', label: shortName(paper), command: { command: 'paper', args: { name: paper.id } } };
}

function openButtons(papers: Paper[]): Block[] {
  const row = actions(papers.slice(0, MAX_OPEN_BUTTONS).flatMap((p) => button(openAction(p), p.id) ?? []));
  return row === null ? [] : [row];
}

function authorsText(p: Paper): string {
  return p.authors.length > 0 ? `${p.authors.join(', ')}${p.etAl ? ' et al.' : ''}` : 'Authors not listed';
}

/** The card's context line: authors, affiliations, category, date and the id to type in commands. */
function byline(p: Paper): string {
  return [authorsText(p), p.affiliations.join(', '), p.category ?? '', p.date ?? 'undated']
    .filter((part) => part !== '')
    .map(esc)
    .concat(`\`${p.id}\``)
    .join(' · ');
}

function titleLine(p: Paper): string {
  return `*${esc(p.title)}*${p.titleInferred ? ` _${INFERRED.trim()}_` : ''}`;
}

function facts(p: Paper): string {
  return `\`${p.id}\`${p.date ? ` · ${p.date}` : ''}`;
}

/** The snippet with its matches in bold; "DeepSeek" and "V3" matched apart read as one *DeepSeek-V3*. */
function snippetMrkdwn(snippet: Snippet): string {
  const ranges: Array<[number, number]> = [];
  for (const [start, end] of snippet.highlights) {
    const last = ranges.at(-1);
    if (last !== undefined && start < last[1]) continue;
    if (last !== undefined && /^[-.]?$/.test(snippet.text.slice(last[1], start))) last[1] = end;
    else ranges.push([start, end]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${esc(snippet.text.slice(at, start))}*${esc(snippet.text.slice(start, end))}*`;
    at = end;
  }
  return out + esc(snippet.text.slice(at));
}

function cardBlocks(p: Paper, full: boolean, cardActions: Action[]): Block[] {
  const title = p.titleInferred ? `${truncate(p.title, SLACK_LIMITS.headerText - INFERRED.length)}${INFERRED}` : p.title;
  const abstract = full ? p.abstract : summarize(p.abstract).text;
  const row = actions(cardActions.flatMap((a) => button(a, p.id) ?? []));
  // A paper fetched from arXiv links its abstract page by id.
  const arxiv = p.arxivId && p.url && /^https?:\/\/[^\s<>|]+$/.test(p.url) ? [`arXiv <${p.url}|${esc(p.arxivId)}>`] : [];
  return [header(title), context([byline(p), ...arxiv]), ...sections(esc(abstract)), ...(row === null ? [] : [row])];
}

interface ListItem {
  mrkdwn: string;
  accessory?: ButtonElement | undefined;
}

/**
 * One compact section per item with a divider between them. When that passes 50 blocks (a
 * 25-result search), the last items share sections, as few as needed, so every result still shows.
 */
function listBlocks(head: Block[], items: ListItem[], tail: Block[]): Block[] {
  const budget = SLACK_LIMITS.blocksPerMessage - head.length - tail.length;
  const slots = Math.max(1, Math.min(items.length, Math.floor((budget + 1) / 2)));
  // The first sections hold one item each (and keep their Open button); the rest hold `perShared`.
  const shared = items.length - slots;
  const perShared = shared > 0 ? Math.ceil(items.length / slots) : 1;
  const singles = shared > 0 ? slots - Math.ceil((items.length - slots) / (perShared - 1)) : items.length;
  const groups: ListItem[][] = items.slice(0, singles).map((item) => [item]);
  for (let i = singles; i < items.length; i += perShared) groups.push(items.slice(i, i + perShared));
  const body = groups.flatMap((group, i) => {
    const block =
      group.length === 1 && group[0] !== undefined
        ? section(group[0].mrkdwn, group[0].accessory)
        : // Each item gets its share of the section so that none is cut off by the one before it.
          section(group.map((item) => truncateMrkdwn(item.mrkdwn, Math.floor(SLACK_LIMITS.sectionText / group.length) - 2)).join('\n\n'));
    return i > 0 ? [divider(), block] : [block];
  });
  return [...head, ...body, ...tail];
}

function papersBlocks(reply: Extract<Reply, { kind: 'papers' }>): Block[] {
  const items = reply.items.map((item, i) => {
    const why = item.snippet ? snippetMrkdwn(item.snippet) : item.shared?.length ? `_Shares: ${esc(item.shared.join(', '))}_` : '';
    const mrkdwn = `${i + 1}. ${titleLine(item.paper)} · ${facts(item.paper)}${why ? `\n${why}` : ''}`;
    return { mrkdwn, accessory: button(openAction(item.paper), item.paper.id) ?? undefined };
  });
  return listBlocks([section(`*${esc(reply.title)}*`)], items, reply.more ? [context([esc(reply.more)])] : []);
}

function candidateBlocks(reply: Extract<Reply, { kind: 'candidates' }>): Block[] {
  const items = reply.papers.map((p) => {
    const action = reply.actions.find((a) => a.kind === 'command' && a.command.command === 'paper' && a.command.args.name === p.id) ?? openAction(p);
    return { mrkdwn: `${titleLine(p)} · ${facts(p)}`, accessory: button(action, p.id) ?? undefined };
  });
  return listBlocks([section(esc(reply.message))], items, []);
}

function answerBlocks(reply: Extract<Reply, { kind: 'answer' }>): Block[] {
  if (!reply.found) return sections(esc(reply.text));
  const sources = reply.citations.map((c, i) => {
    const paper = reply.papers.find((p) => p.id === c.paperId);
    return `[${i + 1}] *${esc(paper ? shortName(paper) : c.paperId)}* \`${c.paperId}\`: “${esc(c.sentence)}”`;
  });
  return [
    section(`*${esc(reply.question)}*`),
    ...sections(esc(reply.text)),
    ...(sources.length > 0 ? [context(['*Sources*']), ...sections(sources.join('\n'))] : []),
    ...openButtons(reply.papers),
  ];
}

function helpBlocks(reply: Extract<Reply, { kind: 'help' }>, prefix: string): Block[] {
  return [
    section(esc(reply.text)),
    ...reply.commands.map((c) => section(`*${esc(withPrefix(c.usage, prefix))}*  ${esc(c.description)}\n_e.g. ${esc(withPrefix(c.example, prefix))}_`)),
    context(['Buttons under a card (Full abstract, Related papers) work for anyone in the channel.']),
  ];
}

function errorBlocks(reply: Extract<Reply, { kind: 'error' }>): Block[] {
  return [section(`:warning: ${esc(reply.message)}`), ...openButtons(reply.papers)];
}

function blocksFor(reply: Reply, prefix: string): Block[] {
  switch (reply.kind) {
    case 'paper':
      return cardBlocks(reply.paper, reply.full, reply.actions);
    case 'papers':
      return papersBlocks(reply);
    case 'candidates':
      return candidateBlocks(reply);
    case 'answer':
      return answerBlocks(reply);
    case 'help':
      return helpBlocks(reply, prefix);
    case 'error':
      return errorBlocks(reply);
    case 'digest':
      return digestBlocks(reply, prefix);
    case 'notice':
      return [section(esc(reply.text))];
    case 'bibtex':
      return bibtexBlocks(reply);
    case 'reading-list':
      return readingListBlocks(reply);
  }
}

/** What a notification or a client without blocks shows. */
function fallbackFor(reply: Reply, prefix: string): string {
  const names = (papers: Paper[]) => papers.map((p) => `${esc(p.title)} (${p.id})`).join('; ');
  switch (reply.kind) {
    case 'paper':
      return `${esc(reply.paper.title)}${reply.paper.titleInferred ? INFERRED : ''} — ${esc(authorsText(reply.paper))}`;
    case 'papers':
      return `${esc(reply.title)}: ${names(reply.items.map((i) => i.paper))}`;
    case 'candidates':
      return `${esc(reply.message)} ${names(reply.papers)}`;
    case 'answer':
      return esc(reply.text);
    case 'help':
      return `${esc(reply.text)} Commands: ${reply.commands.map((c) => esc(withPrefix(c.usage, prefix))).join(', ')}`;
    case 'error':
      return esc(reply.message);
    case 'digest':
      return digestFallback(reply);
    case 'notice':
      return esc(reply.text);
    case 'bibtex':
      return `${esc(reply.title)}: ${reply.papers.map((p) => p.id).join(', ')}`;
    case 'reading-list':
      return `${esc(reply.title)}: ${names(reply.items.map((i) => i.paper))}`;
  }
}

/** Last guard: at most 50 blocks, no divider at either end. */
function fitMessage(blocks: Block[]): Block[] {
  const trimmed = blocks.filter((b, i) => b.type !== 'divider' || (i > 0 && i < blocks.length - 1));
  if (trimmed.length <= SLACK_LIMITS.blocksPerMessage) return trimmed;
  const kept = trimmed.slice(0, SLACK_LIMITS.blocksPerMessage - 1);
  while (kept.at(-1)?.type === 'divider') kept.pop();
  return [...kept, context([`${ELLIPSIS} the rest does not fit in one Slack message.`])];
}

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const prefix = options.commandPrefix ?? '';
  return {
    text: truncateMrkdwn(fallbackFor(reply, prefix).replace(/\s+/g, ' ').trim() || 'paperbot', SLACK_LIMITS.fallbackText),
    blocks: fitMessage(blocksFor(reply, prefix)),
    response_type: isPrivate(reply) ? 'ephemeral' : 'in_channel',
  };
}
