// Any other slash command routed to this app means the manifest and SLACK_COMMAND_PREFIX disagree:
// the person learns the names that work, the log says what to fix, and Slack gets its ack.
import type { App } from '@slack/bolt';
import { COMMAND_NAMES } from '../../../../src/commands/definitions.js';
import { errorReply } from '../../../../src/reply.js';
import type { ListenerDeps } from '../listener-deps.js';
import { onSlashCommand, slackCommandName } from './slash-command.js';

export function register(app: App, deps: ListenerDeps): void {
  const known = COMMAND_NAMES.map((name) => slackCommandName(name, deps.commandPrefix));
  const alternatives = known.map((name) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
  onSlashCommand(app, deps, new RegExp(`^(?!(?:${alternatives})$)`), (command) => {
    const shown = command.command.slice(0, 40);
    deps.logger.warn({ command: shown, known }, 'slack: got a command this bot does not register; make the manifest and SLACK_COMMAND_PREFIX agree');
    return errorReply('unknown_command', `This paperbot answers ${known.join(', ')}, not ${shown}.`);
  });
}
