// A per-user limit on commands and mentions: a token bucket per user, in an LRU of fixed size so
// memory stays bounded however many people write; a user pushed out simply starts full again.

export interface RateLimitSettings {
  /** Commands a user may send at once (the bucket's size), and per minute after that. */
  readonly perMinute: number;
  /** Users remembered at most; the least recently seen is forgotten first. */
  readonly maxUsers?: number;
  /** Milliseconds; tests pass a fixed clock. */
  readonly now?: () => number;
}

export interface RateLimiter {
  /** Takes one token for `key`: true when the command may run, else how many seconds until it may. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Users currently remembered (never more than maxUsers). */
  readonly size: number;
}

export const DEFAULT_MAX_USERS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(settings: RateLimitSettings): RateLimiter {
  const capacity = settings.perMinute;
  const perMs = settings.perMinute / 60_000;
  const maxUsers = settings.maxUsers ?? DEFAULT_MAX_USERS;
  const now = settings.now ?? (() => Date.now());
  // A Map iterates in insertion order: re-inserting on each use keeps the least recent first.
  const buckets = new Map<string, Bucket>();
  return {
    get size() {
      return buckets.size;
    },
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
      buckets.delete(key);
      bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(key, bucket);
      if (buckets.size > maxUsers) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}

export function slowDownMessage(retryAfterSeconds: number): string {
  return `Slow down a little: that is more commands than paperbot answers for one person at once. Try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}.`;
}
