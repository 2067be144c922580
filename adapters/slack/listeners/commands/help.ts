// /help: what paperbot can do, shown only to the person who asked. Any text after it is ignored.
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.js';
import { registerSlashCommand } from './slash-command.js';

export function register(app: App, deps: ListenerDeps): void {
  registerSlashCommand(app, deps, 'help', () => ({ command: 'help', args: {} }));
}
