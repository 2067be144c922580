// Turns a line of chat text ("/paper deepseek-v3") into a command input, or a message saying
// what went wrong. Platforms with real slash commands skip this and build the input directly.
import type { CommandInput } from './command.js';
import { COMMANDS, COMMAND_NAMES, MAX_INPUT_LENGTH } from './definitions.js';

export type TextParse = { ok: true; input: CommandInput } | { ok: false; code: string; message: string };

const QUESTION_START = /^(?:what|which|who|whom|whose|when|where|why|how|is|are|does|do|did|can|could|should|list|define|explain)\b/i;

export function knownCommandsText(): string {
  return COMMANDS.map((c) => c.usage).join(', ');
}

function argFor(name: string, rest: string): CommandInput {
  switch (name) {
    case 'paper': {
      // In text, "--full" (or "full") after the name asks for the whole abstract, like the card's button.
      const full = /\s+(?:--full|full)$/i.exec(rest);
      return { command: 'paper', args: full ? { name: rest.slice(0, full.index), full: true } : { name: rest } };
    }
    case 'search':
      return { command: 'search', args: { query: rest } };
    case 'ask':
      return { command: 'ask', args: { question: rest } };
    case 'related':
      return { command: 'related', args: { paper: rest } };
    case 'digest':
      return parseDigestText(rest);
    case 'list':
      return parseListText(rest);
    case 'watch':
      // Unknown actions fail validation with the ones there are.
      return { command: 'watch', args: rest ? { action: rest.toLowerCase() as 'on' } : {} };
    default:
      return { command: 'help', args: {} };
  }
}

/** `/digest` text: "subscribe mixture-of-experts has:code", "time 09:00 Europe/Berlin", "quiet on". */
export function parseDigestText(text: string): CommandInput {
  const [first = '', ...words] = text.trim().split(/\s+/);
  const rest = words.join(' ');
  const action = first.toLowerCase() as 'subscribe';
  switch (action as string) {
    case 'subscribe':
      return { command: 'digest', args: rest ? { action, topic: rest } : { action } };
    case 'time':
      return { command: 'digest', args: { action: 'time', time: words[0] ?? '', ...(words[1] ? { zone: words.slice(1).join(' ') } : {}) } };
    case 'quiet':
      return { command: 'digest', args: { action: 'quiet', quiet: rest } };
    default:
      // Unknown or missing actions fail validation with the list of actions.
      return { command: 'digest', args: { action } };
  }
}

/** `/list` text: "" (show), "add deepseek-v3", "remove janus-pro", "export". */
export function parseListText(text: string): CommandInput {
  const [first = '', ...words] = text.trim().split(/\s+/);
  const action = (first.toLowerCase() || 'show') as 'show';
  const paper = words.join(' ');
  // Unknown actions fail validation with the list of actions.
  return { command: 'list', args: paper ? { action, paper } : { action } };
}

/**
 * "/paper x" runs /paper. Text without a slash is a question when it reads like one ("what is
 * MLA?"), otherwise a paper name, so the terminal chat answers plain typing too.
 */
export function parseText(line: string): TextParse {
  const text = line.trim();
  if (!text) return { ok: false, code: 'empty', message: 'Type a command, e.g. /paper deepseek-v3. /help lists them all.' };
  const tooLong = (arg: string): TextParse | null =>
    arg.length > MAX_INPUT_LENGTH
      ? { ok: false, code: 'too_long', message: `That is ${arg.length.toLocaleString('en')} characters; keep it under ${MAX_INPUT_LENGTH.toLocaleString('en')}.` }
      : null;
  if (!text.startsWith('/')) {
    const long = tooLong(text);
    if (long) return long;
    return { ok: true, input: QUESTION_START.test(text) || text.endsWith('?') ? argFor('ask', text) : argFor('paper', text) };
  }
  const m = /^\/(\S*)\s*([\s\S]*)$/.exec(text)!;
  const name = m[1]!.toLowerCase();
  const rest = m[2]!.trim();
  if (!(COMMAND_NAMES as readonly string[]).includes(name)) {
    const shown = name.length > 30 ? `${name.slice(0, 30)}…` : name;
    return { ok: false, code: 'unknown_command', message: `There is no /${shown} command. Commands: ${knownCommandsText()}.` };
  }
  return tooLong(rest) ?? { ok: true, input: argFor(name, rest) };
}
