// When the arXiv fetch runs: once a day, in the hour before the earliest digest, and only while
// some channel subscribes.
import { afterEach, describe, expect, it } from 'vitest';
import { openState } from '../../src/state/open-state.js';
import { createStateStore } from '../../src/state/state-store.js';
import { createArxivFeed } from '../../src/feeds/arxiv-feed.js';
import { silentLogger } from '../../src/logger.js';
import { tempDir } from '../support/temp-state.js';

const dirs: Array<ReturnType<typeof tempDir>> = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

describe('the daily arXiv fetch', () => {
  it('GIVEN digests at 09:00 Berlin and 09:00 UTC THEN it fetches once, in the hour before the earlier one, each day', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = createStateStore(openState(dir.file('state.db')));
    let now = new Date('2026-11-22T06:00:00Z');
    let fetches = 0;
    const feed = createArxivFeed(
      { categories: ['cs.CL'], baseUrl: 'http://127.0.0.1:9/api/query', fetch: async () => {
        fetches += 1;
        return new Response('<feed xmlns="http://www.w3.org/2005/Atom"><opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:totalResults></feed>');
      } },
      { store, clock: () => now, logger: silentLogger, reload: async () => undefined },
    );
    expect(feed.isDue(now)).toBe(false); // nobody subscribes
    store.subscribe({ platform: 'slack', channel: 'A' }, null, new Date('2026-11-22T05:00:00Z'), { time: '09:00', zone: 'UTC' });
    store.subscribe({ platform: 'slack', channel: 'B' }, null, new Date('2026-11-22T05:00:00Z'), { time: '09:00', zone: 'Europe/Berlin' });
    const run = async (iso: string) => {
      now = new Date(iso);
      await feed.beforeTick(now);
    };
    await run('2026-11-22T06:30:00Z'); // Berlin's 09:00 is 08:00 UTC: too early
    expect(fetches).toBe(0);
    await run('2026-11-22T07:01:00Z');
    expect(fetches).toBe(1);
    for (const t of ['2026-11-22T07:30:00Z', '2026-11-22T08:10:00Z', '2026-11-22T12:00:00Z']) await run(t);
    expect(fetches).toBe(1);
    await run('2026-11-23T07:05:00Z');
    expect(fetches).toBe(2);
  });
});
