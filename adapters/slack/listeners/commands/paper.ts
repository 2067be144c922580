// /paper <name>: the paper's card. A trailing "full" or "--full" shows the whole abstract, read
// the same way as in the terminal chat.
import type { App } from '@slack/bolt';
import type { CommandInput } from '../../../../src/commands/command.js';
import { parseText } from '../../../../src/commands/parse-text.js';
import type { ListenerDeps } from '../listener-deps.js';
import { registerSlashCommand } from './slash-command.js';

export function paperInput(text: string): CommandInput {
  const parsed = parseText(`/paper ${text}`);
  // parseText only refuses over-long text here; the core answers that with its own length message.
  return parsed.ok ? parsed.input : { command: 'paper', args: { name: text } };
}

export function register(app: App, deps: ListenerDeps): void {
  registerSlashCommand(app, deps, 'paper', paperInput);
}
