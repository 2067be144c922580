// The tracker every platform's commands go through: the outcome of each, one log line with hashed
// ids, the metrics, and draining at shutdown.
import { describe, expect, it } from 'vitest';
import type { CommandHandler } from '../../src/commands/handle.js';
import { createRecordingLogger } from '../../src/logger.js';
import { createCommandTracker, RESTARTING_MESSAGE } from '../../src/ops/command-tracker.js';
import { createIdHasher } from '../../src/ops/hash-id.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { errorReply, type Reply } from '../../src/reply.js';
import { metricValue } from '../support/metrics-text.js';

const HELP: Reply = { kind: 'help', text: 'help', commands: [] };

function setup(answer: () => Reply = () => HELP) {
  const logger = createRecordingLogger();
  const metrics = createMetrics();
  const tracker = createCommandTracker({ logger, metrics, hashId: createIdHasher('a-test-key-of-16+chars') });
  const commands: CommandHandler = { handle: () => answer() };
  const context = { platform: 'slack', userId: 'U123', channelId: 'C456' };
  return { logger, metrics, tracker, commands, context };
}

/** A promise and the function that settles it: a reply still being sent until `finish` is called. */
function deferred(): { promise: Promise<void>; finish: () => void } {
  let finish!: () => void;
  const promise = new Promise<void>((resolve) => (finish = resolve));
  return { promise, finish };
}

