// "At most once per paper per thread per hour": a bounded LRU of (thread, paper) keys with the
// time each was last carded. A key pushed out early can only mean one card more, never fewer.

export interface Cooldown {
  /** True, and the time recorded, when `key` was not taken within the last `ttlMs`. */
  take(key: string): boolean;
  readonly size: number;
}

export function createCooldown(settings: { ttlMs: number; maxKeys: number; now?: () => number }): Cooldown {
  const now = settings.now ?? (() => Date.now());
  const at = new Map<string, number>();
  return {
    get size() {
      return at.size;
    },
    take(key) {
      const t = now();
      const last = at.get(key);
      if (last !== undefined && t - last < settings.ttlMs) return false;
      at.delete(key);
      at.set(key, t);
      while (at.size > settings.maxKeys) at.delete(at.keys().next().value!);
      return true;
    },
  };
}
