// The engine cache on disk: a small JSON header (format and fingerprint), then the engine
// snapshot in V8's serialisation format, which copies typed arrays and long strings as bytes.
// Written to a temporary file and renamed, so a crash mid-write never leaves a torn cache.
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { ownBuffers, SNAPSHOT_VERSION, type EngineSnapshot } from '../engine/snapshot.js';

const MAGIC = 'paperbot-engine-cache';

interface Header {
  magic: string;
  version: number;
  fingerprint: string;
  /** The data folder it was built from: a cache of another folder is never used, even while rebuilding. */
  dataDir: string;
  files: string[];
}

export interface CachedEngine {
  fingerprint: string;
  dataDir: string;
  files: string[];
  snapshot: EngineSnapshot;
}

export async function writeCache(file: string, source: { fingerprint: string; dataDir: string; files: string[] }, snapshot: EngineSnapshot): Promise<number> {
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, version: SNAPSHOT_VERSION, ...source } satisfies Header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const body = serialize(snapshot);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writev([length, header, body]);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file).catch(async (err: unknown) => {
    await rm(temp, { force: true });
    throw err;
  });
  return 4 + header.length + body.length;
}

/** The header alone, to tell whether a cache is current without reading all of it. */
function readHeader(bytes: Buffer): Header | null {
  if (bytes.length < 4) return null;
  const size = bytes.readUInt32LE(0);
  if (size > 1_000_000 || bytes.length < 4 + size) return null;
  try {
    const header = JSON.parse(bytes.subarray(4, 4 + size).toString('utf8')) as Header;
    return header.magic === MAGIC && typeof header.fingerprint === 'string' && typeof header.dataDir === 'string' && Array.isArray(header.files) ? header : null;
  } catch {
    return null;
  }
}

/** The fingerprint and source of a cache without reading the snapshot, or null when it is not ours. */
export async function readCacheHeader(file: string): Promise<Omit<CachedEngine, 'snapshot'> | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    const length = Buffer.alloc(4);
    if ((await handle.read(length, 0, 4, 0)).bytesRead < 4) return null;
    const size = length.readUInt32LE(0);
    if (size > 1_000_000) return null;
    const bytes = Buffer.alloc(4 + size);
    const { bytesRead } = await handle.read(bytes, 0, 4 + size, 0);
    const header = readHeader(bytes.subarray(0, bytesRead));
    return header && header.version === SNAPSHOT_VERSION ? { fingerprint: header.fingerprint, dataDir: header.dataDir, files: header.files } : null;
  } finally {
    await handle.close();
  }
}

/**
 * The cached engine, or null when there is none or it cannot be used (another format version,
 * truncated, corrupt). Reasons go to `why` for the log; a bad cache is rebuilt, never fatal.
 */
export async function readCache(file: string, why: (reason: string) => void = () => undefined): Promise<CachedEngine | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') why(`cannot read it: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return null;
  }
  const header = readHeader(bytes);
  if (!header) {
    why('not a paperbot engine cache');
    return null;
  }
  if (header.version !== SNAPSHOT_VERSION) {
    why(`format ${header.version}, this version reads ${SNAPSHOT_VERSION}`);
    return null;
  }
  try {
    const snapshot = deserialize(bytes.subarray(4 + bytes.readUInt32LE(0))) as EngineSnapshot;
    if (snapshot?.version !== SNAPSHOT_VERSION) throw new Error('snapshot version mismatch');
    return { fingerprint: header.fingerprint, dataDir: header.dataDir, files: header.files, snapshot: ownBuffers(snapshot) };
  } catch (err) {
    why(`unreadable: ${(err as Error).message}`);
    return null;
  }
}
