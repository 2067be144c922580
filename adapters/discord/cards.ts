// Turns the core's neutral replies into Discord messages: a paper card, a list, a "which one?"
// menu, an answer with its citations, help and errors. Everything passes through fit-message.ts.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Paper } from '../../src/corpus/paper.js';
import type { Snippet } from '../../src/engine/snippet.js';
import { isPrivate, shortName, summarize, type Reply } from '../../src/reply.js';
import { actionRows, candidatePapers, OPEN_ID, paperSelect, PICK_ID, type ActionRow } from './components.js';
import { escapeText, linkLabel, linkTarget } from './escape.js';
import { embedLength, fitFields, type FieldSpec } from './fields.js';
import { fitMessage } from './fit-message.js';
import { digestEmbed } from './digest-card.js';
import { bibtexEmbed, readingListEmbed } from './list-cards.js';
import { DISCORD_LIMITS, ELLIPSIS, fitRendered, isUsableUrl, splitAtWords, truncate } from './limits.js';

/** A reply ready for interaction.reply / update; `ephemeral` becomes MessageFlags.Ephemeral. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: ActionRow[];
  ephemeral: boolean;
}

const COLORS = { paper: 0x4e5d94, list: 0x4e5d94, answer: 0x2e8b57, quiet: 0x99aab5 } as const;
const INFERRED_MARK = ' (title inferred)';
/** A card names at most this much of a long author list before "et al.", so the abstract keeps the room. */
const AUTHORS_MAX = 300;
const AFFILIATIONS_MAX = 200;
const CONTINUED = 'Abstract (continued)';

/** Escaped corpus or user text, cut at a word boundary to `max`. */
export function fitText(raw: string, max: number): string {
  return truncate(escapeText(raw), max);
}

function authorLine(paper: Paper, max: number): string {
  if (paper.authors.length === 0) return 'Not listed';
  const names = paper.authors.map(escapeText);
  const etAl = ' et al.';
  const all = names.join(', ') + (paper.etAl ? etAl : '');
  if (all.length <= max) return all;
  let line = '';
  for (const name of names) {
    const next = line ? `${line}, ${name}` : name;
    if (next.length + etAl.length > max) break;
    line = next;
  }
  return line ? line + etAl : truncate(names[0]!, max - etAl.length) + etAl;
}

function codeLink(url: string): string {
  const shown = url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
  return `[${linkLabel(truncate(shown, 80))}](${linkTarget(url)})`;
}

function factFields(paper: Paper): APIEmbedField[] {
  const fields: APIEmbedField[] = [{ name: 'Authors', value: authorLine(paper, AUTHORS_MAX) }];
  if (paper.affiliations.length > 0) fields.push({ name: 'Affiliations', value: fitText(paper.affiliations.join(', '), AFFILIATIONS_MAX), inline: true });
  if (paper.category) fields.push({ name: 'Category', value: fitText(paper.category, 100), inline: true });
  fields.push({ name: 'Date', value: paper.date ?? 'Undated', inline: true });
  if (isUsableUrl(paper.codeUrl)) fields.push({ name: 'Code', value: codeLink(paper.codeUrl), inline: true });
  else if (paper.hasCode) fields.push({ name: 'Code', value: 'Available (no link given)', inline: true });
  if (paper.arxivId && isUsableUrl(paper.url)) fields.push({ name: 'arXiv', value: `[${paper.arxivId.replace(/[^\w./-]/g, '')}](${linkTarget(paper.url)})`, inline: true });
  return fields;
}

