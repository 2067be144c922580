// The flow every slash command shares: drop Slack's redeliveries, ack at once, turn the text into
// a core command, answer through response_url (which does not depend on the ack arriving).
import type { App, SlashCommand } from '@slack/bolt';
import type { CommandInput } from '../../../../src/commands/command.js';
import type { CommandHandler } from '../../../../src/commands/handle.js';
import type { CommandName } from '../../../../src/commands/definitions.js';
import type { Reply } from '../../../../src/reply.js';
import { deliveryKeys } from '../../dedupe.js';
import { unescapeSlackText } from '../../escape.js';
import { answer } from '../answer.js';
import type { ListenerDeps } from '../listener-deps.js';

/** The Slack name of a command: `/paper`, or `/pb-paper` with SLACK_COMMAND_PREFIX=pb-. */
export function slackCommandName(name: CommandName, prefix: string): string {
  return `/${prefix}${name}`;
}

/** Listens for slash commands matching `name`; `toReply` gets the command with its text unescaped and trimmed, and the core to ask. */
export function onSlashCommand(app: App, deps: ListenerDeps, name: string | RegExp, toReply: (command: SlashCommand, text: string, commands: CommandHandler) => Reply): void {
  app.command(name, async ({ command, ack, respond, context }) => {
    // A retry (x-slack-retry-num) or a redelivered envelope carries the same trigger_id and envelope id.
    const first = deps.seen.isFirst(deliveryKeys({ teamId: command.team_id, triggerId: command.trigger_id, envelopeId: context['envelopeId'] }));
    await ack();
    if (!first) {
      deps.logger.debug({ command: command.command, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack: redelivery ignored');
      return;
    }
    const text = unescapeSlackText(command.text ?? '').trim();
    await answer(deps, respond, (commands) => toReply(command, text, commands), {
      where: { command: command.command.slice(0, 40) },
      context: { platform: 'slack', userId: command.user_id, channelId: command.channel_id },
    });
  });
}

/** Registers `/<prefix><name>`; `toInput` maps its text (the single argument after the name) to the core's input. */
export function registerSlashCommand(app: App, deps: ListenerDeps, name: CommandName, toInput: (text: string) => CommandInput): void {
  onSlashCommand(app, deps, slackCommandName(name, deps.commandPrefix), (_command, text, commands) => commands.handle(toInput(text)));
}
