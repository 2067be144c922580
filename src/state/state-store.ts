// Typed access to the state database: subscriptions, paper arrivals, digest deliveries and
// fetched arXiv papers. Times are ISO strings (UTC), so they compare as text.
import type { StateDb } from './open-state.js';

export interface ChannelKey {
  platform: string;
  channel: string;
}

export interface Subscription extends ChannelKey {
  /** A search query (`mixture-of-experts has:code`); null for every new paper. */
  topic: string | null;
  /** Local time of day, HH:MM. */
  time: string;
  /** IANA time zone, e.g. Europe/Berlin. */
  zone: string;
  /** On a day with nothing new: true posts nothing, false posts a one-line "nothing new". */
  quiet: boolean;
  createdAt: string;
}

export interface Delivery extends ChannelKey {
  digestDate: string;
  status: 'claimed' | 'posted' | 'empty';
  claimedBy: string;
  claimedAt: string;
  coversFrom: string;
  coversUntil: string;
  paperIds: string[];
  postedAt: string | null;
}

interface SubscriptionRow { platform: string; channel: string; topic: string | null; time: string; zone: string; quiet: number; created_at: string }
interface DeliveryRow {
  platform: string; channel: string; digest_date: string; status: Delivery['status']; claimed_by: string; claimed_at: string;
  covers_from: string; covers_until: string; paper_ids: string; posted_at: string | null;
}

const toSubscription = (r: SubscriptionRow): Subscription => ({
  platform: r.platform, channel: r.channel, topic: r.topic, time: r.time, zone: r.zone, quiet: r.quiet === 1, createdAt: r.created_at,
});

const toDelivery = (r: DeliveryRow): Delivery => ({
  platform: r.platform, channel: r.channel, digestDate: r.digest_date, status: r.status, claimedBy: r.claimed_by, claimedAt: r.claimed_at,
  coversFrom: r.covers_from, coversUntil: r.covers_until, paperIds: JSON.parse(r.paper_ids) as string[], postedAt: r.posted_at,
});

export interface NewClaim extends ChannelKey {
  digestDate: string;
  by: string;
  at: string;
  coversFrom: string;
  coversUntil: string;
  paperIds: string[];
}

export type StateStore = ReturnType<typeof createStateStore>;

