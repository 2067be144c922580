// Bolt's logger interface on top of paperbot's Logger, with secrets scrubbed: Bolt and its
// Socket Mode client log raw payloads at debug level, and those carry tokens.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

const TOKEN_PATTERNS: readonly RegExp[] = [
  /\bxox[a-z]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  // The verification token in every payload, JSON and form-encoded.
  /("token"\s*:\s*")[^"]*(")/g,
  /(\btoken=)[^&\s]+()/g,
  /(\bticket=)[^&\s"]+()/g,
];

/** Removes token-shaped strings and the given secret values from a log message. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (_match, before?: unknown, after?: unknown) =>
      typeof before === 'string' && typeof after === 'string' ? `${before}[redacted]${after}` : '[redacted]',
    );
  }
  return out;
}

function format(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (part instanceof Error) return part.message;
      if (typeof part === 'string') return part;
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(' ');
}

const RANK: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/**
 * A Bolt logger writing to `logger` as `{ source: 'bolt' }` lines. Bolt's info chatter (each
 * reconnect) goes to debug: paperbot logs its own start line.
 */
export function createBoltLogger(logger: Logger, level: LogLevel, secrets: readonly string[]): BoltLogger {
  let current = level;
  let name = 'bolt';
  const at = (msgLevel: LogLevel, write: (obj: object, msg?: string) => void) => (...parts: unknown[]) => {
    if (RANK[msgLevel] < RANK[current]) return;
    write({ source: name }, redact(format(parts), secrets));
  };
  return {
    debug: at(LogLevel.DEBUG, (obj, msg) => logger.debug(obj, msg)),
    info: at(LogLevel.INFO, (obj, msg) => logger.debug(obj, msg)),
    warn: at(LogLevel.WARN, (obj, msg) => logger.warn(obj, msg)),
    error: at(LogLevel.ERROR, (obj, msg) => logger.error(obj, msg)),
    setLevel(next) {
      current = next;
    },
    getLevel: () => current,
    setName(next) {
      name = next;
    },
  };
}
