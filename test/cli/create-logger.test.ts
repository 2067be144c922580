// The production logger: secret variables redacted by key wherever a config-like object is logged,
// secret values scrubbed from messages and errors, JSON lines, pretty lines for a terminal.
import { describe, expect, it } from 'vitest';
import { createLogger, REDACT_PATHS, scrubSecrets } from '../../src/cli/create-logger.js';
import { parseConfig, SECRET_VARIABLES, secretValues } from '../../src/config.js';

const ENV = {
  DISCORD_TOKEN: 'discord-token-value-0001',
  DISCORD_APP_ID: '123456789012',
  SLACK_BOT_TOKEN: 'xoxb-slack-bot-value-0002',
  SLACK_APP_TOKEN: 'xapp-slack-app-value-0003',
  SLACK_SIGNING_SECRET: 'signing-secret-value-0004',
  LOG_HASH_KEY: 'hash-key-value-0005-abcdef',
};

function capture(secrets: readonly string[] = [], pretty = false) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', pretty, secrets, destination: { write: (line) => lines.push(line) } });
  return { logger, lines };
}

describe('createLogger', () => {
  it('GIVEN the parsed config logged whole, nested, or as request headers THEN every secret variable is [Redacted] by key alone', () => {
    // No secret values passed: this is pino `redact` on its own.
    const { logger, lines } = capture([]);
    const config = parseConfig(ENV);
    logger.info({ config }, 'configuration');
    logger.info({ ...config }, 'flat');
    logger.info({ deploy: { settings: config } }, 'nested');
    logger.info({ req: { headers: { authorization: `Bot ${ENV.DISCORD_TOKEN}` } }, token: ENV.SLACK_BOT_TOKEN }, 'request');
    const text = lines.join('');
    for (const value of Object.values(ENV).filter((v) => v !== ENV.DISCORD_APP_ID)) expect(text).not.toContain(value);
    expect(JSON.parse(lines[0] ?? '{}').config).toMatchObject({ DISCORD_TOKEN: '[Redacted]', SLACK_SIGNING_SECRET: '[Redacted]', DISCORD_APP_ID: '123456789012' });
    expect(REDACT_PATHS).toEqual(expect.arrayContaining(SECRET_VARIABLES.flatMap((k) => [k, `*.${k}`, `*.*.${k}`])));
  });

  it('GIVEN a secret value inside a message, an error or an unlisted key THEN it is scrubbed from the line', () => {
    const { logger, lines } = capture(secretValues(parseConfig(ENV)));
    logger.error({ err: new Error(`401 for token ${ENV.DISCORD_TOKEN}`), url: `https://x/?t=${ENV.SLACK_APP_TOKEN}` }, `login failed with ${ENV.SLACK_BOT_TOKEN}`);
    logger.warn({ note: ENV.LOG_HASH_KEY, quoted: `"${ENV.SLACK_SIGNING_SECRET}"` }, 'odd places');
    const text = lines.join('');
    for (const value of Object.values(ENV).filter((v) => v !== ENV.DISCORD_APP_ID)) expect(text).not.toContain(value);
    expect(JSON.parse(lines[0] ?? '{}').msg).toBe('login failed with [Redacted]');
  });

  it('GIVEN not a terminal THEN one JSON object per line; GIVEN a terminal THEN pino-pretty lines', () => {
    const json = capture();
    json.logger.info({ command: 'paper' }, 'command');
    expect(json.lines).toHaveLength(1);
    expect(JSON.parse(json.lines[0] ?? '')).toMatchObject({ level: 30, command: 'paper', msg: 'command' });
    const pretty = capture([], true);
    pretty.logger.info({ command: 'paper' }, 'command');
    expect(pretty.lines[0]).toMatch(/INFO.*command/);
    expect(pretty.lines[0]).not.toMatch(/^\{/);
  });

  it('GIVEN LOG_LEVEL warn THEN info lines are not written', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', pretty: false, secrets: [], destination: { write: (line) => lines.push(line) } });
    logger.info({}, 'quiet');
    logger.warn({}, 'loud');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });
});

describe('scrubSecrets', () => {
  it('GIVEN a secret with characters JSON escapes THEN its escaped form is scrubbed too; short values are left alone', () => {
    expect(scrubSecrets(JSON.stringify({ m: 'a"b\\c-secret' }), ['a"b\\c-secret'])).toBe('{"m":"[Redacted]"}');
    expect(scrubSecrets('an ordinary word', ['word'])).toBe('an ordinary word');
  });
});
