// The state file: created on first start, migrated by version, refused when corrupt, and the
// delivery claim that makes restarts and two processes post once.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openState } from '../../src/state/open-state.js';
import { MIGRATIONS } from '../../src/state/migrations.js';
import { createStateStore } from '../../src/state/state-store.js';
import { PaperbotError } from '../../src/errors.js';
import { tempDir } from '../support/temp-state.js';

const dirs: Array<ReturnType<typeof tempDir>> = [];
const temp = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

const key = { platform: 'slack', channel: 'C1' };
const claim = (by: string, at: string) => ({ ...key, digestDate: '2026-11-22', by, at, coversFrom: '2026-11-21T09:00:00.000Z', coversUntil: at, paperIds: ['a'] });

describe('state', () => {
  it('GIVEN no state file THEN it is created, in a new folder, at the latest schema version', () => {
    const file = temp().file('nested/state/paperbot.db');
    const db = openState(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // Opening again migrates nothing and keeps the data.
    const store = createStateStore(openState(file));
    store.subscribe(key, null, new Date(), { time: '09:00', zone: 'UTC' });
    store.close();
    expect(createStateStore(openState(file)).subscriptions()).toHaveLength(1);
  });

  it('GIVEN a garbage state file THEN a clear error names the file and the fix, and the file is left alone', () => {
    const file = temp().file('paperbot.db');
    writeFileSync(file, 'this is not a database '.repeat(200));
    let error: unknown;
    try {
      openState(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PaperbotError);
    expect((error as PaperbotError).code).toBe('state_unreadable');
    expect((error as Error).message).toMatch(/^state: ".*paperbot\.db" is not a readable paperbot state database \(file is not a database\); move the file away/);
  });

  it('GIVEN a state file from a newer paperbot THEN it refuses to touch it', () => {
    const file = temp().file('paperbot.db');
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openState(file)).toThrow(/newer than this paperbot knows/);
  });

  it('GIVEN two processes on one file WHEN both claim the same digest THEN exactly one gets it', () => {
    const file = temp().file('paperbot.db');
    const a = createStateStore(openState(file));
    const b = createStateStore(openState(file));
    expect(a.claim(claim('a', '2026-11-22T09:00:00.000Z'))).toBe(true);
    expect(b.claim(claim('b', '2026-11-22T09:00:01.000Z'))).toBe(false);
    expect(b.delivery(key, '2026-11-22')).toMatchObject({ claimedBy: 'a', status: 'claimed', paperIds: ['a'] });
  });

  it('GIVEN a claim whose holder died THEN another process takes it over only once the lease has run out', () => {
    const file = temp().file('paperbot.db');
    const store = createStateStore(openState(file));
    store.claim(claim('a', '2026-11-22T09:00:00.000Z'));
    expect(store.takeOver(key, '2026-11-22', 'b', new Date('2026-11-22T09:01:00Z'), new Date('2026-11-22T08:51:00Z'))).toBe(false);
    expect(store.takeOver(key, '2026-11-22', 'b', new Date('2026-11-22T09:11:00Z'), new Date('2026-11-22T09:01:00Z'))).toBe(true);
    // The old holder can no longer finish it; the new one can.
    expect(store.finish(key, '2026-11-22', 'a', 'posted', new Date())).toBe(false);
    expect(store.finish(key, '2026-11-22', 'b', 'posted', new Date())).toBe(true);
  });

  it('GIVEN papers seen before THEN only new ones get an arrival time', () => {
    const store = createStateStore(openState(temp().file('paperbot.db')));
    expect(store.recordArrivals(['a', 'b'], new Date('2026-11-20T00:00:00Z'))).toBe(2);
    expect(store.recordArrivals(['a', 'b', 'c'], new Date('2026-11-21T00:00:00Z'))).toBe(1);
    expect(store.arrivalsBetween('2026-11-20T12:00:00.000Z', '2026-11-22T00:00:00.000Z')).toEqual(['c']);
  });
});
