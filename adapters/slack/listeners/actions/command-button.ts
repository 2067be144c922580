// Clicks on paperbot's command buttons (Full abstract, Related papers, a candidate or list entry):
// the button's action id is the command, so it works later and for anyone in the channel.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { decodeActionId } from '../../../../src/commands/action-id.js';
import { errorReply } from '../../../../src/reply.js';
import { deliveryKeys } from '../../dedupe.js';
import { answer } from '../answer.js';
import type { ListenerDeps } from '../listener-deps.js';

export const COMMAND_BUTTON = /^pb:(?:paper|full|related):/;

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: COMMAND_BUTTON }, async ({ ack, action, body, respond, context }) => {
    const keys = deliveryKeys({ teamId: body.team?.id, triggerId: body.trigger_id, envelopeId: context['envelopeId'], actionTs: action.action_ts });
    const first = deps.seen.isFirst(keys);
    await ack();
    if (!first) {
      deps.logger.debug({ action: action.action_id, retryNum: context.retryNum }, 'slack: redelivery ignored');
      return;
    }
    const input = decodeActionId(action.action_id);
    await answer(
      deps,
      respond,
      (commands) => (input === null ? errorReply('stale_button', 'That button no longer works. Run the command again.') : commands.handle(input)),
      {
        where: { action: action.action_id },
        context: { platform: 'slack', userId: body.user.id, channelId: body.channel?.id },
        // "Full abstract" expands the card in place; everything else is a new message.
        replaceOriginal: (reply) => reply.kind === 'paper' && input?.command === 'paper' && input.args.full === true,
      },
    );
  });
}
