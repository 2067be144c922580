// The tail every listener shares once it has acknowledged Slack: run the core, render the reply,
// send it to response_url. An unexpected failure is one log line and an ephemeral apology.
import type { RespondFn } from '@slack/bolt';
import { asPaperbotError } from '../../../src/errors.js';
import type { Reply } from '../../../src/reply.js';
import { redact } from '../bolt-logger.js';
import { toKnownBlocks } from '../block-kit.js';
import { renderReply } from '../blocks.js';
import type { ListenerDeps } from './listener-deps.js';

export const APOLOGY = 'Sorry, something went wrong answering that. It has been logged.';

export interface AnswerOptions {
  /** What to log with a failure: the command or button, and who used it. */
  readonly where: Record<string, string | undefined>;
  /** Replace the message the button was on instead of posting a new one. */
  readonly replaceOriginal?: (reply: Reply) => boolean;
}

export async function answer(deps: ListenerDeps, respond: RespondFn, run: () => Reply, options: AnswerOptions): Promise<void> {
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
  }
}
