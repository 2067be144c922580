// /digest <subscribe [topic] | unsubscribe | time HH:MM [zone] | quiet on|off | preview | status>:
// the channel's daily digest. Any member may change it unless SLACK_DIGEST_ADMINS lists who may.
import type { App } from '@slack/bolt';
import { parseDigestText } from '../../../../src/commands/parse-text.js';
import type { ListenerDeps } from '../listener-deps.js';
import { onSlashCommand, slackCommandName } from './slash-command.js';

export function register(app: App, deps: ListenerDeps): void {
  const admins = deps.digestAdmins;
  onSlashCommand(app, deps, slackCommandName('digest', deps.commandPrefix), (command, text, commands) =>
    commands.handle(parseDigestText(text), {
      platform: 'slack',
      channel: command.channel_id,
      user: command.user_id,
      canManage: admins === undefined || admins.includes(command.user_id),
      whoCanManage: 'the people listed in SLACK_DIGEST_ADMINS',
    }),
  );
}
