// The tail every listener shares once it has acknowledged Slack: run the core, render the reply,
// send it to response_url. An unexpected failure is one log line and an ephemeral apology.
import type { RespondFn } from '@slack/bolt';
import type { CommandHandler } from '../../../src/commands/handle.js';
import { asPaperbotError } from '../../../src/errors.js';
import type { CommandOrigin } from '../../../src/ops/command-tracker.js';
import type { Reply } from '../../../src/reply.js';
import { redact } from '../bolt-logger.js';
import { toKnownBlocks } from '../block-kit.js';
import { renderReply } from '../blocks.js';
import type { ListenerDeps } from './listener-deps.js';

export const APOLOGY = 'Sorry, something went wrong answering that. It has been logged.';

export interface AnswerOptions {
  /** What to log with a failure: the command or button. */
  readonly where: Record<string, string | undefined>;
  /** Who asked where, for the core's command log (which hashes the ids) and metrics. */
  readonly context: CommandOrigin;
  /** Replace the message the button was on instead of posting a new one. */
  readonly replaceOriginal?: (reply: Reply) => boolean;
}

/** Answers through the core's command tracker, with the handler it gives `run`. */
export async function answer(deps: ListenerDeps, respond: RespondFn, run: (commands: CommandHandler) => Reply, options: AnswerOptions): Promise<void> {
  await deps.bot.tracker.run(options.context, deps.bot.commands, (commands) => answerWith(deps, respond, () => run(commands), options)).catch(() => {
    // Already logged and apologized for; the tracker counted it as failed.
  });
}

async function answerWith(deps: ListenerDeps, respond: RespondFn, run: () => Reply, options: AnswerOptions): Promise<void> {
  try {
    const reply = run();
    const message = renderReply(reply, { commandPrefix: deps.commandPrefix });
    const replace = options.replaceOriginal?.(reply) ?? false;
    await respond({
      text: message.text,
      blocks: toKnownBlocks(message.blocks),
      // A replaced message keeps its audience; Slack ignores response_type then.
      ...(replace ? { replace_original: true } : { response_type: message.response_type, replace_original: false }),
    });
  } catch (err) {
    const error = asPaperbotError(err, 'slack_reply');
    deps.logger.error({ ...options.where, code: error.code, error: redact(error.message) }, 'slack: could not answer');
    // Best effort: if Slack cannot be reached the apology cannot be either, and that is already logged.
    await respond({ response_type: 'ephemeral', replace_original: false, text: APOLOGY }).catch(() => undefined);
    throw error;
  }
}
