// The memory of answered deliveries: a redelivery is recognised by any of its keys, memory is
// bounded in size and in time.
import { describe, expect, it } from 'vitest';
import { createSeenDeliveries, deliveryKeys } from '../../../adapters/slack/dedupe.js';

describe('seen deliveries', () => {
  it('GIVEN the same trigger again THEN it is not first; a new trigger is', () => {
    const seen = createSeenDeliveries();
    expect(seen.isFirst(['trigger:T:1'])).toBe(true);
    expect(seen.isFirst(['trigger:T:1'])).toBe(false);
    expect(seen.isFirst(['trigger:T:2'])).toBe(true);
  });

  it('GIVEN a redelivery that matches only by envelope id THEN it is recognised', () => {
    const seen = createSeenDeliveries();
    expect(seen.isFirst(deliveryKeys({ teamId: 'T', triggerId: 'a', envelopeId: 'env-1' }))).toBe(true);
    expect(seen.isFirst(deliveryKeys({ teamId: 'T', triggerId: undefined, envelopeId: 'env-1' }))).toBe(false);
    expect(seen.isFirst(deliveryKeys({ teamId: 'T', triggerId: 'a', envelopeId: 'env-2' }))).toBe(false);
  });

  it('GIVEN no ids at all THEN nothing can be matched, so it is always answered', () => {
    const seen = createSeenDeliveries();
    expect(deliveryKeys({ teamId: 'T', triggerId: undefined, envelopeId: undefined })).toEqual([]);
    expect(seen.isFirst([])).toBe(true);
    expect(seen.isFirst([])).toBe(true);
  });

  it('GIVEN more keys than the maximum THEN the oldest are forgotten and the size stays bounded', () => {
    const seen = createSeenDeliveries({ max: 100 });
    for (let i = 0; i < 1000; i++) seen.isFirst([`k${i}`]);
    expect(seen.size).toBe(100);
    expect(seen.isFirst(['k999'])).toBe(false);
    expect(seen.isFirst(['k0'])).toBe(true);
  });

  it('GIVEN the TTL has passed THEN a key counts as new again and old keys are dropped', () => {
    let now = 0;
    const seen = createSeenDeliveries({ ttlMs: 1000, now: () => now });
    seen.isFirst(['a']);
    now = 999;
    expect(seen.isFirst(['a'])).toBe(false);
    seen.isFirst(['b']);
    now = 1500;
    expect(seen.isFirst(['a'])).toBe(true);
    expect(seen.size).toBe(2);
  });

  it('GIVEN a click THEN its key includes the action timestamp', () => {
    expect(deliveryKeys({ teamId: 'T1', triggerId: 'tr', envelopeId: 'e', actionTs: '17.1' })).toEqual(['trigger:T1:tr:17.1', 'envelope:e']);
  });
});