/** The card: linked title, abstract (summary or whole), the facts as fields, the id in the footer. */
export function paperEmbed(paper: Paper, full: boolean): APIEmbed {
  const title = paper.titleInferred ? fitText(paper.title, DISCORD_LIMITS.embedTitle - INFERRED_MARK.length) + INFERRED_MARK : fitText(paper.title, DISCORD_LIMITS.embedTitle);
  const facts = factFields(paper);
  const notes = [`id: ${paper.id}`];
  if (paper.titleInferred) notes.push('no listing names this paper, so the title comes from its abstract');
  const summary = full ? { text: paper.abstract, truncated: false } : summarize(paper.abstract);
  if (summary.truncated) notes.push('“Full abstract” shows all of it');
  // The whole abstract gets the description and, if it needs them, continuation fields.
  const fixed = embedLength({ title, fields: facts, footer: { text: notes.join(' · ') } }) + 80;
  const room = DISCORD_LIMITS.embedTotal - fixed;
  const maxes = [Math.min(DISCORD_LIMITS.embedDescription, room)];
  for (let left = room - maxes[0]!; left > CONTINUED.length + 100 && maxes.length < DISCORD_LIMITS.embedFields - facts.length; ) {
    const size = Math.min(DISCORD_LIMITS.fieldValue, left - CONTINUED.length);
    maxes.push(size);
    left -= size + CONTINUED.length;
  }
  const { parts, complete } = splitAtWords(escapeText(summary.text), maxes);
  if (!complete) notes.push('the abstract is longer than a Discord message holds; shortened');
  return {
    title,
    ...(isUsableUrl(paper.url) ? { url: paper.url } : isUsableUrl(paper.codeUrl) ? { url: paper.codeUrl } : {}),
    description: parts[0] || 'No abstract.',
    color: COLORS.paper,
    fields: [...parts.slice(1).map((value) => ({ name: CONTINUED, value })), ...facts],
    footer: { text: truncate(notes.join(' · '), DISCORD_LIMITS.footerText) },
  };
}

function highlighted(snippet: Snippet): (text: string) => string {
  // Bold the matched words, escaping the text between them; works on a truncated snippet too.
  return (text) => {
    // A shortened snippet is a prefix of the original plus "…": highlights past the cut are dropped.
    const kept = text === snippet.text ? text.length : text.length - ELLIPSIS.length;
    let out = '';
    let at = 0;
    for (const [start, end] of snippet.highlights) {
      if (end > kept || start < at) break;
      out += escapeText(text.slice(at, start)) + `**${escapeText(text.slice(start, end))}**`;
      at = end;
    }
    return out + escapeText(text.slice(at));
  };
}

function metaLine(paper: Paper, withLink: boolean): string {
  const bits = [`\`${paper.id}\``, paper.date ?? 'undated'];
  if (withLink && isUsableUrl(paper.codeUrl) && paper.codeUrl.length <= 200) bits.push(`[code](${linkTarget(paper.codeUrl)})`);
  return bits.join(' · ');
}

/** A list entry: numbered title as the name; the id, date, code link and why it matched as the value. */
function paperField(paper: Paper, n: number, why: { raw: string; render: (text: string) => string } | null): FieldSpec {
  return {
    name: (max) => `${n}. ${fitText(paper.title, max - `${n}. `.length)}`,
    value: (max) => {
      for (const withLink of [true, false]) {
        const meta = metaLine(paper, withLink);
        if (!why) {
          if (meta.length <= max) return meta;
          continue;
        }
        const room = max - meta.length - 1;
        if (room >= 24) return `${meta}\n${fitRendered(why.raw, room, why.render)}`;
      }
      return fitText(paper.id, max);
    },
  };
}

function listEmbed(title: string, description: string | undefined, specs: FieldSpec[], color: number, footer?: string): APIEmbed {
  const head = fitText(title, DISCORD_LIMITS.embedTitle);
  const desc = description ? truncate(description, 1000) : undefined;
  const foot = footer ? truncate(footer, 300) : undefined;
  const available = DISCORD_LIMITS.embedTotal - embedLength({ title: head, ...(desc ? { description: desc } : {}), ...(foot ? { footer: { text: foot } } : {}) });
  return {
    title: head,
    ...(desc ? { description: desc } : {}),
    color,
    fields: fitFields(specs, available),
    ...(foot ? { footer: { text: foot } } : {}),
  };
}

function withSelect(rows: ActionRow[], select: ActionRow | null): ActionRow[] {
  return select ? [...rows, select] : rows;
}

