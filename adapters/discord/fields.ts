// Fits a list of embed fields (one per paper or citation) into what is left of a message's
// 6000-character budget: short fields stay whole, long ones share the rest evenly.
import type { APIEmbedField } from 'discord.js';
import { DISCORD_LIMITS, shareBudget } from './limits.js';

/** A field that can render itself at any length up to `max` (escaped, markup intact). */
export interface FieldSpec {
  name(max: number): string;
  value(max: number): string;
  inline?: boolean;
}

/** Names get at most this share of the budget, so every value keeps room for its text. */
const NAME_SHARE = 0.35;
const MIN_NAME = 12;
const MIN_VALUE = 24;

export function fitFields(specs: readonly FieldSpec[], available: number): APIEmbedField[] {
  const fields = specs.slice(0, DISCORD_LIMITS.embedFields);
  if (fields.length === 0) return [];
  const wantedNames = fields.map((f) => f.name(DISCORD_LIMITS.fieldName).length);
  const nameCaps = shareBudget(wantedNames, Math.floor(available * NAME_SHARE), MIN_NAME);
  const names = fields.map((f, i) => f.name(Math.min(DISCORD_LIMITS.fieldName, nameCaps[i]!)));
  const used = names.reduce((sum, n) => sum + n.length, 0);
  const wantedValues = fields.map((f) => f.value(DISCORD_LIMITS.fieldValue).length);
  const valueCaps = shareBudget(wantedValues, available - used, MIN_VALUE);
  return fields.map((f, i) => ({
    name: names[i]!,
    value: f.value(Math.min(DISCORD_LIMITS.fieldValue, valueCaps[i]!)),
    ...(f.inline ? { inline: true } : {}),
  }));
}

/** Characters an embed counts against the 6000 limit (title, description, fields, footer, author). */
export function embedLength(embed: {
  title?: string;
  description?: string;
  fields?: ReadonlyArray<{ name: string; value: string }>;
  footer?: { text: string };
  author?: { name: string };
}): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}
