// The Discord adapter's readiness for /readyz: ready while the gateway session is, not after stop().
import { describe, expect, it } from 'vitest';
import { startHarness, useDiscordHarness } from './harness.js';

useDiscordHarness();

describe('the Discord adapter isReady()', () => {
  it('GIVEN the bot logged in to the gateway THEN ready; after stop THEN not', async () => {
    const { adapter } = await startHarness();
    expect(adapter.isReady()).toBe(true);
    await adapter.stop();
    expect(adapter.isReady()).toBe(false);
  });
});
