// Answers a message that mentions the bot ("@paperbot what does MLA do?", "@paperbot janus-pro")
// through the same ask and lookup as the commands, keeping each thread's paper for follow-ups.
import { parseText } from '../commands/parse-text.js';
import type { CommandHandler } from '../commands/handle.js';
import type { CommandContext } from '../digest/digest-commands.js';
import { errorReply, papersOf, type Reply } from '../reply.js';
import type { ThreadMemory } from './thread-memory.js';

export interface Mention {
  platform: string;
  channel: string;
  /** The thread the answer goes to: the thread's root message id (Discord: the thread channel). */
  thread: string;
  user: string;
  /** The message text; mention tokens (`<@U123>`, `<@!123>`) are stripped here. */
  text: string;
}

export interface Mentions {
  /** `commands` is the tracker's handler, so mentions are logged, measured and rate-limited like commands. */
  answer(mention: Mention, commands: CommandHandler): Reply;
  readonly threads: ThreadMemory;
}

/** Slack `<@U123>` / `<@U123|name>`, Discord `<@123>` / `<@!123>`. */
const MENTION_TOKEN = /<@!?[A-Z0-9]+(?:\|[^>]*)?>/gi;

export function stripMentions(text: string): string {
  return text.replace(MENTION_TOKEN, ' ').replace(/\s+/g, ' ').trim();
}

const threadKey = (m: Pick<Mention, 'platform' | 'channel' | 'thread'>) => `${m.platform}:${m.channel}:${m.thread}`;

export function createMentions(threads: ThreadMemory): Mentions {
  return {
    threads,
    answer(mention, commands) {
      const text = stripMentions(mention.text);
      if (!text) return commands.handle({ command: 'help', args: {} });
      const parsed = parseText(text);
      if (!parsed.ok) return errorReply(parsed.code, parsed.message);
      const key = threadKey(mention);
      const input = parsed.input;
      const contextPaperId = threads.recall(key);
      const context: CommandContext = { platform: mention.platform, channel: mention.channel, user: mention.user, canManage: false };
      const reply = commands.handle(input.command === 'ask' && contextPaperId ? { ...input, args: { ...input.args, contextPaperId } } : input, context);
      // A card or an answer sets the thread's paper; a "which one?" or an error leaves it as it was.
      const shown = reply.kind === 'paper' || reply.kind === 'answer' || reply.kind === 'bibtex' ? papersOf(reply)[0] : undefined;
      if (shown) threads.remember(key, shown.id);
      return reply;
    },
  };
}
