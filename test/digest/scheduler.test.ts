// The daily digest with an injected clock and real state files: once a day at the chosen time,
// once after a crash or restart, one catch-up after downtime, and the days the clocks change.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { seed } from '../support/seed.js';
import { tempDir } from '../support/temp-state.js';
import { createClockwork, digestIds, startProcess } from './harness.js';

let engine: Engine;
let ids: string[];
beforeAll(async () => {
  engine = (await seed()).engine;
  ids = engine.papers.map((p) => p.id);
});

const dirs: Array<ReturnType<typeof tempDir>> = [];
const stateFile = () => {
  const d = tempDir();
  dirs.push(d);
  return d.file('paperbot.db');
};
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

const C = { platform: 'slack', channel: 'C1' };
const UTC9 = { time: '09:00', zone: 'UTC' };

describe('digest scheduler', () => {
  it('GIVEN a subscription WHEN the clock reaches 09:00 THEN exactly one digest with the papers that arrived', async () => {
    const clock = createClockwork('2026-11-22T07:00:00Z');
    const p = startProcess({ file: stateFile(), engine, clock, id: 'a' });
    p.store.recordArrivals(ids.slice(0, 15), clock.now); // the corpus already there
    p.store.subscribe(C, null, clock.now, UTC9);
    clock.set('2026-11-22T08:30:00Z');
    p.store.recordArrivals(ids.slice(15, 18), clock.now);
    clock.set('2026-11-22T08:59:59Z');
    expect(await p.scheduler.tick()).toEqual([]);
    clock.set('2026-11-22T09:00:00Z');
    expect(await p.scheduler.tick()).toHaveLength(1);
    for (const t of ['2026-11-22T09:00:30Z', '2026-11-22T13:00:00Z', '2026-11-23T08:59:00Z']) {
      clock.set(t);
      expect(await p.scheduler.tick()).toEqual([]);
    }
    expect(p.posts).toHaveLength(1);
    expect(p.posts[0]!.channel).toBe('C1');
    expect(p.posts[0]!.reply).toMatchObject({ kind: 'digest', date: '2026-11-22', total: 3, preview: false });
    expect(digestIds(p.posts[0]!.reply).sort()).toEqual(ids.slice(15, 18).sort());
  });

  it('GIVEN a topic THEN the digest holds only the new papers the search matches', async () => {
    const clock = createClockwork('2026-11-22T07:00:00Z');
    const p = startProcess({ file: stateFile(), engine, clock, id: 'a' });
    p.store.subscribe(C, 'has:code', clock.now, UTC9);
    p.store.recordArrivals(ids, new Date('2026-11-22T08:00:00Z'));
    clock.set('2026-11-22T09:00:00Z');
    await p.scheduler.tick();
    const got = digestIds(p.posts[0]?.reply);
    const withCode = engine.papers.filter((x) => x.hasCode).map((x) => x.id);
    expect(p.posts[0]!.reply).toMatchObject({ total: withCode.length, topic: 'has:code' });
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((id) => withCode.includes(id))).toBe(true);
  });

  it('GIVEN more new papers than the digest lists THEN "and K more" with the /search that lists them', async () => {
    const clock = createClockwork('2026-11-22T07:00:00Z');
    const p = startProcess({ file: stateFile(), engine, clock, id: 'a', maxPapers: 3 });
    p.store.subscribe(C, 'has:code', clock.now, UTC9);
    p.store.recordArrivals(ids, new Date('2026-11-22T08:00:00Z'));
    clock.set('2026-11-22T09:00:00Z');
    await p.scheduler.tick();
    const reply = p.posts[0]!.reply;
    if (reply.kind !== 'digest') throw new Error('not a digest');
    expect(reply.items).toHaveLength(3);
    expect(reply.more?.count).toBe(reply.total - 3);
    expect(reply.more?.search).toMatch(/^\/search has:code after:\d{4}-\d{2}-\d{2}$/);
  });

  it('GIVEN nothing new THEN a one-line "nothing new" or nothing at all, per the channel setting', async () => {
    const clock = createClockwork('2026-11-22T07:00:00Z');
    const p = startProcess({ file: stateFile(), engine, clock, id: 'a' });
    p.store.subscribe(C, null, clock.now, UTC9);
    p.store.subscribe({ platform: 'slack', channel: 'QUIET' }, null, clock.now, UTC9);
    p.store.setQuiet({ platform: 'slack', channel: 'QUIET' }, true);
    clock.set('2026-11-22T09:00:00Z');
    const outcomes = await p.scheduler.tick();
    expect(outcomes.map((o) => [o.channel.channel, o.outcome])).toEqual([['C1', 'posted'], ['QUIET', 'empty']]);
    expect(p.posts).toHaveLength(1);
    expect(p.posts[0]!.reply).toMatchObject({ kind: 'digest', total: 0, items: [] });
  });

  it('GIVEN a crash in the middle of posting WHEN the bot restarts THEN the digest posts once, with the same papers', async () => {
    const file = stateFile();
    const clock = createClockwork('2026-11-22T07:00:00Z');
    // The first process claims the digest, then dies while the post is in flight.
    const a = startProcess({ file, engine, clock, id: 'a', post: () => new Promise<void>(() => undefined) });
    a.store.subscribe(C, null, clock.now, UTC9);
    a.store.recordArrivals(ids.slice(0, 2), new Date('2026-11-22T08:00:00Z'));
    clock.set('2026-11-22T09:00:00Z');
    void a.scheduler.tick();
    await new Promise((r) => setImmediate(r));
    a.store.close();
    // A paper arriving after the claim belongs to tomorrow's digest, not the resumed one.
    const b = startProcess({ file, engine, clock, id: 'b' });
    b.store.recordArrivals(ids.slice(2, 3), new Date('2026-11-22T09:00:30Z'));
    clock.set('2026-11-22T09:02:00Z');
    expect(await b.scheduler.tick()).toEqual([]); // a's claim may still be alive
    clock.set('2026-11-22T09:10:00Z');
    expect(await b.scheduler.tick()).toHaveLength(1);
    clock.set('2026-11-22T09:30:00Z');
    expect(await b.scheduler.tick()).toEqual([]);
    expect(b.posts).toHaveLength(1);
    expect(digestIds(b.posts[0]!.reply).sort()).toEqual(ids.slice(0, 2).sort());
    clock.set('2026-11-23T09:00:00Z');
    await b.scheduler.tick();
    expect(digestIds(b.posts[1]?.reply)).toEqual(ids.slice(2, 3));
  });

  it('GIVEN a crash while posting WHEN the restarted bot sees the old process is gone THEN it resumes at once, still once', async () => {
    const file = stateFile();
    const clock = createClockwork('2026-11-22T07:00:00Z');
    const a = startProcess({ file, engine, clock, id: 'a', post: () => new Promise<void>(() => undefined) });
    a.store.subscribe(C, null, clock.now, UTC9);
    clock.set('2026-11-22T09:00:00Z');
    void a.scheduler.tick();
    await new Promise((r) => setImmediate(r));
    a.store.close();
    const b = startProcess({ file, engine, clock, id: 'b', isHolderAlive: (id) => id !== 'a' });
    clock.set('2026-11-22T09:00:30Z');
    expect(await b.scheduler.tick()).toHaveLength(1);
    clock.set('2026-11-22T09:20:00Z');
    expect(await b.scheduler.tick()).toEqual([]);
    expect(b.posts).toHaveLength(1);
  });

  it('GIVEN a digest already posted WHEN the bot restarts the same day THEN it does not post again', async () => {
    const file = stateFile();
    const clock = createClockwork('2026-11-22T07:00:00Z');
    const a = startProcess({ file, engine, clock, id: 'a' });
    a.store.subscribe(C, null, clock.now, UTC9);
    clock.set('2026-11-22T09:00:00Z');
    await a.scheduler.tick();
    a.store.close();
    const b = startProcess({ file, engine, clock, id: 'b' });
    clock.set('2026-11-22T09:20:00Z');
    expect(await b.scheduler.tick()).toEqual([]);
    expect(a.posts.length + b.posts.length).toBe(1);
  });

  it('GIVEN the bot down across several digest times WHEN it starts THEN one catch-up covering everything since the last digest', async () => {
    const file = stateFile();
    const clock = createClockwork('2026-11-20T07:00:00Z');
    const a = startProcess({ file, engine, clock, id: 'a' });
    a.store.subscribe(C, null, clock.now, UTC9);
    a.store.recordArrivals(ids.slice(0, 1), new Date('2026-11-20T08:00:00Z'));
    clock.set('2026-11-20T09:00:00Z');
    await a.scheduler.tick();
    a.store.recordArrivals(ids.slice(1, 2), new Date('2026-11-20T10:00:00Z'));
    a.store.close();
    // Down on the 21st and 22nd at 09:00; back on the 23rd at 08:00.
    const b = startProcess({ file, engine, clock, id: 'b' });
    b.store.recordArrivals(ids.slice(2, 3), new Date('2026-11-22T10:00:00Z'));
    clock.set('2026-11-23T08:00:00Z');
    expect(await b.scheduler.tick()).toHaveLength(1);
    expect(b.posts[0]!.reply).toMatchObject({ kind: 'digest', date: '2026-11-22' });
    expect(digestIds(b.posts[0]!.reply).sort()).toEqual(ids.slice(1, 3).sort());
    clock.set('2026-11-23T08:30:00Z');
    expect(await b.scheduler.tick()).toEqual([]);
    clock.set('2026-11-23T09:00:00Z');
    expect(await b.scheduler.tick()).toHaveLength(1); // the 23rd's own digest, with nothing new
    expect(b.posts[1]!.reply).toMatchObject({ date: '2026-11-23', total: 0 });
  });

  it('GIVEN two bot processes sharing one state file THEN each digest posts once', async () => {
    const file = stateFile();
    const clock = createClockwork('2026-11-22T07:00:00Z');
    const a = startProcess({ file, engine, clock, id: 'a' });
    const b = startProcess({ file, engine, clock, id: 'b' });
    a.store.subscribe(C, null, clock.now, UTC9);
    a.store.recordArrivals(ids.slice(0, 2), new Date('2026-11-22T08:00:00Z'));
    clock.set('2026-11-22T09:00:00Z');
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    expect(a.posts.length + b.posts.length).toBe(1);
  });

  it('GIVEN a post that fails THEN it is retried after the lease and still posts once', async () => {
    const clock = createClockwork('2026-11-22T07:00:00Z');
    let failures = 1;
    const posted: string[] = [];
    const p = startProcess({
      file: stateFile(), engine, clock, id: 'a',
      post: async (channel) => {
        if (failures-- > 0) throw new Error('network down');
        posted.push(channel);
      },
    });
    p.store.subscribe(C, null, clock.now, UTC9);
    clock.set('2026-11-22T09:00:00Z');
    expect((await p.scheduler.tick()).map((o) => o.outcome)).toEqual(['failed']);
    clock.set('2026-11-22T09:05:00Z');
    expect(await p.scheduler.tick()).toEqual([]);
    clock.set('2026-11-22T09:10:00Z');
    expect((await p.scheduler.tick()).map((o) => o.outcome)).toEqual(['posted']);
    clock.set('2026-11-22T09:30:00Z');
    await p.scheduler.tick();
    expect(posted).toEqual(['C1']);
  });

  /** Ticks every 10 minutes from `from` to `to` and returns the dates digests were posted for. */
  async function datesPosted(zone: string, time: string, from: string, to: string): Promise<Array<[string, string]>> {
    const clock = createClockwork(from);
    const p = startProcess({ file: stateFile(), engine, clock, id: 'a' });
    p.store.subscribe(C, null, new Date(new Date(from).getTime() - 1000), { time, zone });
    for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += 10 * 60_000) {
      clock.set(new Date(t).toISOString());
      await p.scheduler.tick();
    }
    return p.posts.map((x) => [x.reply.kind === 'digest' ? x.reply.date : '?', ''] as [string, string]);
  }

  it('GIVEN spring-forward in Berlin WHEN the digest time 02:30 does not exist that day THEN exactly one digest that day', async () => {
    const dates = await datesPosted('Europe/Berlin', '02:30', '2026-03-27T12:00:00Z', '2026-03-30T12:00:00Z');
    expect(dates.map((d) => d[0])).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('GIVEN fall-back in New York WHEN 01:30 happens twice THEN exactly one digest that day', async () => {
    const dates = await datesPosted('America/New_York', '01:30', '2026-10-31T00:00:00Z', '2026-11-02T12:00:00Z');
    expect(dates.map((d) => d[0])).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
  });
});
