import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('GIVEN nothing set THEN an empty config (the terminal chat)', () => {
    const c = parseConfig({});
    expect(c.DISCORD_TOKEN).toBeUndefined();
    expect(c.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('GIVEN empty strings THEN they count as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '  ', PORT: '' })).toMatchObject({ DISCORD_TOKEN: undefined, SLACK_BOT_TOKEN: undefined, PORT: undefined });
  });

  it('GIVEN valid Discord and Slack settings THEN they are parsed', () => {
    const c = parseConfig({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '123456789012', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '3000' });
    expect(c).toMatchObject({ DISCORD_APP_ID: '123456789012', PORT: 3000 });
  });

  it('GIVEN several problems THEN all of them, each naming its variable', () => {
    try {
      parseConfig({ PORT: 'eighty', SLACK_APP_TOKEN: 'xoxb-wrong', DISCORD_API_URL: 'not a url' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([
        'DISCORD_API_URL must be an http(s) URL',
        'SLACK_APP_TOKEN must be an app-level token starting with xapp-',
        'PORT must be a port number from 1 to 65535',
        'SLACK_BOT_TOKEN is required with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET',
      ]);
    }
  });
});
