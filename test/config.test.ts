import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, parseConfig } from '../src/config.js';
import { ROOT } from './support/seed.js';

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

describe('parseConfig: the health server and logs (issue 7)', () => {
  it('GIVEN HEALTH_PORT, HEALTH_HOST and LOG_HASH_KEY THEN they are parsed; unset THEN undefined (defaults apply later)', () => {
    expect(parseConfig({ HEALTH_PORT: '9090', HEALTH_HOST: '127.0.0.1', LOG_HASH_KEY: '0123456789abcdef' })).toMatchObject({ HEALTH_PORT: 9090, HEALTH_HOST: '127.0.0.1', LOG_HASH_KEY: '0123456789abcdef' });
    expect(parseConfig({ HEALTH_PORT: '0' }).HEALTH_PORT).toBe(0);
    expect(parseConfig({ HEALTH_PORT: ' ', HEALTH_HOST: '' })).toMatchObject({ HEALTH_PORT: undefined, HEALTH_HOST: undefined });
  });

  it('GIVEN a bad port, host and key THEN each is named with what to do', () => {
    expect(() => parseConfig({ HEALTH_PORT: '70000', HEALTH_HOST: 'a b', LOG_HASH_KEY: 'short' })).toThrow(ConfigError);
    try {
      parseConfig({ HEALTH_PORT: '70000', HEALTH_HOST: 'a b', LOG_HASH_KEY: 'short' });
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([
        'HEALTH_PORT must be a port number from 0 to 65535 (0 picks a free port), e.g. 8080',
        'HEALTH_HOST must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0',
        'LOG_HASH_KEY must be at least 16 characters; generate one with `openssl rand -hex 16`',
      ]);
    }
  });

  it('GIVEN Slack HTTP mode on the health port THEN a problem naming both; Socket Mode or another port THEN none', () => {
    const http = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(() => parseConfig({ ...http, PORT: '8080' })).toThrow('HEALTH_PORT (default 8080) and PORT');
    expect(() => parseConfig({ ...http, HEALTH_PORT: '3000' })).toThrow('are both 3000');
    expect(parseConfig({ ...http, PORT: '8080', HEALTH_PORT: '9090' }).PORT).toBe(8080);
    expect(parseConfig({ ...http, SLACK_APP_TOKEN: 'xapp-1', PORT: '8080' }).PORT).toBe(8080);
  });

  it('GIVEN LOG_LEVEL misspelt THEN the problem lists the levels', () => {
    expect(() => parseConfig({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent');
  });
});

describe('.env.example', () => {
  it('GIVEN the configuration schema THEN .env.example lists every variable it reads, and no other', () => {
    const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(configSchema.shape).sort());
  });
});
