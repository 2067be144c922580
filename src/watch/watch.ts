// Watch mode: `/watch on|off|status` per channel (stored in the state file), and the watcher that
// answers a plain message in a watched channel naming corpus papers with one compact card, at most
// once per paper per thread per hour. Adapters drop messages from bots before calling it.
import type { CommandContext } from '../digest/digest-commands.js';
import type { Engine } from '../engine/engine.js';
import type { ThreadMemory } from '../conversation/thread-memory.js';
import type { StateDb } from '../state/open-state.js';
import type { ChannelKey } from '../state/state-store.js';
import { shortName, type Reply } from '../reply.js';
import { createCooldown, type Cooldown } from './cooldown.js';
import { spotPapers } from './spot-papers.js';

export interface WatchArgs {
  action: 'on' | 'off' | 'status';
}

export interface ChatMessage {
  platform: string;
  channel: string;
  thread: string;
  text: string;
}

export interface Watch {
  run(args: WatchArgs, context: CommandContext): Reply;
  /** The card for a message in a watched channel, or null when there is nothing (new) to show. */
  onMessage(message: ChatMessage): Reply | null;
  isWatched(key: ChannelKey): boolean;
}

export const WATCH_COOLDOWN_MS = 60 * 60 * 1000;
const MAX_COOLDOWN_KEYS = 20_000;
/** A message naming more papers than this gets cards for the first few only. */
const MAX_CARDED = 3;

export function createWatch(deps: { db: StateDb; engine: () => Engine; clock: () => Date; threads?: ThreadMemory; cooldown?: Cooldown }): Watch {
  const q = {
    on: deps.db.prepare('INSERT INTO watched_channels (platform, channel, enabled_by, enabled_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    off: deps.db.prepare('DELETE FROM watched_channels WHERE platform = ? AND channel = ?'),
    get: deps.db.prepare('SELECT 1 FROM watched_channels WHERE platform = ? AND channel = ?'),
  };
  const cooldown = deps.cooldown ?? createCooldown({ ttlMs: WATCH_COOLDOWN_MS, maxKeys: MAX_COOLDOWN_KEYS });
  const isWatched = (key: ChannelKey) => q.get.get(key.platform, key.channel) !== undefined;
  return {
    isWatched,
    run(args, context) {
      const key = { platform: context.platform, channel: context.channel };
      switch (args.action) {
        case 'on':
          q.on.run(key.platform, key.channel, context.user, deps.clock().toISOString());
          return { kind: 'notice', text: 'Watch mode is on: messages here that name a paper or link one get a short card in their thread (once per paper per thread an hour). /watch off stops it.' };
        case 'off':
          q.off.run(key.platform, key.channel);
          return { kind: 'notice', text: 'Watch mode is off in this channel.' };
        case 'status':
          return { kind: 'notice', text: isWatched(key) ? 'Watch mode is on in this channel.' : 'Watch mode is off in this channel. /watch on starts it.' };
      }
    },
    onMessage(message) {
      if (!message.text.trim() || !isWatched(message)) return null;
      const thread = `${message.platform}:${message.channel}:${message.thread}`;
      const fresh = [];
      for (const p of spotPapers(deps.engine(), message.text)) {
        if (fresh.length === MAX_CARDED) break;
        if (cooldown.take(`${thread}:${p.id}`)) fresh.push(p);
      }
      if (fresh.length === 0) return null;
      deps.threads?.remember(thread, fresh[0]!.id);
      return {
        kind: 'papers',
        title: fresh.length === 1 ? `Mentioned here: ${shortName(fresh[0]!)}` : `Mentioned here: ${fresh.map(shortName).join(', ')}`,
        items: fresh.map((paper) => ({ paper })),
        total: fresh.length,
      };
    },
  };
}
