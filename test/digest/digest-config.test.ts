// The digest and arXiv variables: parsed into settings, and bad values named with the fix.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { digestSettings } from '../../src/digest/digest-settings.js';

describe('digest configuration', () => {
  it('GIVEN the digest variables THEN the settings use them, with defaults for the rest', () => {
    const config = parseConfig({ PAPERBOT_STATE: '/var/lib/paperbot/state.db', SLACK_DIGEST_ADMINS: 'U012ABCDEF, W034GHIJKL', ARXIV_CATEGORIES: 'cs.CL, cs.CV', DIGEST_DEFAULT_ZONE: 'Europe/Berlin', DIGEST_MAX_PAPERS: '5' });
    expect(config.SLACK_DIGEST_ADMINS).toEqual(['U012ABCDEF', 'W034GHIJKL']);
    expect(digestSettings(config)).toEqual({
      file: '/var/lib/paperbot/state.db',
      defaults: { time: '09:00', zone: 'Europe/Berlin' },
      maxPapers: 5,
      arxiv: { categories: ['cs.CL', 'cs.CV'], baseUrl: undefined },
    });
    expect(digestSettings(parseConfig({})).file).toMatch(/state\/paperbot\.db$/);
  });

  it('GIVEN bad digest values THEN every problem is named at once', () => {
    expect(() => parseConfig({ SLACK_DIGEST_ADMINS: 'alice', DIGEST_DEFAULT_ZONE: 'Mars/Base', DIGEST_DEFAULT_TIME: '9am', DIGEST_MAX_PAPERS: '99', ARXIV_CATEGORIES: 'cs CL', ARXIV_API_URL: 'ftp://x' })).toThrow(
      [
        'paperbot: the configuration has 6 problems:',
        '  - SLACK_DIGEST_ADMINS must be Slack user ids separated by commas, e.g. U012ABCDEF,U034GHIJKL',
        '  - DIGEST_DEFAULT_TIME must be a time like 09:00',
        '  - DIGEST_DEFAULT_ZONE must be an IANA time zone like Europe/Berlin',
        '  - DIGEST_MAX_PAPERS must be a number from 1 to 25',
        '  - ARXIV_CATEGORIES must be arXiv categories separated by commas, e.g. cs.CL,cs.CV',
        '  - ARXIV_API_URL must be an http(s) URL',
      ].join('\n'),
    );
  });
});
