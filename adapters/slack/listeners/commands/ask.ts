// /ask <question>: an answer quoted from the papers, with its citations.
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-deps.js';
import { registerSlashCommand } from './slash-command.js';

export function register(app: App, deps: ListenerDeps): void {
  registerSlashCommand(app, deps, 'ask', (text) => ({ command: 'ask', args: { question: text } }));
}
