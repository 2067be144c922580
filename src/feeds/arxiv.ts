// Fetches new papers from the arXiv API (Atom): pages through the newest submissions in the
// configured categories, pausing between requests as arXiv asks and backing off on 429 and 503.
import type { Logger } from '../logger.js';
import { PaperbotError } from '../errors.js';
import { latestVersions, parseArxivPage, type ArxivEntry } from './arxiv-atom.js';

export const DEFAULT_ARXIV_API_URL = 'http://export.arxiv.org/api/query';

export interface ArxivFetchOptions {
  categories: readonly string[];
  baseUrl?: string;
  /** Entries per request (max_results). Default 100. */
  pageSize?: number;
  /** At most this many requests' worth of pages. Default 10. */
  maxPages?: number;
  /** Stop once entries were last updated before this. Default: no limit but maxPages. */
  since?: Date;
  /** Pause between requests; arXiv asks for 3 seconds. */
  pauseMs?: number;
  /** Retries of one request on 429, 503 or a network error. Default 4. */
  maxRetries?: number;
  logger: Logger;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface ArxivFetchResult {
  /** The latest version of each paper fetched. */
  entries: ArxivEntry[];
  /** Entries skipped because they did not parse, each with why. */
  issues: string[];
  requests: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pageUrl(base: string, categories: readonly string[], start: number, size: number): string {
  const url = new URL(base);
  url.searchParams.set('search_query', categories.map((c) => `cat:${c}`).join(' OR '));
  // Last updated first, so a new version of an older paper is seen too.
  url.searchParams.set('sortBy', 'lastUpdatedDate');
  url.searchParams.set('sortOrder', 'descending');
  url.searchParams.set('start', String(start));
  url.searchParams.set('max_results', String(size));
  return url.toString();
}

/** How long to wait before retrying: the server's Retry-After when it gives one, else doubling. */
function backoffMs(response: Response | null, attempt: number, pauseMs: number): number {
  const header = response?.headers.get('retry-after');
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  return Math.max(pauseMs, 1000) * 2 ** attempt;
}

export async function fetchArxiv(options: ArxivFetchOptions): Promise<ArxivFetchResult> {
  const base = options.baseUrl ?? DEFAULT_ARXIV_API_URL;
  const size = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 10;
  const pauseMs = options.pauseMs ?? 3000;
  const maxRetries = options.maxRetries ?? 4;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const since = options.since?.toISOString().slice(0, 10);
  const all: ArxivEntry[] = [];
  const issues: string[] = [];
  let requests = 0;

  const get = async (url: string): Promise<string> => {
    for (let attempt = 0; ; attempt++) {
      if (requests > 0) await sleep(pauseMs);
      requests += 1;
      let response: Response | null = null;
      try {
        response = await doFetch(url, { headers: { accept: 'application/atom+xml' } });
        if (response.ok) return await response.text();
        if (response.status !== 429 && response.status !== 503) {
          throw new PaperbotError('arxiv_http', `arxiv: ${base} answered ${response.status} ${response.statusText}; check ARXIV_API_URL and ARXIV_CATEGORIES`);
        }
      } catch (err) {
        if (err instanceof PaperbotError) throw err;
        if (attempt >= maxRetries) throw new PaperbotError('arxiv_http', `arxiv: cannot reach ${base}: ${(err as Error).message}`, { cause: err });
        options.logger.warn({ attempt: attempt + 1, err: (err as Error).message }, 'arxiv: request failed; retrying');
        await sleep(backoffMs(null, attempt, pauseMs));
        continue;
      }
      if (attempt >= maxRetries) throw new PaperbotError('arxiv_http', `arxiv: ${base} still answers ${response.status} after ${maxRetries + 1} tries; try again later`);
      const wait = backoffMs(response, attempt, pauseMs);
      options.logger.warn({ status: response.status, attempt: attempt + 1, waitMs: wait }, 'arxiv: the API asked us to slow down; waiting');
      await response.body?.cancel().catch(() => undefined);
      await sleep(wait);
    }
  };

  for (let page = 0; page < maxPages; page++) {
    const start = page * size;
    const result = parseArxivPage(await get(pageUrl(base, options.categories, start, size)));
    all.push(...result.entries);
    issues.push(...result.issues);
    if (result.count === 0) break;
    if (result.totalResults !== null && start + result.count >= result.totalResults) break;
    // Newest first: once a page reaches papers older than `since`, later pages are older still.
    if (since && result.entries.some((e) => e.updated !== null && e.updated < since)) break;
  }
  const recent = since ? all.filter((e) => e.updated === null || e.updated >= since) : all;
  for (const issue of issues) options.logger.warn({}, issue);
  return { entries: latestVersions(recent), issues, requests };
}
