// Buttons and menus carry the command they run as a short string id (Discord custom_id and
// Slack action values allow 100 and 2000 characters): "pb:paper:deepseek-v3", "pb:full:…".
import type { CommandInput } from './command.js';
import { paperIdSchema } from '../corpus/paper.js';

const PREFIX = 'pb';
export const MAX_ACTION_ID_LENGTH = 100;

/** The id for a button that runs `command`, or null for commands buttons never carry. */
export function encodeActionId(command: CommandInput): string | null {
  switch (command.command) {
    case 'paper':
      return `${PREFIX}:${command.args.full ? 'full' : 'paper'}:${command.args.name}`.slice(0, MAX_ACTION_ID_LENGTH);
    case 'related':
      return `${PREFIX}:related:${command.args.paper}`.slice(0, MAX_ACTION_ID_LENGTH);
    default:
      return null;
  }
}

/** The command behind a button id; null for ids that are not paperbot's or are malformed. */
export function decodeActionId(id: string): CommandInput | null {
  const m = /^pb:(paper|full|related):(.+)$/.exec(id);
  if (!m || !paperIdSchema.safeParse(m[2]).success) return null;
  const paperId = m[2]!;
  if (m[1] === 'related') return { command: 'related', args: { paper: paperId } };
  return { command: 'paper', args: { name: paperId, full: m[1] === 'full' } };
}
