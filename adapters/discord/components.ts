// Buttons and select menus under a message. Each one carries the command it runs as its
// custom_id (or option value), encoded by the core's action ids, so a click works at any later time.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
} from 'discord.js';
import type { Paper } from '../../src/corpus/paper.js';
import { encodeActionId } from '../../src/commands/action-id.js';
import { shortName, type Action } from '../../src/reply.js';
import { DISCORD_LIMITS, isUsableUrl, truncate } from './limits.js';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Select on a "which paper did you mean?" message: the choice replaces the question with the card. */
export const PICK_ID = 'pb:pick';
/** Select under a list or an answer: opens the chosen card for the person who chose it. */
export const OPEN_ID = 'pb:open';

/** A button label or option text; these are shown as plain text, so nothing needs escaping. */
function label(text: string, fallback: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return truncate(clean || fallback, max);
}

/** The command actions become buttons, link actions link buttons; five to a row, duplicates dropped. */
export function actionRows(actions: readonly Action[]): ActionRow[] {
  const buttons: APIButtonComponent[] = [];
  const seen = new Set<string>();
  for (const action of actions) {
    if (action.kind === 'link') {
      if (!isUsableUrl(action.url) || seen.has(action.url)) continue;
      seen.add(action.url);
      buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: label(action.label, 'Link', DISCORD_LIMITS.buttonLabel), url: action.url });
      continue;
    }
    const customId = encodeActionId(action.command);
    if (customId === null || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      style: action.id === 'open' ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: label(action.label, 'Open', DISCORD_LIMITS.buttonLabel),
      custom_id: customId,
    });
  }
  const rows: ActionRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < DISCORD_LIMITS.actionRows; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}

function optionDescription(paper: Paper): string {
  const year = paper.date?.slice(0, 4);
  return label(year ? `${paper.title} (${year})` : paper.title, paper.id, DISCORD_LIMITS.selectOptionDescription);
}

/** A select menu whose options open papers; each option's value is the action id of its /paper command. */
export function paperSelect(customId: string, placeholder: string, papers: readonly Paper[]): ActionRow | null {
  const options: APISelectMenuOption[] = [];
  const seen = new Set<string>();
  for (const paper of papers) {
    if (options.length === DISCORD_LIMITS.selectOptions) break;
    const value = encodeActionId({ command: 'paper', args: { name: paper.id } });
    if (value === null || seen.has(value)) continue;
    seen.add(value);
    options.push({ label: label(shortName(paper), paper.id, DISCORD_LIMITS.selectOptionLabel), value, description: optionDescription(paper) });
  }
  if (options.length === 0) return null;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: customId,
        placeholder: truncate(placeholder, DISCORD_LIMITS.selectPlaceholder),
        min_values: 1,
        max_values: 1,
        options,
      },
    ],
  };
}

/** The papers a "which one?" reply offers, in the order of its actions (the core's choice). */
export function candidatePapers(actions: readonly Action[], papers: readonly Paper[]): Paper[] {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const chosen: Paper[] = [];
  for (const action of actions) {
    if (action.kind !== 'command' || action.command.command !== 'paper') continue;
    const paper = byId.get(action.command.args.name);
    if (paper && !chosen.includes(paper)) chosen.push(paper);
  }
  // Papers without an action still deserve a place in the menu.
  for (const paper of papers) if (!chosen.includes(paper)) chosen.push(paper);
  return chosen;
}