function render(reply: Reply): DiscordReply {
  const ephemeral = isPrivate(reply);
  switch (reply.kind) {
    case 'paper':
      return { embeds: [paperEmbed(reply.paper, reply.full)], components: actionRows(reply.actions), ephemeral };
    case 'papers': {
      const specs = reply.items.map((item, i) => {
        const why = item.snippet
          ? { raw: item.snippet.text, render: highlighted(item.snippet) }
          : item.shared?.length
            ? { raw: `Shares: ${item.shared.join(', ')}`, render: escapeText }
            : null;
        return paperField(item.paper, i + 1, why);
      });
      const more = reply.items.length > DISCORD_LIMITS.embedFields ? `Showing the first ${DISCORD_LIMITS.embedFields}.` : reply.more;
      const papers = reply.items.map((i) => i.paper);
      return {
        embeds: [listEmbed(reply.title, more ? escapeText(more) : undefined, specs, COLORS.list)],
        components: withSelect([], paperSelect(OPEN_ID, 'Open a paper…', papers)),
        ephemeral,
      };
    }
    case 'candidates': {
      const papers = candidatePapers(reply.actions, reply.papers);
      const lines = papers.map((p) => `**${fitText(shortName(p), 100)}** · ${metaLine(p, false)}\n${fitText(p.title, 160)}`);
      let description = '';
      for (const [i, line] of lines.entries()) {
        const rest = `\n…and ${lines.length - i} more; add a word to narrow it down.`;
        if (i >= DISCORD_LIMITS.selectOptions || description.length + line.length + 2 + rest.length > 3000) {
          description += rest;
          break;
        }
        description += (description ? '\n' : '') + line;
      }
      return {
        embeds: [{ title: fitText(reply.message, DISCORD_LIMITS.embedTitle), description: description || 'No candidates.', color: COLORS.list }],
        components: withSelect([], paperSelect(PICK_ID, 'Choose the paper…', papers)),
        ephemeral,
      };
    }
    case 'answer': {
      if (!reply.found) return { embeds: [{ title: fitText(reply.question, DISCORD_LIMITS.embedTitle), description: fitText(reply.text, 2000), color: COLORS.quiet }], components: [], ephemeral };
      const byId = new Map(reply.papers.map((p) => [p.id, p]));
      const specs: FieldSpec[] = reply.citations.map((c, i) => {
        const paper = byId.get(c.paperId);
        const who = paper ? shortName(paper) : c.paperId;
        return {
          name: (max) => `[${i + 1}] ${fitText(who, max - `[${i + 1}] `.length)}`,
          value: (max) => {
            const id = ` — \`${c.paperId}\``;
            return max > id.length + 24 ? `${fitRendered(`“${c.sentence}”`, max - id.length, escapeText)}${id}` : fitText(`“${c.sentence}”`, max);
          },
        };
      });
      const description = fitText(reply.text, specs.length > 0 ? 2500 : DISCORD_LIMITS.embedDescription);
      return {
        embeds: [listEmbed(reply.question, description, specs, COLORS.answer, 'Sources are quoted word for word from the papers.')],
        components: withSelect([], paperSelect(OPEN_ID, 'Open a cited paper…', reply.papers)),
        ephemeral,
      };
    }
    case 'help': {
      const specs: FieldSpec[] = reply.commands.map((c) => ({
        name: (max) => fitText(c.usage, max),
        // The example is the core's own text, shown as code so it reads as something to type.
        value: (max) => truncate(`${escapeText(c.description)}\ne.g. \`${c.example.replace(/`/g, "'")}\``, max),
      }));
      return { embeds: [listEmbed('paperbot', escapeText(reply.text), specs, COLORS.quiet)], components: [], ephemeral };
    }
    case 'error': {
      const suggestions = reply.papers.map((p) => ({ kind: 'command' as const, id: 'open' as const, label: shortName(p), command: { command: 'paper' as const, args: { name: p.id } } }));
      return { content: `✗ ${fitText(reply.message, DISCORD_LIMITS.content - 2)}`, embeds: [], components: actionRows(suggestions.slice(0, DISCORD_LIMITS.buttonsPerRow)), ephemeral };
    }
    case 'digest':
      return { embeds: [digestEmbed(reply)], components: [], ephemeral };
    case 'notice':
      return { content: fitText(reply.text, DISCORD_LIMITS.content), embeds: [], components: [], ephemeral };
    case 'bibtex':
      return { embeds: [bibtexEmbed(reply)], components: [], ephemeral };
    case 'reading-list':
      return { embeds: [readingListEmbed(reply)], components: withSelect([], paperSelect(OPEN_ID, 'Open a paper…', reply.items.map((i) => i.paper))), ephemeral };
  }
}

/** The Discord message for a reply, guaranteed within every Discord limit. */
export function renderReply(reply: Reply): DiscordReply {
  return fitMessage(render(reply));
}
