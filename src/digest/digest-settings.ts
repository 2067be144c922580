// The digest settings `npm start` uses, from the configuration (PAPERBOT_STATE, DIGEST_*).
import path from 'node:path';
import type { Config } from '../config.js';
import type { DigestSettings } from './create-digests.js';

export const DEFAULT_STATE_FILE = './state/paperbot.db';

export function digestSettings(config: Config): DigestSettings {
  return {
    file: path.resolve(config.PAPERBOT_STATE ?? DEFAULT_STATE_FILE),
    defaults: { time: config.DIGEST_DEFAULT_TIME ?? '09:00', zone: config.DIGEST_DEFAULT_ZONE ?? 'UTC' },
    ...(config.DIGEST_MAX_PAPERS !== undefined ? { maxPapers: config.DIGEST_MAX_PAPERS } : {}),
    ...(config.ARXIV_CATEGORIES ? { arxiv: { categories: config.ARXIV_CATEGORIES, baseUrl: config.ARXIV_API_URL } } : {}),
  };
}

/** Where `npm start` keeps the built index (PAPERBOT_CACHE, default beside the state file); null when "off". */
export function cacheFile(config: Config): string | null {
  if (config.PAPERBOT_CACHE?.toLowerCase() === 'off') return null;
  return path.resolve(config.PAPERBOT_CACHE ?? path.join(path.dirname(config.PAPERBOT_STATE ?? DEFAULT_STATE_FILE), 'engine.cache'));
}
