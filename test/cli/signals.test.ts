// Signals for a serving bot: the first starts the shutdown, a second exits at once with 128+signo,
// and a shutdown that outlives its deadline is cut short with exit 1.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { watchSignals } from '../../src/cli/signals.js';
import { createRecordingLogger } from '../../src/logger.js';

function setup(deadlineMs = 60_000) {
  const source = new EventEmitter();
  const exits: number[] = [];
  const logger = createRecordingLogger();
  const signals = watchSignals({ logger, deadlineMs, exit: (code) => exits.push(code), source: source as unknown as Pick<NodeJS.Process, 'on' | 'off'> });
  return { source, exits, logger, signals };
}

describe('watchSignals', () => {
  it('GIVEN SIGTERM THEN the first signal resolves and nothing exits yet', async () => {
    const { source, exits, signals } = setup();
    source.emit('SIGTERM');
    expect(await signals.first).toBe('SIGTERM');
    expect(exits).toEqual([]);
    signals.dispose();
  });

  it('GIVEN a second signal THEN it exits at once: 130 for SIGINT, 143 for SIGTERM', async () => {
    const a = setup();
    a.source.emit('SIGTERM');
    a.source.emit('SIGINT');
    expect(a.exits).toEqual([130]);
    const b = setup();
    b.source.emit('SIGINT');
    b.source.emit('SIGTERM');
    expect(b.exits).toEqual([143]);
    expect(b.logger.records.map((r) => r.msg)).toEqual(['shutdown: second signal; exiting now without finishing']);
    a.signals.dispose();
    b.signals.dispose();
  });

  it('GIVEN the shutdown outlives the deadline THEN exit 1 with an error line; disposed in time THEN no exit', () => {
    vi.useFakeTimers();
    try {
      const late = setup(10_000);
      late.source.emit('SIGTERM');
      vi.advanceTimersByTime(9_999);
      expect(late.exits).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(late.exits).toEqual([1]);
      expect(late.logger.records.map((r) => r.level)).toEqual(['error']);

      const onTime = setup(10_000);
      onTime.source.emit('SIGTERM');
      onTime.signals.dispose();
      vi.advanceTimersByTime(20_000);
      onTime.source.emit('SIGTERM');
      expect(onTime.exits).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
