// Errors that are not expected outcomes: each has a stable string code and keeps its cause.
// Expected outcomes ("no such paper", "bad filter") are values in replies, not exceptions.

export class PaperbotError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PaperbotError';
    this.code = code;
  }
}

/** Wraps anything thrown into a PaperbotError, keeping the original as the cause. */
export function asPaperbotError(err: unknown, code = 'internal'): PaperbotError {
  if (err instanceof PaperbotError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new PaperbotError(code, message, { cause: err });
}
