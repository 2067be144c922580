// SIGTERM and SIGINT for a serving bot: the first starts a graceful shutdown that must finish
// within the deadline; a second one, or a shutdown that hangs, exits at once.
import type { Logger } from '../logger.js';

export type ShutdownSignal = 'SIGTERM' | 'SIGINT';

/** The conventional exit status for death by a signal: 128 + its number (SIGINT 130, SIGTERM 143). */
export const SIGNAL_EXIT_CODES: Record<ShutdownSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export interface ShutdownSignals {
  /** Resolves with the first SIGTERM or SIGINT. */
  readonly first: Promise<ShutdownSignal>;
  /** Stops listening and cancels the deadline (after a clean shutdown). */
  dispose(): void;
}

export interface SignalOptions {
  logger: Logger;
  /** From the first signal to a forced exit. */
  deadlineMs: number;
  /** process.exit in production; tests record the code instead. */
  exit: (code: number) => void;
  /** process in production; tests pass an emitter. */
  source?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export function watchSignals(options: SignalOptions): ShutdownSignals {
  const source = options.source ?? process;
  let received: ShutdownSignal | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let resolveFirst!: (signal: ShutdownSignal) => void;
  const first = new Promise<ShutdownSignal>((resolve) => (resolveFirst = resolve));

  const onSignal = (signal: ShutdownSignal) => {
    if (received !== undefined) {
      options.logger.warn({ signal, first: received }, 'shutdown: second signal; exiting now without finishing');
      options.exit(SIGNAL_EXIT_CODES[signal]);
      return;
    }
    received = signal;
    deadline = setTimeout(() => {
      options.logger.error({ signal, deadlineMs: options.deadlineMs }, 'shutdown: not finished within the deadline; exiting now');
      options.exit(1);
    }, options.deadlineMs);
    // The deadline only matters while something else keeps the process alive.
    deadline.unref();
    resolveFirst(signal);
  };
  const onTerm = () => onSignal('SIGTERM');
  const onInt = () => onSignal('SIGINT');
  source.on('SIGTERM', onTerm);
  source.on('SIGINT', onInt);

  return {
    first,
    dispose() {
      source.off('SIGTERM', onTerm);
      source.off('SIGINT', onInt);
      if (deadline !== undefined) clearTimeout(deadline);
    },
  };
}
