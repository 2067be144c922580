// Registers every Slack listener on the Bolt app: one per slash command, the buttons, mentions, the
// catch-all for command names this bot does not know, and the last-resort error handler.
import type { App } from '@slack/bolt';
import { redact } from '../bolt-logger.js';
import * as commandButton from './actions/command-button.js';
import * as linkButton from './actions/link-button.js';
import * as ask from './commands/ask.js';
import * as digest from './commands/digest.js';
import * as help from './commands/help.js';
import * as list from './commands/list.js';
import * as watch from './commands/watch.js';
import * as paper from './commands/paper.js';
import * as related from './commands/related.js';
import * as search from './commands/search.js';
import * as unknown from './commands/unknown.js';
import * as appMention from './events/app-mention.js';
import * as message from './events/message.js';
import * as linkShared from './events/link-shared.js';
import type { ListenerDeps } from './listener-deps.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  for (const command of [paper, search, ask, related, digest, list, watch, help, unknown]) command.register(app, deps);
  commandButton.register(app, deps);
  linkButton.register(app);
  appMention.register(app, deps);
  message.register(app, deps);
  linkShared.register(app, deps);
  // Listeners catch their own failures; this only sees errors from Bolt's middleware around them.
  app.error(async (error) => {
    deps.logger.error({ code: error.code }, `slack: ${redact(error.message)}`);
  });
}
