// Prometheus metrics for /metrics: commands answered, failures and latency, per platform and
// command. Each bot has its own registry, so tests (and two bots in one process) never collide.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  /** Commands answered, by platform, command and outcome (ok, rejected, failed, refused). */
  readonly commands: Counter<'platform' | 'command' | 'outcome'>;
  /** Commands that failed: the core threw, or the platform would not take the reply. */
  readonly errors: Counter<'platform' | 'command' | 'code'>;
  /** Seconds from receiving a command to the platform accepting the reply. */
  readonly latency: Histogram<'platform' | 'command'>;
  readonly inFlight: Gauge<'platform'>;
  /** Adds Node's process metrics (memory, event loop lag, handles); only a serving bot needs them. */
  collectProcessMetrics(): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  let collecting = false;
  return {
    registry,
    commands: new Counter({ name: 'paperbot_commands_total', help: 'Commands answered, by platform, command and outcome.', labelNames: ['platform', 'command', 'outcome'], registers: [registry] }),
    errors: new Counter({ name: 'paperbot_command_errors_total', help: 'Commands that failed: the core threw (internal) or the reply could not be sent (send).', labelNames: ['platform', 'command', 'code'], registers: [registry] }),
    latency: new Histogram({
      name: 'paperbot_command_duration_seconds',
      help: 'Seconds from receiving a command to the platform accepting the reply.',
      labelNames: ['platform', 'command'],
      // Discord allows 3 s for the first answer; the buckets resolve both sides of that.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
      registers: [registry],
    }),
    inFlight: new Gauge({ name: 'paperbot_commands_in_flight', help: 'Commands received and not yet answered.', labelNames: ['platform'], registers: [registry] }),
    collectProcessMetrics() {
      if (collecting) return;
      collecting = true;
      collectDefaultMetrics({ register: registry, prefix: 'paperbot_' });
    },
  };
}
