// The per-user limit: a token bucket per user that refills over time, a bounded memory of users,
// and the tracker answering "slow down" to one user while another is still answered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandHandler } from '../../src/commands/handle.js';
import { createRecordingLogger } from '../../src/logger.js';
import { createCommandTracker } from '../../src/ops/command-tracker.js';
import { createIdHasher } from '../../src/ops/hash-id.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { createRateLimiter } from '../../src/ops/rate-limit.js';
import type { Reply } from '../../src/reply.js';

const HELP: Reply = { kind: 'help', text: 'help', commands: [] };

describe('createRateLimiter', () => {
  it('GIVEN 5 per minute THEN a burst of 5 passes, the 6th is told when to retry, and a token returns after 12 seconds', () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 5, now: () => t });
    for (let i = 0; i < 5; i++) expect(limiter.take('u1')).toEqual({ ok: true });
    expect(limiter.take('u1')).toEqual({ ok: false, retryAfterSeconds: 12 });
    t += 12_000;
    expect(limiter.take('u1')).toEqual({ ok: true });
    expect(limiter.take('u1')).toMatchObject({ ok: false });
  });

  it('GIVEN any sequence of users THEN it never remembers more than maxUsers, and the one pushed out starts full', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (users, maxUsers) => {
        const limiter = createRateLimiter({ perMinute: 2, maxUsers, now: () => 0 });
        for (const u of users) {
          limiter.take(`u${u}`);
          expect(limiter.size).toBeLessThanOrEqual(maxUsers);
        }
      }),
    );
    const limiter = createRateLimiter({ perMinute: 1, maxUsers: 2, now: () => 0 });
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    limiter.take('b');
    limiter.take('c'); // pushes out a, the least recently seen
    expect(limiter.take('a').ok).toBe(true);
  });
});

describe('the command tracker with a rate limit', () => {
  it('GIVEN a burst of 100 commands from one user THEN past the limit each is told to slow down, privately, while another user is still answered', async () => {
    const logger = createRecordingLogger();
    const tracker = createCommandTracker({ logger, metrics: createMetrics(), hashId: createIdHasher('a-test-key-of-16+chars'), rateLimiter: createRateLimiter({ perMinute: 20, now: () => 0 }) });
    const commands: CommandHandler = { handle: () => HELP };
    const ask = (userId: string) => tracker.run({ platform: 'slack', userId, channelId: 'C1' }, commands, async (c) => c.handle({ command: 'help', args: {} }));
    const burst = await Promise.all(Array.from({ length: 100 }, () => ask('U0SPAM')));
    expect(burst.filter((r) => r.kind === 'help')).toHaveLength(20);
    const limited = burst.filter((r) => r.kind === 'error');
    expect(limited).toHaveLength(80);
    expect(limited[0]).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^Slow down a little: .* Try again in 3 seconds\.$/) });
    expect(await ask('U0OTHER')).toBe(HELP);
    expect(logger.records.filter((r) => (r.obj as { code?: string }).code === 'rate_limited')).toHaveLength(80);
  });
});
