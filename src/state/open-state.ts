// Opens the SQLite state file (created on first start), checks it really is paperbot's state,
// and brings its schema up to date. A corrupt or foreign file is an error, never replaced.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PaperbotError } from '../errors.js';
import { MIGRATIONS } from './migrations.js';

export type StateDb = Database.Database;

function fail(file: string, what: string, fix: string, cause: unknown): PaperbotError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PaperbotError('state_unreadable', `state: "${file}" ${what} (${reason}); ${fix}`, { cause });
}

export function openState(file: string): StateDb {
  const fix = 'move the file away to start with empty state, or set PAPERBOT_STATE to another file';
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch (err) {
    throw fail(file, 'cannot be created', 'set PAPERBOT_STATE to a writable path', err);
  }
  let db: StateDb;
  try {
    db = new Database(file, { fileMustExist: false });
  } catch (err) {
    throw fail(file, 'cannot be opened', fix, err);
  }
  try {
    // Reading the schema is what makes SQLite notice a file that is not a database.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (err) {
    db.close();
    throw fail(file, 'is not a readable paperbot state database', fix, err);
  }
  migrate(db, file);
  return db;
}

function migrate(db: StateDb, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    db.close();
    throw new PaperbotError('state_version', `state: "${file}" has schema version ${version}, newer than this paperbot knows (${MIGRATIONS.length}); upgrade paperbot or use another PAPERBOT_STATE`);
  }
  // Two processes may start together: the write lock makes one migrate and the other see the result.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}
