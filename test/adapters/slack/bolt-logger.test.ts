// Bolt's log lines reach paperbot's logger at the right level, and never carry a token.
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createBoltLogger, redact } from '../../../adapters/slack/bolt-logger.js';
import { createRecordingLogger } from '../../../src/logger.js';

describe('the Bolt logger', () => {
  it('GIVEN tokens, a verification token and a socket ticket in a message THEN all are redacted', () => {
    const text = 'token xoxb-123-456-abc and xapp-1-A1-xyz {"token":"verif","text":"hi"} token=abc&x=1 ws://h/link/?ticket=t-1&app_id=A1';
    expect(redact(text)).toBe('token [redacted] and [redacted] {"token":"[redacted]","text":"hi"} token=[redacted]&x=1 ws://h/link/?ticket=[redacted]&app_id=A1');
  });

  it('GIVEN a configured secret THEN its value is redacted wherever it appears', () => {
    expect(redact('signing with my-signing-secret now', ['my-signing-secret'])).toBe('signing with [redacted] now');
  });

  it('GIVEN level INFO THEN debug is dropped, info goes to debug, warn and error keep their level', () => {
    const logger = createRecordingLogger();
    const bolt = createBoltLogger(logger, LogLevel.INFO, []);
    bolt.debug('noise');
    bolt.info('Now connected', 'to Slack');
    bolt.warn(new Error('pong late'));
    bolt.error({ code: 'x' });
    expect(logger.records).toEqual([
      { level: 'debug', obj: { source: 'bolt' }, msg: 'Now connected to Slack' },
      { level: 'warn', obj: { source: 'bolt' }, msg: 'pong late' },
      { level: 'error', obj: { source: 'bolt' }, msg: '{"code":"x"}' },
    ]);
    bolt.setLevel(LogLevel.DEBUG);
    bolt.debug('now shown');
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
    expect(logger.records.at(-1)).toEqual({ level: 'debug', obj: { source: 'bolt' }, msg: 'now shown' });
  });
});
