// /digest through the core command layer: parsing the text form, permissions, validation, and
// what each action answers.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/commands/handle.js';
import { parseDigestText, parseText } from '../../src/commands/parse-text.js';
import { createDigests, type Digests } from '../../src/digest/create-digests.js';
import type { CommandContext } from '../../src/digest/digest-commands.js';
import type { Engine } from '../../src/engine/engine.js';
import { silentLogger } from '../../src/logger.js';
import { isPrivate } from '../../src/reply.js';
import { seed } from '../support/seed.js';
import { tempDir } from '../support/temp-state.js';

let engine: Engine;
beforeAll(async () => {
  engine = (await seed()).engine;
});
const open: Array<{ digests: Digests; remove: () => void }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.digests.close();
    o.remove();
  }
});

const manager: CommandContext = { platform: 'discord', channel: '123', user: 'u1', canManage: true };
const member: CommandContext = { ...manager, canManage: false, whoCanManage: 'members with the Manage Channels permission' };

function setup() {
  const dir = tempDir();
  const now = new Date('2026-11-22T12:00:00Z');
  const digests = createDigests({ file: dir.file('state.db'), autoStart: false }, { engine: () => engine, clock: () => now, logger: silentLogger, reload: async () => undefined });
  open.push({ digests, remove: dir.remove });
  return { digests, handler: createCommandHandler(engine, silentLogger, { digests: digests.commands }) };
}

describe('/digest', () => {
  it('GIVEN its text forms THEN each becomes the right action', () => {
    expect(parseDigestText('subscribe mixture-of-experts has:code')).toEqual({ command: 'digest', args: { action: 'subscribe', topic: 'mixture-of-experts has:code' } });
    expect(parseDigestText('subscribe')).toEqual({ command: 'digest', args: { action: 'subscribe' } });
    expect(parseDigestText('time 09:00 Europe/Berlin')).toEqual({ command: 'digest', args: { action: 'time', time: '09:00', zone: 'Europe/Berlin' } });
    expect(parseDigestText('quiet on')).toEqual({ command: 'digest', args: { action: 'quiet', quiet: 'on' } });
    expect(parseText('/digest status')).toEqual({ ok: true, input: { command: 'digest', args: { action: 'status' } } });
  });

  it('GIVEN no state store (the terminal chat) THEN digests are explained, not crashed', () => {
    const reply = createCommandHandler(engine, silentLogger).handle({ command: 'digest', args: { action: 'status' } });
    expect(reply).toMatchObject({ kind: 'error', code: 'digest_unavailable' });
  });

  it('GIVEN a member who may not manage the channel THEN changes are refused but status and preview work', () => {
    const { handler } = setup();
    expect(handler.handle({ command: 'digest', args: { action: 'subscribe' } }, member)).toMatchObject({
      kind: 'error',
      message: 'Only members with the Manage Channels permission can change this channel\'s digest. /digest preview and /digest status work for everyone.',
    });
    expect(handler.handle({ command: 'digest', args: { action: 'status' } }, member)).toMatchObject({ kind: 'notice' });
  });

  it('GIVEN a manager THEN subscribe, time, quiet, status and unsubscribe each answer privately and take effect', () => {
    const { handler, digests } = setup();
    const run = (args: Record<string, string>) => handler.handle({ command: 'digest', args } as never, manager);
    expect(run({ action: 'subscribe', topic: 'category:NOPE' })).toMatchObject({ kind: 'error', code: 'bad_filter' });
    const sub = run({ action: 'subscribe', topic: 'has:code' });
    expect(sub).toEqual({ kind: 'notice', text: 'Subscribed: this channel gets new papers matching “has:code”, daily at 09:00 UTC. Next digest: 2026-11-23 at 09:00 UTC. Change the time with /digest time 09:00 Europe/Berlin.' });
    expect(isPrivate(sub)).toBe(true);
    expect(run({ action: 'time', time: '7:30', zone: 'America/New_York' })).toEqual({ kind: 'notice', text: 'The digest now posts daily at 07:30 America/New_York. Next digest: 2026-11-22 at 07:30 America/New_York.' });
    expect(run({ action: 'quiet', quiet: 'maybe' })).toMatchObject({ kind: 'error', code: 'bad_input' });
    expect(run({ action: 'quiet', quiet: 'on' })).toMatchObject({ kind: 'notice' });
    expect(digests.store.subscription(manager)).toMatchObject({ topic: 'has:code', time: '07:30', zone: 'America/New_York', quiet: true });
    expect(run({ action: 'status' })).toEqual({ kind: 'notice', text: 'This channel gets new papers matching “has:code”, daily at 07:30 America/New_York, nothing on quiet days. Next digest: 2026-11-22 at 07:30 America/New_York. No digest posted yet.' });
    const preview = run({ action: 'preview' });
    expect(preview).toMatchObject({ kind: 'digest', preview: true, total: 0 });
    expect(isPrivate(preview)).toBe(true);
    expect(run({ action: 'unsubscribe' })).toMatchObject({ kind: 'notice', text: 'Unsubscribed: this channel gets no more digests.' });
    expect(run({ action: 'unsubscribe' })).toMatchObject({ kind: 'error', code: 'not_subscribed' });
  });
});

describe('a claim holder on this machine', () => {
  it('GIVEN this process, a pid that is not running, or another host THEN alive, gone, and trusted to the lease', async () => {
    const { hostname } = await import('node:os');
    const { isHolderAlive } = await import('../../src/digest/create-digests.js');
    expect(isHolderAlive(`${hostname()}:${process.pid}:earlier-run`)).toBe(false);
    expect(isHolderAlive(`${hostname()}:999999999:x`)).toBe(false);
    expect(isHolderAlive(`${hostname()}:${process.ppid}:x`)).toBe(true);
    expect(isHolderAlive('some-other-host:1:x')).toBe(true);
  });
});