export function createStateStore(db: StateDb) {
  const q = {
    subscribe: db.prepare(`INSERT INTO subscriptions (platform, channel, topic, time, zone, quiet, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)
      ON CONFLICT (platform, channel) DO UPDATE SET topic = excluded.topic`),
    unsubscribe: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel = ?'),
    setTime: db.prepare('UPDATE subscriptions SET time = ?, zone = ? WHERE platform = ? AND channel = ?'),
    setQuiet: db.prepare('UPDATE subscriptions SET quiet = ? WHERE platform = ? AND channel = ?'),
    subscription: db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel = ?'),
    subscriptions: db.prepare('SELECT * FROM subscriptions ORDER BY platform, channel'),
    arrive: db.prepare('INSERT INTO paper_arrivals (paper_id, arrived_at) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    arrivals: db.prepare('SELECT paper_id FROM paper_arrivals WHERE arrived_at > ? AND arrived_at <= ? ORDER BY arrived_at, paper_id'),
    lastDelivery: db.prepare('SELECT * FROM deliveries WHERE platform = ? AND channel = ? ORDER BY digest_date DESC LIMIT 1'),
    delivery: db.prepare('SELECT * FROM deliveries WHERE platform = ? AND channel = ? AND digest_date = ?'),
    claim: db.prepare(`INSERT INTO deliveries (platform, channel, digest_date, status, claimed_by, claimed_at, covers_from, covers_until, paper_ids)
      VALUES (?, ?, ?, 'claimed', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    takeOver: db.prepare(`UPDATE deliveries SET claimed_by = ?, claimed_at = ?
      WHERE platform = ? AND channel = ? AND digest_date = ? AND status = 'claimed' AND claimed_at <= ?`),
    finish: db.prepare(`UPDATE deliveries SET status = ?, posted_at = ? WHERE platform = ? AND channel = ? AND digest_date = ? AND claimed_by = ?`),
    arxiv: db.prepare('SELECT version FROM arxiv_papers WHERE arxiv_id = ?'),
    arxivUpsert: db.prepare(`INSERT INTO arxiv_papers (arxiv_id, version, paper, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (arxiv_id) DO UPDATE SET version = excluded.version, paper = excluded.paper, updated_at = excluded.updated_at`),
    arxivAll: db.prepare('SELECT paper FROM arxiv_papers ORDER BY arxiv_id'),
    feedRun: db.prepare('SELECT last_run_at FROM feed_runs WHERE feed = ?'),
    setFeedRun: db.prepare('INSERT INTO feed_runs (feed, last_run_at) VALUES (?, ?) ON CONFLICT (feed) DO UPDATE SET last_run_at = excluded.last_run_at'),
  };

  return {
    /** The open database, for the other stores that keep their tables in the same file (lists). */
    db,
    subscribe(key: ChannelKey, topic: string | null, now: Date, defaults: { time: string; zone: string }): void {
      q.subscribe.run(key.platform, key.channel, topic, defaults.time, defaults.zone, now.toISOString());
    },
    unsubscribe(key: ChannelKey): boolean {
      return q.unsubscribe.run(key.platform, key.channel).changes > 0;
    },
    setTime(key: ChannelKey, time: string, zone: string): boolean {
      return q.setTime.run(time, zone, key.platform, key.channel).changes > 0;
    },
    setQuiet(key: ChannelKey, quiet: boolean): boolean {
      return q.setQuiet.run(quiet ? 1 : 0, key.platform, key.channel).changes > 0;
    },
    subscription(key: ChannelKey): Subscription | undefined {
      const row = q.subscription.get(key.platform, key.channel) as SubscriptionRow | undefined;
      return row && toSubscription(row);
    },
    subscriptions(): Subscription[] {
      return (q.subscriptions.all() as SubscriptionRow[]).map(toSubscription);
    },
    /** Records papers not seen before as arriving now; returns how many were new. */
    recordArrivals(paperIds: readonly string[], now: Date): number {
      const at = now.toISOString();
      return db.transaction(() => paperIds.reduce((n, id) => n + q.arrive.run(id, at).changes, 0))();
    },
    /** Papers that arrived after `from` and no later than `until`. */
    arrivalsBetween(from: string, until: string): string[] {
      return (q.arrivals.all(from, until) as Array<{ paper_id: string }>).map((r) => r.paper_id);
    },
    lastDelivery(key: ChannelKey): Delivery | undefined {
      const row = q.lastDelivery.get(key.platform, key.channel) as DeliveryRow | undefined;
      return row && toDelivery(row);
    },
    delivery(key: ChannelKey, digestDate: string): Delivery | undefined {
      const row = q.delivery.get(key.platform, key.channel, digestDate) as DeliveryRow | undefined;
      return row && toDelivery(row);
    },
    /** Claims a day's digest for one process; false when someone already has it. */
    claim(c: NewClaim): boolean {
      return q.claim.run(c.platform, c.channel, c.digestDate, c.by, c.at, c.coversFrom, c.coversUntil, JSON.stringify(c.paperIds)).changes === 1;
    },
    /** Takes over a claim whose holder has not finished since `staleBefore` (it crashed or hung). */
    takeOver(key: ChannelKey, digestDate: string, by: string, now: Date, staleBefore: Date): boolean {
      return q.takeOver.run(by, now.toISOString(), key.platform, key.channel, digestDate, staleBefore.toISOString()).changes === 1;
    },
    finish(key: ChannelKey, digestDate: string, by: string, status: 'posted' | 'empty', now: Date): boolean {
      return q.finish.run(status, now.toISOString(), key.platform, key.channel, digestDate, by).changes === 1;
    },
    /** Stores a fetched arXiv paper: added, updated (a newer version), or unchanged. */
    upsertArxiv(arxivId: string, version: number, paper: unknown, now: Date): 'added' | 'updated' | 'unchanged' {
      const row = q.arxiv.get(arxivId) as { version: number } | undefined;
      if (row && row.version >= version) return 'unchanged';
      q.arxivUpsert.run(arxivId, version, JSON.stringify(paper), now.toISOString());
      return row ? 'updated' : 'added';
    },
    arxivPapers(): unknown[] {
      return (q.arxivAll.all() as Array<{ paper: string }>).map((r) => JSON.parse(r.paper) as unknown);
    },
    lastFeedRun(feed: string): string | undefined {
      return (q.feedRun.get(feed) as { last_run_at: string } | undefined)?.last_run_at;
    },
    setFeedRun(feed: string, at: Date): void {
      q.setFeedRun.run(feed, at.toISOString());
    },
    close(): void {
      db.close();
    },
  };
}
