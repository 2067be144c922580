// Posts each subscribed channel's digest once per local day at its chosen time. Every delivery
// is claimed in the state database first, so restarts, crashes and a second process post once.
import type { Clock } from '../corpus/dates.js';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../logger.js';
import type { Reply } from '../reply.js';
import { asPaperbotError } from '../errors.js';
import type { ChannelKey, Delivery, StateStore, Subscription } from '../state/state-store.js';
import { buildDigestReply, selectPapers } from './digest-reply.js';
import { addDays, localDate, zonedInstant } from './zoned-time.js';

/** What an adapter supplies: post a reply to one of its channels (waiting out rate limits). */
export type PostPort = (channel: string, reply: Reply) => Promise<void>;

export interface DigestSchedulerOptions {
  store: StateStore;
  engine: () => Engine;
  clock: Clock;
  logger: Logger;
  /** Names this process in its claims, e.g. host:pid. */
  processId: string;
  /** A claim not finished after this long is taken over (its process died). Default 10 minutes. */
  leaseMs?: number;
  /** Papers listed before "and K more". Default 10. */
  maxPapers?: number;
  /** How often `start()` checks for due digests. Default 30 s. */
  tickMs?: number;
  /**
   * Whether the process named in a claim may still be posting. False (it crashed or restarted)
   * lets this process take the claim over at once instead of waiting out the lease.
   */
  isHolderAlive?: (processId: string) => boolean;
  /** Runs before each check, e.g. the arXiv fetch; failures are logged and the digests still go out. */
  beforeTick?: (now: Date) => Promise<void>;
}

export type DeliveryOutcome = { channel: ChannelKey; date: string; outcome: 'posted' | 'empty' | 'failed'; papers: number };

export interface DigestScheduler {
  connect(platform: string, post: PostPort): void;
  /** Posts every digest that is due now (including one missed while the bot was down). */
  tick(): Promise<DeliveryOutcome[]>;
  preview(key: ChannelKey): Reply;
  /** The local date and instant of the channel's next digest. */
  nextDigest(sub: Subscription): { date: string; at: Date };
  lastDelivery(key: ChannelKey): Delivery | undefined;
  start(): void;
  stop(): Promise<void>;
}

/** The latest scheduled occurrence at or before `now`: its local date and instant. */
export function latestOccurrence(sub: Pick<Subscription, 'time' | 'zone'>, now: Date): { date: string; at: Date } {
  const today = localDate(now, sub.zone);
  const at = zonedInstant(today, sub.time, sub.zone);
  if (at.getTime() <= now.getTime()) return { date: today, at };
  const yesterday = addDays(today, -1);
  return { date: yesterday, at: zonedInstant(yesterday, sub.time, sub.zone) };
}

