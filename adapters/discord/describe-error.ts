// What gets logged about a failure: enough to act on, and never a secret. Discord's REST errors
// carry the request URL, which for interaction callbacks contains the interaction token.
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

export interface LoggedError {
  name: string;
  message: string;
  code?: number | string;
  status?: number;
  method?: string;
  stack?: string;
}

export function describeError(err: unknown): LoggedError {
  if (err instanceof DiscordAPIError) return { name: err.name, message: err.message, code: err.code, status: err.status, method: err.method };
  if (err instanceof HTTPError) return { name: err.name, message: err.message, status: err.status, method: err.method };
  if (err instanceof RateLimitError) return { name: err.name, message: `rate limited for ${err.timeToReset} ms on ${err.route}`, method: err.method };
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, message: err.message, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}), ...(err.stack ? { stack: err.stack } : {}) };
  }
  return { name: 'NonError', message: String(err) };
}
