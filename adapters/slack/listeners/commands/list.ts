// /list [add|remove|export] [paper]: this channel's reading list. Any member may change it.
import type { App } from '@slack/bolt';
import { parseListText } from '../../../../src/commands/parse-text.js';
import type { ListenerDeps } from '../listener-deps.js';
import { onSlashCommand, slackCommandName } from './slash-command.js';

export function register(app: App, deps: ListenerDeps): void {
  onSlashCommand(app, deps, slackCommandName('list', deps.commandPrefix), (command, text, commands) =>
    commands.handle(parseListText(text), { platform: 'slack', channel: command.channel_id, user: command.user_id, canManage: true }),
  );
}
