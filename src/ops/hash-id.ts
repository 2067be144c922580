// Pseudonyms for user and channel ids in logs: a keyed hash, so a log reader can follow one user
// through a run without learning who it is, and cannot confirm a guess without the key.
import { createHmac, randomBytes } from 'node:crypto';

export type IdHasher = (platform: string, id: string | undefined) => string | undefined;

/** With no key, a random one: hashes then match only within one run of the bot. */
export function createIdHasher(key?: string): IdHasher {
  const secret = key ?? randomBytes(32).toString('hex');
  return (platform, id) => (id === undefined || id === '' ? undefined : createHmac('sha256', secret).update(`${platform}:${id}`).digest('hex').slice(0, 16));
}
