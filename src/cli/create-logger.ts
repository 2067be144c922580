// Creates the pino logger the program writes to standard error: JSON lines, or pretty lines in a
// terminal. Secrets are kept out twice: pino `redact` by key, then by value on every finished line.
import pino, { type Logger as PinoLogger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { SECRET_VARIABLES } from '../config.js';

/** Keys whose values are secret wherever they appear: the config's own names and the usual suspects. */
const SECRET_KEYS = [...SECRET_VARIABLES, 'token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'password', 'secret', 'authorization', 'cookie'];

/** pino redact paths: each secret key at the top level and up to two objects deep (e.g. `config.DISCORD_TOKEN`, `req.headers.authorization`). */
export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export const REDACTED = '[Redacted]';

/** Replaces every occurrence of a secret value, raw or JSON-escaped, in a finished log line. */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) {
    // Very short values would mangle ordinary words; no real token or key is that short.
    if (secret.length < 6) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) out = out.split(form).join(REDACTED);
  }
  return out;
}

export interface LoggerOptions {
  level: string;
  /** Human-readable lines (pino-pretty) instead of JSON: for a terminal. */
  pretty: boolean;
  /** Values to scrub from every line: the configured tokens and keys. */
  secrets: readonly string[];
  /** Where lines go; default standard error, written synchronously so nothing is lost at exit. */
  destination?: { write(line: string): unknown };
}

export function createLogger(options: LoggerOptions): PinoLogger {
  const out = options.destination ?? pino.destination({ dest: 2, sync: true });
  const prettify = options.pretty ? prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss' }) : undefined;
  const stream = {
    write(line: string) {
      const clean = scrubSecrets(line, options.secrets);
      out.write(prettify ? prettify(clean) : clean);
    },
  };
  return pino({ level: options.level, redact: { paths: [...REDACT_PATHS], censor: REDACTED } }, stream);
}
