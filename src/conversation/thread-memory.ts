// The last paper shown in each chat thread, so a follow-up ("how many parameters?") is about it.
// Bounded: at most maxThreads remembered (least recently used forgotten first), each for ttlMs.

export interface ThreadMemorySettings {
  readonly maxThreads?: number;
  readonly ttlMs?: number;
  /** Milliseconds; tests pass a fixed clock. */
  readonly now?: () => number;
}

export interface ThreadMemory {
  remember(thread: string, paperId: string): void;
  /** The paper last shown in the thread, unless it was longer than ttlMs ago. */
  recall(thread: string): string | undefined;
  readonly size: number;
}

export const DEFAULT_MAX_THREADS = 5_000;
export const DEFAULT_THREAD_TTL_MS = 6 * 60 * 60 * 1000;

export function createThreadMemory(settings: ThreadMemorySettings = {}): ThreadMemory {
  const maxThreads = settings.maxThreads ?? DEFAULT_MAX_THREADS;
  const ttlMs = settings.ttlMs ?? DEFAULT_THREAD_TTL_MS;
  const now = settings.now ?? (() => Date.now());
  // Insertion order is recency: each use re-inserts, so the first key is the least recently used.
  const threads = new Map<string, { paperId: string; at: number }>();
  return {
    get size() {
      return threads.size;
    },
    remember(thread, paperId) {
      threads.delete(thread);
      threads.set(thread, { paperId, at: now() });
      while (threads.size > maxThreads) threads.delete(threads.keys().next().value!);
    },
    recall(thread) {
      const entry = threads.get(thread);
      if (!entry) return undefined;
      threads.delete(thread);
      if (now() - entry.at > ttlMs) return undefined;
      threads.set(thread, entry);
      return entry.paperId;
    },
  };
}
