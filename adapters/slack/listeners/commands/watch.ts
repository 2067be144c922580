// /watch on|off|status: watch mode for this channel. Any member may turn it on or off.
import type { App } from '@slack/bolt';
import { parseText } from '../../../../src/commands/parse-text.js';
import type { ListenerDeps } from '../listener-deps.js';
import { onSlashCommand, slackCommandName } from './slash-command.js';

export function register(app: App, deps: ListenerDeps): void {
  onSlashCommand(app, deps, slackCommandName('watch', deps.commandPrefix), (command, text, commands) => {
    const parsed = parseText(`/watch ${text}`);
    return commands.handle(parsed.ok ? parsed.input : { command: 'watch', args: {} }, { platform: 'slack', channel: command.channel_id, user: command.user_id, canManage: true });
  });
}
