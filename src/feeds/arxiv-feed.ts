// The daily arXiv fetch: runs once before each day's earliest digest, stores what it fetched
// (a new version replaces the old one) and reloads the engine so the papers are searchable.
import type { Clock } from '../corpus/dates.js';
import type { Logger } from '../logger.js';
import { latestOccurrence } from '../digest/scheduler.js';
import type { StateStore } from '../state/state-store.js';
import { fetchArxiv, type ArxivFetchOptions } from './arxiv.js';

export interface ArxivSettings {
  categories: readonly string[];
  baseUrl?: string | undefined;
  pauseMs?: number;
  pageSize?: number;
  maxPages?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface ArxivFetchSummary {
  added: number;
  updated: number;
  unchanged: number;
  skipped: string[];
}

const FEED = 'arxiv';
/** Fetch this long before the earliest digest, so its papers are in it. */
const LEAD_MS = 60 * 60_000;
/** At most one fetch in this long: the day's later digests use the morning's fetch. */
const MIN_GAP_MS = 20 * 60 * 60_000;
/** A first run looks back this far. */
const FIRST_LOOKBACK_MS = 2 * 86_400_000;

export function createArxivFeed(settings: ArxivSettings, deps: { store: StateStore; clock: Clock; logger: Logger; reload: () => Promise<void> }) {
  const { store, logger } = deps;

  async function fetchNow(): Promise<ArxivFetchSummary> {
    const now = deps.clock();
    const last = store.lastFeedRun(FEED);
    store.setFeedRun(FEED, now);
    const options: ArxivFetchOptions = {
      categories: settings.categories,
      logger,
      since: new Date(last ? Date.parse(last) - 86_400_000 : now.getTime() - FIRST_LOOKBACK_MS),
      ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
      ...(settings.pauseMs !== undefined ? { pauseMs: settings.pauseMs } : {}),
      ...(settings.pageSize !== undefined ? { pageSize: settings.pageSize } : {}),
      ...(settings.maxPages !== undefined ? { maxPages: settings.maxPages } : {}),
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
      ...(settings.sleep ? { sleep: settings.sleep } : {}),
    };
    const result = await fetchArxiv(options);
    const summary: ArxivFetchSummary = { added: 0, updated: 0, unchanged: 0, skipped: result.issues };
    for (const entry of result.entries) summary[store.upsertArxiv(entry.arxivId, entry.version, entry.paper, now)] += 1;
    logger.info({ ...summary, skipped: summary.skipped.length, requests: result.requests }, 'arxiv: fetched');
    if (summary.added + summary.updated > 0) await deps.reload();
    return summary;
  }

  /** Once a day: when the day's earliest digest is within the hour (or missed) and no fetch ran in the last 20 hours. */
  function isDue(now: Date): boolean {
    const last = store.lastFeedRun(FEED);
    if (last && Date.parse(last) > now.getTime() - MIN_GAP_MS) return false;
    const horizon = new Date(now.getTime() + LEAD_MS);
    return store.subscriptions().some((sub) => {
      const next = latestOccurrence(sub, horizon);
      return next.at.toISOString() > sub.createdAt && store.delivery(sub, next.date) === undefined;
    });
  }

  return {
    fetchNow,
    isDue,
    async beforeTick(now: Date): Promise<void> {
      if (isDue(now)) await fetchNow();
    },
  };
}
