// Remembers which deliveries were already answered, so Slack's retries (HTTP x-slack-retry-num) and
// redelivered Socket Mode envelopes get an ack and nothing else. Bounded: old and excess keys go.

export interface SeenDeliveries {
  /**
   * True the first time any of `keys` is offered; false when one was seen within the TTL (a
   * redelivery). All keys are remembered either way, so a redelivery matching one key marks all.
   */
  isFirst(keys: readonly string[]): boolean;
  readonly size: number;
}

export interface SeenDeliveriesOptions {
  /** Keys kept at most; the oldest go first. Slack's retries come within minutes, so a few thousand is plenty. */
  readonly max?: number;
  /** How long a key counts as seen. Slack retries for about 5 minutes (HTTP: after 1 s, 1 min, 5 min). */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

export function createSeenDeliveries(options: SeenDeliveriesOptions = {}): SeenDeliveries {
  const max = options.max ?? 5000;
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, and keys are never refreshed, so the first entry is the oldest.
  const seenAt = new Map<string, number>();

  const prune = (time: number): void => {
    for (const [key, at] of seenAt) {
      if (time - at < ttlMs && seenAt.size <= max) break;
      seenAt.delete(key);
    }
  };

  return {
    isFirst(keys) {
      const time = now();
      prune(time);
      const seen = keys.some((key) => seenAt.has(key));
      for (const key of keys) if (!seenAt.has(key)) seenAt.set(key, time);
      prune(time);
      return !seen;
    },
    get size() {
      return seenAt.size;
    },
  };
}

/** What identifies one delivery across Slack's retries: the trigger (new per click or command) and the envelope. */
export interface DeliveryIds {
  readonly teamId: string | undefined;
  readonly triggerId: string | undefined;
  /** Socket Mode only: the envelope id, the same on every redelivery. */
  readonly envelopeId: unknown;
  /** For interactions: which action in the payload, since one trigger could carry several. */
  readonly actionTs?: string | undefined;
}

export function deliveryKeys(ids: DeliveryIds): string[] {
  const keys: string[] = [];
  if (ids.triggerId) keys.push(`trigger:${ids.teamId ?? ''}:${ids.triggerId}:${ids.actionTs ?? ''}`);
  if (typeof ids.envelopeId === 'string' && ids.envelopeId !== '') keys.push(`envelope:${ids.envelopeId}`);
  return keys;
}
