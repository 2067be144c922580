// A channel's reading list in the state database: add, remove and read, in the order added.
import type { StateDb } from '../state/open-state.js';
import type { ChannelKey } from '../state/state-store.js';

export interface ListEntry {
  paperId: string;
  /** The platform's user id of whoever added it. */
  addedBy: string;
  /** ISO time (UTC). */
  addedAt: string;
}

export interface ListStore {
  /** False when the paper is already on the list (it keeps who added it first). */
  add(key: ChannelKey, paperId: string, by: string, now: Date): boolean;
  remove(key: ChannelKey, paperId: string): boolean;
  entries(key: ChannelKey): ListEntry[];
}

/** A list longer than this is refused: every /list and /list export reads the whole of it. */
export const MAX_LIST_LENGTH = 500;

export function createListStore(db: StateDb): ListStore {
  const q = {
    add: db.prepare('INSERT INTO reading_list (platform, channel, paper_id, added_by, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    remove: db.prepare('DELETE FROM reading_list WHERE platform = ? AND channel = ? AND paper_id = ?'),
    entries: db.prepare('SELECT paper_id, added_by, added_at FROM reading_list WHERE platform = ? AND channel = ? ORDER BY added_at, rowid'),
  };
  return {
    add: (key, paperId, by, now) => q.add.run(key.platform, key.channel, paperId, by, now.toISOString()).changes === 1,
    remove: (key, paperId) => q.remove.run(key.platform, key.channel, paperId).changes === 1,
    entries: (key) =>
      (q.entries.all(key.platform, key.channel) as Array<{ paper_id: string; added_by: string; added_at: string }>).map((r) => ({ paperId: r.paper_id, addedBy: r.added_by, addedAt: r.added_at })),
  };
}
