// /related <paper>: the papers closest to one paper, and what they share.
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.js';
import { registerSlashCommand } from './slash-command.js';

export function register(app: App, deps: ListenerDeps): void {
  registerSlashCommand(app, deps, 'related', (text) => ({ command: 'related', args: { paper: text } }));
}