describe('createCommandTracker', () => {
  it('GIVEN a command answered and sent THEN one info line with command, platform, ms, outcome, reply and hashed ids', async () => {
    const { logger, tracker, commands, context } = setup();
    await tracker.run(context, commands, async (c) => void c.handle({ command: 'help', args: {} }));
    expect(logger.records).toHaveLength(1);
    const [record] = logger.records;
    expect(record).toMatchObject({ level: 'info', msg: 'command', obj: { command: 'help', platform: 'slack', outcome: 'ok', reply: 'help', ms: expect.any(Number) } });
    const obj = record?.obj as Record<string, string>;
    expect(obj['user']).toMatch(/^[0-9a-f]{16}$/);
    expect(obj['channel']).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(record)).not.toMatch(/U123|C456/);
  });

  it('GIVEN the same user twice and another user THEN the same hash, and a different one', async () => {
    const { logger, tracker, commands, context } = setup();
    const help = async (c: CommandHandler) => void c.handle({ command: 'help', args: {} });
    await tracker.run(context, commands, help);
    await tracker.run(context, commands, help);
    await tracker.run({ ...context, userId: 'U999' }, commands, help);
    const users = logger.records.map((r) => (r.obj as Record<string, string>)['user']);
    expect(users[0]).toBe(users[1]);
    expect(users[2]).not.toBe(users[0]);
  });

  it('GIVEN an expected error, a core failure, a failed send and an adapter-only answer THEN rejected, failed (internal), failed (send) and rejected', async () => {
    const m = setup(() => errorReply('not_found', 'No paper matches.'));
    await m.tracker.run(m.context, m.commands, async (c) => void c.handle({ command: 'paper', args: { name: 'x' } }));
    const internal = setup(() => errorReply('internal', 'Sorry'));
    await internal.tracker.run(internal.context, internal.commands, async (c) => void c.handle({ command: 'ask', args: { question: 'q' } }));
    const send = setup();
    await expect(send.tracker.run(send.context, send.commands, async (c) => {
      c.handle({ command: 'search', args: { query: 'q' } });
      throw new Error('response_url answered 500');
    })).rejects.toThrow('response_url answered 500');
    const adapterOnly = setup();
    await adapterOnly.tracker.run(adapterOnly.context, adapterOnly.commands, async () => undefined);

    expect(m.logger.records[0]?.obj).toMatchObject({ command: 'paper', outcome: 'rejected', code: 'not_found' });
    expect(internal.logger.records[0]).toMatchObject({ level: 'warn', msg: 'command failed', obj: { command: 'ask', outcome: 'failed', code: 'internal' } });
    expect(send.logger.records[0]).toMatchObject({ level: 'warn', obj: { command: 'search', outcome: 'failed', code: 'send' } });
    expect(adapterOnly.logger.records[0]?.obj).toMatchObject({ command: 'unknown', outcome: 'rejected', code: 'unknown_command' });

    const text = async (s: ReturnType<typeof setup>) => s.metrics.registry.metrics();
    expect(metricValue(await text(m), 'paperbot_commands_total', { platform: 'slack', command: 'paper', outcome: 'rejected' })).toBe(1);
    expect(metricValue(await text(internal), 'paperbot_command_errors_total', { platform: 'slack', command: 'ask', code: 'internal' })).toBe(1);
    expect(metricValue(await text(send), 'paperbot_command_errors_total', { platform: 'slack', command: 'search', code: 'send' })).toBe(1);
    expect(metricValue(await text(send), 'paperbot_command_duration_seconds_count', { platform: 'slack', command: 'search' })).toBe(1);
  });

  it('GIVEN the core throws THEN the error reaches the adapter and the outcome is failed (internal)', async () => {
    const { logger, tracker, context } = setup();
    const throwing: CommandHandler = {
      handle() {
        throw new Error('bug');
      },
    };
    await expect(tracker.run(context, throwing, async (c) => void c.handle({ command: 'related', args: { paper: 'x' } }))).rejects.toThrow('bug');
    expect(logger.records[0]?.obj).toMatchObject({ command: 'related', outcome: 'failed', code: 'internal' });
  });

  it('GIVEN a command name nobody defined THEN its label is "unknown", so chat input cannot add label values', async () => {
    const { metrics, tracker, commands, context } = setup();
    await tracker.run(context, commands, async (c) => void c.handle({ command: 'drop-table-users' } as never));
    expect(metricValue(await metrics.registry.metrics(), 'paperbot_commands_total', { platform: 'slack', command: 'unknown', outcome: 'ok' })).toBe(1);
  });

  it('GIVEN a command in flight WHEN draining THEN new commands are answered "restarting" without running, and drain resolves once the first is sent', async () => {
    const { logger, metrics, tracker, context } = setup();
    let ran = 0;
    const counting: CommandHandler = {
      handle() {
        ran += 1;
        return HELP;
      },
    };
    const sending = deferred();
    const first = tracker.run(context, counting, async (c) => {
      c.handle({ command: 'help', args: {} });
      await sending.promise;
    });
    expect(tracker.inFlight).toBe(1);
    expect(metricValue(await metrics.registry.metrics(), 'paperbot_commands_in_flight', { platform: 'slack' })).toBe(1);

    const drained = tracker.drain(60_000);
    expect(tracker.accepting).toBe(false);
    const late = await tracker.run(context, counting, async (c) => c.handle({ command: 'paper', args: { name: 'x' } }));
    expect(late).toEqual(errorReply('shutting_down', RESTARTING_MESSAGE));
    expect(ran).toBe(1);

    sending.finish();
    await first;
    expect(await drained).toBe(true);
    expect(tracker.inFlight).toBe(0);
    expect(logger.records.map((r) => (r.obj as Record<string, string>)['outcome'])).toEqual(['refused', 'ok']);
  });

  it('GIVEN a command that never finishes WHEN draining with a short timeout THEN drain resolves false', async () => {
    const { tracker, commands, context } = setup();
    void tracker.run(context, commands, () => new Promise<void>(() => undefined));
    expect(await tracker.drain(20)).toBe(false);
    expect(tracker.inFlight).toBe(1);
  });

  it('GIVEN nothing in flight WHEN draining THEN it resolves true at once', async () => {
    const { tracker } = setup();
    expect(await tracker.drain(60_000)).toBe(true);
  });
});

describe('createIdHasher', () => {
  it('GIVEN a key THEN hashes are stable across hashers and differ per platform; without a key they differ per hasher', () => {
    const a = createIdHasher('a-test-key-of-16+chars');
    const b = createIdHasher('a-test-key-of-16+chars');
    expect(a('slack', 'U1')).toBe(b('slack', 'U1'));
    expect(a('slack', 'U1')).not.toBe(a('discord', 'U1'));
    expect(createIdHasher('another-key-of-16+chars')('slack', 'U1')).not.toBe(a('slack', 'U1'));
    expect(createIdHasher()('slack', 'U1')).not.toBe(createIdHasher()('slack', 'U1'));
    expect(a('slack', undefined)).toBeUndefined();
  });
});
