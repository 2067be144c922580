// The arXiv fetcher against a local fake API serving Atom written for the test: two pages, a 503
// then success, a 429 waited out, a malformed entry skipped and reported, a v2 that updates a paper.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPaperbot } from '../../src/app.js';
import { createRecordingLogger } from '../../src/logger.js';
import { parseArxivPage } from '../../src/feeds/arxiv-atom.js';
import { tempDir } from '../support/temp-state.js';
import { renderReply as discordCard } from '../../adapters/discord/cards.js';
import { renderReply as slackCard } from '../../adapters/slack/blocks.js';

function entry(id: string, title: string, opts: { published?: string; updated?: string; summary?: string } = {}): string {
  return `<entry>
    <id>http://arxiv.org/abs/${id}</id>
    <updated>${opts.updated ?? '2026-11-21T18:00:00Z'}</updated>
    <published>${opts.published ?? '2026-11-20T18:00:00Z'}</published>
    ${title ? `<title>${title}</title>` : ''}
    <summary>  ${opts.summary ?? `We present ${title.split(':')[0]}, a model for routing tokens. Code: https://github.com/example/${id.replace(/\W/g, '')}.`}
    </summary>
    <author><name>Ada Lovelace</name><arxiv:affiliation>Analytical Engines Ltd</arxiv:affiliation></author>
    <author><name>Alan Turing</name></author>
    <link href="http://arxiv.org/abs/${id}" rel="alternate" type="text/html"/>
    <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`;
}

function feed(total: number, entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title>arXiv Query</title>
  <opensearch:totalResults>${total}</opensearch:totalResults>
  <opensearch:itemsPerPage>3</opensearch:itemsPerPage>
  ${entries.join('\n')}
</feed>`;
}

interface FakeApi { url: string; requests: URL[]; close(): Promise<void> }

/** Answers in turn from `script`: a status (with Retry-After) or a feed body. */
async function fakeArxiv(script: Array<{ status: number; retryAfter?: string } | string>): Promise<FakeApi> {
  const requests: URL[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    const next = script.shift() ?? feed(0, []);
    if (typeof next === 'string') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(next);
    } else {
      res.writeHead(next.status, next.retryAfter ? { 'retry-after': next.retryAfter } : {}).end('slow down');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/query`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the arXiv fetcher', () => {
  it('GIVEN two pages, a 503, a 429, a malformed entry and a v2 of a known paper THEN every good paper is stored once and searchable, and the bad one reported', async () => {
    const api = await fakeArxiv([
      // First day: one paper.
      feed(1, [entry('2611.00001v1', 'RouteNet: Sparse Routing for Tiny Experts')]),
      // Second day: a 503, then page one; a 429, then page two.
      { status: 503, retryAfter: '2' },
      feed(4, [entry('2611.00002v1', 'GlueLM: Joining Language Models'), entry('2611.00003v1', ''), entry('2611.00004v1', 'PatchViT: Vision in Patches')]),
      { status: 429 },
      feed(4, [entry('2611.00001v2', 'RouteNet: Sparse Routing for Tiny Experts, Revised', { updated: '2026-11-22T06:00:00Z' })]),
    ]);
    cleanups.push(() => api.close());
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    let now = new Date('2026-11-21T07:00:00Z');
    const waits: number[] = [];
    const logger = createRecordingLogger();
    const bot = await createPaperbot({
      dataDir: 'data',
      clock: () => now,
      logger,
      digests: { file: dir.file('state.db'), autoStart: false, arxiv: { categories: ['cs.CL', 'cs.CV'], baseUrl: api.url, pageSize: 3, pauseMs: 3000, sleep: async (ms) => void waits.push(ms) } },
    });
    cleanups.push(() => bot.close?.());
    const feedApi = bot.digests!.arxiv!;

    expect(await feedApi.fetchNow()).toEqual({ added: 1, updated: 0, unchanged: 0, skipped: [] });
    expect(bot.engine.get('arxiv-2611-00001')).toMatchObject({ title: 'RouteNet: Sparse Routing for Tiny Experts', arxivId: '2611.00001', url: 'https://arxiv.org/abs/2611.00001', category: 'CL', hasCode: true });

    now = new Date('2026-11-22T07:00:00Z');
    waits.length = 0;
    const second = await feedApi.fetchNow();
    expect(second).toMatchObject({ added: 2, updated: 1, unchanged: 0 });
    expect(second.skipped).toEqual(['arxiv: entry 2 (http://arxiv.org/abs/2611.00003v1) skipped: no title']);
    expect(logger.records.some((r) => r.msg === 'arxiv: entry 2 (http://arxiv.org/abs/2611.00003v1) skipped: no title')).toBe(true);

    // The requests: the query, paging by start/max_results, retried after the 503 and the 429.
    const secondRequests = api.requests.slice(1);
    expect(secondRequests.map((u) => u.searchParams.get('start'))).toEqual(['0', '0', '3', '3']);
    expect(secondRequests[0]!.searchParams.get('search_query')).toBe('cat:cs.CL OR cat:cs.CV');
    expect(secondRequests[0]!.searchParams.get('max_results')).toBe('3');
    // 503: its Retry-After (2 s), then the 3 s pause; page two after the pause; 429 without
    // Retry-After: the back-off (3 s, doubling on each further try), then the pause.
    expect(waits).toEqual([2000, 3000, 3000, 3000, 3000]);

    // One RouteNet, now the v2; the new papers are in search like corpus papers.
    const routeNets = bot.engine.papers.filter((p) => p.arxivId === '2611.00001');
    expect(routeNets).toHaveLength(1);
    expect(routeNets[0]!.title).toBe('RouteNet: Sparse Routing for Tiny Experts, Revised');
    expect(bot.commands.handle({ command: 'paper', args: { name: 'GlueLM' } })).toMatchObject({ kind: 'paper', paper: { id: 'arxiv-2611-00002', url: 'https://arxiv.org/abs/2611.00002' } });
    // The card carries the arXiv id and link on both platforms.
    const card = bot.commands.handle({ command: 'paper', args: { name: 'arxiv-2611-00002' } });
    const embed = discordCard(card).embeds[0]!;
    expect(embed.url).toBe('https://arxiv.org/abs/2611.00002');
    expect(embed.fields).toContainEqual({ name: 'arXiv', value: '[2611.00002](https://arxiv.org/abs/2611.00002)', inline: true });
    expect(JSON.stringify(slackCard(card).blocks)).toContain('arXiv <https://arxiv.org/abs/2611.00002|2611.00002>');
    const search = bot.commands.handle({ command: 'search', args: { query: 'patches vision' } });
    expect(search.kind === 'papers' && search.items.some((i) => i.paper.id === 'arxiv-2611-00004')).toBe(true);
  });

  it('GIVEN XML that is not an Atom feed THEN a clear error; GIVEN an id that is not arXiv\'s THEN that entry is skipped', () => {
    expect(() => parseArxivPage('<html><body>Service Unavailable</body></html>')).toThrow('arxiv: the API answered without an Atom <feed>');
    const page = parseArxivPage(feed(1, [entry('2611.00009v3', 'Fine: A Paper'), entry('2611.00009v3', 'Fine: A Paper').replace('arxiv.org/abs/2611.00009v3', 'example.com/x')]));
    expect(page.entries.map((e) => [e.arxivId, e.version])).toEqual([['2611.00009', 3]]);
    expect(page.issues).toEqual(['arxiv: entry 2 (http://example.com/x) skipped: id "http://example.com/x" is not an arXiv abstract URL']);
  });
});
