// The last line of defence before a message leaves: whatever a renderer produced, clamp it to
// every Discord limit so the API can never answer 50035 "Invalid Form Body" to a reply.
import { ComponentType, type APIEmbed, type APIMessageComponent } from 'discord.js';
import type { DiscordReply } from './cards.js';
import type { ActionRow } from './components.js';
import { embedLength } from './fields.js';
import { DISCORD_LIMITS, isUsableUrl, truncate } from './limits.js';

/** Non-empty text within `max`; Discord refuses empty names and values. */
function nonEmpty(text: string | undefined, max: number, fallback: string): string {
  const fitted = truncate(text ?? '', max);
  return fitted.trim() ? fitted : fallback;
}

function clampEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = nonEmpty(out.title, DISCORD_LIMITS.embedTitle, 'Untitled');
  if (out.description !== undefined) {
    out.description = truncate(out.description, DISCORD_LIMITS.embedDescription);
    if (!out.description.trim()) delete out.description;
  }
  if (out.url !== undefined && !isUsableUrl(out.url)) delete out.url;
  if (out.footer) out.footer = { ...out.footer, text: nonEmpty(out.footer.text, DISCORD_LIMITS.footerText, '·') };
  if (out.author) out.author = { ...out.author, name: nonEmpty(out.author.name, DISCORD_LIMITS.authorName, '·') };
  if (out.fields) {
    out.fields = out.fields.slice(0, DISCORD_LIMITS.embedFields).map((f) => ({
      ...f,
      name: nonEmpty(f.name, DISCORD_LIMITS.fieldName, '·'),
      value: nonEmpty(f.value, DISCORD_LIMITS.fieldValue, '·'),
    }));
  }
  return out;
}

/** Drops trailing fields, then shortens descriptions, until all embeds together fit in 6000. */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  const total = () => embeds.reduce((sum, e) => sum + embedLength(e), 0);
  for (let i = embeds.length - 1; i >= 0 && total() > DISCORD_LIMITS.embedTotal; i--) {
    const embed = embeds[i]!;
    while (embed.fields && embed.fields.length > 0 && total() > DISCORD_LIMITS.embedTotal) embed.fields = embed.fields.slice(0, -1);
  }
  for (let i = embeds.length - 1; i >= 0 && total() > DISCORD_LIMITS.embedTotal; i--) {
    const embed = embeds[i]!;
    if (!embed.description) continue;
    const excess = total() - DISCORD_LIMITS.embedTotal;
    embed.description = truncate(embed.description, Math.max(1, embed.description.length - excess));
  }
  // Only titles and footers are left: an embed that still does not fit is dropped.
  while (embeds.length > 1 && total() > DISCORD_LIMITS.embedTotal) embeds.pop();
  return embeds;
}

function clampComponent(component: APIMessageComponent, customIds: Set<string>): APIMessageComponent | null {
  if (component.type === ComponentType.Button) {
    if ('url' in component) return isUsableUrl(component.url) ? { ...component, label: nonEmpty(component.label, DISCORD_LIMITS.buttonLabel, 'Link') } : null;
    if (!('custom_id' in component) || component.custom_id.length > DISCORD_LIMITS.customId || customIds.has(component.custom_id)) return null;
    customIds.add(component.custom_id);
    return { ...component, label: nonEmpty(component.label, DISCORD_LIMITS.buttonLabel, 'Open') };
  }
  if (component.type === ComponentType.StringSelect) {
    if (component.custom_id.length > DISCORD_LIMITS.customId || customIds.has(component.custom_id)) return null;
    const values = new Set<string>();
    const unique = component.options.filter((o) => {
      if (o.value.length > DISCORD_LIMITS.selectOptionValue || values.has(o.value)) return false;
      values.add(o.value);
      return true;
    });
    const options = unique
      .slice(0, DISCORD_LIMITS.selectOptions)
      .map((o) => ({
        ...o,
        label: nonEmpty(o.label, DISCORD_LIMITS.selectOptionLabel, o.value),
        ...(o.description !== undefined ? { description: nonEmpty(o.description, DISCORD_LIMITS.selectOptionDescription, '·') } : {}),
      }));
    if (options.length === 0) return null;
    customIds.add(component.custom_id);
    return {
      ...component,
      options,
      ...(component.placeholder !== undefined ? { placeholder: truncate(component.placeholder, DISCORD_LIMITS.selectPlaceholder) } : {}),
    };
  }
  return null;
}

function clampRows(rows: ActionRow[]): ActionRow[] {
  const customIds = new Set<string>();
  const out: ActionRow[] = [];
  for (const row of rows) {
    if (out.length === DISCORD_LIMITS.actionRows) break;
    const kept = row.components.map((c) => clampComponent(c, customIds)).filter((c) => c !== null);
    const hasSelect = kept.some((c) => c.type !== ComponentType.Button);
    // A select fills its row alone; buttons go five to a row.
    const components = (hasSelect ? kept.slice(0, 1) : kept.slice(0, DISCORD_LIMITS.buttonsPerRow)) as ActionRow['components'];
    if (components.length > 0) out.push({ ...row, components });
  }
  return out;
}

/** `message` within every limit: content 2000; 10 embeds and 6000 characters; 5 rows of 5 buttons or one select. */
export function fitMessage(message: DiscordReply): DiscordReply {
  const embeds = fitTotal(message.embeds.slice(0, DISCORD_LIMITS.embedsPerMessage).map(clampEmbed));
  const content = message.content === undefined ? undefined : truncate(message.content, DISCORD_LIMITS.content);
  const fitted: DiscordReply = { embeds, components: clampRows(message.components), ephemeral: message.ephemeral };
  if (content !== undefined && content.trim()) fitted.content = content;
  // Discord refuses a message with nothing in it.
  if (fitted.embeds.length === 0 && fitted.content === undefined) fitted.content = 'Nothing to show.';
  return fitted;
}
