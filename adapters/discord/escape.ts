// Makes corpus and user text inert in Discord: markdown cannot restyle a card and mention syntax
// cannot ping. allowedMentions already stops pings; this also keeps the text from looking like one.
import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/** Escapes markdown (including headings, lists, block quotes and masked links) and defuses mentions. */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    // escapeMarkdown leaves block quotes ("> ", ">>> ") and subtext ("-# ") alone.
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2');
  return defuseMentions(escaped);
}

/** "@everyone", "@here", "<@id>", "<@&role>", "<#channel>", "</cmd:id>" and "<t:…>" shown as written, not resolved. */
export function defuseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)\b/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(?=[@#/:]|a:|t:)/g, `<${ZERO_WIDTH_SPACE}`);
}

/** Text for a markdown link label: escaped, with the brackets that would end the label removed. */
export function linkLabel(text: string): string {
  return escapeText(text.replace(/[[\]]/g, ''));
}

/** A URL inside markdown link parentheses: parentheses and spaces would end it early. */
export function linkTarget(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
}
