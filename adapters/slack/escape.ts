// mrkdwn escaping for every piece of corpus or user text the bot sends to Slack. Slack reads
// `<...>` as mentions, channel pings and links, so `<!channel>` must arrive as text, not as a ping.

/** Escapes the three characters Slack's mrkdwn gives meaning to: `&`, `<` and `>`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Undoes Slack's escaping of a slash command's text. Slack may send `&lt;` for a typed `<`; the
 * query should search for what the person typed, and it is escaped again on the way out.
 */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
