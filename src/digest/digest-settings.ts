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
