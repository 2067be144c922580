// /digest subscribe | unsubscribe | time | quiet | preview | status: a channel's digest settings.
// Changes need the caller's permission, which the adapter decides (Discord: Manage Channels).
import type { Clock } from '../corpus/dates.js';
import type { Engine } from '../engine/engine.js';
import { errorReply, type Reply } from '../reply.js';
import type { StateStore, Subscription } from '../state/state-store.js';
import type { DigestScheduler } from './scheduler.js';
import { canonicalZone, isValidZone, parseTimeOfDay } from './zoned-time.js';

/** Who is asking, and where: every chat adapter supplies this with a command. */
export interface CommandContext {
  platform: string;
  channel: string;
  user: string;
  /** May this person change the channel's digest? */
  canManage: boolean;
  /** Who may, in words, for the refusal ("members who can manage the channel"). */
  whoCanManage?: string;
}

export interface DigestArgs {
  action: 'subscribe' | 'unsubscribe' | 'time' | 'quiet' | 'preview' | 'status';
  topic?: string | undefined;
  time?: string | undefined;
  zone?: string | undefined;
  quiet?: string | undefined;
}

export interface DigestCommands {
  run(args: DigestArgs, context: CommandContext): Reply;
}

function when(sub: Pick<Subscription, 'time' | 'zone'>): string {
  return `${sub.time} ${sub.zone}`;
}

function describeSub(sub: Subscription): string {
  return `${sub.topic ? `new papers matching “${sub.topic}”` : 'every new paper'}, daily at ${when(sub)}${sub.quiet ? ', nothing on quiet days' : ''}`;
}

export function createDigestCommands(deps: { store: StateStore; scheduler: DigestScheduler; engine: () => Engine; clock: Clock; defaults: { time: string; zone: string } }): DigestCommands {
  const { store, scheduler } = deps;
  const next = (sub: Subscription) => {
    const n = scheduler.nextDigest(sub);
    return n.at.getTime() <= deps.clock().getTime() ? `the missed digest for ${n.date}, within a minute` : `${n.date} at ${when(sub)}`;
  };
  const notSubscribed = () => errorReply('not_subscribed', 'This channel has no digest. Start one with /digest subscribe [topic].');

  return {
    run(args, context) {
      const key = { platform: context.platform, channel: context.channel };
      const changes = args.action !== 'preview' && args.action !== 'status';
      if (changes && !context.canManage) {
        return errorReply('not_allowed', `Only ${context.whoCanManage ?? 'channel managers'} can change this channel's digest. /digest preview and /digest status work for everyone.`);
      }
      switch (args.action) {
        case 'subscribe': {
          const topic = args.topic?.trim() || null;
          if (topic !== null) {
            const check = deps.engine().search(topic, { limit: 1 });
            if (!check.ok) return errorReply(check.error.code, `That topic does not work as a search: ${check.error.message}`);
          }
          store.subscribe(key, topic, deps.clock(), deps.defaults);
          const sub = store.subscription(key)!;
          return { kind: 'notice', text: `Subscribed: this channel gets ${describeSub(sub)}. Next digest: ${next(sub)}. Change the time with /digest time 09:00 Europe/Berlin.` };
        }
        case 'unsubscribe':
          return store.unsubscribe(key) ? { kind: 'notice', text: 'Unsubscribed: this channel gets no more digests.' } : notSubscribed();
        case 'time': {
          const time = parseTimeOfDay(args.time ?? '');
          if (!time) return errorReply('bad_time', `“${(args.time ?? '').slice(0, 20)}” is not a time of day; use HH:MM, e.g. /digest time 09:00 Europe/Berlin.`);
          const zoneText = args.zone?.trim() || 'UTC';
          if (!isValidZone(zoneText)) return errorReply('bad_zone', `“${zoneText.slice(0, 40)}” is not an IANA time zone; use one like Europe/Berlin, America/New_York or UTC.`);
          const zone = canonicalZone(zoneText);
          if (!store.setTime(key, time, zone)) return notSubscribed();
          const sub = store.subscription(key)!;
          return { kind: 'notice', text: `The digest now posts daily at ${when(sub)}. Next digest: ${next(sub)}.` };
        }
        case 'quiet': {
          const value = (args.quiet ?? '').trim().toLowerCase();
          if (value !== 'on' && value !== 'off') return errorReply('bad_input', 'Say /digest quiet on (post nothing on days with nothing new) or /digest quiet off (post “nothing new”).');
          if (!store.setQuiet(key, value === 'on')) return notSubscribed();
          return { kind: 'notice', text: value === 'on' ? 'On days with nothing new, the digest now posts nothing.' : 'On days with nothing new, the digest now says so in one line.' };
        }
        case 'preview':
          return scheduler.preview(key);
        case 'status': {
          const sub = store.subscription(key);
          if (!sub) return { kind: 'notice', text: 'This channel has no digest. Start one with /digest subscribe [topic].' };
          const last = scheduler.lastDelivery(key);
          const lastText = last ? `Last digest: ${last.digestDate} (${last.status === 'claimed' ? 'being posted' : last.status === 'empty' ? 'nothing new, not posted' : `${last.paperIds.length} papers`}).` : 'No digest posted yet.';
          return { kind: 'notice', text: `This channel gets ${describeSub(sub)}. Next digest: ${next(sub)}. ${lastText}` };
        }
      }
    },
  };
}
