// A digest scheduler over the seed corpus with a real SQLite file, a settable clock and a post
// port that records what it was given.
import { openState } from '../../src/state/open-state.js';
import { createStateStore, type StateStore } from '../../src/state/state-store.js';
import { createDigestScheduler, type DigestScheduler, type PostPort } from '../../src/digest/scheduler.js';
import { silentLogger } from '../../src/logger.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Reply } from '../../src/reply.js';

export interface Clockwork {
  now: Date;
  set(iso: string): void;
}

export function createClockwork(iso: string): Clockwork {
  const c = { now: new Date(iso), set: (t: string) => (c.now = new Date(t)) };
  return c;
}

export interface DigestProcess {
  store: StateStore;
  scheduler: DigestScheduler;
  posts: Array<{ channel: string; reply: Reply }>;
}

export function startProcess(options: { file: string; engine: Engine; clock: Clockwork; id: string; post?: PostPort; maxPapers?: number; platform?: string; isHolderAlive?: (id: string) => boolean }): DigestProcess {
  const store = createStateStore(openState(options.file));
  const posts: DigestProcess['posts'] = [];
  const scheduler = createDigestScheduler({
    store,
    engine: () => options.engine,
    clock: () => options.clock.now,
    logger: silentLogger,
    processId: options.id,
    leaseMs: 10 * 60_000,
    ...(options.isHolderAlive ? { isHolderAlive: options.isHolderAlive } : {}),
    ...(options.maxPapers ? { maxPapers: options.maxPapers } : {}),
  });
  scheduler.connect(options.platform ?? 'slack', options.post ?? (async (channel, reply) => void posts.push({ channel, reply })));
  return { store, scheduler, posts };
}

export function digestIds(reply: Reply | undefined): string[] {
  return reply?.kind === 'digest' ? reply.items.map((i) => i.paper.id) : [];
}
