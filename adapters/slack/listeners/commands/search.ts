// /search <query>: papers matching words and filters (author:, year:, has:code …), as a list.
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.js';
import { registerSlashCommand } from './slash-command.js';

export function register(app: App, deps: ListenerDeps): void {
  registerSlashCommand(app, deps, 'search', (text) => ({ command: 'search', args: { query: text } }));
}
