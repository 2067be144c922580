// What a cached engine was built from: the data files' names, sizes and modification times,
// the day (yearless listing dates resolve against it), the papers fetched from arXiv and the
// snapshot format. Any change means the cache is stale. Reading file metadata takes under a
// millisecond where hashing 200 MB of text would take most of a second.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SNAPSHOT_VERSION } from '../engine/snapshot.js';

export async function fingerprint(dataDir: string, now: Date, extraPaperIds: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ version: SNAPSHOT_VERSION, day: now.toISOString().slice(0, 10) }));
  for (const name of (await readdir(dataDir)).sort()) {
    if (name.startsWith('.')) continue;
    const info = await stat(path.join(dataDir, name)).catch(() => null);
    if (!info?.isFile()) continue;
    hash.update(`\n${name}\t${info.size}\t${info.mtimeMs}`);
  }
  hash.update(`\narxiv\t${extraPaperIds.length}\t${extraPaperIds.join(' ')}`);
  return hash.digest('hex');
}