export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { store, clock, logger, processId } = options;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const maxPapers = options.maxPapers ?? 10;
  const posters = new Map<string, PostPort>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<DeliveryOutcome[]> | undefined;

  const coversFrom = (sub: Subscription) => {
    const last = store.lastDelivery(sub);
    return last && last.coversUntil > sub.createdAt ? last.coversUntil : sub.createdAt;
  };

  /** Claims today's (or the missed) delivery for this process, or finds nothing to do. */
  function claimDue(sub: Subscription, now: Date): Delivery | undefined {
    const { date, at } = latestOccurrence(sub, now);
    if (at.toISOString() <= sub.createdAt) return undefined;
    const existing = store.delivery(sub, date);
    if (existing) {
      if (existing.status !== 'claimed') return undefined;
      const holderGone = existing.claimedBy !== processId && options.isHolderAlive?.(existing.claimedBy) === false;
      if (!store.takeOver(sub, date, processId, now, holderGone ? now : new Date(now.getTime() - leaseMs))) return undefined;
      logger.warn({ platform: sub.platform, channel: sub.channel, date, from: existing.claimedBy }, 'digest: taking over an unfinished delivery');
      return store.delivery(sub, date);
    }
    const from = coversFrom(sub);
    const until = now.toISOString();
    const ids = selectPapers(options.engine(), store.arrivalsBetween(from, until), sub.topic, logger).map((p) => p.id);
    const claimed = store.claim({ platform: sub.platform, channel: sub.channel, digestDate: date, by: processId, at: until, coversFrom: from, coversUntil: until, paperIds: ids });
    return claimed ? store.delivery(sub, date) : undefined;
  }

  async function deliver(sub: Subscription, post: PostPort, now: Date): Promise<DeliveryOutcome | undefined> {
    const delivery = claimDue(sub, now);
    if (!delivery) return undefined;
    const key = { platform: sub.platform, channel: sub.channel };
    const engine = options.engine();
    const papers = delivery.paperIds.map((id) => engine.get(id)).filter((p) => p !== undefined);
    if (papers.length === 0 && sub.quiet) {
      store.finish(key, delivery.digestDate, processId, 'empty', clock());
      return { channel: key, date: delivery.digestDate, outcome: 'empty', papers: 0 };
    }
    const reply = buildDigestReply({ date: delivery.digestDate, topic: sub.topic, papers, maxPapers, preview: false });
    try {
      await post(sub.channel, reply);
    } catch (err) {
      // Left claimed: once the lease runs out this or another process tries again.
      const error = asPaperbotError(err, 'digest_post');
      logger.error({ platform: sub.platform, channel: sub.channel, date: delivery.digestDate, code: error.code, err: error.message }, 'digest: posting failed; will retry');
      return { channel: key, date: delivery.digestDate, outcome: 'failed', papers: papers.length };
    }
    store.finish(key, delivery.digestDate, processId, 'posted', clock());
    logger.info({ platform: sub.platform, channel: sub.channel, date: delivery.digestDate, papers: papers.length }, 'digest: posted');
    return { channel: key, date: delivery.digestDate, outcome: 'posted', papers: papers.length };
  }

  async function runTick(): Promise<DeliveryOutcome[]> {
    if (options.beforeTick) {
      await options.beforeTick(clock()).catch((err: unknown) => logger.error({ err: asPaperbotError(err).message }, 'digest: preparing the digests failed'));
    }
    const outcomes: DeliveryOutcome[] = [];
    for (const sub of store.subscriptions()) {
      const post = posters.get(sub.platform);
      if (!post) continue;
      const outcome = await deliver(sub, post, clock());
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  function nextDigest(sub: Subscription): { date: string; at: Date } {
    const now = clock();
    const latest = latestOccurrence(sub, now);
    // A missed occurrence (after subscribing, never delivered) goes out at the next check.
    if (latest.at.toISOString() > sub.createdAt && !store.delivery(sub, latest.date)) return { date: latest.date, at: now };
    const next = addDays(latest.date, 1);
    return { date: next, at: zonedInstant(next, sub.time, sub.zone) };
  }

  function tick(): Promise<DeliveryOutcome[]> {
    // One check at a time: a slow post (a rate limit waited out) must not overlap the next tick.
    running ??= runTick().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    connect(platform, post) {
      posters.set(platform, post);
    },
    tick,
    preview(key) {
      const sub = store.subscription(key);
      if (!sub) return { kind: 'notice', text: 'This channel has no digest. Start one with /digest subscribe [topic].' };
      const now = clock();
      const engine = options.engine();
      const papers = selectPapers(engine, store.arrivalsBetween(coversFrom(sub), now.toISOString()), sub.topic, logger);
      return buildDigestReply({ date: nextDigest(sub).date, topic: sub.topic, papers, maxPapers, preview: true });
    },
    nextDigest,
    lastDelivery: (key) => store.lastDelivery(key),
    start() {
      const check = () => {
        void tick().catch((err: unknown) => logger.error({ err: asPaperbotError(err).message }, 'digest: check failed'));
      };
      check();
      timer = setInterval(check, options.tickMs ?? 30_000);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
